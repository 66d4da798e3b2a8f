/**
 * The bundled profiles, packed many to an IndexedDB row. In Chromium each row
 * costs about 0.17 ms to write whatever its indexes (10,000 profiles one to a
 * row: 1.7 s; the same in rows of 100: 0.16 s), so a store of a million
 * profiles one to a row, plus a row per alias key, took minutes to import.
 *
 * A shard is a run of profiles consecutive by id (a bundle lists them by id),
 * numbered `n`, with `first` a lower bound of its ids: the profile `id` lives in
 * the shard with the greatest `first` ≤ `id`. Its alias-key rows are the
 * `keyShards` row of the same number, written in the same transaction, and the
 * alias-key filter points every key at its shard (lib/store/key-locations.ts),
 * so a page's lookup reads only the shards of keys that exist. Counts by kind
 * and the first profiles by name, which the options page shows, are kept in
 * `profileIndex` by the same writes, so neither needs every row.
 *
 * A shard holds its profiles as JSON text, not objects: IndexedDB's structured
 * clone of 100,000 profiles took about 2.5 s of the import's CPU, copying text
 * almost none, and the import passes on the bundle's own lines. Reading one
 * profile parses its shard's fifty.
 *
 * Every write of a shard rewrites it whole in one transaction with its keys and
 * the index, so no profile is ever visible half-written. Call these inside a
 * transaction over {@link profileTables} (reads may run outside one).
 */
import type { Entity, EntityKind } from '@/lib/model/bundle-format';
import type { AliasKeyRecord } from '@/lib/model/records';
import type { KindCounts, ProfileRow } from '@/lib/model/views';
import { aliasKeyRows } from './alias-key-rows';
import type { DramatisDB } from './db';

/** Profiles a shard holds when an import writes it; added articles may grow a shard beyond. */
export const PROFILES_PER_SHARD = 50;
/** Profiles each by-name list keeps: more than the options page lists (50), so removals seldom empty it. */
export const BY_NAME_SIZE = 200;

/** One shard of profiles, as stored. */
export interface ProfileShardRecord {
  /** The shard's number; its keys are the {@link KeyShardRecord} of the same number. */
  n: number;
  /** No profile in the shard has a smaller id; every one is smaller than the next shard's `first`. */
  first: string;
  /** Its profiles by id, as the text of a JSON array of {@link Entity}. */
  profiles: string;
}

/** One shard with its profiles read. */
interface OpenShard {
  n: number;
  first: string;
  profiles: Entity[];
  /** The stored text of `profiles` while they are unchanged. */
  text?: string;
}

/** The alias keys of one shard's profiles. */
export interface KeyShardRecord {
  n: number;
  /** Every key in `rows`, once: what the alias-key filter hashes. Those with an unambiguous row come first. */
  keys: string[];
  /**
   * How many of `keys`, from the first, have an unambiguous row in `rows`: the
   * filter's bit per key (lib/store/key-locations.ts). Absent from shards
   * written by version 4, whose rows are read instead.
   */
  unambiguousKeys?: number;
  /** The shard's alias-key rows ({@link aliasKeyRows}), as the text of a JSON array. */
  rows: string;
}

/** Which profiles a by-name list holds: all of them, or those of one kind. */
export type ByNameList = EntityKind | 'all';

/** The rows of `profileIndex`. */
export type ProfileIndexRecord =
  | { id: 'counts'; counts: KindCounts }
  | {
      id: `byName:${ByNameList}`;
      /** The first profiles of the list by name, then id (the bundle's names, as IndexedDB would order them). */
      rows: ProfileRow[];
      /** True when `rows` holds every profile of the list; else only a prefix. */
      complete: boolean;
    };

type ByNameRecord = Extract<ProfileIndexRecord, { rows: ProfileRow[] }>;

const LISTS: readonly ByNameList[] = ['all', 'person', 'organization', 'place'];

const KIND_FIELD: Record<EntityKind, keyof KindCounts> = {
  person: 'people',
  organization: 'organizations',
  place: 'places',
};

