/**
 * Import files a reader may really pick: annotations with fields missing or of
 * the wrong type, in both formats, and very large files. The preview names the
 * record that cannot be imported and why; the others are imported in one
 * transaction, and nothing is half-written.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportError, parseImport, toWebAnnotationCollection } from '@/lib/export';
import type { DramatisDB } from '@/lib/store/db';
import { commitImport, planImport } from '@/lib/store/import-annotations';
import type { AnnotationRecord } from '@/lib/model/records';
import { freshDb } from '../store/fixtures';

const HYPOTHESIS = JSON.parse(
  readFileSync('test/fixtures/import/hypothesis-export.json', 'utf8'),
) as { annotations: Record<string, unknown>[] };

let db: DramatisDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

function record(id: string, fields: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return {
    id,
    url: 'https://www.phnompenhpost.com/national/push',
    title: 'CNRP alleges local push',
    site: 'www.phnompenhpost.com',
    created: 1_000,
    updated: 2_000,
    quote: { type: 'TextQuoteSelector', exact: 'We are willing', prefix: 'said ', suffix: '.' },
    position: { type: 'TextPositionSelector', start: 5, end: 19 },
    note: `Note ${id}`,
    tags: ['cnrp'],
    entityIds: ['person:mu-sochua'],
    ...fields,
  };
}

/** A Dramatis JSON-LD export of `records`, as plain JSON to damage. */
function exported(records: AnnotationRecord[]): { items: Record<string, unknown>[] } {
  const collection = toWebAnnotationCollection(records, () => 'Mu Sochua');
  return JSON.parse(JSON.stringify(collection)).first as { items: Record<string, unknown>[] };
}

function jsonLd(items: unknown[]): string {
  const collection = JSON.parse(JSON.stringify(toWebAnnotationCollection([], () => undefined)));
  return JSON.stringify({ ...collection, first: { type: 'AnnotationPage', items } });
}

describe('a JSON-LD file with bad annotations', () => {
  it('skips each bad one, naming its place in the file and what is wrong, and reads the rest', () => {
    const { items } = exported([record('a'), record('b'), record('c'), record('d'), record('e')]);
    delete items[1]!.target;
    items[2]!.created = 'last Tuesday';
    (items[3]!.target as Record<string, unknown>).selector = 'the third paragraph';
    items[4]!.id = 42;
    const parsed = parseImport(jsonLd([...items, 'a note', null]));
    expect(parsed.records.map((item) => item.id)).toEqual(['a']);
    expect(parsed.skipped.map((item) => item.reason)).toEqual([
      'first.items[1].target: expected an object, found nothing',
      'first.items[2].created: expected an ISO 8601 date, found "last Tuesday"',
      'first.items[3].target.selector: expected an array of selectors, found "the third paragraph"',
      'first.items[4].id: expected a string, found 42',
      'first.items[5]: expected an object, found "a note"',
      'first.items[6]: expected an object, found null',
    ]);
  });

  it('never fails the whole file on a field of the wrong type, wherever it is', () => {
    const [item] = exported([record('a')]).items;
    const weird: unknown[] = [null, 42, true, 'text', [], {}, [1, 'x'], { id: 7 }];
    const paths = [
      ['id'],
      ['created'],
      ['modified'],
      ['body'],
      ['bodyValue'],
      ['target'],
      ['target', 'source'],
      ['target', 'selector'],
      ['target', 'dramatis:title'],
      ['target', 'dramatis:site'],
    ];
    for (const path of paths) {
      for (const value of weird) {
        const damaged = JSON.parse(JSON.stringify(item)) as Record<string, unknown>;
        const parent = path
          .slice(0, -1)
          .reduce<Record<string, unknown>>(
            (at, key) => at[key] as Record<string, unknown>,
            damaged,
          );
        parent[path.at(-1)!] = value;
        const parsed = parseImport(jsonLd([damaged]));
        // Either read (the model allows the value) or skipped with the path of what is wrong.
        expect(parsed.records.length + parsed.skipped.length).toBe(1);
        for (const { reason } of parsed.skipped) expect(reason).toMatch(/^first\.items\[0\]/);
      }
    }
  });
});

