/**
 * The background: owns the profile store, loads the bundle shipped with the
 * extension into it, and answers the other contexts' messages.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundHandlers } from '@/lib/messaging/background-handlers';
import { createMessageRouter, listenForMessages } from '@/lib/messaging/router';
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
    createMessageRouter(createBackgroundHandlers(db), {
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
    }),
  );
  // Install and update (also a developer's reload) ship a new profiles.json;
  // the import is a no-op when its hash is already in the store.
  browser.runtime.onInstalled.addListener(() => void loader.load());
  // Every start of the background (browser start, service worker wake-up) refills
  // an empty store, e.g. when the worker was stopped during the first import.
  void loader.loadIfEmpty();
});