/** The tables a transaction over profiles needs. */
export function profileTables(db: DramatisDB) {
  return [db.profileShards, db.keyShards, db.profileIndex];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** IndexedDB's order of the old `name` index: by name, then id, comparing code units. */
function byName(a: ProfileRow, b: ProfileRow): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return byId(a, b);
}

function open(record: ProfileShardRecord): OpenShard {
  const { n, first, profiles } = record;
  return { n, first, profiles: JSON.parse(profiles) as Entity[], text: profiles };
}

/** The shard `id` belongs in, if any shard starts at or before it. */
function shardOf(db: DramatisDB, id: string): Promise<OpenShard | undefined> {
  // Dexie's own promise, not an async function's: awaited inside a transaction, it keeps it open.
  return db.profileShards
    .where('first')
    .belowOrEqual(id)
    .last()
    .then((record) => record && open(record));
}

/** Index of `id` in a shard's profiles, or where it would go (negative: −index − 1). */
function position(profiles: readonly Entity[], id: string): number {
  let low = 0;
  let high = profiles.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = profiles[middle]!.id;
    if (at === id) return middle;
    if (at < id) low = middle + 1;
    else high = middle - 1;
  }
  return -low - 1;
}

/** The profile `id`, or undefined. */
export async function getProfile(db: DramatisDB, id: string): Promise<Entity | undefined> {
  const shard = await shardOf(db, id);
  if (!shard) return undefined;
  const at = position(shard.profiles, id);
  return at >= 0 ? shard.profiles[at] : undefined;
}

/** The profiles `ids`, in that order, undefined where missing (like Dexie's `bulkGet`); each shard is read once. */
export async function getProfiles(
  db: DramatisDB,
  ids: readonly string[],
): Promise<(Entity | undefined)[]> {
  const records = await Promise.all(
    ids.map((id) => db.profileShards.where('first').belowOrEqual(id).last()),
  );
  // Each shard read is parsed once, however many of the ids it holds.
  const opened = new Map<number, OpenShard>();
  return ids.map((id, index) => {
    const record = records[index];
    if (!record) return undefined;
    let shard = opened.get(record.n);
    if (!shard) {
      shard = open(record);
      opened.set(record.n, shard);
    }
    const at = position(shard.profiles, id);
    return at >= 0 ? shard.profiles[at] : undefined;
  });
}

/** Every profile, by id. Reads the whole store: for merges and indexes built once, never per page. */
export async function allProfiles(db: DramatisDB): Promise<Entity[]> {
  const shards = await db.profileShards.orderBy('first').toArray();
  return shards.flatMap((shard) => JSON.parse(shard.profiles) as Entity[]);
}

/** How many profiles of each kind the store holds. */
export async function profileCounts(db: DramatisDB): Promise<KindCounts> {
  const row = await db.profileIndex.get('counts');
  return row?.id === 'counts' ? row.counts : { people: 0, organizations: 0, places: 0 };
}

/** The first `limit` profiles by (bundle) name, of `kind` when set. */
export async function profilesByName(
  db: DramatisDB,
  kind: EntityKind | null,
  limit: number,
): Promise<ProfileRow[]> {
  const row = await db.profileIndex.get(`byName:${kind ?? 'all'}`);
  if (row && 'rows' in row && (row.complete || row.rows.length >= limit))
    return row.rows.slice(0, limit);
  // Removals emptied the list below `limit` (rare: articles taken out); read the store once.
  const profiles = await allProfiles(db);
  return profiles
    .filter((entity) => !kind || entity.kind === kind)
    .map(profileRow)
    .sort(byName)
    .slice(0, limit);
}

/** A profile as the options page's table lists it, with the bundle's name. */
export function profileRow(entity: Entity): ProfileRow {
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    roles: entity.roles.length,
    quotes: entity.quotes.length,
    sources: entity.mentions.length,
  };
}

/** The alias-key rows for `keys` held by the shards `shards`. */
export async function keyRowsIn(
  db: DramatisDB,
  shards: readonly number[],
  keys: ReadonlySet<string>,
): Promise<AliasKeyRecord[]> {
  const rows = await db.keyShards.bulkGet([...shards]);
  return rows.flatMap((row) =>
    row?.keys.some((key) => keys.has(key))
      ? (JSON.parse(row.rows) as AliasKeyRecord[]).filter((hit) => keys.has(hit.key))
      : [],
  );
}

