import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { PARAMS_VALIDATORS, request, type BackgroundMessageType } from '@/lib/messaging/protocol';
import {
  createMessageRouter,
  type BackgroundHandlers,
  type MessageRouter,
  type MessageSender,
} from '@/lib/messaging/router';
import { ALLOWED_SENDERS, senderKindOf, type SenderKind } from '@/lib/messaging/senders';
import type { DramatisDB } from '@/lib/store/db';
import { importBundle } from '@/lib/store/import-bundle';
import { readSettings } from '@/lib/store/settings';
import { bundle, freshDb } from '../store/fixtures';

const POLICY = { extensionId: 'dramatis-id', extensionOrigin: 'chrome-extension://dramatis-id/' };
const ARTICLE = 'https://www.phnompenhpost.com/national/cnrp-alleges';
const TAB = { id: 7, url: ARTICLE } as MessageSender['tab'];

/** One sender of each kind, as Chromium reports them. */
const SENDERS: Record<SenderKind, MessageSender> = {
  content: { id: 'dramatis-id', url: ARTICLE, tab: TAB, frameId: 0 },
  popover: {
    id: 'dramatis-id',
    url: 'chrome-extension://dramatis-id/popover.html',
    tab: TAB,
    frameId: 4,
  },
  page: { id: 'dramatis-id', url: 'chrome-extension://dramatis-id/popup.html' },
};
const KINDS = Object.keys(SENDERS) as SenderKind[];
const TYPES = Object.keys(PARAMS_VALIDATORS) as BackgroundMessageType[];

const SAVED_QUOTE = {
  url: ARTICLE,
  title: 'CNRP alleges local push',
  quote: { type: 'TextQuoteSelector', exact: 'the CNRP would not give up', prefix: '', suffix: '' },
  position: null,
};

describe('senderKindOf', () => {
  it('tells the content script, the card and the other extension pages apart', () => {
    expect(senderKindOf(SENDERS.content, POLICY)).toBe('content');
    expect(senderKindOf(SENDERS.popover, POLICY)).toBe('popover');
    expect(
      senderKindOf(
        { ...SENDERS.popover, url: `${POLICY.extensionOrigin}popover.html?entity=x` },
        POLICY,
      ),
    ).toBe('popover');
    expect(senderKindOf(SENDERS.page, POLICY)).toBe('page');
    // The options page opens in a tab: still an extension page, not a content script.
    expect(
      senderKindOf(
        { ...SENDERS.page, url: `${POLICY.extensionOrigin}options.html`, tab: TAB },
        POLICY,
      ),
    ).toBe('page');
  });

  it('knows the card and the extension pages at Chrome’s dynamic origin too (use_dynamic_url)', () => {
    const dynamic = 'chrome-extension://0b9c6d5e-1f2a-4b3c-8d4e-5f6a7b8c9d0e/';
    const policy = { ...POLICY, dynamicOrigin: dynamic };
    expect(senderKindOf({ ...SENDERS.popover, url: `${dynamic}popover.html#t` }, policy)).toBe(
      'popover',
    );
    expect(senderKindOf(SENDERS.popover, policy)).toBe('popover');
    // Without it, the dynamic origin is some other page in a tab: no frame of ours.
    expect(senderKindOf({ ...SENDERS.popover, url: `${dynamic}popover.html` }, POLICY)).toBeNull();
  });

  it('refuses other extensions, frames our content script does not run in, and senders without a url', () => {
    expect(senderKindOf({ ...SENDERS.page, id: 'other-extension' }, POLICY)).toBeNull();
    expect(senderKindOf({ ...SENDERS.content, frameId: 2 }, POLICY)).toBeNull();
    expect(senderKindOf({ id: 'dramatis-id', url: ARTICLE }, POLICY)).toBeNull();
    expect(senderKindOf({ id: 'dramatis-id', tab: TAB, frameId: 0 }, POLICY)).toBeNull();
    // Another extension's origin that shares our id as a prefix is not ours.
    expect(
      senderKindOf(
        { id: 'dramatis-id', url: 'chrome-extension://dramatis-idx/popup.html' },
        POLICY,
      ),
    ).toBeNull();
  });
});

