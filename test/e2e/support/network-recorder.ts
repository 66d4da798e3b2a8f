/**
 * Records every network request of a browser context, for the privacy test:
 * the extension's pages, the popover frame (an out-of-process iframe), the
 * content script (whose requests are its page's) and, since playwright-core
 * 1.5x, the extension's service worker (`request.serviceWorker()`; turned off
 * only by PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK).
 */
import type { BrowserContext, Request } from 'playwright-core';

/** One request as recorded. */
export interface RecordedRequest {
  url: string;
  /** Where it came from: the service worker, an extension page or frame, or a web page. */
  from: 'service-worker' | 'extension' | 'web';
  resourceType: string;
}

/** What a test allows: the extension's own files, and a few paths of the local test server. */
export interface AllowedRequests {
  extensionId: string;
  /** Chrome's per-session origin of the card page (`use_dynamic_url`), `chrome-extension://<uuid>/`. */
  dynamicOrigin?: string;
  /** `http://127.0.0.1:<port>` of the test server. */
  serverOrigin: string;
  /** Paths of the server that web pages themselves load (the articles the test opens). */
  pagePaths: string[];
}

function sourceOf(request: Request): RecordedRequest['from'] {
  if (request.serviceWorker()) return 'service-worker';
  let frameUrl = '';
  try {
    frameUrl = request.frame().url();
  } catch {
    // A navigation issued before its frame exists: its own URL says whose it is.
    frameUrl = request.url();
  }
  return frameUrl.startsWith('chrome-extension://') ? 'extension' : 'web';
}

/** Starts recording `context`'s requests; the returned list grows as they happen. */
export function recordRequests(context: BrowserContext): RecordedRequest[] {
  const recorded: RecordedRequest[] = [];
  context.on('request', (request) => {
    recorded.push({
      url: request.url(),
      from: sourceOf(request),
      resourceType: request.resourceType(),
    });
  });
  return recorded;
}

/**
 * True for a request the privacy rule allows: a file of this extension, or a
 * web page loading one of the test server's article paths. Anything else, in
 * particular any request an extension context makes to the web, breaks the rule.
 */
export function isAllowedRequest(request: RecordedRequest, allowed: AllowedRequests): boolean {
  if (request.url.startsWith(`chrome-extension://${allowed.extensionId}/`)) return true;
  if (allowed.dynamicOrigin && request.url.startsWith(allowed.dynamicOrigin)) return true;
  if (request.from !== 'web') return false;
  const url = new URL(request.url);
  return (
    url.origin === allowed.serverOrigin &&
    (allowed.pagePaths.includes(url.pathname) || url.pathname === '/favicon.ico')
  );
}
