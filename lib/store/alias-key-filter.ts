/**
 * The alias-key filter: every key a page could be answered with (the keys of
 * the profile shards and the reader's extra aliases), as hashes with the shard
 * each lives in (lib/store/key-locations.ts), held by the background in memory
 * in front of IndexedDB. Its cost to consult does not grow with the store; only
 * the shards of keys that may be aliases are read from the database
 * (docs/ARCHITECTURE.md, principle 4).
 *
 * It is stored beside the rows it describes (table `aliasKeyFilter`) and kept
 * right by a Dexie middleware rather than by each writer: every read-write
 * transaction over `keyShards` or `corrections` also writes the filter, in the
 * same transaction, so the stored filter can never disagree with the rows
 * whatever route changed them (bundle import, added or removed article,
 * correction) or wherever the worker was stopped. A cold worker loads one
 * sorted buffer instead of reading every key.
 *
 * The filter only ever grows between bundle imports: a rewritten shard leaves
 * its old keys' entries behind, which cost one read that answers nothing,
 * never a missed name. Clearing the key shards starts it again from the
 * reader's extra aliases.
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTransaction,
  Middleware,
  Table,
} from 'dexie';
import { hashAliasKey, mergeSorted, sortedUnique } from '@/lib/match/key-hashes';
import { aliasKey } from '@/lib/match/normalize';
import type { AliasKeyRecord, CorrectionRecord } from '@/lib/model/records';
import {
  AliasKeyLocations,
  keyLocation,
  mergeLocations,
  NO_SHARD,
  sortedLocations,
} from './key-locations';
import { forEachShardKey, type KeyShardRecord } from './profile-shards';

/** The table the filter is stored in. */
export const KEY_FILTER_TABLE = 'aliasKeyFilter';

/**
 * One stored part of the filter: `base` holds the sorted entries; each write
 * since the last compaction adds a `delta:…` row with the entries it added.
 */
export interface AliasKeyFilterRecord {
  id: string;
  /** Entries by {@link keyLocation}; sorted and repeat-free in `base`, as written in a delta. */
  entries: Float64Array;
}

/** The filter as version 3 of the store kept it: hashes alone, for the `aliasKeys` table it replaced. */
export interface AliasKeyHashRecord {
  id: string;
  hashes: Uint32Array;
}

const BASE_ID = 'base';
/** Deltas beyond these are folded into the base when the filter is loaded. */
const MAX_DELTAS = 16;
const MAX_DELTA_ENTRIES = 4096;

const KEY_SHARDS = 'keyShards';
const CORRECTIONS = 'corrections';

/** The hashes of the reader's extra aliases in `corrections` (their keys are found by lookups too). */
export function correctionHashes(corrections: readonly CorrectionRecord[]): number[] {
  const hashes: number[] = [];
  for (const { correction } of corrections)
    for (const alias of correction.extraAliases ?? []) {
      const key = aliasKey(alias);
      if (key !== '') hashes.push(hashAliasKey(key));
    }
  return hashes;
}

/** The entries of the reader's extra aliases, which live in no shard. */
function correctionEntries(corrections: readonly CorrectionRecord[]): number[] {
  // An extra alias is unambiguous: the reader typed it for this one entity.
  return correctionHashes(corrections).map((hash) => keyLocation(hash, NO_SHARD, true));
}

/** The entries of key shards: each key pointing at its shard, with whether it is unambiguous there. */
export function shardEntries(shards: readonly KeyShardRecord[]): number[] {
  const entries: number[] = [];
  for (const shard of shards)
    forEachShardKey(shard, (key, unambiguous) =>
      entries.push(keyLocation(hashAliasKey(key), shard.n, unambiguous)),
    );
  return entries;
}

/** The base row of a filter holding the reader's extra aliases alone (a store without profiles). */
export function correctionsOnlyFilter(
  corrections: readonly CorrectionRecord[],
): AliasKeyFilterRecord {
  return { id: BASE_ID, entries: sortedLocations(correctionEntries(corrections)) };
}

/**
 * The background's copy of the filter, loaded from the table on first use and
 * kept current by the middleware. `null` from {@link current} means the store
 * holds no usable filter: ask the database about every key.
 */
export class AliasKeyFilter {
  private loaded: AliasKeyLocations | null = null;
  private loading: Promise<AliasKeyLocations | null> | null = null;
  /** Entries written while a load was reading: the load may not have seen them. */
  private addedDuringLoad: number[][] = [];
  private generation = 0;

  /** The filter over `table`, the store's {@link KEY_FILTER_TABLE}. */
  constructor(private readonly table: () => Table<AliasKeyFilterRecord, string>) {}

