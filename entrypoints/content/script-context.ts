/**
 * What the content script's build gets instead of WXT's `ContentScriptContext`
 * (wxt.config.ts aliases `wxt/utils/content-script-context` to this file for
 * content-script builds only).
 *
 * WXT's context is 1 KB gzip of the 15 KB budget (a location watcher, timers
 * that stop on invalidation, a logger, and a `window.postMessage` that
 * announces the script to the page). The content script needs two things of
 * it, kept here in a few lines: `isValid`, false once the extension was updated
 * or reloaded under the page (`runtime.id` is gone), and `onInvalidated`, also
 * called when a newer copy of the script starts in the page (the background
 * injects one after an update, lib/background/reinject-content.ts).
 */
import { browser } from 'wxt/browser';

export class ContentScriptContext {
  private readonly listeners: (() => void)[] = [];
  private invalidated = false;

  constructor() {
    // Named with the extension's id: another extension's copy must not stop ours.
    const started = `dramatis:started:${browser.runtime.id}`;
    const self = Math.random().toString(36).slice(2);
    document.addEventListener(started, (event) => {
      if ((event as CustomEvent<string>).detail !== self) this.invalidate();
    });
    document.dispatchEvent(new CustomEvent(started, { detail: self }));
  }

  /** False once the extension is gone from under this script (checking is what notices). */
  get isValid(): boolean {
    if (!this.invalidated && browser.runtime?.id == null) this.invalidate();
    return !this.invalidated;
  }

  /** Calls `callback` once when this script must stop. */
  onInvalidated(callback: () => void): void {
    this.listeners.push(callback);
  }

  private invalidate(): void {
    if (this.invalidated) return;
    this.invalidated = true;
    for (const callback of this.listeners.splice(0)) callback();
  }
}
