/**
 * Writing a profile bundle into the store. This is the only code that replaces
 * bundled data; the reader's annotations, corrections and settings are never
 * touched here, which is what lets them survive bundle upgrades.
 */
import type { ProfileBundle } from '@/lib/model/bundle-format';
import type { MergeAdded } from '@/lib/extract/merge-added';
import { reapplyAddedSources } from './added-sources';
import type { DramatisDB } from './db';
import { appendProfiles, clearProfiles, profileTables } from './profile-shards';
import type { BundleMeta } from '@/lib/model/records';

export { aliasKeyRows } from './alias-key-rows';

/** What {@link importBundle} did. */
export interface ImportResult {
  /** False when the store already held a bundle with the same hash. */
  changed: boolean;
  /** The bundle now in the store. */
  bundle: BundleMeta;
}

/** The tables a bundle import writes, with the reader's added articles it merges back in. */
export function bundleTables(db: DramatisDB) {
  return [...profileTables(db), db.documents, db.meta, db.addedSources, db.bundleOriginals];
}

/**
 * Imports a parsed bundle (validate it with lib/profiles `parseBundle` first).
 *
 * Everything happens in one read-write transaction: if any write fails the
 * transaction aborts and the store keeps the bundle it had, so a reader never
 * sees half a bundle. Importing the bundle whose hash the store already holds
 * is a no-op that writes nothing. Articles the reader added are merged into the
 * new bundle's profiles in the same transaction, with `mergeAdded` (loaded only
 * when there are any; see lib/store/added-sources.ts).
 */
export async function importBundle(
  db: DramatisDB,
  bundle: ProfileBundle,
  now: () => number = Date.now,
  mergeAdded?: MergeAdded,
): Promise<ImportResult> {
  return db.transaction('rw', bundleTables(db), async () => {
    const current = await db.meta.get('bundle');
    if (current?.key === 'bundle' && current.value.hash === bundle.hash) {
      return { changed: false, bundle: current.value };
    }
    // A newer bundle replaces all bundled rows rather than merging: an entity the
    // sources no longer support must disappear, and merging would keep it.
    await Promise.all([clearProfiles(db), db.documents.clear()]);
    await db.documents.bulkAdd(bundle.documents);
    // Shards hold runs of ids, so they are written in id order (a parsed bundle already is).
    await appendProfiles(
      db,
      [...bundle.entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    );
    await reapplyAddedSources(db, bundle, mergeAdded);
    const meta: BundleMeta = {
      hash: bundle.hash,
      formatVersion: bundle.version,
      importedAt: now(),
      entities: bundle.entities.length,
      documents: bundle.documents.length,
    };
    await db.meta.put({ key: 'bundle', value: meta });
    return { changed: true, bundle: meta };
  });
}
