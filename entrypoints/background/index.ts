/**
 * The background: owns the profile store, loads the bundle shipped with the
 * extension into it, and answers the other contexts' messages.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundHandlers } from '@/lib/messaging/background-handlers';
import { createPopoverRelay } from '@/lib/messaging/popover-relay';
import { createMessageRouter, listenForMessages } from '@/lib/messaging/router';
import {
  broadcastToTabs,
  NEXT_MENTION_COMMAND,
  sendNextMention,
} from '@/lib/messaging/tab-messages';
// parse-bundle, not the lib/profiles index: the background needs no extraction
// pipeline or folder readers, and this keeps them out of its bundle without
// relying on tree-shaking.
import { parseBundle } from '@/lib/profiles/parse-bundle';
import { DramatisDB } from '@/lib/store/db';
import { createBundleLoader, fetchPackagedJson } from '@/lib/store/load-bundle';

export default defineBackground(() => {
  const db = new DramatisDB();
  const loader = createBundleLoader(db, {
    fetchJson: () => fetchPackagedJson(browser.runtime.getURL('/profiles.json')),
    parse: (json) => parseBundle(json, { origin: 'profiles.json' }),
  });

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
      }),
      {
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/'),
      },
    ),
  );
  // The popover channel: content script ⇄ popover iframe, paired by tab.
  const relayPopoverPort = createPopoverRelay({
    extensionId: browser.runtime.id,
    // Built by the popover entrypoint; concatenated because its public path is generated.
    popoverUrl: `${browser.runtime.getURL('/')}popover.html`,
  });
  browser.runtime.onConnect.addListener((port) => void relayPopoverPort(port));
  browser.commands.onCommand.addListener((command) => {
    if (command !== NEXT_MENTION_COMMAND) return;
    sendNextMention(browser.tabs).catch((error) =>
      console.error('Dramatis: sending the next-mention shortcut failed:', error),
    );
  });
  // Install and update (also a developer's reload) ship a new profiles.json;
  // the import is a no-op when its hash is already in the store.
  browser.runtime.onInstalled.addListener((details) => {
    void loader.load();
    // A first install opens the welcome guide; updates and reloads stay quiet.
    if (details.reason === 'install') {
      void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
    }
  });
  // Every start of the background (browser start, service worker wake-up) refills
  // an empty store, e.g. when the worker was stopped during the first import.
  void loader.loadIfEmpty();
});
