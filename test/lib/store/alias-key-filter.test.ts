/**
 * The alias-key filter in front of the alias table must never hide a name: after
 * every route that changes profiles (bundle import, a newer bundle, an added or
 * removed article, a correction, an aborted write, an upgrade from a database
 * without it), both the background's copy in memory and the stored copy a cold
 * worker loads hold every key the store can answer.
 */
import { Dexie } from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/extract/article-pipeline';
import { mergeAddedDocuments } from '@/lib/extract/merge-added';
import { articleUrl } from '@/lib/model/article';
import type { ProfileBundle } from '@/lib/model/bundle-format';
import { aliasKey } from '@/lib/match/normalize';
import { buildBundle } from '@/lib/profiles/build-bundle';
import { readSourceFolder } from '@/lib/profiles/read-sources';
import { addSource, removeSource } from '@/lib/store/added-sources';
import { correctEntity } from '@/lib/store/corrections';
import { DramatisDB } from '@/lib/store/db';
import { importBundle } from '@/lib/store/import-bundle';
import { compactAliasKeyFilter, rebuildAliasKeyFilter } from '@/lib/store/alias-key-filter';
import { lookupAliasKeys } from '@/lib/store/queries';
import { fixtureArticle } from './added-article';
import { bundle, entity, freshDb, READER_STORES_SINCE_V2, storedAliasKeys } from './fixtures';

let db: DramatisDB;
const opened: DramatisDB[] = [];
afterEach(async () => {
  for (const other of opened.splice(0)) other.close();
  await db?.delete();
});

/** Every key the store answers: its alias rows and the reader's extra aliases. */
async function answerableKeys(target: DramatisDB): Promise<string[]> {
  const rows = await storedAliasKeys(target);
  const extras = (await target.corrections.toArray()).flatMap(({ correction }) =>
    (correction.extraAliases ?? []).map(aliasKey),
  );
  return [...new Set([...rows.map((row) => row.key), ...extras])];
}

/** Keys the filter would drop although the store answers them: must always be none. */
async function hiddenKeys(target: DramatisDB): Promise<{ warm: string[]; cold: string[] }> {
  const keys = await answerableKeys(target);
  const warm = await target.keyFilter.current();
  // A worker started afresh loads the stored filter.
  const coldDb = new DramatisDB(target.name);
  opened.push(coldDb);
  const cold = await coldDb.keyFilter.current();
  return {
    warm: keys.filter((key) => !(warm?.mayHave(key) ?? false)),
    cold: keys.filter((key) => !(cold?.mayHave(key) ?? false)),
  };
}

const NONE = { warm: [], cold: [] };

