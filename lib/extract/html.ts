/**
 * HTML sources, parsed with htmlparser2 (no DOM, so it runs in Node and in an
 * extension page alike). Metadata comes from the tags publishers fill for
 * social cards and search engines; the body from the block elements of
 * <article> (or of the whole page when there is none), minus page chrome.
 */
import { Parser } from 'htmlparser2';
import { emptyParsed, splitTitleLine, tidyLine, type ParsedSource } from './parsed-source';
import { parseDate } from './dates';

/** Elements that hold navigation, scripts, ads or credits, never article prose. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'svg',
  'iframe',
  'figure',
  'figcaption',
  'menu',
  'dialog',
  'object',
]);

/** Elements whose end closes a block of text. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'li',
  'ul',
  'ol',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'dd',
  'dt',
  'address',
  'br',
  'hr',
]);

/** Reads an .html source. */
export function parseHtml(content: string): ParsedSource {
  const parsed = emptyParsed();
  const meta = new Map<string, string>();
  let titleText = '';
  let h1Text: string | null = null;
  const pageBlocks: string[] = [];
  const articleBlocks: string[] = [];
  let buffer = '';
  let skipDepth = 0;
  let articleDepth = 0;
  let inTitle = false;
  let inH1 = false;
  let h1Buffer = '';
  let authorLinkDepth = 0;
  let authorLinkText = '';
  const bylineFromLinks: string[] = [];

  const flush = (): void => {
    const text = tidyLine(buffer);
    buffer = '';
    if (!text) return;
    pageBlocks.push(text);
    if (articleDepth > 0) articleBlocks.push(text);
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIPPED.has(name)) skipDepth++;
        if (name === 'title') inTitle = true;
        if (name === 'article') articleDepth++;
        if (BLOCKS.has(name)) flush();
        if (name === 'h1' && skipDepth === 0) {
          inH1 = true;
          h1Buffer = '';
        }
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          if (key && attrs.content) meta.set(key, attrs.content);
        }
        if (
          name === 'link' &&
          (attrs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical') &&
          attrs.href
        ) {
          meta.set('canonical', attrs.href);
        }
        if (name === 'time' && attrs.datetime && !meta.has('time'))
          meta.set('time', attrs.datetime);
        if (name === 'a' && (attrs.rel ?? '').toLowerCase().split(/\s+/).includes('author')) {
          authorLinkDepth = 1;
          authorLinkText = '';
        }
      },
      ontext(text) {
        if (inTitle) titleText += text;
        if (authorLinkDepth > 0) authorLinkText += text;
        if (skipDepth > 0) return;
        if (inH1) {
          h1Buffer += text;
          return;
        }
        buffer += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'a' && authorLinkDepth > 0) {
          authorLinkDepth = 0;
          if (tidyLine(authorLinkText)) bylineFromLinks.push(tidyLine(authorLinkText));
        }
        if (name === 'h1' && inH1) {
          inH1 = false;
          if (h1Text === null) h1Text = tidyLine(h1Buffer);
        }
        if (BLOCKS.has(name)) flush();
        if (SKIPPED.has(name) && skipDepth > 0) skipDepth--;
        if (name === 'article' && articleDepth > 0) articleDepth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(content);
  parser.end();
  flush();

  const titleLine = tidyLine(meta.get('og:title') ?? '') || tidyLine(titleText) || h1Text;
  parsed.titleLine = titleLine || null;
  if (titleLine) {
    const split = splitTitleLine(titleLine);
    parsed.title = h1Text ?? split.title;
    parsed.publisher = split.publisher;
  }
  parsed.publisher = meta.get('og:site_name') ?? meta.get('application-name') ?? parsed.publisher;
  const date =
    meta.get('article:published_time') ??
    meta.get('date') ??
    meta.get('datepublished') ??
    meta.get('time');
  parsed.published = date ? parseDate(date) : null;
  const author = meta.get('author') ?? meta.get('article:author') ?? meta.get('byl');
  if (author && !/^https?:/.test(author)) parsed.byline = splitNames(author.replace(/^by\s+/i, ''));
  else if (bylineFromLinks.length > 0) parsed.byline = bylineFromLinks;
  parsed.url = meta.get('canonical') ?? meta.get('og:url') ?? null;
  parsed.blocks = articleBlocks.length > 0 ? articleBlocks : pageBlocks;
  return parsed;
}

/** "Jane Doe and John Roe" / "Jane Doe, John Roe" → each name. */
export function splitNames(text: string): string[] {
  return text
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
