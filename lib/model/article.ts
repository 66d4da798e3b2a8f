/**
 * An article read from a page (by the article-reader script, with Readability)
 * as the build's pipeline takes it: a plain-text source whose metadata comes
 * from the page. Only this text and metadata ever leave the page.
 */
import type { RawSource, SourceMeta } from './source';
import { sameSite } from './site';
import { isCanonicalTooLong, webLinkTarget } from './web-link';

/** What the article-reader script answers for a page that holds an article. */
export interface ReadArticle {
  /** The article's headline. */
  title: string;
  /** The byline as the page writes it ("By Sok Chea and Dara Lim"), or null. */
  byline: string | null;
  /** The site's name ("Phnom Penh Post"), or null. */
  siteName: string | null;
  /** The publication time the page states (usually ISO 8601), or null. */
  published: string | null;
  /** `<link rel="canonical">` as an absolute URL, or null. */
  canonicalUrl: string | null;
  /** The page's address without its fragment. */
  pageUrl: string;
  /** The article's text blocks in reading order: paragraphs, subheadings, list items. */
  paragraphs: string[];
}

/** The most text an added article may hold; a very long article is about 300,000 characters. */
export const MAX_ARTICLE_CHARS = 2_000_000;

/** True when `value` has the shape of a {@link ReadArticle} (it crosses from the page's process). */
export function isReadArticle(value: unknown): value is ReadArticle {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const text = (x: unknown) => typeof x === 'string';
  const maybe = (x: unknown) => x === null || typeof x === 'string';
  return (
    text(v.title) &&
    maybe(v.byline) &&
    maybe(v.siteName) &&
    maybe(v.published) &&
    maybe(v.canonicalUrl) &&
    text(v.pageUrl) &&
    Array.isArray(v.paragraphs) &&
    v.paragraphs.every(text) &&
    (v.paragraphs as string[]).reduce((n, p) => n + p.length, 0) <= MAX_ARTICLE_CHARS
  );
}

/**
 * The URL an added article is known by: its canonical link when it is on the
 * page's own site, else the page's address. A page may point its canonical at
 * any outlet; the article is recorded where it was really read.
 */
export function articleUrl(article: ReadArticle): string {
  const { canonicalUrl, pageUrl } = article;
  return canonicalUrl !== null && sameSite(canonicalUrl, pageUrl) ? canonicalUrl : pageUrl;
}

/**
 * The canonical link a page declares on another site, or null. It is only a
 * claim (any page can point its canonical at any outlet), so it is kept to be
 * shown as such beside the address the article was really read at, never as
 * the source's address. A link that is not http(s) or is too long is no claim
 * worth showing.
 */
export function claimedUrl(article: ReadArticle): string | null {
  const { canonicalUrl, pageUrl } = article;
  if (canonicalUrl === null || isCanonicalTooLong(canonicalUrl)) return null;
  if (webLinkTarget(canonicalUrl) === null) return null;
  return sameSite(canonicalUrl, pageUrl) ? null : canonicalUrl;
}

/**
 * The reporters in a byline: "By Sok Chea and Dara Lim" → ["Sok Chea", "Dara Lim"].
 * Newsrooms join names with commas, "and" or "&" and lead with "By".
 */
export function bylineNames(byline: string | null): string[] {
  if (!byline) return [];
  return byline
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|&|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/**
 * The article as a plain-text source: the headline, then one block per
 * paragraph, with the page's metadata overriding what extraction would guess.
 * Same text, same document id (a content hash), so adding it twice is a no-op.
 */
export function articleSource(article: ReadArticle): RawSource {
  const meta: SourceMeta = { title: article.title, url: articleUrl(article) };
  const byline = bylineNames(article.byline);
  if (byline.length > 0) meta.byline = byline;
  // A page that claims to be another outlet's copy is not trusted to name its outlet either.
  if (article.siteName && claimedUrl(article) === null) meta.publisher = article.siteName;
  if (article.published) meta.published = article.published;
  return {
    origin: articleUrl(article),
    format: 'txt',
    content: [article.title, ...article.paragraphs].join('\n\n'),
    meta,
  };
}
