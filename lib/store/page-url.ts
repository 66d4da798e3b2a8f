/**
 * The address a page's annotations are filed under.
 *
 * Why normalize: the same article is reached through a newsletter link
 * (?utm_source=…&mc_cid=…), a Facebook share (?fbclid=…), an anchor link (#comments)
 * and its AMP or mobile copy. Filed under the raw address, its saved quotes
 * would vanish on the next visit. So the fragment and known tracking
 * parameters go, and a canonical link the page declares is preferred when it
 * is an edition of the same site (see {@link siteOf}). Nothing else changes:
 * other parameters keep their order and spelling, because some sites pick the
 * article by them (?id=123).
 */
import { isCanonicalTooLong } from '@/lib/model/web-link';
import { siteOf } from '@/lib/model/site';

/** Query parameters that only say how the reader arrived, never which page it is. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid',
  'ttclid', 'li_fat_id', 'mc_cid', 'mc_eid', 'igshid', 'igsh', 'ref_src', 'ref_url',
  '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id',
  'wickedid', 'rb_clickid', 's_cid', 'cmpid', 'ocid', 'ncid', 'sr_share', 'at_medium',
  'at_campaign', 'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4',
]); // prettier-ignore

/** True for a tracking parameter: the list above, and every utm_* (utm_source, utm_medium, …). */
function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

/** The query string without tracking parameters, other parameters untouched and in order. */
function withoutTracking(search: string): string {
  if (search.length <= 1) return '';
  const kept = search
    .slice(1)
    .split('&')
    .filter((pair) => {
      if (pair === '') return false;
      const name = pair.split('=', 1)[0] as string;
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A malformed escape: compare the name as written.
      }
      return !isTrackingParam(decoded);
    });
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

/** Parses `url` as a web page address, or null (not http(s), or not a URL). */
function parseWebUrl(url: string, base?: string): URL | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** `url` without fragment and tracking parameters. */
function clean(url: URL): string {
  const next = new URL(url.href);
  next.hash = '';
  next.search = withoutTracking(url.search);
  return next.href;
}

/**
 * The address annotations of the page at `url` are filed under, or null when
 * `url` is not a web page (file:, about:, the extension's own pages), where
 * nothing is saved. `canonical` is the page's `<link rel="canonical">` href
 * (relative allowed); it wins when it is an http(s) address on the same site,
 * so a page and its AMP or mobile copy share their annotations. A canonical
 * over `MAX_CANONICAL_URL_LENGTH` is ignored.
 */
export function normalizePageUrl(url: string, canonical?: string | null): string | null {
  const page = parseWebUrl(url);
  if (!page) return null;
  if (canonical && !isCanonicalTooLong(canonical)) {
    const declared = parseWebUrl(canonical, page.href);
    if (declared && siteOf(declared.hostname) === siteOf(page.hostname)) return clean(declared);
  }
  return clean(page);
}