describe('a Hypothesis file with bad annotations', () => {
  it('skips each bad one, naming its place in the file and what is wrong', () => {
    const [good] = HYPOTHESIS.annotations;
    const without = (key: string) => {
      const copy = { ...good };
      delete copy[key];
      return copy;
    };
    const file = {
      annotations: [
        good,
        without('uri'),
        without('created'),
        { ...good, id: 'x2', tags: 'defections' },
        { ...good, id: 'x3', text: { html: '<b>hi</b>' } },
        { ...good, id: 'x4', target: 'https://example.com' },
      ],
    };
    const parsed = parseImport(JSON.stringify(file));
    expect(parsed.format).toBe('hypothesis');
    expect(parsed.records).toHaveLength(1);
    expect(parsed.skipped.map((item) => item.reason)).toEqual([
      'annotations[1].uri: expected a string, found nothing',
      'annotations[2].created: expected a string, found nothing',
      'annotations[3].tags: expected a list of strings, found "defections"',
      'annotations[4].text: expected a string, found an object',
      'annotations[5].target: expected a list of targets, found "https://example.com"',
    ]);
  });

  it('refuses a file cut short with what to do', () => {
    const text = JSON.stringify(HYPOTHESIS);
    expect(() => parseImport(text.slice(0, text.length / 2))).toThrow(ImportError);
    expect(() => parseImport(text.slice(0, text.length / 2))).toThrow(
      /^This file is not valid JSON \(.+\)\. Choose a file exported by Dramatis \(Web Annotation JSON-LD\) or a Hypothesis JSON export\.$/,
    );
  });
});

describe('the preview and the import of what the store would refuse', () => {
  it('names each refused record by id with the reason, and imports the others whole', async () => {
    const records = [
      record('fine'),
      record('huge-quote', { quote: { ...record('x').quote!, exact: 'q'.repeat(10_001) } }),
      record('huge-context', { quote: { ...record('x').quote!, prefix: 'p'.repeat(5_000) } }),
      record('huge-note', { note: 'n'.repeat(10_001) }),
      record('i'.repeat(301)),
      record('long-title', { title: 't'.repeat(5_000) }),
    ];
    const parsed = parseImport(JSON.stringify(toWebAnnotationCollection(records, () => 'X')));
    expect(parsed.skipped).toEqual([]);

    const plan = await planImport(db, parsed.records);
    expect(plan.rejected).toMatchObject([
      { id: 'huge-quote', reason: 'The quote is longer than 10,000 characters.' },
      { id: 'huge-context', reason: 'The text around the quote is longer than 1,000 characters.' },
      {
        id: 'huge-note',
        reason: expect.stringMatching(/^A note can be at most 10,000 characters/),
      },
      {
        id: 'i'.repeat(301),
        reason: 'The id is longer than 300 characters.',
        userMessage: { key: 'importIdTooLong', substitutions: [300] },
      },
    ]);
    expect(await db.annotations.count()).toBe(0);

    const outcome = await commitImport(db, parsed.records);
    expect(outcome.added).toBe(2);
    expect((await db.annotations.get('long-title'))?.title).toHaveLength(500);
    expect(await db.annotations.get('huge-note')).toBeUndefined();
  });

  it('imports a file of 20,000 annotations in one go, or none of it when a write fails', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => record(`n${i}`));
    const text = JSON.stringify(toWebAnnotationCollection(many, () => 'Mu Sochua'));
    expect(text.length).toBeGreaterThan(10_000_000);

    const parsed = parseImport(text);
    expect(parsed.records).toHaveLength(20_000);
    // One record IndexedDB cannot store (an id that is no valid key) sinks the whole file.
    const broken = [...parsed.records, { ...parsed.records[0]!, id: {} as unknown as string }];
    await expect(commitImport(db, broken)).rejects.toThrow();
    expect(await db.annotations.count()).toBe(0);

    expect((await commitImport(db, parsed.records)).added).toBe(20_000);
    expect(await db.annotations.count()).toBe(20_000);
  }, 120_000);
});
