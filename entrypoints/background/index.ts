/**
 * The background: owns the profile store, loads the bundle shipped with the
 * extension into it, and answers the other contexts' messages.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createPopoverRelay } from '@/lib/messaging/popover-relay';
import { createMessageRouter, listenForMessages } from '@/lib/messaging/router';
import { tellTabsProfilesChanged, tellTabsShowing } from '@/lib/background/notify-tabs';
import { injectIntoOpenTabs, type InjectionApi } from '@/lib/background/reinject-content';
import {
  registerSaveQuoteMenu,
  SAVE_QUOTE_COMMAND,
  SAVE_QUOTE_MENU_ID,
  saveSelectionFromTab,
  showProblemInPopup,
} from '@/lib/background/save-from-tab';
import {
  broadcastToTabs,
  NEXT_MENTION_COMMAND,
  sendNextMention,
} from '@/lib/messaging/tab-messages';
// parse-bundle, not the lib/profiles index: the background needs no extraction
// pipeline or folder readers, and this keeps them out of its bundle without
// relying on tree-shaking.
import { parseBundle } from '@/lib/model/parse-bundle';
import { DramatisDB } from '@/lib/store/db';
import { createBundleLoader, packagedBundleSource } from '@/lib/store/load-bundle';
import { keepAliveWhile } from '@/lib/background/keep-alive';

export default defineBackground(() => {
  const db = new DramatisDB();
  // profiles.json is either format: JSON (version 1) or gzip JSON lines (version 2, read in chunks).
  const loader = createBundleLoader(
    db,
    packagedBundleSource(browser.runtime.getURL('/profiles.json'), (json) =>
      parseBundle(json, { origin: 'profiles.json' }),
    ),
  );

  // Chrome serves the card page to other sites only from a per-session origin
  // (`use_dynamic_url`, wxt.config.ts); getURL names it for a web-accessible path.
  const dynamicPopoverUrl = browser.runtime.getURL('/popover.html');

  // Listeners are added synchronously: an MV3 service worker woken by an event
  // only delivers it to listeners registered in the first turn.
  listenForMessages(
    browser.runtime.onMessage,
    createMessageRouter(
      createBackgroundHandlers(db, {
        // Pages apply new settings at once, without a reload.
        onSettingsChanged: (settings) => {
          broadcastToTabs(browser.tabs, 'settingsChanged', { settings }).catch((error) =>
            console.error('Dramatis: telling tabs about new settings failed:', error),
          );
        },
        // A quote saved, edited or deleted anywhere: the pages showing it redraw their highlights.
        onAnnotationsChanged: (urls, tabId) =>
          void tellTabsShowing(browser.tabs, urls, tabId).catch((error: unknown) =>
            console.error('Dramatis: telling tabs about changed annotations failed:', error),
          ),
        // An article added or removed, a profile corrected: pages look their names up again.
        onProfilesChanged: () => void tellTabsProfilesChanged(browser.tabs),
      }),
      {
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/'),
        dynamicOrigin: dynamicPopoverUrl.replace(/popover\.html$/, ''),
      },
    ),
  );
  // The popover channel: content script ⇄ popover iframe, paired by tab.
  const relayPopoverPort = createPopoverRelay({
    extensionId: browser.runtime.id,
    // Built by the popover entrypoint; concatenated because its public path is generated.
    popoverUrl: `${browser.runtime.getURL('/')}popover.html`,
    dynamicPopoverUrl,
  });
  browser.runtime.onConnect.addListener((port) => void relayPopoverPort(port));
  // The menu and the shortcut save at once; what went wrong opens the popup page to say so.
  const saveFrom = async (tabId: number) => {
    const result = await saveSelectionFromTab(db, browser.tabs, tabId);
    if (result.ok) return;
    const popupUrl = browser.runtime.getURL('/popup.html');
    await showProblemInPopup(browser.windows, popupUrl, tabId, result.problem);
  };
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === SAVE_QUOTE_COMMAND) {
      // The shortcut acts on the tab it was pressed in; older Chrome passes none.
      const target = tab?.id
        ? Promise.resolve(tab.id)
        : browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => active?.id);
      void target.then((tabId) => (tabId === undefined ? undefined : saveFrom(tabId)));
      return;
    }
    if (command !== NEXT_MENTION_COMMAND) return;
    sendNextMention(browser.tabs).catch((error) =>
      console.error('Dramatis: sending the next-mention shortcut failed:', error),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SAVE_QUOTE_MENU_ID || tab?.id === undefined) return;
    void saveFrom(tab.id);
  });
  // Firefox forgets menu items at restart; Chrome keeps them (registering replaces them).
  browser.runtime.onStartup.addListener(() => void registerSaveQuoteMenu(browser.contextMenus));
  // Install and update (also a developer's reload) ship a new profiles.json;
  // the import is a no-op when its hash is already in the store.
  browser.runtime.onInstalled.addListener((details) => {
    void keepAliveWhile(browser, loader.load());
    void registerSaveQuoteMenu(browser.contextMenus);
    // Pages open during an install or update get the new content script (see reinject-content.ts).
    if (details.reason === 'install' || details.reason === 'update')
      injectIntoOpenTabs(browser as unknown as InjectionApi).catch((error: unknown) =>
        console.warn('Dramatis: putting the new content script into open tabs failed:', error),
      );
    // A first install opens the welcome guide; updates and reloads stay quiet.
    if (details.reason === 'install') {
      void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
    }
  });
  // Lookups wait for the alias-key filter; a cold worker starts loading it at once.
  void db.keyFilter.current();
  // Every start of the background (browser start, service worker wake-up) refills
  // an empty store, e.g. when the worker was stopped during the first import.
  void keepAliveWhile(browser, loader.loadIfEmpty());
});