  /** The filter, loading it first when needed. */
  async current(): Promise<AliasKeyLocations | null> {
    if (this.loaded) return this.loaded;
    this.loading ??= this.load().catch((error: unknown) => {
      // Without the filter every key goes to the database: slower, never wrong.
      console.error('Dramatis: loading the alias-key filter failed:', error);
      this.loading = null;
      return null;
    });
    return this.loading;
  }

  /** Forgets the copy in memory; the next lookup loads the stored filter again. */
  forget(): void {
    this.generation++;
    this.loaded = null;
    this.loading = null;
    this.addedDuringLoad = [];
  }

  /**
   * Entries a write is adding, called before the write (the middleware). Added
   * at once, before the commit: an entry too many costs a read, one too few a
   * missed name.
   */
  noteAdded(entries: readonly number[]): void {
    if (entries.length === 0) return;
    if (this.loaded) this.loaded.add(entries);
    else if (this.loading) this.addedDuringLoad.push([...entries]);
  }

  private async load(): Promise<AliasKeyLocations | null> {
    const generation = this.generation;
    const table = this.table();
    const rows = await table.toArray();
    if (generation !== this.generation) return this.current();
    const base = rows.find((row) => row.id === BASE_ID);
    // No filter, or one from before shards (an upgrade that has not run): ask the database.
    if (!base?.entries) {
      this.loading = null;
      return null;
    }
    const deltas = rows.filter((row) => row.id !== BASE_ID);
    let deltaSize = 0;
    for (const delta of deltas) deltaSize += delta.entries.length;
    const locations = new AliasKeyLocations(withDeltas(base, deltas));
    for (const added of this.addedDuringLoad) locations.add(added);
    this.addedDuringLoad = [];
    this.loaded = locations;
    this.loading = null;
    if (deltas.length > MAX_DELTAS || deltaSize > MAX_DELTA_ENTRIES)
      compactAliasKeyFilter(table).catch((error: unknown) =>
        console.warn('Dramatis: compacting the alias-key filter failed:', error),
      );
    return locations;
  }
}

/**
 * Folds the filter's deltas into its base, in one transaction over the filter
 * table alone (writes that add keys also write that table, so none can slip
 * between the read and the write).
 */
export async function compactAliasKeyFilter(
  table: Table<AliasKeyFilterRecord, string>,
): Promise<void> {
  await table.db.transaction('rw', table, async () => {
    const rows = await table.toArray();
    const base = rows.find((row) => row.id === BASE_ID);
    const deltas = rows.filter((row) => row.id !== BASE_ID);
    if (!base || deltas.length === 0) return;
    await table.bulkDelete(deltas.map((row) => row.id));
    await table.put({ id: BASE_ID, entries: withDeltas(base, deltas) });
  });
}

/**
 * The base's entries with the deltas', sorted and repeat-free: the deltas
 * sorted together and merged once. An import writes a delta per chunk (200 for
 * a million profiles), and merging them one by one copied the growing array
 * each time.
 */
function withDeltas(
  base: AliasKeyFilterRecord,
  deltas: readonly AliasKeyFilterRecord[],
): Float64Array {
  if (deltas.length === 0) return base.entries;
  let size = 0;
  for (const delta of deltas) size += delta.entries.length;
  const all = new Float64Array(size);
  let at = 0;
  for (const delta of deltas) {
    all.set(delta.entries, at);
    at += delta.entries.length;
  }
  return mergeLocations(base.entries, sortedLocations(all));
}

/**
 * Version 3's upgrade: writes a filter of hashes for the rows in `aliasKeys`
 * and `corrections`, replacing whatever `filter` held. Kept because a reader
 * may upgrade from version 2, whose upgrade path runs it before version 4
 * replaces the alias table and this filter; reads every key, `pageSize` at a time.
 */
export async function rebuildAliasKeyFilter(
  aliasKeys: Table<AliasKeyRecord, [string, string]>,
  corrections: Pick<Table<CorrectionRecord>, 'toArray'>,
  filter: Table<AliasKeyHashRecord, string>,
  pageSize = 50_000,
): Promise<void> {
  const parts: Uint32Array[] = [];
  let last: string | null = null;
  for (;;) {
    const range = last === null ? aliasKeys.orderBy('key') : aliasKeys.where('key').above(last);
    const keys = (await range.limit(pageSize).keys()) as string[];
    if (keys.length === 0) break;
    parts.push(sortedUnique(Uint32Array.from(keys, hashAliasKey)));
    last = keys[keys.length - 1]!;
    if (keys.length < pageSize) break;
  }
  let sorted = sortedUnique(Uint32Array.from(correctionHashes(await corrections.toArray())));
  for (const part of parts) sorted = mergeSorted(sorted, part);
  await filter.clear();
  await filter.put({ id: BASE_ID, hashes: sorted });
}

/**
 * Version 5's upgrade: replaces whatever `filter` held by the entries of every
 * stored key shard and the reader's extra aliases. Reads the shards one at a
 * time, so memory holds the entries (8 bytes a key), never every row.
 */
