// @vitest-environment happy-dom
/**
 * The popup saving a quote, through the real handlers over the seed store: the
 * tab's selection as a quote card with its entities, chips removed and added by
 * a misspelt name, a note and tags, Ctrl+Enter; a refused save keeps what was
 * typed; with nothing selected, how to select and what is saved on the page,
 * orphaned quotes marked with their note.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/components/popup/PopupApp';
import { tabIdFromSearch } from '@/components/hooks/use-target-tab';
import type { PageReport } from '@/lib/model/page-state';
import { contentRequest } from '@/lib/messaging/protocol';
import { saveQuote } from '@/lib/store/annotations';
import type { DramatisDB } from '@/lib/store/db';
import { usePseudoLocale } from '../pseudo-locale';
import { PAGE_SENDER, startSeededBackground } from './seeded-background';

const PAGE = 'https://www.phnompenhpost.com/national/cnrp-alleges';
const TEXT =
  'CNRP Deputy President Mu Sochua, who fled the country after being warned of her imminent arrest, also characterised the moves as intimidation.';
const EXACT = 'Mu Sochua, who fled the country';

/** The content script's answer, with {@link EXACT} selected or nothing. */
function report(selected: boolean, orphanedIds: string[] = []): PageReport {
  const start = TEXT.indexOf(EXACT);
  return {
    url: `${PAGE}?utm_source=newsletter`,
    canonicalUrl: PAGE,
    title: 'CNRP alleges local push',
    orphanedIds,
    selection: selected
      ? {
          text: TEXT,
          offset: 0,
          start,
          end: start + EXACT.length,
          entities: [
            { id: 'organization:cnrp', name: 'CNRP' },
            { id: 'person:mu-sochua', name: 'Mu Sochua' },
          ],
        }
      : null,
  };
}

let db: DramatisDB;
let toTab: unknown[];
beforeEach(async () => {
  db = await startSeededBackground(PAGE_SENDER);
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await db.delete();
});

/** The popup's active tab is tab 3 at {@link PAGE}, whose content script answers `answer`. */
function tabAnswers(answer: PageReport): void {
  toTab = [];
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((() =>
    Promise.resolve([{ id: 3, url: answer.url }])) as never);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (
    tabId: number,
    message: { type: string },
  ) => {
    expect(tabId).toBe(3);
    toTab.push(message);
    return message.type === 'readPage' ? answer : undefined;
  }) as never);
}

