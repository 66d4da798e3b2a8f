/**
 * Messages from the background to content scripts: settings broadcasts and the
 * keyboard shortcut.
 */
import type { Browser } from 'wxt/browser';

/** One tab, as `tabs.query` answers. */
type Tab = Browser.tabs.Tab;
import { contentRequest, type ContentMessages, type ContentMessageType } from './protocol';

/** The part of `browser.tabs` used here. */
export interface TabsApi {
  query(filter: Browser.tabs.QueryInfo): Promise<Tab[]>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/** The command name of the next-mention shortcut, as declared in the manifest. */
export const NEXT_MENTION_COMMAND = 'next-mention';

/**
 * Sends a content message to one tab; false when the tab has no content script
 * to take it (browser pages, the store, tabs opened before install: nothing
 * there to update), never throws.
 */
export async function tellTab<T extends ContentMessageType>(
  tabs: Pick<TabsApi, 'sendMessage'>,
  tabId: number,
  type: T,
  params: ContentMessages[T],
): Promise<boolean> {
  try {
    await tabs.sendMessage(tabId, contentRequest(type, params));
    return true;
  } catch {
    return false;
  }
}

/** Sends one message to every tab; answers how many tabs took it. */
export async function broadcastToTabs<T extends ContentMessageType>(
  tabs: TabsApi,
  type: T,
  params: ContentMessages[T],
): Promise<number> {
  const all = await tabs.query({});
  const sent = await Promise.all(
    all.map((tab) =>
      tab.id === undefined ? Promise.resolve(false) : tellTab(tabs, tab.id, type, params),
    ),
  );
  return sent.filter(Boolean).length;
}

/** Tells the active tab of the focused window to move to its next mention. */
export async function sendNextMention(tabs: TabsApi): Promise<boolean> {
  const [tab] = await tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return false;
  return tellTab(tabs, tab.id, 'nextMention', {});
}