describe('the alias-key filter', () => {
  it('holds every key of an imported bundle and drops keys that are no alias', async () => {
    db = freshDb();
    const filter = await db.keyFilter.current(); // loaded before the import: kept current by it
    await importBundle(db, bundle());
    expect(await hiddenKeys(db)).toEqual(NONE);
    expect(filter?.mayHave('sochua')).toBe(true);
    expect((await db.keyFilter.current())?.mayHave('the minister')).toBe(false);
    expect((await lookupAliasKeys(db, ['sochua', 'the minister'])).map((hit) => hit.key)).toEqual([
      'sochua',
    ]);
  });

  it('is empty on a new store, and lookups answer nothing', async () => {
    db = freshDb();
    expect((await db.keyFilter.current())?.size).toBe(0);
    expect(await lookupAliasKeys(db, ['sochua'])).toEqual([]);
  });

  it('forgets the old bundle’s keys when a newer bundle replaces it, keeping the reader’s extra aliases', async () => {
    db = freshDb();
    await importBundle(db, bundle());
    await correctEntity(db, 'person:mu-sochua', { extraAliases: ['Neang Sochua'] });
    await db.keyFilter.current();
    const newer = [entity('person', 'Mu Sochua', [['Mu Sochua', 'mu sochua']])];
    await importBundle(db, bundle({ hash: 'b'.repeat(64), entities: newer }));
    expect(await hiddenKeys(db)).toEqual(NONE);
    const filter = await db.keyFilter.current();
    expect(filter?.mayHave('yim phally')).toBe(false);
    expect(filter?.mayHave('neang sochua')).toBe(true);
    expect((await lookupAliasKeys(db, ['neang sochua']))[0]?.entityId).toBe('person:mu-sochua');
  });

  it('finds an alias the reader adds in a correction, warm and cold', async () => {
    db = freshDb();
    await importBundle(db, bundle());
    await db.keyFilter.current();
    await correctEntity(db, 'person:yim-phally', { extraAliases: ['Lok Yim'] });
    expect(await hiddenKeys(db)).toEqual(NONE);
    const hits = await lookupAliasKeys(db, ['lok yim']);
    expect(hits.map((hit) => hit.entityId)).toEqual(['person:yim-phally']);
  });

  it('keeps nothing from a write that was rolled back, and hides nothing either', async () => {
    db = freshDb();
    await importBundle(db, bundle());
    await db.keyFilter.current();
    await expect(
      db.transaction('rw', db.keyShards, async () => {
        await db.keyShards.clear();
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(await hiddenKeys(db)).toEqual(NONE);
    expect(await lookupAliasKeys(db, ['yim phally'])).toHaveLength(1);
  });

  it('misses no key written while it was loading, and folds many writes into one stored array', async () => {
    db = freshDb();
    await importBundle(db, bundle());
    const loading = db.keyFilter.current();
    const corrections = ['Yim', 'Mu', 'Phally Yim', 'Ms Sochua', 'Rescue Party'];
    await Promise.all(
      corrections.map((alias, index) =>
        correctEntity(db, index % 2 ? 'person:mu-sochua' : 'person:yim-phally', {
          extraAliases: [alias],
        }),
      ),
    );
    await loading;
    expect(await hiddenKeys(db)).toEqual(NONE);
    expect(await db.aliasKeyFilter.count()).toBeGreaterThan(1);
    const before = (await db.keyFilter.current())?.toSorted();
    await compactAliasKeyFilter(db.aliasKeyFilter);
    expect(await db.aliasKeyFilter.count()).toBe(1);
    db.keyFilter.forget();
    expect([...((await db.keyFilter.current())?.toSorted() ?? [])]).toEqual([...(before ?? [])]);
  });

  it('keeps only the reader’s extra aliases when a database from before the shards is upgraded', async () => {
    const name = `dramatis-v2-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(2).stores({
      entities: 'id, kind, name',
      aliasKeys: '[key+entityId], key, entityId',
      ...READER_STORES_SINCE_V2,
    });
    const rows = Array.from({ length: 3_001 }, (_, index) => ({
      key: `sokun ${index}`,
      entityId: `person:${index}`,
      name: `Sokun ${index}`,
      kind: 'person',
      ambiguous: false,
    }));
    await old.table('aliasKeys').bulkAdd(rows);
    await old.table('corrections').put({
      entityId: 'person:7',
      correction: { extraAliases: ['Ta Sokun'] },
      updated: 1,
    });
    await old.table('meta').put({ key: 'bundle', value: { hash: 'a'.repeat(64) } });
    old.close();
    db = new DramatisDB(name);
    const filter = await db.keyFilter.current();
    // The bundled rows went with their tables; the bundle is forgotten, so the next start imports it.
    expect(filter?.size).toBe(1);
    expect(filter?.mayHave('ta sokun')).toBe(true);
    expect(filter?.mayHave('sokun 5')).toBe(false);
    expect(await db.meta.get('bundle')).toBeUndefined();
    expect(await db.corrections.count()).toBe(1);
  });

  it('was built by version 3 from every alias row, read in pages of any size', async () => {
    const name = `dramatis-v3-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(3).stores({
      aliasKeys: '[key+entityId], key, entityId',
      corrections: 'entityId, updated',
      aliasKeyFilter: 'id',
    });
    const rows = Array.from({ length: 3_001 }, (_, index) => ({
      key: `sokun ${index}`,
      entityId: `person:${index}`,
    }));
    await old.table('aliasKeys').bulkAdd(rows);
    const filterOf = async (pageSize: number) => {
      await rebuildAliasKeyFilter(
        old.table('aliasKeys'),
        old.table('corrections'),
        old.table('aliasKeyFilter'),
        pageSize,
      );
      return [
        ...((await old.table('aliasKeyFilter').get('base')) as { hashes: Uint32Array }).hashes,
      ];
    };
    const whole = await filterOf(50_000);
    expect(whole).toHaveLength(3_001);
    expect(await filterOf(1_000)).toEqual(whole);
    await old.delete();
  });
});

describe('the alias-key filter across added articles', () => {
  let shipped: ProfileBundle;
  beforeAll(async () => {
    shipped = buildBundle(await readSourceFolder('assets/sources'));
  });

  it('holds the keys of an added article at once, and still hides nothing after its removal', async () => {
    db = freshDb();
    await importBundle(db, shipped);
    await db.keyFilter.current();
    const extraction = extractArticle(fixtureArticle());
    if (!extraction.ok) throw new Error(extraction.problem);
    const source = { extracted: extraction.extracted, url: articleUrl(fixtureArticle()) };
    const added = await addSource(db, source, mergeAddedDocuments);
    expect(await hiddenKeys(db)).toEqual(NONE);
    expect((await lookupAliasKeys(db, ['ouk sreymom'])).map((hit) => hit.name)).toEqual([
      'Ouk Sreymom',
    ]);

    await removeSource(db, added.documentId, mergeAddedDocuments);
    expect(await hiddenKeys(db)).toEqual(NONE);
    expect(await lookupAliasKeys(db, ['ouk sreymom'])).toEqual([]);
  });
});
