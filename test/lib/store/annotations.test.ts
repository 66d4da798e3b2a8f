/**
 * The annotation writes: what is checked, what is stored, undo, and that a
 * refused write leaves nothing behind and tells the reader what to do.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  allTags,
  annotationsForUrl,
  ANNOTATION_GONE,
  deleteAnnotation,
  restoreAnnotation,
  savePageNote,
  saveQuote,
  STORAGE_REFUSED,
  updateAnnotation,
} from '@/lib/store/annotations';
import { type QuoteInput } from '@/lib/model/annotation';
import { MAX_TAGS } from '@/lib/store/annotation-input';
import type { DramatisDB } from '@/lib/store/db';
import { freshDb } from './fixtures';

let db: DramatisDB;
let ids = 0;
const options = { now: () => 1000, newId: () => `a-${++ids}` };
beforeEach(() => {
  db = freshDb();
  ids = 0;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const PAGE = 'https://www.phnompenhpost.com/national/cnrp-alleges';
const QUOTE: QuoteInput = {
  url: `${PAGE}?utm_source=facebook#comments`,
  canonicalUrl: null,
  title: '  CNRP alleges local push  ',
  quote: {
    type: 'TextQuoteSelector',
    exact: 'We are willing to do farming instead.',
    prefix: 'But CNRP officials won’t join. ',
    suffix: ' “I’m determined',
  },
  position: { type: 'TextPositionSelector', start: 1524, end: 1561 },
  note: ' Svay Rieng, Mao Vibol quoting a councillor ',
  tags: [' Defections', 'defections', '#Svay Rieng', '', 'CNRP'],
  entityIds: ['person:mao-vibol', 'person:mao-vibol'],
};

/** A DOMException as IndexedDB raises it when the origin's quota is used up. */
function quotaError(): Error {
  const error = new Error('The quota has been exceeded.');
  error.name = 'QuotaExceededError';
  return error;
}

