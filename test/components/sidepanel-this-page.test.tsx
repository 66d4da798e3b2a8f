// @vitest-environment happy-dom
/**
 * The side panel's "This page" view: the active tab's saved quotes, found by
 * the page's address (tracking parameters ignored), and an empty state that
 * says how to save.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { saveQuote } from '@/lib/store/annotations';
import type { DramatisDB } from '@/lib/store/db';
import { freshDb } from '../lib/store/fixtures';

const PAGE = 'https://www.phnompenhpost.com/national/cnrp-alleges';
let db: DramatisDB;
let sochuaId = '';

beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb();
  for (const [url, exact] of [
    [PAGE, 'Mu Sochua fled the country'],
    ['https://www.example.org/elsewhere', 'Saved on another page'],
  ] as const) {
    const saved = await saveQuote(db, {
      url,
      title: 't',
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: null,
    });
    if (url === PAGE) sochuaId = saved.id;
  }
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await db.delete();
});

/**
 * Makes `browser.tabs[method]` resolve to `value`. Both methods are overloaded
 * (a callback form returns void, and spyOn's types pick it); the promise form is the one used.
 */
function answer(method: 'query' | 'sendMessage', value: unknown): void {
  (
    vi.spyOn(browser.tabs, method) as unknown as { mockResolvedValue(v: unknown): void }
  ).mockResolvedValue(value);
}

/** The active tab (fake-browser's query needs a focused window, which it does not model). */
function activeTab(url: string) {
  answer('query', [{ id: 3, url, active: true } as Browser.tabs.Tab]);
}

describe('This page', () => {
  it('lists what is saved on the active tab’s page, orphaned quotes marked', async () => {
    activeTab(`${PAGE}?utm_source=newsletter`);
    // The content script's readPage answer: the quote could not be placed.
    answer('sendMessage', {
      url: `${PAGE}?utm_source=newsletter`,
      canonicalUrl: PAGE,
      title: 't',
      selection: null,
      orphanedIds: [sochuaId],
    });
    render(<SidePanelApp db={db} />);
    fireEvent.click(screen.getByRole('tab', { name: 'This page' }));
    const list = await screen.findByRole('list', { name: 'Saved on this page' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual([expect.stringContaining('Mu Sochua fled the country')]),
    );
  });

  it('says how to save when nothing is saved on the page', async () => {
    activeTab('https://www.example.com/new');
    render(<SidePanelApp db={db} />);
    fireEvent.click(screen.getByRole('tab', { name: 'This page' }));
    await screen.findByText(/Nothing saved on this page. Select text on the page/);
  });
});
