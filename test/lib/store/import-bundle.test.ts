import { afterEach, describe, expect, it } from 'vitest';
import type { Entity, ProfileBundle } from '@/lib/model/bundle-format';
import type { DramatisDB } from '@/lib/store/db';
import { aliasKeyRows, importBundle } from '@/lib/store/import-bundle';
import { lookupAliasKeys, readBundleMeta, storeCounts } from '@/lib/store/queries';
import { bundle, entity, ENTITIES, freshDb } from './fixtures';
import { getProfile } from '@/lib/store/profile-shards';

let db: DramatisDB;
afterEach(async () => {
  await db?.delete();
});

/** A reader's data that no bundle import may touch. */
async function addReaderData(target: DramatisDB): Promise<void> {
  await target.annotations.add({
    id: 'note-1',
    url: 'https://www.phnompenhpost.com/national/cnrp',
    title: 'CNRP alleges local push',
    site: 'www.phnompenhpost.com',
    created: 1,
    updated: 1,
    quote: { type: 'TextQuoteSelector', exact: 'refused to defect', prefix: 'has ', suffix: ' to' },
    position: { type: 'TextPositionSelector', start: 10, end: 27 },
    note: 'Check with the commune office',
    tags: ['defections'],
    entityIds: ['person:yim-phally'],
  });
  await target.corrections.put({
    entityId: 'person:mu-sochua',
    correction: { note: 'Deputy president until 2017' },
    updated: 2,
  });
  await target.settings.put({ key: 'highlightPeople', value: false });
}

describe('importBundle', () => {
  it('fills entities, documents and alias keys from a bundle', async () => {
    db = freshDb();
    const result = await importBundle(db, bundle(), () => 1000);

    expect(result.changed).toBe(true);
    expect(result.bundle).toEqual({
      hash: 'a'.repeat(64),
      formatVersion: 1,
      importedAt: 1000,
      entities: 4,
      documents: 1,
    });
    expect(await getProfile(db, 'person:mu-sochua')).toEqual(ENTITIES[0]);
    expect(await db.documents.count()).toBe(1);
    const hits = await lookupAliasKeys(db, ['sochua', 'CNRP', 'cnrp', 'phnom penh']);
    expect(hits.map((hit) => [hit.key, hit.entityId]).sort()).toEqual([
      ['CNRP', 'organization:cambodia-national-rescue-party'],
      ['sochua', 'person:mu-sochua'],
    ]);
  });

  it('does nothing when the same bundle is imported twice', async () => {
    db = freshDb();
    await importBundle(db, bundle(), () => 1000);
    await addReaderData(db);
    const second = await importBundle(db, bundle(), () => 2000);

    expect(second.changed).toBe(false);
    // importedAt is still the first import's: nothing was rewritten.
    expect((await readBundleMeta(db))?.importedAt).toBe(1000);
    expect(await storeCounts(db)).toEqual({
      people: 2,
      organizations: 1,
      places: 1,
      documents: 1,
      annotations: 1,
    });
  });

  it('replaces bundled data with a newer bundle and keeps the reader’s data', async () => {
    db = freshDb();
    await importBundle(db, bundle());
    await addReaderData(db);
    const newer = bundle({
      hash: 'b'.repeat(64),
      entities: [
        ENTITIES[0] as Entity,
        entity('organization', 'Cambodian People’s Party', [['CPP', 'CPP']]),
      ],
    });
    const result = await importBundle(db, newer);

    expect(result.changed).toBe(true);
    expect((await readBundleMeta(db))?.hash).toBe('b'.repeat(64));
    // Yim Phally and Siem Reap are gone from the sources, so from the store too.
    expect(await getProfile(db, 'person:yim-phally')).toBeUndefined();
    expect(await lookupAliasKeys(db, ['yim phally', 'siem reap'])).toEqual([]);
    expect((await lookupAliasKeys(db, ['CPP']))[0]?.name).toBe('Cambodian People’s Party');
    expect(await db.annotations.get('note-1')).toMatchObject({
      note: 'Check with the commune office',
    });
    expect(await db.corrections.get('person:mu-sochua')).toMatchObject({
      correction: { note: 'Deputy president until 2017' },
    });
    expect(await db.settings.get('highlightPeople')).toEqual({
      key: 'highlightPeople',
      value: false,
    });
  });

  it.each<[string, (good: ProfileBundle) => ProfileBundle]>([
    [
      'two entities with one id',
      (good) => ({ ...good, entities: [...good.entities, good.entities[0] as Entity] }),
    ],
    [
      'an entity whose id is not a valid key',
      (good) => ({
        ...good,
        // Written last, so the documents and earlier entities were already put when it fails.
        entities: [
          ...good.entities,
          { ...(good.entities[0] as Entity), id: {} as unknown as string },
        ],
      }),
    ],
  ])('keeps the old bundle intact when a write fails midway (%s)', async (_name, corrupt) => {
    db = freshDb();
    await importBundle(db, bundle(), () => 1000);
    await addReaderData(db);
    const before = await storeCounts(db);
    const bad = corrupt(bundle({ hash: 'c'.repeat(64), documents: [] }));

    await expect(importBundle(db, bad)).rejects.toThrow();

    expect(await storeCounts(db)).toEqual(before);
    expect(await readBundleMeta(db)).toMatchObject({ hash: 'a'.repeat(64), importedAt: 1000 });
    expect(await lookupAliasKeys(db, ['yim phally'])).toHaveLength(1);
    expect(await db.annotations.count()).toBe(1);
  });
});

describe('aliasKeyRows', () => {
  it('keeps one row per key and marks it ambiguous if any alias with that key is', () => {
    const hunSen = entity('person', 'Hun Sen', [
      ['Hun Sen', 'hun sen'],
      ['Mr Hun Sen', 'hun sen'],
      ['Sen', 'sen', true],
      ['Sen', 'sen', false],
      ['', ''],
    ]);
    expect(aliasKeyRows(hunSen)).toEqual([
      {
        key: 'hun sen',
        entityId: 'person:hun-sen',
        name: 'Hun Sen',
        kind: 'person',
        ambiguous: false,
      },
      { key: 'sen', entityId: 'person:hun-sen', name: 'Hun Sen', kind: 'person', ambiguous: true },
    ]);
  });
});
