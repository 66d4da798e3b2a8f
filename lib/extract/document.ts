/**
 * Reading a raw source into a {@link SourceDocument}: format parsing, boilerplate
 * removal, metadata, and the checks that reject what is not a news article.
 */
import type { SourceDocument } from '@/lib/model/bundle-format';
import { SourceError, type RawSource } from '@/lib/model/source';
import { userMessage } from '@/lib/model/user-error';
import { splitTitleLine, type ParsedSource } from './parsed-source';
import { parsePlainText } from './plain-text';
import { parseMarkdown } from './markdown';
import { parseHtml } from './html';
import { creditAgencies, removeBoilerplate } from './boilerplate';
import { documentId } from './hash';
import { parseDate } from './dates';
import { describeNotArticle } from './not-article';
import { findDateline, type Dateline } from './dateline';

/** A paragraph of `document.text`. Header paragraphs hold the title, byline and masthead. */
export interface Paragraph {
  start: number;
  end: number;
  header: boolean;
}

/** A document read and cleaned, with its paragraph layout for the later passes. */
export interface ReadDocument {
  document: SourceDocument;
  paragraphs: Paragraph[];
  /** Index in `paragraphs` of the byline line, when there is one. */
  bylineParagraph: number | null;
  /** Index in `paragraphs` of the agencies of the photo credits taken off captions ("AFP; Kestrel Press"). */
  creditParagraph: number | null;
  /** The place the story was filed from, when its first paragraph opens with a dateline. */
  dateline: Dateline | null;
}

const MIN_PROSE_WORDS = 30;
/** Words of prose that make a source mostly made of a table a story about the table. */
const TABLE_STORY_PROSE_WORDS = 100;

/** Rejects content that is empty or is not text (a binary file, a wrongly decoded file). */
function checkIsText(src: RawSource): void {
  const content = src.content;
  if (content.trim().length === 0) {
    throw new SourceError(src.origin, 'the document is empty', userMessage('sourceEmpty'));
  }
  if (content.includes('\u0000')) {
    throw new SourceError(
      src.origin,
      'looks like a binary file (it contains NUL bytes); expected UTF-8 text',
      userMessage('sourceBinary'),
    );
  }
  let control = 0;
  for (let i = 0; i < content.length; i++) {
    const code = content.charCodeAt(i);
    // C0 controls other than tab, line feed, form feed and carriage return, and DEL.
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 127)
      control++;
  }
  const replacement = (content.match(/\uFFFD/g) ?? []).length;
  if (control > content.length * 0.02 || replacement > Math.max(3, content.length * 0.01)) {
    throw new SourceError(
      src.origin,
      'looks binary or not UTF-8 (too many control or replacement characters); save it as UTF-8 text',
      userMessage('sourceNotUtf8'),
    );
  }
}

function parse(src: RawSource): ParsedSource {
  switch (src.format) {
    case 'md':
      return parseMarkdown(src.content);
    case 'html':
      return parseHtml(src.content);
    case 'txt':
      return parsePlainText(src.content);
  }
}

/** Parses, cleans and validates a source; throws {@link SourceError} for unusable ones. */
export function readDocument(src: RawSource): ReadDocument {
  checkIsText(src);
  const parsed = parse(src);
  const titles = [parsed.titleLine ?? '', parsed.title ?? ''];
  const cleaned = removeBoilerplate(parsed.blocks, titles);
  const prose = cleaned.body.join(' ');
  const proseWords = prose.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  // Markup is not judged by its lines (a page's scripts would read as code); its text blocks are.
  const shape = src.format === 'html' ? parsed.blocks.join('\n') : src.content;
  const markup = src.format === 'html' ? src.content : undefined;
  const plainlyNot = describeNotArticle(shape, true, markup);
  // A results or markets story may be mostly its table; its own prose keeps it an article.
  if (plainlyNot && (plainlyNot.kind !== 'table' || proseWords < TABLE_STORY_PROSE_WORDS)) {
    throw new SourceError(
      src.origin,
      `no news article found: it ${plainlyNot.description}`,
      userMessage('sourceTooLittleProse', proseWords, MIN_PROSE_WORDS),
    );
  }
  if (
    cleaned.body.length === 0 ||
    !/\p{L}[^.!?]*[.!?]/u.test(prose) ||
    proseWords < MIN_PROSE_WORDS
  ) {
    const looks = describeNotArticle(shape, false, markup);
    throw new SourceError(
      src.origin,
      `no news article found: ${looks ? `it ${looks.description}; ` : ''}${proseWords} words of sentence prose after removing page chrome (need ${MIN_PROSE_WORDS})`,
      userMessage('sourceTooLittleProse', proseWords, MIN_PROSE_WORDS),
    );
  }

  const meta = src.meta ?? {};
  const byline = meta.byline ?? (cleaned.byline.length > 0 ? cleaned.byline : parsed.byline);
  const titleLine = parsed.titleLine ?? parsed.title;
  const publisher = meta.publisher ?? parsed.publisher;

  // The header paragraphs are the document's own title line, byline and masthead,
  // kept so that the byline and publisher facts have a span to point at.
  const header: string[] = [];
  if (titleLine) header.push(titleLine);
  let bylineIndex: number | null = null;
  if (cleaned.bylineLine && byline === cleaned.byline) {
    bylineIndex = header.length;
    header.push(cleaned.bylineLine);
  } else if (byline.length > 0) {
    bylineIndex = header.length;
    header.push(byline.join(', '));
  }
  if (publisher && !header.some((h) => h.includes(publisher))) header.push(publisher);
  // The agencies of the credits stay in the text, apart from the captions, so they are found.
  let creditIndex: number | null = null;
  const agencies = new Set(cleaned.credits.flatMap(creditAgencies));
  if (agencies.size > 0) {
    creditIndex = header.length;
    header.push([...agencies].join('; '));
  }

  const paragraphs: Paragraph[] = [];
  let text = '';
  for (const [i, block] of [...header, ...cleaned.body].entries()) {
    if (text) text += '\n\n';
    paragraphs.push({
      start: text.length,
      end: text.length + block.length,
      header: i < header.length,
    });
    text += block;
  }

  const document: SourceDocument = {
    id: documentId(src.content),
    origin: src.origin,
    title: meta.title ?? parsed.title ?? (titleLine ? splitTitleLine(titleLine).title : src.origin),
    publisher: publisher ?? null,
    published:
      (meta.published ? (parseDate(meta.published) ?? meta.published) : null) ??
      parsed.published ??
      cleaned.published,
    byline,
    url: meta.url ?? parsed.url,
    attribution: meta.attribution ?? null,
    text,
    wordCount: proseWords,
  };
  const lead = paragraphs.find((p) => !p.header);
  const dateline = lead ? findDateline(text.slice(lead.start, lead.end), lead.start) : null;
  return {
    document,
    paragraphs,
    bylineParagraph: bylineIndex,
    creditParagraph: creditIndex,
    dateline,
  };
}
