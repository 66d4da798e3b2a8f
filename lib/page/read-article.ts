/**
 * Reading the article of a page for "Add this article to sources". Runs in the
 * page (injected on demand by entrypoints/article-reader.ts, never part of the
 * always-loaded content script) and answers only the article's text and
 * metadata. Readability rewrites the document it is given, so it reads a clone:
 * the page the reader sees is never altered.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { ReadArticle } from '@/lib/model/article';

/** Elements that start a new text block; text inside others (links, emphasis) joins its block. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** The text blocks of Readability's article element, white space collapsed, in reading order. */
export function textBlocks(root: Element): string[] {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
    line = '';
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === child.TEXT_NODE) line += child.nodeValue ?? '';
      else if (child.nodeType === child.ELEMENT_NODE) {
        const block = BLOCK_TAGS.has((child as Element).tagName.toUpperCase());
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return blocks;
}

/** The canonical link as an absolute URL (the `href` property resolves it), or null. */
function canonicalUrl(doc: Document): string | null {
  const link = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
  return link?.href || null;
}

/** The page's address without the fragment, which names a place in the page, not another page. */
function pageUrl(doc: Document): string {
  return doc.location.href.replace(/#.*$/, '');
}

/**
 * The page's article, or null when the page has none Readability can find (a
 * home page, a search page, an app). Readability works on a deep clone of the
 * document and returns its article element unserialized.
 */
export function readArticle(doc: Document): ReadArticle | null {
  if (!isProbablyReaderable(doc)) return null;
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability<Element>(clone, {
    serializer: (element) => element as Element,
  }).parse();
  if (!parsed?.content) return null;
  const paragraphs = textBlocks(parsed.content);
  if (paragraphs.length === 0) return null;
  return {
    title: parsed.title?.trim() || doc.title.trim(),
    byline: parsed.byline?.trim() || null,
    siteName: parsed.siteName?.trim() || null,
    published: parsed.publishedTime?.trim() || null,
    canonicalUrl: canonicalUrl(doc),
    pageUrl: pageUrl(doc),
    paragraphs,
  };
}
