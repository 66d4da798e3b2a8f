/**
 * The reader's corrections to bundled profiles: written here, applied by the
 * profile queries and by the alias lookup the content script relies on.
 * Corrections live in their own table keyed by the stable entity id, so a
 * bundle upgrade (which rewrites the profile and key shards) never touches them.
 */
import { aliasKey } from '@/lib/match/normalize';
import type { DramatisDB } from './db';
import type { AliasKeyRecord, CorrectionRecord, EntityCorrection } from '@/lib/model/records';
import { profileGone } from './notes';
import { displayName } from './entity-names';
import { UserError } from '@/lib/model/user-error';
import { getProfile, getProfiles } from './profile-shards';

/** Merges `patch` into the correction of `entityId` (creating it) and answers the result. */
export async function correctEntity(
  db: DramatisDB,
  entityId: string,
  patch: EntityCorrection,
  now: () => number = Date.now,
): Promise<CorrectionRecord> {
  if (patch.mergedInto === entityId) {
    throw new UserError('mergeIntoItself', [], 'An entity cannot be merged into itself.');
  }
  return db.transaction('rw', [db.profileShards, db.corrections], async () => {
    if (!(await getProfile(db, entityId))) {
      throw profileGone();
    }
    if (patch.mergedInto && !(await getProfile(db, patch.mergedInto))) {
      throw new UserError('mergeTargetGone', [], 'The profile to merge into is not in the store.');
    }
    const old = (await db.corrections.get(entityId))?.correction ?? {};
    const correction: EntityCorrection = {
      ...old,
      ...patch,
      roleTitles: { ...old.roleTitles, ...patch.roleTitles },
    };
    if (patch.extraAliases) {
      const aliases = [...(old.extraAliases ?? []), ...patch.extraAliases].map((a) => a.trim());
      correction.extraAliases = [...new Set(aliases.filter((a) => aliasKey(a) !== ''))];
    }
    const record: CorrectionRecord = { entityId, correction, updated: now() };
    await db.corrections.put(record);
    return record;
  });
}

/** Where a merge chain ends (A → B → C answers C); stops at a cycle. */
export function mergeTarget(fix: ReadonlyMap<string, EntityCorrection>, entityId: string): string {
  let id = entityId;
  const seen = new Set([id]);
  for (
    let next = fix.get(id)?.mergedInto;
    next && !seen.has(next);
    next = fix.get(id)?.mergedInto
  ) {
    seen.add(next);
    id = next;
  }
  return id;
}

/**
 * The bundle's alias hits for `keys` with the reader's corrections applied:
 * hidden entities are dropped, merged ones answer as the entity they were
 * merged into, renamed ones carry the new name, and the reader's extra aliases
 * are found too. All corrections are read: they are typed by one reader, so
 * they stay few, and the lookup's cost still grows with the page's keys.
 */
export async function applyCorrections(
  db: DramatisDB,
  keys: readonly string[],
  hits: AliasKeyRecord[],
): Promise<AliasKeyRecord[]> {
  const rows = await db.corrections.toArray();
  if (rows.length === 0) return hits;
  const fix = new Map(rows.map((row) => [row.entityId, row.correction]));
  const wanted = new Set(keys);
  const extra: AliasKeyRecord[] = [];
  for (const [entityId, correction] of fix) {
    for (const alias of correction.extraAliases ?? []) {
      const key = aliasKey(alias);
      if (wanted.has(key))
        extra.push({ key, entityId, name: '', kind: 'person', ambiguous: false });
    }
  }
  const targets = [...new Set([...hits, ...extra].map((hit) => mergeTarget(fix, hit.entityId)))];
  const entities = await getProfiles(db, targets);
  const byId = new Map(entities.flatMap((entity) => (entity ? [[entity.id, entity]] : [])));
  const seen = new Set<string>();
  const out: AliasKeyRecord[] = [];
  for (const hit of [...hits, ...extra]) {
    const id = mergeTarget(fix, hit.entityId);
    const entity = byId.get(id);
    const correction = fix.get(id);
    if (!entity || correction?.hidden || fix.get(hit.entityId)?.hidden) continue;
    const pair = `${hit.key}\u0000${id}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    out.push({
      ...hit,
      entityId: id,
      name: displayName(entity, correction),
      kind: correction?.kind ?? entity.kind,
    });
  }
  return out;
}
