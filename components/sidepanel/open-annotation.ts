/**
 * Opening a saved annotation from the side panel: switch to a tab already
 * showing its page (or open one), then ask that page's content script to
 * scroll to the quote. The content script only knows where a quote is once it
 * has re-found it, which on a freshly opened tab takes until the page has
 * loaded and been scanned, so the request is repeated for a few seconds.
 */
import { browser } from 'wxt/browser';
import { contentRequest } from '@/lib/messaging/protocol';
import { normalizePageUrl } from '@/lib/store/page-url';
import type { AnnotationRecord } from '@/lib/model/records';

/** How long to keep asking a new tab to show the quote. */
const SHOW_TIMEOUT_MS = 8000;
const SHOW_RETRY_MS = 250;

/** How the page was reached, for tests and the reader's status line. */
export type OpenOutcome = 'shown' | 'opened' | 'no-page';

/**
 * Opens `record`'s page and scrolls to its quote. Answers `shown` when the page
 * scrolled to the quote, `opened` when the page is open but the quote could not
 * be placed there (changed page, orphaned quote), `no-page` for a note without
 * a web address.
 */
export async function openAnnotation(record: AnnotationRecord): Promise<OpenOutcome> {
  if (!/^https?:/.test(record.url)) return 'no-page';
  const tabs = await browser.tabs.query({});
  const existing = tabs.find((tab) => tab.url && normalizePageUrl(tab.url) === record.url);
  let tabId: number | undefined;
  if (existing?.id !== undefined) {
    tabId = existing.id;
    await browser.tabs.update(tabId, { active: true });
    if (existing.windowId !== undefined) {
      await browser.windows.update(existing.windowId, { focused: true }).catch(() => undefined);
    }
  } else {
    tabId = (await browser.tabs.create({ url: record.url, active: true })).id;
  }
  if (tabId === undefined || record.quote === null) return 'opened';
  return (await askToShow(tabId, record.id)) ? 'shown' : 'opened';
}

/** Repeats `showAnnotation` until the tab's content script has placed and scrolled to the quote. */
async function askToShow(tabId: number, annotationId: string): Promise<boolean> {
  const deadline = Date.now() + SHOW_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const shown: unknown = await browser.tabs.sendMessage(
        tabId,
        contentRequest('showAnnotation', { annotationId }),
      );
      if (shown === true) return true;
    } catch {
      // The content script is not there yet (the page is still loading): ask again.
    }
    await new Promise((resolve) => setTimeout(resolve, SHOW_RETRY_MS));
  }
  return false;
}
