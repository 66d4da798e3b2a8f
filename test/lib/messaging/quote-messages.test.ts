/**
 * The messages that put saved quotes back on a page and help the popup save
 * them, through the real router and store: anchoring answers offsets or
 * `orphaned`, entity names are found with typos, changes made from a tab are
 * reported to that tab, and malformed params never reach a handler.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import {
  MAX_PAGE_TEXT,
  PARAMS_VALIDATORS,
  type ParamsOf,
  type Result,
} from '@/lib/messaging/protocol';
import type { QuotePlacement } from '@/lib/model/page-state';
import {
  createMessageRouter,
  type MessageRouter,
  type MessageSender,
} from '@/lib/messaging/router';
import type { DramatisDB } from '@/lib/store/db';
import { importBundle } from '@/lib/store/import-bundle';
import { bundle, freshDb } from '../store/fixtures';

const POLICY = { extensionId: 'dramatis-id', extensionOrigin: 'chrome-extension://dramatis-id/' };
const POPUP: MessageSender = {
  id: 'dramatis-id',
  url: 'chrome-extension://dramatis-id/popup.html',
};
const PAGE = 'https://www.phnompenhpost.com/national/cnrp-alleges';
/** The popover frame (or content script) inside the article's tab 5. */
const IN_TAB: MessageSender = {
  id: 'dramatis-id',
  url: 'chrome-extension://dramatis-id/popover.html',
  tab: { id: 5, url: PAGE } as MessageSender['tab'],
};

const PARAGRAPH =
  '“They said that if we do not join, the CNRP will be dissolved,” he said. “But CNRP officials won’t join. We are willing to do farming instead.”';
const TEXT = `CNRP alleges local push\nMao Vibol, head of the provincial committee, spoke.\n${PARAGRAPH}\nThe premier warned again.`;
const EXACT = 'But CNRP officials won’t join. We are willing to do farming instead.';

