import { afterEach, describe, expect, it, vi } from 'vitest';
import { injectIntoOpenTabs, type InjectionApi } from '@/lib/messaging/reinject-content';

afterEach(() => {
  vi.restoreAllMocks();
});

function api(scripting: InjectionApi['scripting']): InjectionApi {
  return {
    runtime: { getManifest: () => ({ content_scripts: [{ js: ['content-scripts/content.js'] }] }) },
    tabs: {
      query: async () => [{ id: 1 }, { id: 2, discarded: true }, { id: 3 }, {}, { id: 4 }],
    },
    scripting,
  };
}

describe('injectIntoOpenTabs', () => {
  it('puts the new content script into every open, loaded web page and warns once for refusals', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const executeScript = vi.fn(async ({ target }: { target: { tabId: number } }) => {
      if (target.tabId === 4) throw new Error('Cannot access contents of the page');
    });
    expect(await injectIntoOpenTabs(api({ executeScript }))).toBe(2);
    expect(executeScript.mock.calls.map(([injection]) => injection)).toEqual([
      { target: { tabId: 1 }, files: ['content-scripts/content.js'] },
      { target: { tabId: 3 }, files: ['content-scripts/content.js'] },
      { target: { tabId: 4 }, files: ['content-scripts/content.js'] },
    ]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/^Dramatis: 1 open tab\(s\) refused/);
  });

  it('does nothing where the browser has no scripting API (Firefox injects by itself)', async () => {
    expect(await injectIntoOpenTabs(api(undefined))).toBe(0);
  });
});
