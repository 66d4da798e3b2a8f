/**
 * Read queries and bookkeeping writes over the profile store, shaped for the
 * messages the background answers.
 */
import { applyCorrections } from './corrections';
import type { DramatisDB } from './db';
import type { AliasKeyRecord, BundleMeta, ImportState } from '@/lib/model/records';
import type { StoreCounts } from '@/lib/model/views';

/** Counts the rows the options page reports; each count uses an index, never a table scan. */
export async function storeCounts(db: DramatisDB): Promise<StoreCounts> {
  return db.transaction('r', [db.entities, db.documents, db.annotations], async () => {
    const [people, organizations, places, documents, annotations] = await Promise.all([
      db.entities.where('kind').equals('person').count(),
      db.entities.where('kind').equals('organization').count(),
      db.entities.where('kind').equals('place').count(),
      db.documents.count(),
      db.annotations.count(),
    ]);
    return { people, organizations, places, documents, annotations };
  });
}

/**
 * The alias rows whose key is one of `keys`. The filter in memory
 * (lib/store/alias-key-filter.ts) drops the keys that are certainly no alias,
 * nearly all a page offers, so the database is asked only about the few that
 * may be: cost follows the page's names, not the size of the store.
 */
export async function lookupAliasKeys(
  db: DramatisDB,
  keys: readonly string[],
): Promise<AliasKeyRecord[]> {
  const filter = await db.keyFilter.current();
  const distinct = [...new Set(keys)].filter((key) => filter?.mayHave(key) ?? true);
  if (distinct.length === 0) return [];
  const hits = await db.aliasKeys.where('key').anyOf(distinct).toArray();
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
