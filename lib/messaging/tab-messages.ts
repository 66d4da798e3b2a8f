/**
 * Messages to content scripts: settings broadcasts, the keyboard shortcut, and
 * asking a tab for its page and selection (`readPage`).
 */
import type { Browser } from 'wxt/browser';
import { describeExcerpt } from '@/lib/anchor/describe';
import { isPageReport, type PageState } from '@/lib/model/page-state';
import { UserError } from '@/lib/model/user-error';
import { contentRequest, type ContentMessages, type ContentMessageType } from './protocol';

/** One tab, as `tabs.query` answers. */
type Tab = Browser.tabs.Tab;

/** What the reader is told when a tab has no content script to ask (English; the key is `pageUnreachable`). */
const PAGE_UNREACHABLE =
  'Dramatis cannot read this page. Reload the page and try again (browser pages and the extension store cannot be read).';

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

/** The part of `browser.tabs` that talks to content scripts. */
export interface TabMessenger {
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/**
 * Asks tab `tabId`'s content script for its {@link PageState}. Throws an Error
 * with the message `pageUnreachable` when there is no content script (a browser
 * page, a tab opened before Dramatis was installed) or it answers garbage.
 */
export async function readTabPage(tabs: TabMessenger, tabId: number): Promise<PageState> {
  let answer: unknown;
  try {
    answer = await tabs.sendMessage(tabId, contentRequest('readPage', {}));
  } catch (error) {
    console.warn(`Dramatis: tab ${tabId} did not answer readPage:`, error);
    throw new UserError('pageUnreachable', [], PAGE_UNREACHABLE, { cause: error });
  }
  if (!isPageReport(answer)) {
    console.error(`Dramatis: tab ${tabId} answered readPage with`, answer);
    throw new UserError('pageUnreachable', [], PAGE_UNREACHABLE);
  }
  return { ...answer, selection: answer.selection && describeExcerpt(answer.selection) };
}
