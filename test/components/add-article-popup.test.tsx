// @vitest-environment happy-dom
/**
 * The popup's "Add this article to sources": the summary of what was added with
 * Undo, the message for a page without an article, and an error shown as an
 * alert. The work module is replaced (it needs a tab to inject into); what it
 * does to the store is tested in test/lib/store/added-sources.test.ts.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddArticle, summaryText } from '@/components/popup/AddArticle';
import {
  addArticleFromTab,
  lazyPipeline,
  type AddArticleOutcome,
  type ArticleSourceDeps,
} from '@/components/popup/add-article-actions';
import { mergeAddedDocuments } from '@/lib/extract/merge-added';
import { addSource } from '@/lib/store/added-sources';
import { DramatisDB } from '@/lib/store/db';
import { fixtureArticle } from '../lib/store/added-article';
import { usePseudoLocale } from '../pseudo-locale';

const actions = vi.hoisted(() => ({
  addArticleInTab: vi.fn<(tabId: number) => Promise<AddArticleOutcome>>(),
  removeAddedArticle: vi.fn<(documentId: string) => Promise<unknown>>(),
  warmPipeline: vi.fn(() => Promise.resolve()),
}));
vi.mock('@/components/popup/add-article-actions', async (original) => ({
  ...(await original<object>()),
  ...actions,
}));

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

/**
 * The popup's action run by the real add-article-actions on a tab whose
 * article reader answers `read` (or fails with `refusal`), over an empty store.
 */
function tabReading(read: unknown, refusal?: Error): void {
  const deps: Omit<ArticleSourceDeps, 'addArticle'> = {
    readArticle: () => (refusal ? Promise.reject(refusal) : Promise.resolve(read)),
    loadPipeline: lazyPipeline(),
  };
  actions.addArticleInTab.mockImplementation(async (tabId) => {
    const db = new DramatisDB(`popup-add-${Math.random()}`);
    try {
      return await addArticleFromTab(
        { ...deps, addArticle: (source) => addSource(db, source, mergeAddedDocuments) },
        tabId,
      );
    } finally {
      await db.delete();
    }
  });
}

/** A sign-in page: a title and two short lines, far from a news article. */
const SIGN_IN = { ...fixtureArticle(), paragraphs: ['Sign in to continue.', 'Forgot password?'] };

/** The first click loads the extraction pipeline, which takes a while on a busy machine. */
const LOADS_PIPELINE = { timeout: 15_000 };

const clickAdd = () =>
  fireEvent.click(screen.getByRole('button', { name: 'Add this article to sources' }));

const TAB = { id: 12, url: 'https://www.phnompenhpost.com/national/observers' };
const ADDED: AddArticleOutcome = {
  status: 'added',
  documentId: 'doc-9',
  title: 'Observers report pressure',
  summary: { created: { people: 3, organizations: 0, places: 1 }, updated: 2 },
};