let db: DramatisDB;
let route: MessageRouter;
let changes: { urls: readonly string[]; tabId: number | undefined }[];
beforeEach(async () => {
  db = freshDb();
  await importBundle(db, bundle());
  changes = [];
  route = createMessageRouter(
    createBackgroundHandlers(db, {
      onAnnotationsChanged: (urls, tabId) => changes.push({ urls, tabId }),
    }),
    POLICY,
  );
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

async function ask<T>(type: string, params: unknown, sender = POPUP): Promise<Result<T>> {
  return (await route({ dramatis: 1, type, params }, sender)) as Result<T>;
}

async function value<T>(type: string, params: unknown, sender = POPUP): Promise<T> {
  const result = await ask<T>(type, params, sender);
  if (!result.ok) throw new Error(`${type}: ${result.error.message}`);
  return result.value;
}

/** Saves {@link EXACT} as described in {@link TEXT}, as the popup does. */
async function saveQuote(): Promise<string> {
  const start = TEXT.indexOf(EXACT);
  const params: ParamsOf<'saveQuote'> = {
    url: PAGE,
    title: 'CNRP alleges',
    quote: {
      type: 'TextQuoteSelector',
      exact: EXACT,
      prefix: TEXT.slice(start - 32, start),
      suffix: TEXT.slice(start + EXACT.length, start + EXACT.length + 32),
    },
    position: { type: 'TextPositionSelector', start, end: start + EXACT.length },
    note: 'Farming rather than defecting',
  };
  return (await value<{ annotation: { id: string } }>('saveQuote', params)).annotation.id;
}

function placements(text: string, url = PAGE): Promise<{ placements: QuotePlacement[] }> {
  return value('anchorPageAnnotations', { url, canonicalUrl: null, text });
}

describe('anchorPageAnnotations', () => {
  it('places a saved quote exactly, fuzzily in an edited page, and orphans it when it is gone', async () => {
    const id = await saveQuote();
    await value('savePageNote', { url: PAGE, title: 'CNRP alleges', note: 'Whole page' });

    const exact = (await placements(TEXT)).placements;
    const at = TEXT.indexOf(EXACT);
    // The page note has nothing to place, so only the quote is answered.
    expect(exact).toEqual([{ id, start: at, end: at + EXACT.length }]);

    const edited = `Updated 9 November.\n${TEXT.replace('We are willing to do farming', 'We are ready to do farming')}`;
    const [moved] = (await placements(`${edited}`)).placements;
    expect(moved).toMatchObject({ id });
    expect(moved && 'start' in moved && edited.slice(moved.start, moved.end)).toContain(
      'ready to do farming instead',
    );

    const without = TEXT.replace(PARAGRAPH, 'A different paragraph entirely.');
    expect((await placements(without)).placements).toEqual([{ id, orphaned: true }]);
  });

  it('finds quotes saved under a tracking-parameter address and answers nothing for other pages', async () => {
    const id = await saveQuote();
    const tracked = (await placements(TEXT, `${PAGE}?utm_source=newsletter#top`)).placements;
    expect(tracked.map((placement) => placement.id)).toEqual([id]);
    expect((await placements(TEXT, 'https://example.com/other')).placements).toEqual([]);
  });

  it('refuses page text over the limit and params of the wrong shape', () => {
    const check = PARAMS_VALIDATORS.anchorPageAnnotations;
    expect(check({ url: PAGE, text: 'x' })).toBe(true);
    expect(check({ url: PAGE, text: 'x'.repeat(MAX_PAGE_TEXT + 1) })).toBe(false);
    expect(check({ url: PAGE })).toBe(false);
    expect(check({ url: 7, text: '' })).toBe(false);
  });
});

describe('getAnnotation', () => {
  it('answers the record, and null once it is deleted', async () => {
    const id = await saveQuote();
    const found = await value<{ annotation: { note: string } | null }>('getAnnotation', { id });
    expect(found.annotation?.note).toBe('Farming rather than defecting');
    await value('deleteAnnotation', { id });
    expect(await value('getAnnotation', { id })).toEqual({ annotation: null });
  });
});

describe('searchEntities', () => {
  it('finds names with typos and by alias, best first', async () => {
    const misspelt = await value<{ entities: { id: string }[] }>('searchEntities', {
      query: 'sochau',
    });
    expect(misspelt.entities[0]?.id).toBe('person:mu-sochua');
    const alias = await value<{ entities: { id: string; kind: string }[] }>('searchEntities', {
      query: 'CNRP',
    });
    expect(alias.entities[0]).toMatchObject({
      id: 'organization:cambodia-national-rescue-party',
      kind: 'organization',
    });
    expect(await value('searchEntities', { query: '  ' })).toEqual({ entities: [] });
  });

  it('searches a new bundle after an upgrade', async () => {
    expect(
      (await value<{ entities: unknown[] }>('searchEntities', { query: 'Kem Sokha' })).entities,
    ).toEqual([]);
    const [first] = bundle().entities;
    const kem = { ...first!, id: 'person:kem-sokha', name: 'Kem Sokha', aliases: [] };
    await importBundle(db, bundle({ hash: 'b'.repeat(64), entities: [...bundle().entities, kem] }));
    const found = await value<{ entities: { id: string }[] }>('searchEntities', {
      query: 'Kem Sokha',
    });
    expect(found.entities[0]?.id).toBe('person:kem-sokha');
  });

  it('refuses a query that is not a short string', async () => {
    expect((await ask('searchEntities', { query: 7 })).ok).toBe(false);
    expect((await ask('searchEntities', { query: 'x'.repeat(500) })).ok).toBe(false);
  });
});

describe('changes to annotations', () => {
  it('name the page they are on, and the tab they were made from', async () => {
    const id = await saveQuote();
    const url = changes[0]?.urls[0];
    expect(url).toMatch(/^https:\/\//);
    expect(changes).toEqual([{ urls: [url], tabId: undefined }]);
    await value('updateAnnotation', { id, note: 'Edited in the card' }, IN_TAB);
    const deleted = await value<{ deleted: unknown }>('deleteAnnotation', { id }, IN_TAB);
    await value('restoreAnnotation', { record: deleted.deleted }, IN_TAB);
    // The options page deletes with no tab: the pages showing the quote are told all the same.
    await value('deleteAnnotation', { id });
    expect(changes.slice(1)).toEqual([
      { urls: [url], tabId: 5 },
      { urls: [url], tabId: 5 },
      { urls: [url], tabId: 5 },
      { urls: [url], tabId: undefined },
    ]);
  });
});

describe('a page with a very long address', () => {
  const LONG_PAGE = `https://news.example/story?${'q='.padEnd(20_000, 'x')}`;
  const LONG_CANONICAL = `https://news.example/canonical?${'c='.padEnd(20_000, 'y')}`;
  const quote = {
    type: 'TextQuoteSelector',
    exact: 'A quote on a long page',
    prefix: '',
    suffix: '',
  } as const;

  it('saves, drops a canonical too long to keep, and finds the quote again', async () => {
    const saved = await value<{ annotation: { url: string } }>('saveQuote', {
      url: LONG_PAGE,
      canonicalUrl: LONG_CANONICAL,
      title: 'Long',
      quote,
      position: null,
    });
    expect(saved.annotation.url).toBe(LONG_PAGE);
    const found = await value<{ annotations: unknown[] }>('getPageAnnotations', {
      url: LONG_PAGE,
      canonicalUrl: LONG_CANONICAL,
    });
    expect(found.annotations).toHaveLength(1);
  });
});

describe('a content script asking for its page’s quotes', () => {
  const contentOn = (url: string): MessageSender => ({
    id: POLICY.extensionId,
    url,
    tab: { id: 9, url } as MessageSender['tab'],
    frameId: 0,
  });

  it('gets the quotes of the page it runs in, never of the page it names', async () => {
    await saveQuote();
    const own = await value<{ annotations: unknown[] }>(
      'getPageAnnotations',
      { url: PAGE },
      contentOn(PAGE),
    );
    expect(own.annotations).toHaveLength(1);
    const other = await value<{ annotations: unknown[] }>(
      'getPageAnnotations',
      { url: PAGE, canonicalUrl: PAGE },
      contentOn('https://attacker.example/copy'),
    );
    expect(other.annotations).toEqual([]);
    const anchored = await value<{ placements: unknown[] }>(
      'anchorPageAnnotations',
      { url: PAGE, text: TEXT },
      contentOn('https://attacker.example/copy'),
    );
    expect(anchored.placements).toEqual([]);
  });
});