describe('saveQuote', () => {
  it('stores the quote filed under the clean page address, with tidy tags', async () => {
    const saved = await saveQuote(db, QUOTE, options);
    expect(saved).toEqual({
      id: 'a-1',
      url: PAGE,
      title: 'CNRP alleges local push',
      site: 'www.phnompenhpost.com',
      created: 1000,
      updated: 1000,
      quote: QUOTE.quote,
      position: QUOTE.position,
      note: 'Svay Rieng, Mao Vibol quoting a councillor',
      tags: ['defections', 'svay rieng', 'cnrp'],
      entityIds: ['person:mao-vibol'],
    });
    expect(await db.annotations.get('a-1')).toEqual(saved);
  });

  it.each([
    ['an empty quote', { quote: { ...QUOTE.quote, exact: ' \n ' } }, /Select some text/],
    [
      'a quote over 10,000 characters',
      { quote: { ...QUOTE.quote, exact: 'x'.repeat(10_001) } },
      /at most 10,000 characters; this one has 10,001/,
    ],
    ['a note over 10,000 characters', { note: 'x'.repeat(10_001) }, /A note can be at most 10,000/],
    [
      'too many tags',
      { tags: Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`) },
      /at most 32 tags; this one has 33/,
    ],
    ['a very long tag', { tags: ['x'.repeat(65)] }, /longer than 64 characters/],
    ['a page that is not on the web', { url: 'file:///tmp/a.html' }, /web pages only/],
    [
      'a malformed position',
      { position: { type: 'TextPositionSelector', start: 5, end: 2 } },
      /Malformed quote position/,
    ],
  ] as const)('refuses %s with a message, writing nothing', async (_what, change, message) => {
    await expect(saveQuote(db, { ...QUOTE, ...change } as QuoteInput, options)).rejects.toThrow(
      message,
    );
    expect(await db.annotations.count()).toBe(0);
  });

  it('accepts exactly 32 tags and a 10,000-character quote', async () => {
    const tags = Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`);
    const exact = 'x'.repeat(10_000);
    const saved = await saveQuote(
      db,
      { ...QUOTE, tags, quote: { ...QUOTE.quote, exact } },
      options,
    );
    expect(saved.tags).toHaveLength(32);
  });

  it('turns a full disk into a message for the reader and writes nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    db.annotations.hook('creating', () => {
      throw quotaError();
    });
    await expect(saveQuote(db, QUOTE, options)).rejects.toThrow(STORAGE_REFUSED);
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('savePageNote', () => {
  it('stores a note without a quote', async () => {
    const note = await savePageNote(
      db,
      { url: PAGE, title: 'T', note: ' Follow up ', tags: ['Todo'] },
      options,
    );
    expect(note).toMatchObject({ quote: null, position: null, note: 'Follow up', tags: ['todo'] });
  });

  it('refuses a blank note', async () => {
    await expect(savePageNote(db, { url: PAGE, title: 'T', note: '  ' }, options)).rejects.toThrow(
      /Write something/,
    );
  });
});

describe('updateAnnotation', () => {
  it('changes only what is given', async () => {
    const saved = await saveQuote(db, QUOTE, options);
    const next = await updateAnnotation(db, saved.id, { tags: ['Later'] }, { now: () => 5000 });
    expect(next).toEqual({ ...saved, tags: ['later'], updated: 5000 });
    const cleared = await updateAnnotation(db, saved.id, { note: '' }, { now: () => 6000 });
    expect(cleared.note).toBe('');
  });

  it('will not empty a page note, and says when the annotation is gone', async () => {
    const note = await savePageNote(db, { url: PAGE, title: 'T', note: 'x' }, options);
    await expect(updateAnnotation(db, note.id, { note: ' ' })).rejects.toThrow(/cannot be empty/);
    await expect(updateAnnotation(db, 'missing', { note: 'x' })).rejects.toThrow(ANNOTATION_GONE);
  });

  it('rolls back a write that fails after it was made', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const saved = await saveQuote(db, QUOTE, options);
    const put = db.annotations.put.bind(db.annotations);
    // The change is written inside the transaction, then the transaction fails.
    vi.spyOn(db.annotations, 'put').mockImplementation((...args) =>
      put(...args).then(() => {
        throw quotaError();
      }),
    );
    await expect(
      updateAnnotation(db, saved.id, { note: 'changed', tags: ['new'] }),
    ).rejects.toThrow(STORAGE_REFUSED);
    vi.mocked(db.annotations.put).mockRestore();
    expect(await db.annotations.get(saved.id)).toEqual(saved);
  });
});

describe('deleteAnnotation and restoreAnnotation', () => {
  it('undoes a delete with the same id and dates', async () => {
    const saved = await saveQuote(db, QUOTE, options);
    const deleted = await deleteAnnotation(db, saved.id);
    expect(deleted).toEqual(saved);
    expect(await db.annotations.count()).toBe(0);
    expect(await restoreAnnotation(db, deleted!)).toEqual(saved);
    expect(await db.annotations.get(saved.id)).toEqual(saved);
    // A second undo (double click) changes nothing.
    expect(await restoreAnnotation(db, deleted!)).toEqual(saved);
    expect(await db.annotations.count()).toBe(1);
  });

  it('answers null for an annotation already gone', async () => {
    expect(await deleteAnnotation(db, 'missing')).toBeNull();
  });

  it('restores an entity note written outside any page', async () => {
    const record = {
      ...(await saveQuote(db, QUOTE, options)),
      url: '',
      title: '',
      site: '',
      quote: null,
      position: null,
    };
    await db.annotations.clear();
    expect(await restoreAnnotation(db, record)).toEqual(record);
  });

  it('checks a restored record like a new one', async () => {
    const saved = await saveQuote(db, QUOTE, options);
    await deleteAnnotation(db, saved.id);
    const bad = { ...saved, tags: Array.from({ length: 40 }, (_, i) => `t${i}`) };
    await expect(restoreAnnotation(db, bad)).rejects.toThrow(/at most 32 tags/);
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('annotationsForUrl and allTags', () => {
  it('finds a page’s annotations under any of its addresses, oldest first', async () => {
    const first = await saveQuote(db, QUOTE, options);
    const second = await savePageNote(db, { url: `${PAGE}#top`, title: 'T', note: 'n' }, options);
    await savePageNote(db, { url: 'https://example.com/other', title: 'O', note: 'n' }, options);
    const found = await annotationsForUrl(db, `${PAGE}?fbclid=xyz`);
    expect(found.map((a) => a.id)).toEqual([first.id, second.id]);
    // Reached through its AMP copy, which declares the article as canonical.
    const amp = await annotationsForUrl(db, 'https://amp.phnompenhpost.com/x', PAGE);
    expect(amp).toHaveLength(2);
    expect(await annotationsForUrl(db, 'about:blank')).toEqual([]);
  });

  it('counts tags, most used first', async () => {
    await saveQuote(db, { ...QUOTE, tags: ['cnrp', 'land'] }, options);
    await saveQuote(db, { ...QUOTE, tags: ['CNRP'] }, options);
    expect(await allTags(db)).toEqual([
      { tag: 'cnrp', count: 2 },
      { tag: 'land', count: 1 },
    ]);
  });
});
