/**
 * A reader who installed the first release has a database of schema version 1.
 * Every later build must open it with every annotation, note, correction and
 * setting intact. The fixture freezes that schema as data
 * (test/fixtures/db-v1/schema.json) with a dump of a reader's rows; the test
 * builds the old database with plain Dexie at version 1 and opens it with the
 * current DramatisDB. A later version that drops or renames a version-1 reader
 * table or index, or forgets to migrate a reader table, fails here. The
 * bundled profile tables (entities, aliasKeys) were replaced by shards in
 * version 4: the upgrade forgets the bundle, and the next start imports it.
 */
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DramatisDB } from '@/lib/store/db';
import { importBundle } from '@/lib/store/import-bundle';
import { allTags, annotationsForUrl } from '@/lib/store/annotations';
import { notesAbout } from '@/lib/store/notes';
import { getEntityProfile } from '@/lib/store/profile-queries';
import { lookupAliasKeys } from '@/lib/store/queries';
import { readSettings } from '@/lib/store/settings';
import type { Entity, SourceDocument } from '@/lib/model/bundle-format';
import { bundle } from './fixtures';

interface FrozenSchema {
  version: number;
  stores: Record<string, string>;
}
const SCHEMA = JSON.parse(readFileSync('test/fixtures/db-v1/schema.json', 'utf8')) as FrozenSchema;
const ROWS = JSON.parse(readFileSync('test/fixtures/db-v1/rows.json', 'utf8')) as Record<
  string,
  unknown[]
>;
const TABLES = Object.keys(SCHEMA.stores);
/** Version 1's tables that version 4 replaced with profile and key shards. */
const REPLACED = ['entities', 'aliasKeys'];
/** The bundle the fixture's reader had imported, as the next start imports it again. */
const SHIPPED = bundle({
  documents: ROWS.documents as SourceDocument[],
  entities: ROWS.entities as Entity[],
});

let db: DramatisDB | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

/** Creates the database a first-release reader has, holding the fixture's rows, and closes it. */
async function createVersionOneDatabase(): Promise<string> {
  const name = `dramatis-v1-${Math.random().toString(36).slice(2)}`;
  const old = new Dexie(name);
  old.version(SCHEMA.version).stores(SCHEMA.stores);
  await old.transaction('rw', TABLES, async () => {
    for (const table of TABLES) await old.table(table).bulkAdd(ROWS[table] ?? []);
  });
  old.close();
  return name;
}

/** Rows in a stable order, so tables compare whatever their primary keys. */
function sorted(rows: unknown[]): unknown[] {
  return rows.map((row) => JSON.stringify(row)).sort();
}

describe('a database created by the first release (schema version 1)', () => {
  it('still has every version-1 table, primary key and index but the replaced bundled ones', async () => {
    db = new DramatisDB(await createVersionOneDatabase());
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(SCHEMA.version);
    for (const table of REPLACED)
      expect(db.tables.map((candidate) => candidate.name)).not.toContain(table);
    for (const [table, spec] of Object.entries(SCHEMA.stores)) {
      if (REPLACED.includes(table)) continue;
      const [primaryKey, ...indexes] = spec.split(',').map((part) => part.trim());
      const current = db.tables.find((candidate) => candidate.name === table)?.schema;
      expect(current, `table ${table}`).toBeDefined();
      expect(current!.primKey.src, `primary key of ${table}`).toBe(primaryKey);
      const currentIndexes = current!.indexes.map((index) => index.src);
      for (const index of indexes)
        expect(currentIndexes, `index ${table}.${index}`).toContain(index);
    }
  });

  it('opens with every reader row intact, and forgets the bundle so that it is imported again', async () => {
    db = new DramatisDB(await createVersionOneDatabase());
    for (const table of TABLES.filter((name) => !REPLACED.includes(name) && name !== 'meta')) {
      expect(sorted(await db.table(table).toArray()), `rows of ${table}`).toEqual(
        sorted(ROWS[table] ?? []),
      );
    }
    expect(await db.meta.toArray()).toEqual([]);
    expect(await getEntityProfile(db, 'person:mu-sochua')).toBeNull();
    await importBundle(db, SHIPPED);
    const settings = await readSettings(db);
    expect(settings).toMatchObject({
      enabled: true,
      disabledSites: ['example.org'],
      hoverDelayMs: 600,
      kinds: { person: true, organization: false, place: true },
    });
    const article = 'https://www.phnompenhpost.com/national/cnrp-alleges-local-push';
    expect((await annotationsForUrl(db, article)).map((record) => record.quote?.exact)).toEqual([
      'We are willing to do farming instead',
      'refused to defect',
    ]);
    expect((await notesAbout(db, 'person:mu-sochua', 10)).total).toBe(2);
    expect(await allTags(db)).toEqual([
      { tag: 'cnrp', count: 1 },
      { tag: 'defections', count: 1 },
      { tag: 'exile', count: 1 },
      { tag: 'to-read', count: 1 },
    ]);
    const profile = await getEntityProfile(db, 'person:mu-sochua');
    expect(profile).toMatchObject({ name: 'Mu Sochua (CNRP)', bundleName: 'Mu Sochua' });
    expect(profile?.roles.map((role) => role.title)).toEqual(['Former CNRP deputy president']);
  });

  it('keeps the reader’s notes, corrections and settings when a newer bundle replaces the old one', async () => {
    db = new DramatisDB(await createVersionOneDatabase());
    const result = await importBundle(db, bundle({ hash: 'b'.repeat(64) }));
    expect(result.changed).toBe(true);
    for (const table of ['annotations', 'corrections', 'settings']) {
      expect(sorted(await db.table(table).toArray()), `rows of ${table}`).toEqual(
        sorted(ROWS[table] ?? []),
      );
    }
    // The hidden correction still applies to the new bundle's CNRP; the added name still marks Sochua.
    const hits = await lookupAliasKeys(db, ['CNRP', 'madame sochua']);
    expect(hits.map((hit) => [hit.key, hit.entityId])).toEqual([
      ['madame sochua', 'person:mu-sochua'],
    ]);
  });
});
