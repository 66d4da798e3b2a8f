import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { createJiti } from 'jiti';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import type { RawSource } from '@/lib/model/source';
import type { ProfileBundle } from '@/lib/model/bundle-format';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

/** Where the bundle lands in the extension; the background fetches `runtime.getURL('/profiles.json')`. */
const PROFILES_ASSET = 'profiles.json';

/**
 * Compiles the corpus in assets/sources into the bundle the extension ships, so
 * no generated bundle is committed and every build carries the bundle of its own
 * sources. lib/ uses the `@/` alias, which WXT's config loader does not resolve,
 * so lib/profiles is loaded through jiti with that alias.
 */
async function buildProfilesJson(): Promise<string> {
  const jiti = createJiti(import.meta.url, { alias: { '@': ROOT.replace(/\/$/, '') } });
  const { buildBundle, readSourceFolder } = await jiti.import<{
    readSourceFolder: (dir: string) => Promise<RawSource[]>;
    buildBundle: (sources: RawSource[]) => ProfileBundle | Promise<ProfileBundle>;
  }>(resolve(ROOT, 'lib/profiles/index.ts'));
  const bundle = await buildBundle(await readSourceFolder(resolve(ROOT, 'assets/sources')));
  // Compact: only fetch() reads this file.
  return JSON.stringify(bundle);
}

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
    web_accessible_resources: [{ resources: ['popover.html'], matches: ['<all_urls>'] }],
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
  hooks: {
    // The content script is loaded into every page and has a 15 KB budget, of
    // which webextension-polyfill would take 3 KB. It needs nothing the polyfill
    // adds: runtime.sendMessage and runtime.connect return promises natively in
    // Chrome MV3 and Firefox, and its one answering listener replies with
    // sendResponse. So its build (and WXT's own content-script runtime) gets the
    // browser's API directly; every other context keeps the polyfill. Nor does it
    // use the context WXT builds for main(ctx): a constructor-only stand-in saves
    // 1 KB (entrypoints/content/script-context.ts says what is left out).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      const native = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      const noContext = {
        find: /^wxt\/utils\/content-script-context$/,
        replacement: resolve(ROOT, 'entrypoints/content/script-context.ts'),
      };
      const alias = config.resolve?.alias;
      const entries = Array.isArray(alias)
        ? alias
        : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = { ...config.resolve, alias: [native, noContext, ...entries] };
    },
    'build:publicAssets': async (wxt, files) => {
      const started = performance.now();
      files.push({ relativeDest: PROFILES_ASSET, contents: await buildProfilesJson() });
      wxt.logger.info(`Built ${PROFILES_ASSET} in ${Math.round(performance.now() - started)} ms`);
    },
    // Lets `browser.runtime.getURL('/profiles.json')` type-check though the file is generated.
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(PROFILES_ASSET);
    },
  },
});
