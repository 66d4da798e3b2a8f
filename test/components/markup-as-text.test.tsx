// @vitest-environment happy-dom
/**
 * Text that came from a page, a source document or an imported file is shown
 * as text wherever it appears: a quote, note, tag, title, profile name, role or
 * file name holding markup shows its angle brackets literally and never becomes
 * an element, on the options page (Notes, Profiles, Data import) and in the
 * side panel.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportText, OptionsData } from '@/components/options/OptionsData';
import { OptionsNotes } from '@/components/options/OptionsNotes';
import { OptionsProfiles } from '@/components/options/OptionsProfiles';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { saveQuote } from '@/lib/store/annotations';
import type { DramatisDB } from '@/lib/store/db';
import { importBundle } from '@/lib/store/import-bundle';
import type { AnnotationRecord } from '@/lib/model/records';
import { bundle, DOCUMENT, ENTITIES, freshDb } from '../lib/store/fixtures';
import { answerAsBackground } from './seeded-background';

/** Markup that would run script if it were ever parsed. */
const IMG = '<img src=x onerror="globalThis.__markupRan=1">';
const SCRIPT = '<script>globalThis.__markupRan=2</script>';
/** Elements that must never appear inside what is rendered. */
const INJECTED = 'img, script, iframe';

let db: DramatisDB;
beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb();
  answerAsBackground(db);
  delete (globalThis as { __markupRan?: number }).__markupRan;
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

/** A quote whose every reader-visible field holds markup. */
function saveHostileQuote(): Promise<AnnotationRecord> {
  return saveQuote(db, {
    url: 'https://news.example/hostile',
    title: `Budget row ${SCRIPT}`,
    quote: {
      type: 'TextQuoteSelector',
      exact: `Mu Sochua said ${IMG} was not a policy`,
      prefix: '',
      suffix: '',
    },
    position: null,
    note: `check <b>this</b> ${IMG}`,
    tags: ['<i>tag</i>'],
    entityIds: ['person:mu-sochua'],
  });
}

function expectNothingInjected(container: Element): void {
  expect(container.querySelectorAll(INJECTED)).toHaveLength(0);
  expect(container.querySelectorAll('b, i')).toHaveLength(0);
  expect((globalThis as { __markupRan?: number }).__markupRan).toBeUndefined();
}

describe('the options page', () => {
  beforeEach(() => importBundle(db, bundle()));

  it('Notes shows a quote, note, title and tag holding markup as text', async () => {
    await saveHostileQuote();
    const { container } = render(<OptionsNotes db={db} />);
    await waitFor(() => expect(container.textContent).toContain(`Mu Sochua said ${IMG}`));
    expect(container.textContent).toContain(SCRIPT);
    // The note and tags are edited in place: form values, which are never parsed.
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' }).value).toBe(
      `check <b>this</b> ${IMG}`,
    );
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Tags' }).value).toBe(
      '<i>tag</i>',
    );
    expectNothingInjected(container);
  });

  it('Data import shows an imported file’s name and quotes as text', async () => {
    const record = await saveHostileQuote();
    const text = exportText('jsonld', [{ ...record, id: 'imported-1' }], () => undefined).text;
    await db.annotations.clear();
    const { container } = render(<OptionsData db={db} />);
    const input = screen.getByLabelText('Choose a file to import');
    const name = `${IMG}.jsonld`;
    fireEvent.change(input, { target: { files: [new File([text], name)] } });
    const preview = await screen.findByRole('region', { name: 'Import preview' });
    fireEvent.click(within(preview).getByRole('button', { name: 'Import 1' }));
    await screen.findByText(`Imported 1 annotation from ${name}.`, { exact: false });
    expectNothingInjected(container);

    cleanup();
    const notes = render(<OptionsNotes db={db} />).container;
    await waitFor(() => expect(notes.textContent).toContain(`Mu Sochua said ${IMG}`));
    expectNothingInjected(notes);
  });
});

describe('Profiles', () => {
  it('shows a profile name, a role and its source document title holding markup as text', async () => {
    const [sochua, ...others] = ENTITIES;
    const start = DOCUMENT.text.indexOf('Mu Sochua');
    await importBundle(
      db,
      bundle({
        documents: [{ ...DOCUMENT, title: `Leak ${SCRIPT}` }],
        entities: [
          {
            ...sochua!,
            name: `Mu <b>Sochua</b> ${IMG}`,
            roles: [
              {
                title: `deputy ${IMG} president`,
                organizationId: null,
                source: { doc: DOCUMENT.id, start, end: start + 9 },
              },
            ],
          },
          ...others,
        ],
      }),
    );
    const { container } = render(<OptionsProfiles db={db} />);
    fireEvent.input(screen.getByRole('searchbox', { name: /Find a person/ }), {
      target: { value: 'Sochua' },
    });
    fireEvent.click(await screen.findByRole('button', { name: /^Mu <b>Sochua<\/b>/ }));
    await waitFor(() => expect(container.textContent).toContain(`Mu <b>Sochua</b> ${IMG}`));
    const role = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Role title' });
    expect(role.value).toBe(`deputy ${IMG} president`);
    // The role's Source shows the sentence and the document's title.
    fireEvent.click(screen.getByRole('button', { name: `Source of deputy ${IMG} president` }));
    await waitFor(() => expect(container.textContent).toContain(`Leak ${SCRIPT}`));
    expectNothingInjected(container);
  });
});

describe('the side panel', () => {
  beforeEach(() => importBundle(db, bundle()));

  it('shows a found quote, its note, tag and title holding markup as text, words marked', async () => {
    await saveHostileQuote();
    const { container } = render(<SidePanelApp db={db} />);
    const box = await screen.findByRole('searchbox', { name: 'Search saved quotes and notes' });
    fireEvent.input(box, { target: { value: 'onerror' } });
    const list = await screen.findByRole('list', { name: 'Search results' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    const item = within(list).getAllByRole('listitem')[0]!;
    expect(item.textContent).toContain(`Mu Sochua said ${IMG}`);
    expect(item.textContent).toContain('<i>tag</i>');
    // The matched word is in a <mark>, the markup around it stays text.
    expect([...item.querySelectorAll('mark')].map((mark) => mark.textContent)).toContain('onerror');
    expectNothingInjected(container);
  });
});
