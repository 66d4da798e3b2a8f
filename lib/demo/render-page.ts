/**
 * Renders source documents as plain, readable local article pages: the pages
 * `npm start` serves, the E2E tests open and the README screenshots show, so
 * what a new user sees is what the tests check.
 *
 * Every piece of document text goes through {@link escapeHtml}: a source that
 * contains markup must show it literally, never run it.
 */
import type { SourceDocument } from '@/lib/model/bundle-format';

/** Escapes text for use in HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The path under which a document's page is served. */
export function articlePath(doc: Pick<SourceDocument, 'id'>): string {
  return `/articles/${encodeURIComponent(doc.id)}.html`;
}

const STYLE = `
  :root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fbfaf7; --muted: #6b6b6b; --rule: #e3e0d8; }
  @media (prefers-color-scheme: dark) { :root { --fg: #e8e6e1; --bg: #17181a; --muted: #a09d96; --rule: #2f3033; } }
  body { margin: 0; font: 18px/1.6 Georgia, 'Times New Roman', serif; color: var(--fg); background: var(--bg); }
  header.site, footer.site { font: 14px/1.4 system-ui, sans-serif; color: var(--muted); padding: 12px 24px; border-bottom: 1px solid var(--rule); }
  footer.site { border-top: 1px solid var(--rule); border-bottom: 0; margin-top: 48px; }
  header.site nav a { margin-right: 16px; color: inherit; }
  main { max-width: 42rem; margin: 0 auto; padding: 24px; }
  h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
  .meta { font: 14px/1.4 system-ui, sans-serif; color: var(--muted); }
  ul.articles { padding: 0; list-style: none; } ul.articles li { margin: 0 0 1.25rem; }
`;

/** Formats an ISO date for a dateline ("7 November 2017"); returns the input when it is not a date. */
function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function frame(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="site"><nav aria-label="Site"><a href="/">Dramatis demo articles</a><a href="/">Latest</a></nav></header>
<main>
${body}
</main>
<footer class="site">Local demo served by <code>npm start</code> from the project's source documents. Nothing here leaves your machine.</footer>
</body>
</html>
`;
}

/**
 * The body paragraphs of a document. The extracted text opens with the source's
 * own header lines (title line, byline line, masthead) so that facts about the
 * reporter and publisher have a span to point at; the page shows those in its
 * own header, so short leading paragraphs naming the title or a byline name are
 * left out here.
 */
export function bodyParagraphs(doc: SourceDocument): string[] {
  const paragraphs = doc.text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
  const isHeader = (paragraph: string): boolean =>
    paragraph.split(/\s+/).length < 20 &&
    (paragraph.includes(doc.title) ||
      doc.byline.some((name) => paragraph.includes(name)) ||
      (doc.publisher !== null && paragraph === doc.publisher));
  let first = 0;
  while (first < paragraphs.length - 1 && isHeader(paragraphs[first] ?? '')) first += 1;
  return paragraphs.slice(first);
}

/** The page for one source document: headline, byline, dateline, then its paragraphs. */
export function renderArticlePage(doc: SourceDocument): string {
  const byline = doc.byline.length > 0 ? `By ${doc.byline.map(escapeHtml).join(' and ')}` : '';
  const dateline = doc.published
    ? `<time datetime="${escapeHtml(doc.published)}">${escapeHtml(formatDate(doc.published))}</time>`
    : '';
  const publisher = doc.publisher ? escapeHtml(doc.publisher) : '';
  const meta = [byline, dateline, publisher].filter((part) => part.length > 0).join(' · ');
  const paragraphs = bodyParagraphs(doc)
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('\n');
  const credit = doc.attribution ? `<p class="meta">${escapeHtml(doc.attribution)}</p>` : '';
  return frame(
    doc.title,
    `<article>
<h1>${escapeHtml(doc.title)}</h1>
<p class="meta">${meta}</p>
${paragraphs}
${credit}
</article>`,
  );
}

/** The index: one entry per document, newest first. */
export function renderIndexPage(docs: readonly SourceDocument[]): string {
  const sorted = [...docs].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
  const items = sorted
    .map((doc) => {
      const meta = [doc.publisher, doc.published ? formatDate(doc.published) : null]
        .filter((part): part is string => part !== null)
        .map(escapeHtml)
        .join(' · ');
      return `<li><a href="${articlePath(doc)}">${escapeHtml(doc.title)}</a><div class="meta">${meta}</div></li>`;
    })
    .join('\n');
  return frame(
    'Dramatis demo articles',
    `<h1>Demo articles</h1>\n<p class="meta">Hover a marked name to see who it is.</p>\n<ul class="articles">\n${items}\n</ul>`,
  );
}
