/**
 * Which host names are one site. A page's canonical link files its
 * annotations (lib/store/page-url.ts) and names an added article
 * (lib/model/article.ts) only when it is on the page's own site, so this
 * decides whether one page can speak for another.
 *
 * Two rules, both needed:
 * - The registrable domain comes from the Public Suffix List (tldts, private
 *   suffixes included): blogs on github.io or blogspot.com are separate
 *   registrations, so "m.github.io" is a tenant called "m", not a mobile copy of
 *   github.io.
 * - Under one registrable domain, different host names are still different
 *   sites: attacker.substack.com and victim.substack.com are two publications
 *   although substack.com is not on the list. Only a leading edition label
 *   (www, amp, m, mobile) is taken off, and never at or above the registrable
 *   domain, so a page and its AMP or mobile copy share a site.
 */
import { getDomain } from 'tldts';

/** Labels that name an edition of a site rather than another site. */
const EDITION_LABELS = new Set(['www', 'amp', 'm', 'mobile']);

/**
 * The site of a host name: the host without a leading edition label
 * ("amp.theguardian.co.uk" → "theguardian.co.uk"), as long as what is left is
 * still a whole registrable domain or below it. Addresses without one (an IP
 * address, localhost) are their own site.
 */
export function siteOf(hostname: string): string {
  const host = hostname.toLowerCase();
  const registrable = getDomain(host, { allowPrivateDomains: true });
  if (registrable === null || registrable === host) return host;
  const dot = host.indexOf('.');
  const first = host.slice(0, dot);
  const rest = host.slice(dot + 1);
  return EDITION_LABELS.has(first) && rest.endsWith(registrable) ? rest : host;
}

/** True when `url` and `other` are http(s) addresses on the same site ({@link siteOf}). */
export function sameSite(url: string, other: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(other);
    const web = (u: URL) => u.protocol === 'http:' || u.protocol === 'https:';
    return web(a) && web(b) && siteOf(a.hostname) === siteOf(b.hostname);
  } catch {
    return false;
  }
}
