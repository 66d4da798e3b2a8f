/**
 * Opening the side panel filtered to one entity, from a click in an extension
 * page. Chrome and Firefox differ here, so the difference lives in this file.
 *
 * Both browsers only open a panel in response to a user action, and Firefox
 * requires the call to happen synchronously inside the click handler: so
 * nothing is awaited before `open()`. The tab id Chrome needs is therefore
 * looked up before the click ({@link prepareSidePanel}).
 */
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/i18n';

/** The side panel page for `entityId`, as `entrypoints/sidepanel` reads it. */
export function sidePanelPath(entityId: string): `/sidepanel.html?entity=${string}` {
  return `/sidepanel.html?entity=${encodeURIComponent(entityId)}`;
}

/** Firefox's sidebar API, which the Chrome types do not declare. */
interface SidebarAction {
  setPanel(details: { panel: string }): Promise<void>;
  open(): Promise<void>;
}

/** Chrome's side panel API, as far as it is used here (absent in Firefox). */
interface SidePanelApi {
  setOptions(options: { tabId?: number; path?: string; enabled?: boolean }): Promise<void>;
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}

function apis(): { sidePanel?: SidePanelApi; sidebarAction?: SidebarAction } {
  return browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarAction };
}

let currentTabId: number | undefined;

/**
 * Looks up the tab this page is shown in (the article's tab for the popover
 * frame), so a later click can open the panel without awaiting first.
 */
export async function prepareSidePanel(): Promise<void> {
  try {
    currentTabId = (await browser.tabs.getCurrent())?.id;
  } catch (error) {
    console.warn('Dramatis: could not tell which tab the card is in', error);
  }
}

/** What the reader is told when no panel can be opened. */
const noPanel = () => t('noSidePanel');

/**
 * Opens the side panel on the notes about `entityId`. Call it directly from a
 * click handler. Resolves to null, or to a message for the reader.
 */
export function openSidePanel(entityId: string): Promise<string | null> {
  const { sidePanel, sidebarAction } = apis();
  const path = sidePanelPath(entityId);
  let opened: Promise<void>;
  try {
    if (sidePanel && currentTabId !== undefined) {
      // Not awaited: the path is set in the same turn as open(), and Chrome applies them in order.
      void sidePanel
        .setOptions({ tabId: currentTabId, path: path.slice(1), enabled: true })
        .catch(report);
      opened = sidePanel.open({ tabId: currentTabId });
    } else if (sidebarAction) {
      void sidebarAction.setPanel({ panel: browser.runtime.getURL(path) }).catch(report);
      opened = sidebarAction.open();
    } else {
      return Promise.resolve(noPanel());
    }
  } catch (error) {
    report(error);
    return Promise.resolve(noPanel());
  }
  return opened.then(
    () => null,
    (error: unknown) => {
      report(error);
      return noPanel();
    },
  );
}

function report(error: unknown): void {
  console.error('Dramatis: opening the side panel failed:', error);
}
