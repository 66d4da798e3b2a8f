/**
 * Profiles packed many to a row must read back exactly as written: by id, all
 * of them, counted by kind, listed by name, and their alias keys found through
 * the filter, after imports and after the added-article writes that rewrite,
 * add below every shard, and delete. Each check compares with the plain list
 * of what should be stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Entity, EntityKind } from '@/lib/model/bundle-format';
import { DramatisDB } from '@/lib/store/db';
import {
  allProfiles,
  appendProfiles,
  BY_NAME_SIZE,
  deleteProfiles,
  getProfile,
  getProfiles,
  PROFILES_PER_SHARD,
  profileCounts,
  profileRow,
  profilesByName,
  profileTables,
  putProfiles,
} from '@/lib/store/profile-shards';
import { lookupAliasKeys } from '@/lib/store/queries';
import { entity, freshDb } from './fixtures';

let db: DramatisDB;
afterEach(async () => {
  await db?.delete();
});

const KINDS: EntityKind[] = ['person', 'organization', 'place'];

/** An invented profile numbered `index`, named so that name order differs from id order. */
function invented(index: number, kind = KINDS[index % 3]!, suffix = ''): Entity {
  const name = `Vannak ${String((index * 7919) % 10007).padStart(5, '0')}${suffix}`;
  const made = entity(kind, name, [[name, name.toLowerCase()]]);
  return { ...made, id: `e${String(index).padStart(5, '0')}` };
}

const write = (run: () => Promise<void>) => db.transaction('rw', profileTables(db), run);

/** Everything the store answers, against the list of what it should hold. */
async function expectStored(expected: readonly Entity[]): Promise<void> {
  const byId = [...expected].sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(await allProfiles(db)).toEqual(byId);
  for (const one of byId.slice(0, 40)) expect(await getProfile(db, one.id)).toEqual(one);
  const ids = [...byId.map((one) => one.id).slice(0, 30), 'a-missing', 'zz-missing'];
  expect(await getProfiles(db, ids)).toEqual(ids.map((id) => byId.find((one) => one.id === id)));
  const count = (kind: EntityKind) => byId.filter((one) => one.kind === kind).length;
  expect(await profileCounts(db)).toEqual({
    people: count('person'),
    organizations: count('organization'),
    places: count('place'),
  });
  const rows = byId
    .map(profileRow)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  for (const kind of [null, ...KINDS])
    for (const limit of [1, 50, BY_NAME_SIZE + 10])
      expect(await profilesByName(db, kind, limit)).toEqual(
        rows.filter((row) => !kind || row.kind === kind).slice(0, limit),
      );
  const keys = byId.slice(0, 60).map((one) => one.aliases[0]!.key);
  const hits = await lookupAliasKeys(db, [...keys, 'no such name']);
  expect(hits.map((hit) => hit.entityId).sort()).toEqual(byId.slice(0, 60).map((one) => one.id));
}

describe('profile shards', () => {
  it('read back an import written a chunk at a time, many profiles to a row', async () => {
    db = freshDb();
    const all = Array.from({ length: 530 }, (_, index) => invented(index));
    for (let start = 0; start < all.length; start += 200)
      await write(() => appendProfiles(db, all.slice(start, start + 200)));
    expect(await db.profileShards.count()).toBe(Math.ceil(200 / PROFILES_PER_SHARD) * 2 + 3);
    await expectStored(all);
  });

  it('refuse an import whose ids are out of order or repeated, writing nothing of it', async () => {
    db = freshDb();
    await write(() => appendProfiles(db, [invented(5), invented(6)]));
    await expect(write(() => appendProfiles(db, [invented(7), invented(6)]))).rejects.toThrow(
      /out of order/,
    );
    await expect(write(() => appendProfiles(db, [invented(3)]))).rejects.toThrow(/out of order/);
    await expectStored([invented(5), invented(6)]);
  });

  it('stay right through rewrites, additions below every shard, renames and deletions', async () => {
    db = freshDb();
    let expected = Array.from({ length: 400 }, (_, index) => invented(index * 2 + 100));
    await write(() => appendProfiles(db, expected));
    const replace = (changes: Entity[], gone: string[] = []) => {
      const changed = new Set([...changes.map((one) => one.id), ...gone]);
      expected = [...expected.filter((one) => !changed.has(one.id)), ...changes];
    };
    // New ids between, below and above the stored ones, and a profile whose name and kind change.
    const added = [invented(1), invented(3), invented(101), invented(5001), invented(2)];
    const renamed = { ...invented(100, 'place', ' renamed'), id: 'e00100' };
    await write(() => putProfiles(db, [...added, renamed]));
    replace([...added, renamed]);
    await expectStored(expected);
    // Deleting the first profiles by name leaves the lists short: they are read from the store again.
    const firstByName = (await profilesByName(db, null, BY_NAME_SIZE)).map((row) => row.id);
    await write(() => deleteProfiles(db, [...firstByName.slice(0, 190), 'e99999']));
    replace([], firstByName.slice(0, 190));
    await expectStored(expected);
    // A whole shard emptied goes with its keys.
    const shard = (await db.profileShards.orderBy('n').first())!;
    const ids = (JSON.parse(shard.profiles) as Entity[]).map((one) => one.id);
    await write(() => deleteProfiles(db, ids));
    replace([], ids);
    expect(await db.keyShards.get(shard.n)).toBeUndefined();
    await expectStored(expected);
  });

  it('are found again by a worker started afresh (the filter is stored with them)', async () => {
    db = freshDb();
    const all = Array.from({ length: 120 }, (_, index) => invented(index));
    await write(() => appendProfiles(db, all));
    await write(() => putProfiles(db, [invented(7, 'person', ' junior')]));
    const cold = new DramatisDB(db.name);
    try {
      const hits = await lookupAliasKeys(cold, [
        invented(7, 'person', ' junior').aliases[0]!.key,
        all[9]!.aliases[0]!.key,
      ]);
      expect(hits.map((hit) => hit.entityId).sort()).toEqual(['e00007', 'e00009']);
    } finally {
      cold.close();
    }
  });
});
