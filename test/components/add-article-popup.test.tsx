// @vitest-environment happy-dom
/**
 * The popup's "Add this article to sources": the summary of what was added with
 * Undo, the message for a page without an article, and an error shown as an
 * alert. The work module is replaced (it needs a tab to inject into); what it
 * does to the store is tested in test/lib/store/added-sources.test.ts.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddArticle, summaryText } from '@/components/AddArticle';
import type { AddArticleOutcome } from '@/lib/messaging/add-article';

const actions = vi.hoisted(() => ({
  addArticleInTab: vi.fn<(tabId: number) => Promise<AddArticleOutcome>>(),
  removeAddedArticle: vi.fn<(documentId: string) => Promise<unknown>>(),
}));
vi.mock('@/lib/messaging/article-actions', () => actions);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

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
    await screen.findByText(
      'Added “Observers report pressure”: 3 new people, 1 new place, 2 profiles updated.',
    );
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
    actions.addArticleInTab.mockResolvedValue({
      status: 'not-article',
      message: 'This page has no article Dramatis can read.',
    });
    render(<AddArticle tab={TAB} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add this article to sources' }));
    await screen.findByText('This page has no article Dramatis can read.');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
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

  it('is not offered on pages that are not web pages', () => {
    render(<AddArticle tab={{ id: 3, url: 'chrome://extensions/' }} />);
    expect(screen.queryByRole('button', { name: 'Add this article to sources' })).toBeNull();
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
