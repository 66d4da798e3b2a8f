import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DramatisDB } from '@/lib/store/db';
import { commitImport, planImport } from '@/lib/store/import-annotations';
import type { AnnotationRecord } from '@/lib/model/records';
import { freshDb } from './fixtures';

let db: DramatisDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

function saved(id: string, fields: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return {
    id,
    url: 'https://www.phnompenhpost.com/national/push',
    title: 'CNRP alleges local push',
    site: 'www.phnompenhpost.com',
    created: 1_000,
    updated: 2_000,
    quote: { type: 'TextQuoteSelector', exact: 'We are willing', prefix: '', suffix: '' },
    position: null,
    note: '',
    tags: [],
    entityIds: [],
    ...fields,
  };
}

describe('planImport', () => {
  it('tells new annotations from ones already stored or repeated in the file', async () => {
    await db.annotations.add(saved('kept', { note: 'mine' }));
    const plan = await planImport(db, [
      saved('new'),
      saved('kept', { note: 'theirs' }),
      saved('new'),
    ]);
    expect(plan.toAdd.map((record) => record.id)).toEqual(['new']);
    expect(plan.duplicates.map((record) => [record.id, record.note])).toEqual([
      ['kept', 'theirs'],
      ['new', ''],
    ]);
    expect(plan.rejected).toEqual([]);
    expect(await db.annotations.count()).toBe(1);
  });

  it('tidies tags the way the store keeps them and rejects what it would refuse', async () => {
    const plan = await planImport(db, [
      saved('tags', { tags: ['CNRP', '#Land', 'cnrp'] }),
      saved('long', { note: 'x'.repeat(10_001) }),
    ]);
    expect(plan.toAdd).toEqual([saved('tags', { tags: ['cnrp', 'land'] })]);
    expect(plan.rejected).toMatchObject([
      { id: 'long', reason: expect.stringMatching(/^A note can be at most 10,000 characters/) },
    ]);
  });
});

describe('commitImport', () => {
  it('adds the new annotations and leaves stored ones untouched', async () => {
    await db.annotations.add(saved('kept', { note: 'mine' }));
    const outcome = await commitImport(db, [
      saved('a'),
      saved('kept', { note: 'theirs' }),
      saved('b'),
    ]);
    expect(outcome).toEqual({ added: 2, duplicates: 1, rejected: [] });
    expect((await db.annotations.get('kept'))!.note).toBe('mine');
    expect((await db.annotations.toCollection().primaryKeys()).sort()).toEqual(['a', 'b', 'kept']);
  });

  it('adds nothing when a write fails midway', async () => {
    await db.annotations.add(saved('kept'));
    let creating = 0;
    db.annotations.hook('creating', () => {
      creating += 1;
      if (creating === 3) throw new Error('disk full (simulated)');
    });
    const records = ['a', 'b', 'c', 'd'].map((id) => saved(id));
    await expect(commitImport(db, records)).rejects.toThrow();
    expect(creating).toBeGreaterThanOrEqual(3);
    expect(await db.annotations.toCollection().primaryKeys()).toEqual(['kept']);
  });
});
