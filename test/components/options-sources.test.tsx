// @vitest-environment happy-dom
/**
 * The options page's Sources over a real (fake-indexeddb) store: what each
 * document contributed, in the singular and the plural; a bundled document
 * without Remove; an added one removed only after the reader confirms. The
 * removal itself is replaced (what it does to the store is tested in
 * test/lib/store/added-sources.test.ts).
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contributionText, OptionsSources } from '@/components/options/OptionsSources';
import type { DramatisDB } from '@/lib/store/db';
import { importBundle } from '@/lib/store/import-bundle';
import type { AddedSourceRecord } from '@/lib/model/records';
import type { SourceListing } from '@/lib/store/source-list';
import { bundle, DOCUMENT, freshDb } from '../lib/store/fixtures';

const requests = vi.hoisted(() => ({
  sendRequest: vi.fn<(type: string, params: unknown) => Promise<unknown>>(),
}));
vi.mock('@/lib/messaging/send', async (original) => ({
  ...(await original<object>()),
  ...requests,
}));

let db: DramatisDB;
const ADDED_TITLE = 'Observers report pressure';

beforeEach(async () => {
  db = freshDb();
  await importBundle(db, bundle());
});
afterEach(async () => {
  cleanup();
  vi.clearAllMocks();
  await db.delete();
});

/** A second document, recorded as added by the reader; the listing reads only its id and date. */
async function addDocument() {
  await db.documents.put({ ...DOCUMENT, id: 'doc-added', title: ADDED_TITLE, url: null });
  await db.addedSources.put({
    id: 'doc-added',
    url: 'https://www.phnompenhpost.com/national/observers',
    added: Date.UTC(2026, 10, 20),
    extracted: {},
  } as unknown as AddedSourceRecord);
}

describe('contributionText', () => {
  const listing = (people: number, organizations: number, places: number, quotes: number) =>
    ({ profiles: { people, organizations, places }, quotes }) as SourceListing;

  it('counts each kind, singular and plural', () => {
    expect(contributionText(listing(1, 2, 0, 1))).toBe(
      '1 person · 2 organizations · 0 places · 1 quote',
    );
    expect(contributionText(listing(4, 1, 1, 3))).toBe(
      '4 people · 1 organization · 1 place · 3 quotes',
    );
  });
});

describe('OptionsSources', () => {
  it('lists a bundled document with what it contributed and no Remove', async () => {
    render(<OptionsSources db={db} />);
    expect(screen.getByRole('heading', { name: 'Sources' })).toBeTruthy();
    expect(
      screen.getByText(
        'The articles the profiles are built from. Add one from the toolbar popup while you read it (“Add this article to sources”).',
      ),
    ).toBeTruthy();
    const row = await screen.findByRole('listitem', { name: DOCUMENT.title });
    expect(row.textContent).toContain('The Phnom Penh Post, 2017-11-07 — ships with Dramatis');
    expect(row.textContent).toContain('2 people · 1 organization · 1 place · 0 quotes');
    expect(within(row).queryByRole('button')).toBeNull();
  });

  it('removes an added document only after the reader confirms', async () => {
    await addDocument();
    requests.sendRequest.mockResolvedValue({ changed: true });
    render(<OptionsSources db={db} />);
    const row = await screen.findByRole('listitem', { name: ADDED_TITLE });
    expect(row.textContent).toMatch(/ — added \S/);

    fireEvent.click(within(row).getByRole('button', { name: `Remove “${ADDED_TITLE}”` }));
    const confirm = within(row).getByRole('group', { name: 'Confirm removal' });
    expect(confirm.textContent).toContain(
      `Remove “${ADDED_TITLE}” and everything it added? Your notes and corrections stay.`,
    );
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(within(row).queryByRole('group')).toBeNull();
    expect(requests.sendRequest).not.toHaveBeenCalled();

    fireEvent.click(within(row).getByRole('button', { name: `Remove “${ADDED_TITLE}”` }));
    fireEvent.click(within(row).getByRole('button', { name: 'Remove' }));
    await screen.findByText(`Removed “${ADDED_TITLE}” and what it added.`);
    expect(requests.sendRequest).toHaveBeenCalledWith('removeArticle', { documentId: 'doc-added' });
  });
});
