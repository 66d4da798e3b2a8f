/**
 * What the reader's pages read about entities by id: the name to show (the
 * reader's correction wins over the bundle's), the profile list, the bundle's
 * own role titles. The one place the corrected-name rule is written for
 * reading pages; the card's profile and the alias lookup apply the same rule
 * inside their own transactions (profile-queries.ts, corrections.ts) through
 * {@link displayName}.
 */
import type { DramatisDB } from './db';
import type { Entity, EntityKind } from '@/lib/model/bundle-format';
import type { AnnotationRecord, EntityCorrection } from '@/lib/model/records';
import type { EntitySuggestion, ProfileRow } from '@/lib/model/views';
import { getProfile, getProfiles, profileRow, profilesByName } from './profile-shards';

/** The name the reader sees: their correction's, else the bundle's. */
export function displayName(
  entity: Pick<Entity, 'name'>,
  correction: EntityCorrection | undefined,
): string {
  return correction?.name ?? entity.name;
}

/** The display names of the entities `ids` that the store holds. */
export async function displayNames(
  db: DramatisDB,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const [entities, corrections] = await Promise.all([
    getProfiles(db, ids),
    db.corrections.bulkGet([...ids]),
  ]);
  const names = new Map<string, string>();
  ids.forEach((id, i) => {
    const entity = entities[i];
    if (entity) names.set(id, displayName(entity, corrections[i]?.correction));
  });
  return names;
}

/** Every annotation and the display names of the entities they mention. */
export interface AnnotationSnapshot {
  annotations: AnnotationRecord[];
  names: Map<string, string>;
}

/** Reads the snapshot the search and the notes list need; run inside liveQuery so it re-runs on every write. */
export async function readAnnotationSnapshot(db: DramatisDB): Promise<AnnotationSnapshot> {
  const annotations = await db.annotations.toArray();
  // Only the entities annotations mention: the entity rows are large and there may be 100,000.
  const ids = [...new Set(annotations.flatMap((record) => record.entityIds))];
  return { annotations, names: await displayNames(db, ids) };
}

/** The first `limit` profiles by name, for the options page's list before the reader types. */
export async function firstProfiles(db: DramatisDB, limit: number): Promise<EntitySuggestion[]> {
  const rows = await profilesByName(db, null, limit);
  return rows.map(({ id, name, kind }) => ({ id, name, kind }));
}

/**
 * The options page's profile table: the entities `ids` in that order when
 * given (a search's answer), else the first `limit` by name; either way only
 * those of `kind` when it is set. The first by name are kept listed by the
 * writes (lib/store/profile-shards.ts), so a store of 100,000 profiles costs
 * no more than one of 100.
 */
export async function profileRows(
  db: DramatisDB,
  { ids, kind, limit }: { ids?: readonly string[]; kind: EntityKind | null; limit: number },
): Promise<ProfileRow[]> {
  const rows = ids
    ? (await getProfiles(db, ids))
        .filter(
          (entity): entity is Entity => entity !== undefined && (!kind || entity.kind === kind),
        )
        .map(profileRow)
    : await profilesByName(db, kind, limit);
  const corrections = await db.corrections.bulkGet(rows.map((row) => row.id));
  // The reader's name wins over the bundle's.
  return rows
    .slice(0, limit)
    .map((row, i) => ({ ...row, name: corrections[i]?.correction.name ?? row.name }));
}

/** The role titles the bundle gives an entity (what the reader's role corrections are keyed by). */
export async function bundleRoleTitles(db: DramatisDB, entityId: string): Promise<string[]> {
  const entity = await getProfile(db, entityId);
  return entity?.roles.map((role) => role.title) ?? [];
}