describe('the popup with a selection', () => {
  it('saves the quote with edited entities, a note and tags, and tells the page', async () => {
    tabAnswers(report(true));
    render(<PopupApp />);
    const form = await screen.findByRole('form', { name: 'Save quote' });
    expect(within(form).getByText(EXACT)).toBeTruthy();
    expect(within(form).getByText('CNRP alleges local push')).toBeTruthy();
    expect(within(form).getByText(/www\.phnompenhpost\.com/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove CNRP' }));
    fireEvent.input(screen.getByLabelText('Add a person or organization'), {
      target: { value: 'platnog' },
    });
    fireEvent.click(await screen.findByRole('button', { name: /^So Platong/ }));
    expect(screen.getByRole('button', { name: 'Remove So Platong' })).toBeTruthy();

    const note = screen.getByLabelText('Note');
    fireEvent.input(note, { target: { value: 'She fled; check the date.' } });
    const tags = screen.getByLabelText('Tags');
    fireEvent.input(tags, { target: { value: 'exile' } });
    fireEvent.keyDown(tags, { key: 'Enter' });
    fireEvent.input(tags, { target: { value: 'CNRP' } }); // still typed when saving: kept too
    fireEvent.keyDown(note, { key: 'Enter', ctrlKey: true });

    await screen.findByText('Quote saved.');
    const [saved] = await db.annotations.toArray();
    expect(saved).toMatchObject({
      url: PAGE,
      note: 'She fled; check the date.',
      tags: ['exile', 'cnrp'], // the store tidies tags for completion
      entityIds: ['person:mu-sochua', 'person:so-platong'],
      quote: { exact: EXACT },
      position: { start: TEXT.indexOf(EXACT) },
    });
    expect(toTab).toContainEqual(contentRequest('annotationsChanged', {}));
    const list = await screen.findByRole('region', { name: /Saved on this page \(1\)/ });
    expect(within(list).getByText('She fled; check the date.')).toBeTruthy();
  });

  it('shows a refused save in words and keeps the note', async () => {
    tabAnswers(report(true));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const refused = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    vi.spyOn(db.annotations, 'add').mockRejectedValue(refused);
    render(<PopupApp />);
    const note = await screen.findByLabelText('Note');
    fireEvent.input(note, { target: { value: 'Do not lose me' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/storage full\?/);
    expect((note as HTMLTextAreaElement).value).toBe('Do not lose me');
    expect(await db.annotations.count()).toBe(0);
  });

  it('shows the store’s refusal in the reader’s language, as the background answered it', async () => {
    tabAnswers(report(true));
    usePseudoLocale();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<PopupApp />);
    const note = await screen.findByLabelText('NOTE[]');
    fireEvent.input(note, { target: { value: 'Keep me' } });
    // 33 tags: the background's router hands them to lib/store, which allows 32.
    const tags = screen.getByLabelText('TAGS[]');
    for (let i = 0; i < 33; i++) {
      fireEvent.input(tags, { target: { value: `tag${i}` } });
      fireEvent.keyDown(tags, { key: 'Enter' });
    }
    fireEvent.click(screen.getByRole('button', { name: 'SAVE[]' }));
    expect((await screen.findByRole('alert')).textContent).toBe('TOOMANYTAGS[32|33]');
    expect((note as HTMLTextAreaElement).value).toBe('Keep me');
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('the popup without a selection', () => {
  it('says how to select and lists the page’s saved quotes, orphaned ones marked with their note', async () => {
    const base = {
      url: PAGE,
      title: 'CNRP alleges',
      position: null,
      quote: { type: 'TextQuoteSelector', exact: 'Placed words', prefix: '', suffix: '' },
    } as const;
    await saveQuote(db, { ...base, note: 'still here' });
    // The list is in order of saving; two saves in one millisecond would tie.
    await new Promise((resolve) => setTimeout(resolve, 2));
    const lost = await saveQuote(db, {
      ...base,
      quote: { ...base.quote, exact: 'Removed paragraph' },
      note: 'my note on the lost one',
    });
    tabAnswers(report(false, [lost.id]));
    render(<PopupApp />);
    expect(await screen.findByText(/^Select words on the page, then open Dramatis/)).toBeTruthy();
    const list = await screen.findByRole('region', { name: /Saved on this page \(2\)/ });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]!.textContent).not.toMatch(/Orphaned/);
    expect(items[1]!.textContent).toMatch(/Removed paragraph/);
    expect(items[1]!.textContent).toMatch(/Orphaned: no longer found on the page/);
    expect(items[1]!.textContent).toMatch(/my note on the lost one/);
    // The site switch is still there.
    expect(
      screen.getByRole('switch', { name: /Mark names on www\.phnompenhpost\.com/ }),
    ).toBeTruthy();
  });

  it('saves a note about the whole page and lists it with the page', async () => {
    tabAnswers(report(false));
    render(<PopupApp />);
    const form = await screen.findByRole('form', { name: 'Note about this page' });
    const field = within(form).getByLabelText('Note about this page');
    fireEvent.input(field, { target: { value: 'Read again after the verdict.' } });
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
    expect(await screen.findByText('Note saved.')).toBeTruthy();
    const list = await screen.findByRole('region', { name: /Saved on this page \(1\)/ });
    expect(list.textContent).toMatch(/Note on this page/);
    expect(list.textContent).toMatch(/Read again after the verdict\./);
    const [stored] = await db.annotations.toArray();
    expect(stored).toMatchObject({ url: PAGE, quote: null, note: 'Read again after the verdict.' });
  });

  it('says what to do when the page has no content script', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((() =>
      Promise.resolve([{ id: 3, url: PAGE }])) as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('No receiver'));
    render(<PopupApp />);
    expect(await screen.findByText(/Reload the page and try again/)).toBeTruthy();
  });
});

it('shows the problem the context menu or the shortcut met, with the selection to save again', async () => {
  tabAnswers(report(true));
  const get = vi
    .spyOn(fakeBrowser.tabs, 'get')
    .mockImplementation((() => Promise.resolve({ id: 3, url: PAGE })) as never);
  history.replaceState(null, '', '/popup.html?tab=3&problem=Nothing+saved%3A+storage+full%3F');
  try {
    render(<PopupApp />);
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing saved: storage full?');
    expect(await screen.findByRole('form', { name: 'Save quote' })).toBeTruthy();
    expect(get).toHaveBeenCalledWith(3);
  } finally {
    history.replaceState(null, '', '/');
  }
});

it('reads the target tab from ?tab=<id> only when it is an id', () => {
  expect(tabIdFromSearch('?tab=12')).toBe(12);
  expect(tabIdFromSearch('')).toBeNull();
  expect(tabIdFromSearch('?tab=12abc')).toBeNull();
});
