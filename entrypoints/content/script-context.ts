/**
 * What the content script's build gets instead of WXT's `ContentScriptContext`
 * (wxt.config.ts aliases `wxt/utils/content-script-context` to this file for
 * content-script builds only).
 *
 * WXT builds one for every content script before calling `main(ctx)`, whether
 * main uses it or not: 1 KB gzip of the 15 KB budget for a location watcher,
 * invalidation listeners, timers that stop on invalidation, and a
 * `window.postMessage` that announces the script to the page. Our `main()`
 * takes no context, so WXT's `new ContentScriptContext(name, options)` gets an
 * empty object. A content script that needs `ctx` (onInvalidated,
 * ctx.setTimeout, …) must drop the alias.
 */
export class ContentScriptContext {}
