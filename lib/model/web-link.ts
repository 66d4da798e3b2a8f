/**
 * Which addresses may become links. Page addresses come from pages, import
 * files and articles a page points at, so a `javascript:` or `data:` address
 * can arrive in any of them; it must never become something the reader clicks
 * or that an export turns into a link. Only http(s) addresses are links; any
 * other address is shown as text.
 */

/** `url` as a link target when it is an absolute http(s) address, else null. */
export function webLinkTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/**
 * The longest page address kept: Chrome's own limit on an address (2 MiB).
 * A page that long can still be annotated; nothing shorter is ever refused.
 */
export const MAX_PAGE_URL_LENGTH = 2 * 1024 * 1024;

/**
 * The longest canonical link trusted. A canonical only files a page's
 * annotations under a tidier address; one this long is no tidier, so it is
 * dropped and the page's own address is used (the popup says so).
 */
export const MAX_CANONICAL_URL_LENGTH = 10_000;

/** True when `canonical` is too long to be kept (see {@link MAX_CANONICAL_URL_LENGTH}). */
export function isCanonicalTooLong(canonical: string | null | undefined): boolean {
  return typeof canonical === 'string' && canonical.length > MAX_CANONICAL_URL_LENGTH;
}
