import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import type { PageTextAnswer } from '@/lib/match/page-text';
import { joinPageTexts } from '@/lib/match/page-text-codec';
import { request, type Result } from '@/lib/messaging/protocol';
import {
  createMessageRouter,
  isTrustedSender,
  listenForMessages,
  type BackgroundHandlers,
  type MessageRouter,
  type MessageSender,
} from '@/lib/messaging/router';
import { sendMessage } from '@/lib/messaging/send';
import type { DramatisDB } from '@/lib/store/db';
import { importBundle } from '@/lib/store/import-bundle';
import { bundle, freshDb } from '../store/fixtures';

const POLICY = { extensionId: 'dramatis-id', extensionOrigin: 'chrome-extension://dramatis-id/' };
const OPTIONS_PAGE: MessageSender = {
  id: 'dramatis-id',
  url: 'chrome-extension://dramatis-id/options.html',
};
const CONTENT_SCRIPT: MessageSender = {
  id: 'dramatis-id',
  url: 'https://www.phnompenhpost.com/national',
  tab: { id: 3 } as MessageSender['tab'],
  frameId: 0,
};

let db: DramatisDB;
let route: MessageRouter;
beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb();
  await importBundle(db, bundle());
  route = createMessageRouter(createBackgroundHandlers(db), POLICY);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('isTrustedSender', () => {
  it('trusts this extension’s pages and content scripts only', () => {
    expect(isTrustedSender(OPTIONS_PAGE, POLICY)).toBe(true);
    expect(isTrustedSender(CONTENT_SCRIPT, POLICY)).toBe(true);
    expect(isTrustedSender({ ...OPTIONS_PAGE, id: 'other-extension' }, POLICY)).toBe(false);
    expect(isTrustedSender({ id: 'dramatis-id', url: 'https://evil.example/' }, POLICY)).toBe(
      false,
    );
    expect(isTrustedSender({}, POLICY)).toBe(false);
  });
});

describe('the background router', () => {
  it('answers getStoreStatus with counts, bundle and import state', async () => {
    const result = await route(request('getStoreStatus', {}), OPTIONS_PAGE);
    expect(result).toMatchObject({
      ok: true,
      value: {
        counts: { people: 2, organizations: 1, places: 1, documents: 1, annotations: 0 },
        bundle: { hash: 'a'.repeat(64), entities: 4, documents: 1 },
        import: { state: 'never' },
      },
    });
  });

  it('answers matchPageText with the names in the text that are aliases', async () => {
    const result = await route(
      request('matchPageText', {
        text: joinPageTexts(['The CNRP met.', 'Nobody came.', 'In Siem Reap']),
        confirmed: [],
      }),
      CONTENT_SCRIPT,
    );
    expect(result?.ok).toBe(true);
    const value = result?.ok ? (result.value as PageTextAnswer) : null;
    // Offsets in the joined text: "In Siem Reap" starts at 27, after two texts and their separators.
    expect(value?.mentions).toEqual([4, 8, 0, 30, 39, 1]);
    expect(value?.entities.map((entity) => entity.entityId)).toEqual([
      'organization:cambodia-national-rescue-party',
      'place:siem-reap',
    ]);
  });

  it('leaves messages that are not Dramatis requests to other listeners', () => {
    expect(route({ type: 'getStoreStatus' }, OPTIONS_PAGE)).toBeNull();
  });

  it('refuses senders outside the extension before looking at the message', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const result = await route(request('getStoreStatus', {}), {
      id: 'other',
      url: 'https://evil.example/',
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'This extension only answers its own pages.' },
    });
  });

  it('rejects unknown types and malformed params as bad requests', async () => {
    const unknown = await route({ dramatis: 1, type: 'dropDatabase', params: {} }, OPTIONS_PAGE);
    const malformed = await route(
      { dramatis: 1, type: 'matchPageText', params: { text: ['CNRP'], confirmed: [] } },
      CONTENT_SCRIPT,
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('turns a handler’s exception into an error result with its message', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handlers: BackgroundHandlers = {
      ...createBackgroundHandlers(db),
      getStoreStatus: () => {
        throw new Error('Database is closed');
      },
    };
    const result = await createMessageRouter(handlers, POLICY)(
      request('getStoreStatus', {}),
      OPTIONS_PAGE,
    );
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: 'Database is closed' } });
  });
});

describe('runtime wiring', () => {
  it('replies through sendResponse so every browser gets the answer', async () => {
    listenForMessages(fakeBrowser.runtime.onMessage, route);
    const response = await new Promise<Result<unknown>>((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger(
        request('getStoreStatus', {}),
        OPTIONS_PAGE,
        resolve,
      );
    });
    expect(response.ok).toBe(true);
  });

  it('delivers the router’s error to sendMessage (the fake browser sends without a sender)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    listenForMessages(fakeBrowser.runtime.onMessage, route);
    const result = await sendMessage('getStoreStatus', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('reports an unreachable background instead of rejecting', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await sendMessage('matchPageText', { text: 'Mu Sochua', confirmed: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'unreachable' } });
  });

  it('stops answering once unsubscribed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stop = listenForMessages(fakeBrowser.runtime.onMessage, route);
    stop();
    expect(await sendMessage('getStoreStatus', {})).toMatchObject({
      ok: false,
      error: { code: 'unreachable' },
    });
  });
});
