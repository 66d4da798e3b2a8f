/**
 * Which tab the popup works on: the active tab of its window, or the tab named
 * by `?tab=<id>` in its URL.
 *
 * Why `?tab=`: tests and screenshots open `popup.html` as a tab of its own,
 * where the active tab is the popup itself; naming the article's tab lets them
 * drive the real popup against a real page. The toolbar never passes it.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** The tab the popup acts on; `id` is absent when the browser does not say. */
export interface TargetTab {
  id: number | null;
  url: string | undefined;
}

/** The tab id in a popup URL's query (`?tab=12`), or null when absent or not an id. */
export function tabIdFromSearch(search: string): number | null {
  const value = new URLSearchParams(search).get('tab');
  if (value === null || !/^\d+$/.test(value)) return null;
  return Number(value);
}

/** The target tab, read once when the popup opens (the popup closes when the tab changes); null while reading. */
export function useTargetTab(search: string = globalThis.location?.search ?? ''): TargetTab | null {
  const [tab, setTab] = useState<TargetTab | null>(null);
  useEffect(() => {
    const named = tabIdFromSearch(search);
    const read =
      named === null
        ? browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => active)
        : browser.tabs.get(named);
    read
      .then((found) => setTab({ id: found?.id ?? null, url: found?.url }))
      .catch((error: unknown) => {
        console.error('Dramatis: reading the target tab failed:', error);
        setTab({ id: null, url: undefined });
      });
  }, [search]);
  return tab;
}
