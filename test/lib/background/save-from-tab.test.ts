/**
 * Saving from the context menu and the save-quote shortcut, as the
 * background's menu and command listeners call it (the browser's menus and
 * shortcuts cannot be driven by a test): the tab's report becomes a saved
 * quote with W3C selectors, the tab is told to highlight it, and every
 * failure is answered in words. Also the content script's message checks.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeQuote } from '@/lib/anchor/describe';
import { isContentRequest } from '@/lib/messaging/content-messages';
import { type PageReport } from '@/lib/model/page-state';
import { readTabPage } from '@/lib/messaging/tab-messages';
import { describeExcerpt } from '@/lib/anchor/describe';
import { isHostToFrame } from '@/lib/messaging/popover-channel';
import { contentRequest } from '@/lib/messaging/protocol';
import {
  registerSaveQuoteMenu,
  SAVE_QUOTE_MENU_ID,
  saveSelectionFromTab,
  showProblemInPopup,
} from '@/lib/background/save-from-tab';
import type { DramatisDB } from '@/lib/store/db';
import { freshDb } from '@/test/lib/store/fixtures';

/** What the reader reads (the English messages). */
const NOTHING_SELECTED = 'Select some text on the page first, then save it as a quote.';
const PAGE_UNREACHABLE =
  'Dramatis cannot read this page. Reload the page and try again (browser pages and the extension store cannot be read).';

const PAGE = 'https://www.phnompenhpost.com/national/cnrp-alleges?utm_source=x';
const TEXT = `${'Header text. '.repeat(300)}\nMao Vibol said CNRP officials won’t join. We are willing to do farming instead.\n${'Footer. '.repeat(400)}`;
const EXACT = 'We are willing to do farming instead.';

/** What the content script answers with `EXACT` selected (excerpt as lib/page/read-page.ts cuts it). */
function report(selected = true): PageReport {
  const start = TEXT.indexOf(EXACT);
  const end = start + EXACT.length;
  const offset = Math.max(0, start - 2000);
  return {
    url: PAGE,
    canonicalUrl: null,
    title: 'CNRP alleges',
    orphanedIds: [],
    selection: selected
      ? {
          text: TEXT.slice(offset, end + 2000),
          offset,
          start,
          end,
          entities: [{ id: 'person:mao-vibol', name: 'Mao Vibol' }],
        }
      : null,
  };
}

/** A tabs API whose tab 3 answers readPage with `answer` and records every message. */
function fakeTabs(answer: unknown) {
  const sent: unknown[] = [];
  return {
    sent,
    sendMessage: vi.fn(async (tabId: number, message: unknown) => {
      sent.push(message);
      if (tabId !== 3) throw new Error('Could not establish connection.');
      return (message as { type: string }).type === 'readPage' ? answer : undefined;
    }),
  };
}

