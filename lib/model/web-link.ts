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
