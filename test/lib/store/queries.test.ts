import { afterEach, describe, expect, it } from 'vitest';
import type { DramatisDB } from '@/lib/store/db';
import { importBundle } from '@/lib/store/import-bundle';
import {
  lookupAliasKeys,
  readBundleMeta,
  readImportState,
  storeCounts,
  writeImportState,
} from '@/lib/store/queries';
import { bundle, entity, freshDb } from './fixtures';

let db: DramatisDB;
afterEach(async () => {
  await db?.delete();
});

describe('storeCounts', () => {
  it('is all zeros on a fresh store', async () => {
    db = freshDb();
    expect(await storeCounts(db)).toEqual({
      people: 0,
      organizations: 0,
      places: 0,
      documents: 0,
      annotations: 0,
    });
  });

  it('counts entities by kind', async () => {
    db = freshDb();
    await importBundle(db, bundle());
    expect(await storeCounts(db)).toMatchObject({
      people: 2,
      organizations: 1,
      places: 1,
      documents: 1,
    });
  });
});

describe('lookupAliasKeys', () => {
  it('answers nothing for no keys and ignores repeated keys', async () => {
    db = freshDb();
    await importBundle(db, bundle());
    expect(await lookupAliasKeys(db, [])).toEqual([]);
    expect(await lookupAliasKeys(db, ['sochua', 'sochua', 'sochua'])).toHaveLength(1);
  });

  it('returns every entity that shares a key', async () => {
    db = freshDb();
    const twoSens = [
      entity('person', 'Hun Sen', [['Sen', 'sen', true]]),
      entity('person', 'Sen Sokha', [['Sen', 'sen', true]]),
    ];
    await importBundle(db, bundle({ entities: twoSens }));
    const hits = await lookupAliasKeys(db, ['sen']);
    expect(hits.map((hit) => hit.entityId).sort()).toEqual(['person:hun-sen', 'person:sen-sokha']);
    expect(hits.every((hit) => hit.ambiguous)).toBe(true);
  });

  it('keeps acronym keys case-sensitive', async () => {
    db = freshDb();
    await importBundle(db, bundle());
    expect(await lookupAliasKeys(db, ['cnrp'])).toEqual([]);
  });
});

describe('meta', () => {
  it('reports no bundle and a never-run import on a fresh store', async () => {
    db = freshDb();
    expect(await readBundleMeta(db)).toBeNull();
    expect(await readImportState(db)).toEqual({ state: 'never' });
  });

  it('stores the last import state', async () => {
    db = freshDb();
    await writeImportState(db, { state: 'failed', failedAt: 5, error: 'profiles.json: not JSON' });
    expect(await readImportState(db)).toEqual({
      state: 'failed',
      failedAt: 5,
      error: 'profiles.json: not JSON',
    });
  });
});