let db: DramatisDB;
beforeEach(() => {
  db = freshDb();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('saveSelectionFromTab', () => {
  it('saves the selection with its selectors and entities, then tells the tab to show it', async () => {
    const tabs = fakeTabs(report());
    const result = await saveSelectionFromTab(db, tabs, 3);
    if (!result.ok) throw new Error(result.problem);
    const full = describeQuote(TEXT, TEXT.indexOf(EXACT), TEXT.indexOf(EXACT) + EXACT.length);
    expect(result.annotation).toMatchObject({
      url: 'https://www.phnompenhpost.com/national/cnrp-alleges',
      quote: full.quote,
      position: full.position,
      entityIds: ['person:mao-vibol'],
      note: '',
    });
    expect(await db.annotations.count()).toBe(1);
    expect(tabs.sent.at(-1)).toEqual(
      contentRequest('quoteSaved', { annotationId: result.annotation.id }),
    );
  });

  it('answers in words when nothing is selected, the page cannot be read, or the store refuses', async () => {
    expect(await saveSelectionFromTab(db, fakeTabs(report(false)), 3)).toEqual({
      ok: false,
      problem: NOTHING_SELECTED,
    });
    expect(await saveSelectionFromTab(db, fakeTabs(report()), 4)).toEqual({
      ok: false,
      problem: PAGE_UNREACHABLE,
    });
    expect(await saveSelectionFromTab(db, fakeTabs({ url: 1 }), 3)).toEqual({
      ok: false,
      problem: PAGE_UNREACHABLE,
    });
    const refused = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    vi.spyOn(db.annotations, 'add').mockRejectedValue(refused);
    const full = await saveSelectionFromTab(db, fakeTabs(report()), 3);
    expect(full.ok === false && full.problem).toMatch(/storage full\?/);
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('the page report', () => {
  it('describes an excerpt exactly as the whole page text would be described', async () => {
    const page = await readTabPage(fakeTabs(report()), 3);
    const start = TEXT.indexOf(EXACT);
    expect(page.selection).toEqual({
      ...describeQuote(TEXT, start, start + EXACT.length),
      entities: [{ id: 'person:mao-vibol', name: 'Mao Vibol' }],
    });
  });

  it('treats a selection of only spaces as no selection', () => {
    const text = 'one   two';
    expect(describeExcerpt({ text, offset: 0, start: 3, end: 6, entities: [] })).toBeNull();
  });
});

it('says what went wrong in the popup page, opened for the same tab', async () => {
  const create = vi.fn(async () => ({}));
  await showProblemInPopup({ create }, 'chrome-extension://x/popup.html', 3, NOTHING_SELECTED);
  const [[properties]] = create.mock.calls as unknown as [[{ url: string; type: string }]];
  const url = new URL(properties.url);
  expect(properties.type).toBe('popup');
  expect(url.pathname).toBe('/popup.html');
  expect(url.searchParams.get('tab')).toBe('3');
  expect(url.searchParams.get('problem')).toBe(NOTHING_SELECTED);
  // A browser that cannot open the window is logged, not thrown at the menu listener.
  await showProblemInPopup(
    { create: () => Promise.reject(new Error('no windows')) },
    'chrome-extension://x/popup.html',
    3,
    'x',
  );
  expect(console.error).toHaveBeenCalled();
});

it('adds the menu item for selections, replacing one kept from before', async () => {
  const calls: string[] = [];
  await registerSaveQuoteMenu({
    removeAll: async () => void calls.push('removeAll'),
    create: (properties) => calls.push(`create ${JSON.stringify(properties)}`),
  });
  expect(calls).toEqual([
    'removeAll',
    `create ${JSON.stringify({ id: SAVE_QUOTE_MENU_ID, title: 'Save quote to Dramatis', contexts: ['selection'] })}`,
  ]);
});

it('checks the new content and popover-channel messages', () => {
  expect(isContentRequest(contentRequest('readPage', {}))).toBe(true);
  expect(isContentRequest(contentRequest('annotationsChanged', {}))).toBe(true);
  expect(isContentRequest(contentRequest('quoteSaved', { annotationId: 'a1' }))).toBe(true);
  expect(isContentRequest({ dramatis: 1, type: 'quoteSaved', params: {} })).toBe(false);
  expect(isContentRequest({ dramatis: 1, type: 'readPage' })).toBe(false);
  const quote = { type: 'showQuote', annotationId: 'a1', trigger: 'hover', justSaved: false };
  expect(isHostToFrame({ ...quote, theme: 'dark' })).toBe(true);
  expect(isHostToFrame({ ...quote, annotationId: '', theme: 'dark' })).toBe(false);
  expect(isHostToFrame({ ...quote, justSaved: undefined, theme: 'dark' })).toBe(false);
  // The theme is one of the setting's values, or the show is refused.
  expect(isHostToFrame(quote)).toBe(false);
  expect(isHostToFrame({ ...quote, theme: 'url(x)' })).toBe(false);
  const show = { type: 'show', entityId: 'person:x', mentionText: 'X', trigger: 'hover' };
  expect(isHostToFrame({ ...show, theme: 'system' })).toBe(true);
  expect(isHostToFrame(show)).toBe(false);
});
