// @vitest-environment happy-dom
/**
 * The options page's Profiles over a real (fake-indexeddb) store: a misspelt
 * name finds the profile, and a rename, an added name, hiding and a merge are
 * stored as corrections that the alias lookup (what pages are marked with) applies.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OptionsProfiles } from '@/components/options/OptionsProfiles';
import type { DramatisDB } from '@/lib/store/db';
import { importBundle } from '@/lib/store/import-bundle';
import { lookupAliasKeys } from '@/lib/store/queries';
import { bundle, freshDb } from '../lib/store/fixtures';
import { answerAsBackground } from './seeded-background';

let db: DramatisDB;
beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb();
  await importBundle(db, bundle());
  answerAsBackground(db);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

const names = async (key: string) => (await lookupAliasKeys(db, [key])).map((hit) => hit.name);

describe('Profiles', () => {
  it('finds a misspelt name and applies rename, added name, hide and merge', async () => {
    render(<OptionsProfiles db={db} />);
    fireEvent.input(screen.getByRole('searchbox', { name: /Find a person/ }), {
      target: { value: 'Sochau' },
    });
    fireEvent.click(await screen.findByRole('button', { name: /^Mu Sochua/ }));
    const editor = await screen.findByRole('region', { name: 'Correct Mu Sochua' });

    fireEvent.input(within(editor).getByRole('textbox', { name: 'Name' }), {
      target: { value: 'Mu Sochua (CNRP)' },
    });
    fireEvent.click(within(editor).getByRole('button', { name: 'Rename' }));
    await screen.findByText('Renamed.');
    expect(await names('mu sochua')).toEqual(['Mu Sochua (CNRP)']);

    const region = await screen.findByRole('region', { name: 'Correct Mu Sochua (CNRP)' });
    fireEvent.input(within(region).getByRole('textbox', { name: 'Add another name for it' }), {
      target: { value: 'Madame Sochua' },
    });
    fireEvent.click(within(region).getByRole('button', { name: 'Add name' }));
    await waitFor(async () => expect(await names('madame sochua')).toEqual(['Mu Sochua (CNRP)']));

    fireEvent.click(
      within(region).getByRole('checkbox', { name: 'Don’t mark this name on pages' }),
    );
    await waitFor(async () => expect(await names('mu sochua')).toEqual([]));

    fireEvent.input(screen.getByRole('searchbox', { name: /Find a person/ }), {
      target: { value: 'Yim Phally' },
    });
    fireEvent.click(await screen.findByRole('button', { name: /^Yim Phally/ }));
    const phally = await screen.findByRole('region', { name: 'Correct Yim Phally' });
    fireEvent.input(within(phally).getByRole('searchbox', { name: /Merge into/ }), {
      target: { value: 'Cambodia National' },
    });
    fireEvent.click(
      await within(phally).findByRole('button', {
        name: 'Merge into Cambodia National Rescue Party',
      }),
    );
    await waitFor(async () =>
      expect(await names('yim phally')).toEqual(['Cambodia National Rescue Party']),
    );
  });
});

describe('the profile table', () => {
  /** The rows' cells as text, header row left out. */
  const bodyRows = (table: HTMLElement) =>
    within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole(/cell|rowheader/)
          .map((cell) => cell.textContent),
      );

  it('sorts by a clicked column, says so with aria-sort, and filters by kind', async () => {
    render(<OptionsProfiles db={db} />);
    const table = await screen.findByRole('table', { name: 'Profiles' });
    await waitFor(() => expect(bodyRows(table).length).toBeGreaterThan(2));
    const header = (name: string) => within(table).getByRole('columnheader', { name });
    expect(header('Name').getAttribute('aria-sort')).toBe('ascending');

    fireEvent.click(within(header('Quotes')).getByRole('button'));
    await waitFor(() => expect(header('Quotes').getAttribute('aria-sort')).toBe('descending'));
    expect(header('Name').getAttribute('aria-sort')).toBeNull();
    const quotes = bodyRows(table).map((cells) => Number(cells[3]));
    expect(quotes).toEqual([...quotes].sort((a, b) => b - a));

    fireEvent.click(within(header('Quotes')).getByRole('button'));
    await waitFor(() => expect(header('Quotes').getAttribute('aria-sort')).toBe('ascending'));

    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), {
      target: { value: 'organization' },
    });
    await waitFor(() =>
      expect(new Set(bodyRows(table).map((cells) => cells[1]))).toEqual(new Set(['Organization'])),
    );
  });
});
