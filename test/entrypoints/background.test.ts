/**
 * The background as wired in entrypoints/background: fetches the shipped
 * profiles.json, imports it, and answers the options page. The bundle is built
 * from the real seed corpus, as `wxt build` does.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Dexie } from 'dexie';
import background from '@/entrypoints/background';
import type { PageTextAnswer } from '@/lib/match/page-text';
import { request, type Result, type StoreStatus } from '@/lib/messaging/protocol';
import type { MessageSender } from '@/lib/messaging/router';
import { buildBundle, readSourceFolder } from '@/lib/profiles';
import type { ProfileBundle } from '@/lib/model/bundle-format';
import { SAVE_QUOTE_MENU_ID } from '@/lib/background/save-from-tab';
import { DEFAULT_DB_NAME } from '@/lib/store/db';

let shipped: ProfileBundle;
beforeAll(async () => {
  shipped = await buildBundle(await readSourceFolder('assets/sources'));
});

/** The file the fake extension serves as profiles.json. */
let profilesJson: string;
beforeEach(() => {
  fakeBrowser.reset();
  profilesJson = JSON.stringify(shipped);
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) =>
    String(input) === fakeBrowser.runtime.getURL('/profiles.json')
      ? new Response(profilesJson)
      : new Response('', { status: 404 }),
  );
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Dexie.delete(DEFAULT_DB_NAME);
});

const OPTIONS_PAGE: MessageSender = {
  id: 'test-extension-id',
  url: 'chrome-extension://test-extension-id/options.html',
};

/** Asks the running background, as the options page would. */
async function ask(message: unknown, sender = OPTIONS_PAGE): Promise<Result<StoreStatus>> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender, resolve);
  });
}

/** Waits until the background's import has finished, and returns the status. */
async function settledStatus(): Promise<StoreStatus> {
  return vi.waitFor(
    async () => {
      const result = await ask(request('getStoreStatus', {}));
      if (!result.ok) throw new Error(result.error.message);
      if (['never', 'importing'].includes(result.value.import.state))
        throw new Error('still importing');
      return result.value;
    },
    { timeout: 10_000, interval: 20 },
  );
}

const count = (kind: string) => shipped.entities.filter((entity) => entity.kind === kind).length;

describe('background', () => {
  it('fills an empty store from profiles.json when it starts', async () => {
    background.main();
    const status = await settledStatus();
    expect(status.import).toMatchObject({ state: 'done', changed: true });
    expect(status.bundle?.hash).toBe(shipped.hash);
    expect(status.counts).toMatchObject({
      people: count('person'),
      organizations: count('organization'),
      places: count('place'),
      documents: shipped.documents.length,
    });
    expect(status.counts.people).toBeGreaterThanOrEqual(10);
  });

  it('re-imports on install or update, a no-op for the same bundle', async () => {
    background.main();
    await settledStatus();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    expect((await settledStatus()).import).toMatchObject({ state: 'done', changed: false });
  });

  it('adds the "Save quote to Dramatis" menu item for selections at install and at browser start', async () => {
    const removeAll = vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue();
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue('');
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    expect(removeAll).toHaveBeenCalledTimes(2);
    expect(create).toHaveBeenCalledWith({
      id: SAVE_QUOTE_MENU_ID,
      title: 'Save quote to Dramatis',
      contexts: ['selection'],
    });
    await settledStatus();
  });

  it('records a corrupt profiles.json for the options page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    profilesJson = JSON.stringify({ ...shipped, hash: '0'.repeat(64) });
    background.main();
    const status = await settledStatus();
    expect(status.import.state).toBe('failed');
    expect(status.import.state === 'failed' && status.import.error).toMatch(/^profiles\.json: /);
    expect(status.bundle).toBeNull();
    expect(status.counts.people).toBe(0);
  });

  it('finds the known names in a content script’s text', async () => {
    background.main();
    await settledStatus();
    const contentScript: MessageSender = {
      id: 'test-extension-id',
      url: 'https://www.phnompenhpost.com/national',
      tab: { id: 1 } as MessageSender['tab'],
      frameId: 0,
    };
    const result = (await ask(
      request('matchPageText', { text: 'The CNRP and Hun Sen, the rivals.', confirmed: [] }),
      contentScript,
    )) as Result<PageTextAnswer>;
    expect(result.ok && result.value.mentions).toEqual([4, 8, 0, 13, 20, 1]);
    expect(result.ok && result.value.entities.map((entity) => entity.name)).toEqual([
      'Cambodia National Rescue Party',
      'Hun Sen',
    ]);
  });

  it('refuses messages from other extensions', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    background.main();
    const result = await ask(request('getStoreStatus', {}), { id: 'another-extension' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await settledStatus();
  });
});
