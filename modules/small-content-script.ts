/**
 * The content script is loaded into every page and has a 15 KB budget, of
 * which webextension-polyfill would take 3 KB. It needs nothing the polyfill
 * adds: runtime.sendMessage and runtime.connect return promises natively in
 * Chrome MV3 and Firefox, and its one answering listener replies with
 * sendResponse. So its build (and WXT's own content-script runtime) gets the
 * browser's API directly; every other context keeps the polyfill. Nor does it
 * use the context WXT builds for main(ctx): a constructor-only stand-in saves
 * 1 KB (entrypoints/content/script-context.ts says what is left out).
 */
import { fileURLToPath } from 'node:url';
import { defineWxtModule } from 'wxt/modules';

const SCRIPT_CONTEXT = fileURLToPath(
  new URL('../entrypoints/content/script-context.ts', import.meta.url),
);

export default defineWxtModule((wxt) => {
  wxt.hook('vite:build:extendConfig', (entrypoints, config) => {
    if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
    const native = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
    const noContext = {
      find: /^wxt\/utils\/content-script-context$/,
      replacement: SCRIPT_CONTEXT,
    };
    const alias = config.resolve?.alias;
    const entries = Array.isArray(alias)
      ? alias
      : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
    config.resolve = { ...config.resolve, alias: [native, noContext, ...entries] };
  });
});
