// @vitest-environment happy-dom
/**
 * The side panel's search over a real (fake-indexeddb) store: results as you
 * type with the matched words in <mark>, a misspelt name, filters, a quote
 * saved meanwhile appearing without a rebuild, the keyboard, `?entity=`
 * prefill and the empty state.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { syncIndex } from '@/components/hooks/live-search';
import { createSearchIndex } from '@/lib/search';
import { saveQuote } from '@/lib/store/annotations';
import type { DramatisDB } from '@/lib/store/db';
import { importBundle } from '@/lib/store/import-bundle';
import type { AnnotationRecord } from '@/lib/model/records';
import { bundle, freshDb } from '../lib/store/fixtures';

let db: DramatisDB;

async function save(
  exact: string,
  extra: { note?: string; tags?: string[]; entityIds?: string[]; url?: string },
) {
  return saveQuote(db, {
    url: extra.url ?? 'https://www.phnompenhpost.com/national/cnrp-alleges',
    title: 'CNRP alleges local push',
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: null,
    ...extra,
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb();
  await importBundle(db, bundle());
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

const box = () => screen.getByRole('searchbox', { name: 'Search saved quotes and notes' });
const items = () =>
  within(screen.getByRole('list', { name: 'Search results' })).queryAllByRole('listitem');

describe('the side panel search', () => {
  it('finds as you type, misspelt or filtered, and marks the matched words', async () => {
    await save('Mu Sochua fled the country after being warned of her arrest', {
      note: 'key line on exile',
      tags: ['exile'],
      entityIds: ['person:mu-sochua'],
    });
    await save('Yim Phally said officials were pressured to defect', {
      tags: ['defections'],
      entityIds: ['person:yim-phally'],
      url: 'https://www.cambodiadaily.com/news/defections',
    });
    render(<SidePanelApp db={db} />);
    await waitFor(() => expect(items()).toHaveLength(2));

    fireEvent.input(box(), { target: { value: 'Sochau' } });
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(items()[0]!.querySelector('blockquote mark')?.textContent).toBe('Sochua');

    fireEvent.input(box(), { target: { value: 'tag:defections' } });
    await waitFor(() => expect(items()[0]!.textContent).toContain('Yim Phally said'));
    expect(items()).toHaveLength(1);

    fireEvent.input(box(), { target: { value: 'site:cambodiadaily.com officials' } });
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(items()[0]!.querySelector('mark')?.textContent).toBe('officials');

    fireEvent.input(box(), { target: { value: '"being warned" entity:"Mu Sochua"' } });
    await waitFor(() => expect(items()[0]!.textContent).toContain('fled the country'));

    // Saved elsewhere while the panel is open: found without reopening.
    await save('Sochua said the CNRP would not give up', { tags: ['exile'] });
    fireEvent.input(box(), { target: { value: 'tag:exile' } });
    await waitFor(() => expect(items()).toHaveLength(2));
  });

  it('is usable by keyboard: Arrow Down into the results, Enter opens, Ctrl+K back to the box', async () => {
    const first = await save('Mu Sochua fled the country', { entityIds: ['person:mu-sochua'] });
    await save('Yim Phally said officials were pressured', {});
    const open = vi.fn(async (_record: AnnotationRecord) => 'shown' as const);
    render(<SidePanelApp db={db} open={open} />);
    await waitFor(() => expect(items()).toHaveLength(2));
    // Tab from the box reaches the first result only; arrows move within the list.
    expect(items().map((item) => item.tabIndex)).toEqual([0, -1]);
    fireEvent.input(box(), { target: { value: 'fled' } });
    await waitFor(() => expect(items()).toHaveLength(1));
    box().focus();
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items()[0]);
    fireEvent.keyDown(items()[0]!, { key: 'Enter' });
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ id: first.id }));
    fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true });
    expect(document.activeElement).toBe(box());
  });

  it('opens filtered to the entity of ?entity=', async () => {
    await save('Mu Sochua fled the country', { entityIds: ['person:mu-sochua'] });
    await save('Yim Phally said officials were pressured', { entityIds: ['person:yim-phally'] });
    render(<SidePanelApp db={db} entityId="person:yim-phally" />);
    await waitFor(() => expect(box()).toHaveProperty('value', 'entity:"Yim Phally" '));
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(items()[0]!.querySelector('.chip.entity mark')?.textContent).toBe('Yim');
  });

  it('says what to do when nothing is saved', async () => {
    render(<SidePanelApp db={db} />);
    await screen.findByText(/^Nothing saved yet\. Select text on a page and choose “Save quote/);
  });
});

describe('syncIndex', () => {
  it('touches only what changed between two snapshots', async () => {
    const a = await save('first quote', {});
    const b = await save('second quote', {});
    const index = createSearchIndex([a, b], () => undefined);
    const edited = { ...b, note: 'now with a note', updated: b.updated + 1 };
    const c = { ...a, id: 'c' };
    const counts = syncIndex(
      index,
      new Map([
        [a.id, a],
        [b.id, b],
      ]),
      new Map([
        [b.id, edited],
        ['c', c],
      ]),
    );
    expect(counts).toEqual({ added: 1, updated: 1, removed: 1 });
    expect(index.search('note').map((r) => r.id)).toEqual([b.id]);
  });
});