export async function rebuildShardKeyFilter(
  keyShards: Table<KeyShardRecord, number>,
  corrections: Pick<Table<CorrectionRecord>, 'toArray'>,
  filter: Table<AliasKeyFilterRecord, string>,
): Promise<void> {
  const entries = correctionEntries(await corrections.toArray());
  await keyShards.each((shard) => {
    for (const entry of shardEntries([shard])) entries.push(entry);
  });
  await filter.clear();
  await filter.put({ id: BASE_ID, entries: sortedLocations(entries) });
}

/** The empty filter of a new, empty store. */
export function emptyAliasKeyFilter(): AliasKeyFilterRecord {
  return { id: BASE_ID, entries: new Float64Array(0) };
}

interface WriteState {
  /** The key shards were cleared in this transaction: the loaded copy is out of date once it commits. */
  cleared: boolean;
}

/**
 * The middleware that keeps the stored filter and `filter` right (see the file
 * comment). Read-write transactions over `keyShards` or `corrections` get the
 * filter table (and `corrections`, read when the key shards are cleared) added
 * to their scope.
 */
export function aliasKeyFilterMiddleware(filter: AliasKeyFilter): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'aliasKeyFilter',
    create(down) {
      // Dexie also builds the stack over older schemas while upgrading one: nothing to keep there.
      const names = down.schema.tables.map((table) => table.name);
      if (!names.includes(KEY_FILTER_TABLE) || !names.includes(KEY_SHARDS)) return down;
      const writes = new WeakMap<DBCoreTransaction, WriteState>();
      let deltaCount = 0;
      const filterTable = down.table(KEY_FILTER_TABLE);

      const writeDelta = (trans: DBCoreTransaction, entries: number[]) => {
        filter.noteAdded(entries);
        const id = `delta:${Date.now().toString(36)}:${(deltaCount++).toString(36)}`;
        return filterTable.mutate({
          type: 'put',
          trans,
          values: [{ id, entries: Float64Array.from(entries) } satisfies AliasKeyFilterRecord],
        });
      };

      /** The filter's own writes for `req` on `tableName`, then `req` itself. */
      const mutateWithFilter = (
        tableName: string,
        req: DBCoreMutateRequest,
        mutate: (req: DBCoreMutateRequest) => Promise<DBCoreMutateResponse>,
      ): Promise<DBCoreMutateResponse> => {
        if (req.type === 'add' || req.type === 'put') {
          const entries =
            tableName === KEY_SHARDS
              ? shardEntries(req.values as KeyShardRecord[])
              : correctionEntries(req.values as CorrectionRecord[]);
          if (entries.length === 0) return mutate(req);
          return writeDelta(req.trans, entries).then(() => mutate(req));
        }
        // Only clearing the key shards resets the filter; a deleted row or correction leaves a harmless entry.
        if (req.type !== 'deleteRange' || tableName !== KEY_SHARDS || req.range.type !== 3)
          return mutate(req);
        const state = writes.get(req.trans);
        if (state) state.cleared = true;
        const corrections = down.table(CORRECTIONS);
        return corrections
          .query({
            trans: req.trans,
            query: { index: corrections.schema.primaryKey, range: req.range },
            values: true,
          })
          .then(({ result }) =>
            filterTable
              .mutate({ type: 'deleteRange', trans: req.trans, range: req.range })
              .then(() =>
                filterTable.mutate({
                  type: 'put',
                  trans: req.trans,
                  values: [correctionsOnlyFilter(result as CorrectionRecord[])],
                }),
              ),
          )
          .then(() => mutate(req));
      };

      return {
        ...down,
        transaction(stores, mode, options) {
          const watched = stores.includes(KEY_SHARDS) || stores.includes(CORRECTIONS);
          if (mode !== 'readwrite' || !watched) return down.transaction(stores, mode, options);
          const scope = [...new Set([...stores, KEY_FILTER_TABLE, CORRECTIONS])];
          const trans = down.transaction(scope, mode, options);
          const state: WriteState = { cleared: false };
          writes.set(trans, state);
          // The copy in memory missed the clear; it reloads once the new rows are committed.
          // The native IDBTransaction (fake-indexeddb's is no EventTarget subclass, hence no instanceof).
          const events = trans as Partial<Pick<EventTarget, 'addEventListener'>>;
          events.addEventListener?.('complete', () => {
            if (state.cleared) filter.forget();
          });
          return trans;
        },
        table(tableName) {
          const table = down.table(tableName);
          if (tableName !== KEY_SHARDS && tableName !== CORRECTIONS) return table;
          return {
            ...table,
            mutate: (req) => mutateWithFilter(tableName, req, (next) => table.mutate(next)),
          };
        },
      };
    },
  };
}