describe('AddArticle', () => {
  it('adds the tab’s article, says what changed, and undoes it', async () => {
    actions.addArticleInTab.mockResolvedValue(ADDED);
    actions.removeAddedArticle.mockResolvedValue({ changed: true });
    render(<AddArticle tab={TAB} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add this article to sources' }));
    // While it works, a progress bar (no measure: indeterminate) says what it is doing.
    const bar = screen.getByRole('progressbar', { name: 'Reading the article…' });
    expect(bar.hasAttribute('value')).toBe(false);
    await screen.findByText(
      'Added “Observers report pressure”: 3 new people, 1 new place, 2 profiles updated.',
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(actions.addArticleInTab).toHaveBeenCalledWith(12);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Undo' })),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Removed “Observers report pressure” from your sources.');
    expect(actions.removeAddedArticle).toHaveBeenCalledWith('doc-9');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('says why nothing changed on a page without an article, without Undo', async () => {
    tabReading(null);
    render(<AddArticle tab={TAB} />);
    clickAdd();
    await screen.findByText(
      'This page has no article Dramatis can read (it finds none, or too little text). Open the article itself and try again.',
      {},
      LOADS_PIPELINE,
    );
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('says how little prose a page without a news article holds, from the pipeline’s counts', async () => {
    tabReading(SIGN_IN);
    render(<AddArticle tab={TAB} />);
    clickAdd();
    const message = await screen.findByText(/no news article Dramatis can use/, {}, LOADS_PIPELINE);
    expect(message.textContent).toMatch(
      /^This page has no news article Dramatis can use: no news article found: \d+ words of sentence prose after removing page chrome \(need 30\)\.$/,
    );
  });

  it('shows the no-article message in the reader’s language, with the pipeline’s counts filled in', async () => {
    usePseudoLocale();
    tabReading(SIGN_IN);
    render(<AddArticle tab={TAB} />);
    fireEvent.click(screen.getByRole('button', { name: 'ADDARTICLE[]' }));
    const message = await screen.findByText(/^NOUSABLEARTICLE/, {}, LOADS_PIPELINE);
    // The pipeline's own message nested in the popup's, both translated; no English left.
    expect(message.textContent).toMatch(/^NOUSABLEARTICLE\[SOURCETOOLITTLEPROSE\[\d+\|30\]\]$/);
  });

  it('shows a page that cannot be read as an alert in the reader’s language', async () => {
    tabReading(null, new Error('Cannot access a chrome:// URL'));
    render(<AddArticle tab={TAB} />);
    clickAdd();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Dramatis cannot read this page. Reload the page and try again (browser pages and the extension store cannot be read).',
    );
    cleanup();
    usePseudoLocale();
    render(<AddArticle tab={TAB} />);
    fireEvent.click(screen.getByRole('button', { name: 'ADDARTICLE[]' }));
    expect((await screen.findByRole('alert')).textContent).toBe('PAGEUNREACHABLE[]');
  });

  it('says an article already known changed nothing, without Undo', async () => {
    actions.addArticleInTab.mockResolvedValueOnce({
      status: 'already',
      documentId: 'doc-1',
      where: 'bundled',
      title: 'CNRP alleges local push',
    });
    render(<AddArticle tab={TAB} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add this article to sources' }));
    await screen.findByText(
      '“CNRP alleges local push” already ships with Dramatis; nothing changed.',
    );
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('shows a failure as an alert', async () => {
    actions.addArticleInTab.mockRejectedValue(new Error('Dramatis cannot read this page.'));
    render(<AddArticle tab={TAB} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add this article to sources' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Dramatis cannot read this page.');
  });

  it('is not offered on pages that are not web pages, and loads no pipeline there', async () => {
    render(<AddArticle tab={{ id: 3, url: 'chrome://extensions/' }} />);
    expect(screen.queryByRole('button', { name: 'Add this article to sources' })).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(actions.warmPipeline).not.toHaveBeenCalled();
  });

  it('warms the pipeline up once the popup shows, before any click', async () => {
    render(<AddArticle tab={TAB} />);
    await waitFor(() => expect(actions.warmPipeline).toHaveBeenCalledTimes(1));
    expect(actions.addArticleInTab).not.toHaveBeenCalled();
  });
});

describe('the pipeline’s warm-up', () => {
  it('extracts its own text without error (it is an article by the pipeline’s own checks)', async () => {
    const pipeline = await lazyPipeline()();
    expect(() => pipeline.warmUp()).not.toThrow();
  });
});

describe('summaryText', () => {
  it('names only the kinds that gained profiles, singular and plural', () => {
    expect(summaryText({ created: { people: 1, organizations: 2, places: 0 }, updated: 1 })).toBe(
      '1 new person, 2 new organizations, 1 profile updated',
    );
    expect(summaryText({ created: { people: 0, organizations: 0, places: 0 }, updated: 0 })).toBe(
      'No people or organizations found in it',
    );
  });
});
