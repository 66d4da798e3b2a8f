import { afterEach, describe, expect, it, vi } from 'vitest';
import { injectIntoOpenTabs, type InjectionApi } from '@/lib/background/reinject-content';

afterEach(() => {
  vi.restoreAllMocks();
});

function api(scripting: InjectionApi['scripting']): InjectionApi {
  return {
    runtime: {
      getManifest: () => ({
        content_scripts: [
          { js: ['content-scripts/content.js'], css: ['content-scripts/content.css'] },
        ],
      }),
    },
    tabs: {
      query: async () => [{ id: 1 }, { id: 2, discarded: true }, { id: 3 }, {}, { id: 4 }],
    },
    scripting,
  };
}

describe('injectIntoOpenTabs', () => {
  it('puts the new content script and its stylesheet into every open, loaded web page and warns once for refusals', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const injected: string[] = [];
    const refuseTab4 = async ({
      target,
      files,
    }: {
      target: { tabId: number };
      files: string[];
    }) => {
      if (target.tabId === 4) throw new Error('Cannot access contents of the page');
      injected.push(`${target.tabId}: ${files.join(', ')}`);
    };
    expect(
      await injectIntoOpenTabs(api({ executeScript: refuseTab4, insertCSS: refuseTab4 })),
    ).toBe(2);
    // The sheet before the script, so that its marks are never shown unstyled.
    expect(injected).toEqual([
      '1: content-scripts/content.css',
      '3: content-scripts/content.css',
      '1: content-scripts/content.js',
      '3: content-scripts/content.js',
    ]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/^Dramatis: 1 open tab\(s\) refused/);
  });

  it('does nothing where the browser has no scripting API (Firefox injects by itself)', async () => {
    expect(await injectIntoOpenTabs(api(undefined))).toBe(0);
  });
});