describe('the router’s sender rules', () => {
  let calls: string[];
  let route: MessageRouter;
  beforeEach(() => {
    calls = [];
    // Handlers that only record that they ran: these tests are about what reaches them.
    const recording = Object.fromEntries(
      TYPES.map((type) => [type, () => (calls.push(type), {})]),
    ) as unknown as BackgroundHandlers;
    route = createMessageRouter(recording, POLICY);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('gives every message at least the extension pages, and the content script only what it needs', () => {
    for (const type of TYPES) expect(ALLOWED_SENDERS[type]).toContain('page');
    const fromContent = TYPES.filter((type) => ALLOWED_SENDERS[type].includes('content'));
    expect(fromContent.sort()).toEqual([
      'anchorPageAnnotations',
      'getPageAnnotations',
      'getSettings',
      'matchPageText',
    ]);
  });

  it.each(KINDS)(
    'refuses from %s every message not allowed to it, before its handler runs',
    async (kind) => {
      const refused = TYPES.filter((type) => !ALLOWED_SENDERS[type].includes(kind));
      for (const type of refused) {
        const result = await route({ dramatis: 1, type, params: {} }, SENDERS[kind]);
        expect(result).toMatchObject({
          ok: false,
          error: {
            code: 'forbidden',
            message: expect.stringContaining(`${type} is not accepted from`),
          },
        });
      }
      expect(calls).toEqual([]);
    },
  );

  it('refuses an unknown sender the same way whatever it asks, without saying which types exist', async () => {
    const stranger = { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' };
    for (const type of ['getStoreStatus', 'dropDatabase']) {
      expect(await route({ dramatis: 1, type, params: {} }, stranger)).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'This extension only answers its own pages.' },
      });
    }
    expect(calls).toEqual([]);
  });

  it('names an unknown type, and leaves other protocol versions and foreign messages unanswered', async () => {
    expect(await route({ dramatis: 1, type: 'dropDatabase', params: {} }, SENDERS.page)).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'Unknown message type: dropDatabase' },
    });
    expect(route({ dramatis: 2, type: 'getSettings', params: {} }, SENDERS.page)).toBeNull();
    expect(route({ type: 'getSettings' }, SENDERS.page)).toBeNull();
    expect(route('getSettings', SENDERS.page)).toBeNull();
  });

  it.each(TYPES)('refuses %s without params, with the shape it expects', async (type) => {
    for (const params of [undefined, null, 'x', [1]]) {
      const result = await route({ dramatis: 1, type, params }, SENDERS.page);
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      // updateSettings explains with the settings page's own words instead.
      if (type !== 'updateSettings') {
        expect(result).toMatchObject({
          error: {
            message: expect.stringMatching(
              new RegExp(`^Malformed params for ${type}: expected \\{`),
            ),
          },
        });
      }
    }
    expect(calls).toEqual([]);
  });

  it('refuses missing fields and wrong types, and passes well-formed params through', async () => {
    const bad: Array<[BackgroundMessageType, unknown]> = [
      ['matchPageText', {}],
      ['matchPageText', { text: 12, confirmed: [] }],
      ['matchPageText', { text: ['The CNRP met.'], confirmed: [] }],
      ['matchPageText', { text: 'The CNRP met.' }],
      ['matchPageText', { text: '\u001e'.repeat(20_000), confirmed: [] }],
      ['getEntityProfile', { entityId: '' }],
      ['addEntityNote', { entityId: 'person:mu-sochua' }],
      ['addEntityNote', { entityId: 'person:mu-sochua', text: 42 }],
      ['saveQuote', { ...SAVED_QUOTE, title: undefined }],
      ['saveQuote', { ...SAVED_QUOTE, position: 'start' }],
      ['saveQuote', { ...SAVED_QUOTE, tags: 'exile' }],
      ['saveQuote', { ...SAVED_QUOTE, quote: { type: 'TextQuoteSelector', exact: 5 } }],
      ['getPageAnnotations', { url: 12 }],
      ['anchorPageAnnotations', { url: ARTICLE }],
      ['searchEntities', { query: 'x'.repeat(201) }],
      ['getSettings', { extra: true }],
      ['updateSettings', { patch: { hoverDelayMs: 'soon' } }],
    ];
    for (const [type, params] of bad) {
      const result = await route({ dramatis: 1, type, params }, SENDERS.page);
      expect(result, `${type} ${JSON.stringify(params)?.slice(0, 80)}`).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      });
    }
    expect(calls).toEqual([]);

    await route(
      request('matchPageText', { text: 'The CNRP met.', confirmed: [] }),
      SENDERS.content,
    );
    await route(request('getEntityProfile', { entityId: 'person:mu-sochua' }), SENDERS.popover);
    await route(request('saveQuote', SAVED_QUOTE as never), SENDERS.page);
    expect(calls).toEqual(['matchPageText', 'getEntityProfile', 'saveQuote']);
  });
});

describe('a content script talked into misbehaving', () => {
  let db: DramatisDB;
  let route: MessageRouter;
  beforeEach(async () => {
    db = freshDb();
    await importBundle(db, bundle());
    route = createMessageRouter(createBackgroundHandlers(db), POLICY);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await db.delete();
  });

  it('cannot turn marking off, read or delete saved quotes from the store; its page still gets its own', async () => {
    const saved = await route(request('saveQuote', SAVED_QUOTE as never), SENDERS.page);
    const id = saved?.ok ? (saved.value as { annotation: { id: string } }).annotation.id : '';
    expect(id).not.toBe('');

    const content = SENDERS.content;
    const attempts = await Promise.all([
      route(request('updateSettings', { patch: { enabled: false } }), content),
      route(request('deleteAnnotation', { id }), content),
      route(request('getAnnotation', { id }), content),
      route(request('listTags', {}), content),
      route(request('getStoreStatus', {}), content),
    ]);
    for (const attempt of attempts)
      expect(attempt).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await readSettings(db)).enabled).toBe(true);
    expect(await db.annotations.get(id)).toBeDefined();

    const own = await route(request('getPageAnnotations', { url: ARTICLE }), content);
    expect(own).toMatchObject({ ok: true, value: { annotations: [{ id }] } });
  });
});
