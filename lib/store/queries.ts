/**
 * Read queries and bookkeeping writes over the profile store, shaped for the
 * messages the background answers.
 */
import { applyCorrections } from './corrections';
import type { DramatisDB } from './db';
import { keyRowsIn, profileCounts, profileTables } from './profile-shards';
import type { AliasKeyRecord, BundleMeta, ImportState } from '@/lib/model/records';
import type { StoreCounts } from '@/lib/model/views';

/**
 * Counts the rows the options page reports. Profiles are counted by the writes
 * that store them (lib/store/profile-shards.ts), so asking during an import
 * costs a few reads however many profiles have landed.
 */
export async function storeCounts(db: DramatisDB): Promise<StoreCounts> {
  return db.transaction('r', [...profileTables(db), db.documents, db.annotations], async () => {
    const [kinds, documents, annotations] = await Promise.all([
      profileCounts(db),
      db.documents.count(),
      db.annotations.count(),
    ]);
    return { ...kinds, documents, annotations };
  });
}

/**
 * The alias rows whose key is one of `keys`. The filter in memory
 * (lib/store/alias-key-filter.ts) drops the keys that are certainly no alias,
 * nearly all a page offers, and names the shard of each of the others, so the
 * database is asked only for those shards' keys: cost follows the page's
 * names, not the size of the store.
 */
export async function lookupAliasKeys(
  db: DramatisDB,
  keys: readonly string[],
): Promise<AliasKeyRecord[]> {
  const filter = await db.keyFilter.current();
  const distinct: string[] = [];
  const shards = new Set<number>();
  for (const key of new Set(keys)) {
    const found = filter ? filter.shardsOf(key) : [];
    if (found === null) continue;
    distinct.push(key);
    for (const shard of found) shards.add(shard);
  }
  if (distinct.length === 0) return [];
  // Without a filter (it failed to load) every shard is read: slower, never wrong.
  const hits = await keyRowsIn(
    db,
    filter ? [...shards] : ((await db.keyShards.toCollection().primaryKeys()) as number[]),
    new Set(distinct),
  );
  // The reader's corrections (hidden, merged, renamed, extra aliases) win over the bundle.
  return applyCorrections(db, distinct, hits);
}

/** The bundle currently in the store, or null before the first successful import. */
export async function readBundleMeta(db: DramatisDB): Promise<BundleMeta | null> {
  const row = await db.meta.get('bundle');
  return row?.key === 'bundle' ? row.value : null;
}

/** Where loading the bundled profiles stands; `never` on a fresh store. */
export async function readImportState(db: DramatisDB): Promise<ImportState> {
  const row = await db.meta.get('import');
  return row?.key === 'import' ? row.value : { state: 'never' };
}

/** Records where loading the bundled profiles stands, for the options page to show. */
export async function writeImportState(db: DramatisDB, state: ImportState): Promise<void> {
  await db.meta.put({ key: 'import', value: state });
}
