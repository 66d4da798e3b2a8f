// @vitest-environment happy-dom
/**
 * The options page's Notes and Data sections over a real (fake-indexeddb)
 * store: inline edit, delete and Undo, bulk tag and delete, sorting; import
 * preview then commit, duplicates skipped; a broken file leaves the store as it was.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportText, OptionsData } from '@/components/options/OptionsData';
import { OptionsNotes } from '@/components/options/OptionsNotes';
import { saveQuote } from '@/lib/store/annotations';
import type { DramatisDB } from '@/lib/store/db';
import { importBundle } from '@/lib/store/import-bundle';
import { bundle, freshDb } from '../lib/store/fixtures';
import { answerAsBackground } from './seeded-background';
import { usePseudoLocale } from '../pseudo-locale';

let db: DramatisDB;

function save(exact: string, site: string, created: number, tags: string[] = []) {
  return saveQuote(
    db,
    {
      url: `https://${site}/story`,
      title: `Story on ${site}`,
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: null,
      tags,
      entityIds: ['person:mu-sochua'],
    },
    { now: () => created },
  );
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb();
  await importBundle(db, bundle());
  answerAsBackground(db);
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await db.delete();
});

const rows = () =>
  within(screen.getByRole('list', { name: 'Saved quotes and notes' })).getAllByRole('listitem');

describe('Notes', () => {
  it('edits a note and tags in place, deletes with Undo, sorts', async () => {
    const first = await save('Sochua fled the country', 'b.example.com', 1000);
    await save('Officials were pressured', 'a.example.com', 2000);
    render(<OptionsNotes db={db} />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()[0]!.textContent).toContain('Officials were pressured'); // newest first

    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), {
      target: { value: 'site' },
    });
    await waitFor(() => expect(rows()[0]!.textContent).toContain('a.example.com'));

    const row = rows().find((li) => li.textContent?.includes('Sochua fled'))!;
    fireEvent.input(within(row).getByRole('textbox', { name: 'Note' }), {
      target: { value: 'exile' },
    });
    fireEvent.input(within(row).getByRole('textbox', { name: 'Tags' }), {
      target: { value: 'land, Exile' },
    });
    fireEvent.click(within(row).getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect(await db.annotations.get(first.id)).toMatchObject({
        note: 'exile',
        tags: ['land', 'exile'],
      }),
    );

    fireEvent.click(within(row).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(await db.annotations.get(first.id)).toBeUndefined();
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(await db.annotations.get(first.id)).toMatchObject({
      id: first.id,
      created: 1000,
      note: 'exile',
    });
  });

  it('tags and deletes several at once, and filters', async () => {
    await save('one quote', 'a.example.com', 1000);
    await save('two quote', 'a.example.com', 2000);
    await save('three other', 'b.example.com', 3000);
    render(<OptionsNotes db={db} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter' }), {
      target: { value: 'quote' },
    });
    await waitFor(() => expect(rows()).toHaveLength(2));
    for (const row of rows()) fireEvent.click(within(row).getByRole('checkbox'));
    fireEvent.input(screen.getByRole('textbox', { name: 'Tag to add' }), {
      target: { value: 'batch' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Tag selected' }));
    await waitFor(async () =>
      expect(await db.annotations.where('tags').equals('batch').count()).toBe(2),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete selected' }));
    await waitFor(async () => expect(await db.annotations.count()).toBe(1));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await db.annotations.count()).toBe(3));
  });
});

describe('Data import', () => {
  function choose(text: string, name: string, label = 'Choose a file to import') {
    const input = screen.getByLabelText(label);
    const file = new File([text], name, { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
  }

  it('previews new and duplicate annotations, then imports in one go', async () => {
    const kept = await save('already here', 'a.example.com', 1000);
    const other = { ...kept, id: 'imported-1', quote: { ...kept.quote!, exact: 'from elsewhere' } };
    const text = exportText('jsonld', [kept, other], () => undefined).text;
    render(<OptionsData db={db} />);
    choose(text, 'export.jsonld');
    const preview = await screen.findByRole('region', { name: 'Import preview' });
    expect(preview.textContent).toContain('1 new, 1 duplicate skipped, 0 refused');
    fireEvent.click(within(preview).getByRole('button', { name: 'Import 1' }));
    await screen.findByText(/Imported 1 annotation from export.jsonld/);
    expect((await db.annotations.get('imported-1'))?.quote?.exact).toBe('from elsewhere');
  });

  it('says what is wrong with a broken or foreign file and changes nothing', async () => {
    await save('already here', 'a.example.com', 1000);
    render(<OptionsData db={db} />);
    choose('{"type": "AnnotationCollection", "first": ', 'broken.json');
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /broken.json: This file is not valid JSON/,
    );
    choose('{"bookmarks": []}', 'bookmarks.json');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/not annotations/));
    expect(screen.queryByRole('region', { name: 'Import preview' })).toBeNull();
    expect(await db.annotations.count()).toBe(1);
  });

  /** An export of two quotes whose second has an unreadable date and whose first a note over the limit. */
  async function fileWithBadAnnotations(): Promise<string> {
    const first = await save('a fine quote', 'a.example.com', 1000);
    const second = { ...first, id: 'second', quote: { ...first.quote!, exact: 'another' } };
    await db.annotations.clear();
    const json = JSON.parse(exportText('jsonld', [first, second], () => undefined).text) as {
      first: { items: { created: string; body?: unknown }[] };
    };
    json.first.items[1]!.created = 'last Tuesday';
    json.first.items[0]!.body = {
      type: 'TextualBody',
      purpose: 'commenting',
      value: 'x'.repeat(10_001),
    };
    return JSON.stringify(json);
  }

  it('names the field of an annotation it cannot read and why the store refuses another', async () => {
    render(<OptionsData db={db} />);
    choose(await fileWithBadAnnotations(), 'export.jsonld');
    const preview = await screen.findByRole('region', { name: 'Import preview' });
    expect(preview.textContent).toContain('0 new, 0 duplicates skipped, 2 refused');
    expect(
      within(preview)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'A note can be at most 10,000 characters; this one has 10,001. Shorten it and save again.',
      'first.items[1].created: expected an ISO 8601 date, found "last Tuesday"',
    ]);
  });

  it('shows what is wrong in the reader’s language, the file, field and values filled in', async () => {
    usePseudoLocale();
    render(<OptionsData db={db} />);
    choose(await fileWithBadAnnotations(), 'export.jsonld', 'CHOOSEIMPORTFILE[]');
    const preview = await screen.findByRole('region', { name: 'IMPORTPREVIEW[]' });
    expect(
      within(preview)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      `NOTETOOLONG[${(10_000).toLocaleString()}|${(10_001).toLocaleString()}]`,
      'IMPORTFIELDPROBLEM[first.items[1].created|EXPECTEDDATE["last Tuesday"]]',
    ]);
    choose('{"bookmarks": []}', 'bookmarks.json', 'CHOOSEIMPORTFILE[]');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'IMPORTFILEPROBLEM[bookmarks.json|IMPORTNOTANNOTATIONS[FOUNDOBJECTWITHKEYS["bookmarks"]|IMPORTCHOOSEFILE[]]]',
      ),
    );
  });
});
