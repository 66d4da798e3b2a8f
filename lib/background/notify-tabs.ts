/**
 * Telling open tabs that what they show changed, after a write. Every write
 * reaches the store through the background's handlers, so these side effects
 * run whichever page made the change (docs/ARCHITECTURE.md, "Data access").
 */
import { broadcastToTabs, tellTab, type TabsApi } from '@/lib/messaging/tab-messages';
import { normalizePageUrl } from '@/lib/store/page-url';

/**
 * Tells tab `senderTabId` (the tab whose card or content script made the
 * change) and every tab showing one of the pages at `urls` (annotation urls,
 * already normalized) to anchor its saved quotes again. A tab whose own
 * address differs from the canonical its quotes are filed under is reached
 * only as the sender: the background cannot see a tab's canonical link
 * without asking every tab for its page.
 */
export async function tellTabsShowing(
  tabs: TabsApi,
  urls: readonly string[],
  senderTabId: number | undefined,
): Promise<void> {
  const pages = new Set(urls);
  const all = pages.size > 0 ? await tabs.query({}) : [];
  const targets = new Set<number>(senderTabId === undefined ? [] : [senderTabId]);
  for (const tab of all) {
    const url = tab.url ? normalizePageUrl(tab.url) : null;
    if (tab.id !== undefined && url !== null && pages.has(url)) targets.add(tab.id);
  }
  await Promise.all([...targets].map((tabId) => tellTab(tabs, tabId, 'annotationsChanged', {})));
}

/** Tells every tab to look its names up again after the profiles changed; a failure is logged. */
export async function tellTabsProfilesChanged(tabs: TabsApi): Promise<void> {
  try {
    await broadcastToTabs(tabs, 'profilesChanged', {});
  } catch (error) {
    console.error('Dramatis: telling tabs about new profiles failed:', error);
  }
}
