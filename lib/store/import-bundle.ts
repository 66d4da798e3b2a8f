/**
 * Writing a profile bundle into the store. This is the only code that replaces
 * bundled data; the reader's annotations, corrections and settings are never
 * touched here, which is what lets them survive bundle upgrades.
 */
import type { Entity, ProfileBundle } from '@/lib/profiles/bundle-format';
import type { DramatisDB } from './db';
import type { AliasKeyRecord, BundleMeta } from './records';

/** What {@link importBundle} did. */
export interface ImportResult {
  /** False when the store already held a bundle with the same hash. */
  changed: boolean;
  /** The bundle now in the store. */
  bundle: BundleMeta;
}

/**
 * The alias-key rows of one entity: one per distinct key. A key is ambiguous when
 * any alias spelled to it is (see {@link AliasKeyRecord.ambiguous}).
 */
export function aliasKeyRows(entity: Entity): AliasKeyRecord[] {
  const byKey = new Map<string, AliasKeyRecord>();
  for (const alias of entity.aliases) {
    // An alias whose key normalized to nothing cannot be matched on a page.
    if (alias.key === '') continue;
    const row = byKey.get(alias.key);
    if (row) {
      row.ambiguous ||= alias.ambiguous;
    } else {
      byKey.set(alias.key, {
        key: alias.key,
        entityId: entity.id,
        name: entity.name,
        kind: entity.kind,
        ambiguous: alias.ambiguous,
      });
    }
  }
  return [...byKey.values()];
}

/**
 * Imports a parsed bundle (validate it with lib/profiles `parseBundle` first).
 *
 * Everything happens in one read-write transaction: if any write fails the
 * transaction aborts and the store keeps the bundle it had, so a reader never
 * sees half a bundle. Importing the bundle whose hash the store already holds
 * is a no-op that writes nothing.
 */
export async function importBundle(
  db: DramatisDB,
  bundle: ProfileBundle,
  now: () => number = Date.now,
): Promise<ImportResult> {
  return db.transaction('rw', [db.entities, db.aliasKeys, db.documents, db.meta], async () => {
    const current = await db.meta.get('bundle');
    if (current?.key === 'bundle' && current.value.hash === bundle.hash) {
      return { changed: false, bundle: current.value };
    }
    // A newer bundle replaces all bundled rows rather than merging: an entity the
    // sources no longer support must disappear, and merging would keep it.
    await Promise.all([db.entities.clear(), db.aliasKeys.clear(), db.documents.clear()]);
    await db.documents.bulkAdd(bundle.documents);
    await db.entities.bulkAdd(bundle.entities);
    await db.aliasKeys.bulkPut(bundle.entities.flatMap(aliasKeyRows));
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