/** Empties the profile tables (the alias-key filter resets with them). */
export async function clearProfiles(db: DramatisDB): Promise<void> {
  await Promise.all([db.profileShards.clear(), db.keyShards.clear(), db.profileIndex.clear()]);
}

/**
 * Adds `entities` (by id, every id above those stored: a bundle's next records)
 * as new shards; `lines`, when given, are their JSON texts. The import's write.
 * Throws, failing the transaction, on an id out of order, repeated or not a
 * string: a shard must never hide a profile.
 */
export async function appendProfiles(
  db: DramatisDB,
  entities: readonly Entity[],
  lines?: readonly string[],
): Promise<void> {
  if (entities.length === 0) return;
  const lastShard = await db.profileShards.orderBy('first').last();
  let previous = lastShard && open(lastShard).profiles.at(-1)?.id;
  for (const { id } of entities) {
    if (typeof id !== 'string' || (previous !== undefined && id <= previous))
      throw new Error(`profile id ${JSON.stringify(id)} is out of order, repeated or not text`);
    previous = id;
  }
  const last = (await db.profileShards.toCollection().lastKey()) as number | undefined;
  let n = last === undefined ? 0 : last + 1;
  const shards: OpenShard[] = [];
  for (let start = 0; start < entities.length; start += PROFILES_PER_SHARD) {
    const end = start + PROFILES_PER_SHARD;
    const profiles = entities.slice(start, end);
    const text = lines && `[${lines.slice(start, end).join(',')}]`;
    shards.push({ n: n++, first: profiles[0]!.id, profiles, text });
  }
  await writeShards(db, shards, [], entities);
}

/** Writes `entities` over the stored ones with their ids, or adds them. For added articles. */
export async function putProfiles(db: DramatisDB, entities: readonly Entity[]): Promise<void> {
  if (entities.length === 0) return;
  const touched = new Map<number, OpenShard>();
  const removed: Entity[] = [];
  for (const entity of [...entities].sort(byId)) {
    const shard = await shardToWrite(db, touched, entity.id);
    delete shard.text;
    const at = position(shard.profiles, entity.id);
    if (at >= 0) removed.push(shard.profiles.splice(at, 1, entity)[0]!);
    else shard.profiles.splice(-at - 1, 0, entity);
  }
  await writeShards(db, [...touched.values()], removed, entities);
}

/** Deletes the profiles `ids` that are stored. */
export async function deleteProfiles(db: DramatisDB, ids: readonly string[]): Promise<void> {
  const touched = new Map<number, OpenShard>();
  const removed: Entity[] = [];
  for (const id of ids) {
    const stored = await shardOf(db, id);
    if (!stored) continue;
    const shard = touched.get(stored.n) ?? stored;
    touched.set(shard.n, shard);
    const at = position(shard.profiles, id);
    if (at < 0) continue;
    removed.push(shard.profiles.splice(at, 1)[0]!);
    delete shard.text;
  }
  if (removed.length === 0) return;
  const emptied = [...touched.values()].filter((shard) => shard.profiles.length === 0);
  const kept = [...touched.values()].filter((shard) => shard.profiles.length > 0);
  await Promise.all([
    db.profileShards.bulkDelete(emptied.map((shard) => shard.n)),
    db.keyShards.bulkDelete(emptied.map((shard) => shard.n)),
  ]);
  await writeShards(db, kept, removed, []);
}

