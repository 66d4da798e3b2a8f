import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Build hooks are WXT modules in modules/ (loaded by WXT on its own): the
// shipped bundle (profile-bundle.ts) and the content script's size
// (small-content-script.ts).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: code reads the same in the extension, in Node
  // (CLI, build hook) and in tests, and the linter needs no generated globals.
  imports: false,
  // Preact has no WXT module, so it is added as a plain Vite plugin.
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    // Every user-visible string is a message of public/_locales/<lang>/messages.json.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // Only what a feature uses; each is explained in the README's Permissions.
    // unlimitedStorage: the profile store and the reader's notes live in
    // IndexedDB, which must not hit the origin quota or be evicted.
    // contextMenus: "Save quote to Dramatis" on a selection (Firefox's `menus`, same API).
    // scripting (Chrome MV3 only): "Add this article to sources" injects the
    // article reader into the tab on that click; Firefox's MV2 tabs.executeScript
    // needs only the host permission. Install and update also inject the new
    // content script into open tabs (lib/background/reinject-content.ts).
    // (No `storage`: nothing uses browser.storage; Dexie needs no permission.)
    permissions: [
      'unlimitedStorage',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['scripting']),
    ],
    // The content script already runs on every page (same install warning); the
    // host permission also lets the popup read the active tab's address for its
    // per-site switch, which content-script matches alone do not grant.
    host_permissions: ['<all_urls>'],
    // The profile card is an extension page in an iframe on news pages; the page
    // cannot read it (cross-origin), but the browser must allow it to be framed.
    web_accessible_resources: [
      {
        resources: ['popover.html'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // A suggested key; readers change it in the browser's shortcut settings.
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandNextMention__',
      },
      'save-quote': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSaveQuote__',
      },
    },
    // A fixed id keeps Firefox's extension origin, and so the profile store and
    // the reader's notes, across reloads of a temporary add-on; Chrome rejects the key.
    // Firefox asks every extension to declare what data it sends anywhere: none.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'dramatis@dramatis.invalid',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
