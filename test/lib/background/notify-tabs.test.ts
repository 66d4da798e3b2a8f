import { describe, expect, it } from 'vitest';
import { tellTabsShowing } from '@/lib/background/notify-tabs';
import type { TabsApi } from '@/lib/messaging/tab-messages';

/** Open tabs at these addresses; records which tabs were told what. */
function tabsAt(urls: (string | undefined)[]): TabsApi & { told: [number, unknown][] } {
  const told: [number, unknown][] = [];
  return {
    told,
    query: () => Promise.resolve(urls.map((url, id) => ({ id, url }) as never)),
    sendMessage: (tabId, message) => {
      told.push([tabId, (message as { type: string }).type]);
      return Promise.resolve();
    },
  };
}

describe('tellTabsShowing', () => {
  it('tells the tabs showing a changed page, however their address is decorated, and the sender', async () => {
    const tabs = tabsAt([
      'https://news.example/story?utm_source=mail#comments',
      'https://news.example/other',
      undefined,
      'https://news.example/story',
      'https://elsewhere.example/page',
    ]);
    await tellTabsShowing(tabs, ['https://news.example/story'], 4);
    expect(tabs.told.map(([id]) => id).sort()).toEqual([0, 3, 4]);
    expect(new Set(tabs.told.map(([, type]) => type))).toEqual(new Set(['annotationsChanged']));
  });

  it('asks no tab when nothing changed on any page', async () => {
    const tabs = tabsAt(['https://news.example/story']);
    await tellTabsShowing(tabs, [], undefined);
    expect(tabs.told).toEqual([]);
  });
});