/** The shard (already `touched`, else read) that `id` goes into; a new one when the store is empty. */
async function shardToWrite(
  db: DramatisDB,
  touched: Map<number, OpenShard>,
  id: string,
): Promise<OpenShard> {
  let shard = await shardOf(db, id);
  // Below every shard: the first shard takes it and starts lower.
  shard ??= [...touched.values()].sort((a, b) => (a.first < b.first ? -1 : 1))[0];
  if (!shard) {
    const first = await db.profileShards.orderBy('first').first();
    shard = first && open(first);
  }
  if (!shard) {
    const last = (await db.profileShards.toCollection().lastKey()) as number | undefined;
    shard = { n: last === undefined ? 0 : last + 1, first: id, profiles: [] };
  }
  const own = touched.get(shard.n) ?? shard;
  if (id < own.first) own.first = id;
  touched.set(own.n, own);
  return own;
}

/** Writes whole shards with their keys, and the counts and by-name lists for what was `removed` and `added`. */
async function writeShards(
  db: DramatisDB,
  shards: readonly OpenShard[],
  removed: readonly Entity[],
  added: readonly Entity[],
): Promise<void> {
  await Promise.all([
    db.profileShards.bulkPut(
      shards.map(({ n, first, profiles, text }) => ({
        n,
        first,
        profiles: text ?? JSON.stringify(profiles),
      })),
    ),
    db.keyShards.bulkPut(shards.map(keyShard)),
    updateIndex(db, removed, added),
  ]);
}

/** The key shard of `shard`'s profiles. */
function keyShard({ n, profiles }: OpenShard): KeyShardRecord {
  const rows = profiles.flatMap(aliasKeyRows);
  const unambiguous = new Set<string>();
  for (const row of rows) if (!row.ambiguous) unambiguous.add(row.key);
  // A set keeps the order of insertion: the unambiguous keys first.
  const keys = new Set(unambiguous);
  for (const row of rows) keys.add(row.key);
  return { n, keys: [...keys], unambiguousKeys: unambiguous.size, rows: JSON.stringify(rows) };
}

/** Calls `visit` with each key of `record` and whether some row of it there is unambiguous. */
export function forEachShardKey(
  record: KeyShardRecord,
  visit: (key: string, unambiguous: boolean) => void,
): void {
  if (record.unambiguousKeys !== undefined) {
    const count = record.unambiguousKeys;
    record.keys.forEach((key, at) => visit(key, at < count));
    return;
  }
  const unambiguous = new Set<string>();
  for (const row of JSON.parse(record.rows) as AliasKeyRecord[])
    if (!row.ambiguous) unambiguous.add(row.key);
  for (const key of record.keys) visit(key, unambiguous.has(key));
}

/** Keeps the counts and the by-name lists right after `removed` went and `added` came. */
async function updateIndex(
  db: DramatisDB,
  removed: readonly Entity[],
  added: readonly Entity[],
): Promise<void> {
  const ids = LISTS.map((list) => `byName:${list}` as const);
  const [countRow, ...lists] = await db.profileIndex.bulkGet(['counts', ...ids]);
  const counts =
    countRow?.id === 'counts' ? { ...countRow.counts } : { people: 0, organizations: 0, places: 0 };
  for (const entity of removed) counts[KIND_FIELD[entity.kind]]--;
  for (const entity of added) counts[KIND_FIELD[entity.kind]]++;
  const gone = new Set([...removed, ...added].map((entity) => entity.id));
  const rows = added.map(profileRow).sort(byName);
  const next: ProfileIndexRecord[] = [{ id: 'counts', counts }];
  LISTS.forEach((list, index) => {
    const stored = lists[index] as ByNameRecord | undefined;
    const kept = (stored?.rows ?? []).filter((row) => !gone.has(row.id));
    const complete = stored?.complete ?? true;
    const last = kept.at(-1);
    // A partial list is right only up to its last row: what sorts after it may lie beyond.
    const fits = (row: ProfileRow) =>
      (list === 'all' || row.kind === list) && (complete || (last && byName(row, last) < 0));
    const merged = mergeRows(kept, rows.filter(fits));
    next.push({
      id: `byName:${list}`,
      rows: merged.slice(0, BY_NAME_SIZE),
      complete: complete && merged.length <= BY_NAME_SIZE,
    });
  });
  await db.profileIndex.bulkPut(next);
}

function mergeRows(a: readonly ProfileRow[], b: readonly ProfileRow[]): ProfileRow[] {
  const out: ProfileRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byName(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
