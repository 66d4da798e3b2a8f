/**
 * The alias-key filter: every key a page could be answered with (the alias-key
 * rows and the reader's extra aliases), as hashes the background holds in
 * memory in front of IndexedDB (lib/match/key-hashes.ts). Its cost to consult
 * does not grow with the store; only keys that may be aliases are read from
 * the database (docs/ARCHITECTURE.md, principle 4).
 *
 * It is stored beside the rows it describes (table `aliasKeyFilter`) and kept
 * right by a Dexie middleware rather than by each writer: every read-write
 * transaction over `aliasKeys` or `corrections` also writes the filter, in the
 * same transaction, so the stored filter can never disagree with the rows
 * whatever route changed them (bundle import, added or removed article,
 * correction) or wherever the worker was stopped. A cold worker loads one
 * sorted buffer instead of reading every key.
 *
 * The filter only ever grows between bundle imports: a deleted row leaves its
 * hash behind, which costs one database read that answers nothing, never a
 * missed name. Clearing the alias table starts it again from the reader's
 * extra aliases.
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTransaction,
  Middleware,
  Table,
} from 'dexie';
import { AliasKeyHashes, hashAliasKey, mergeSorted, sortedUnique } from '@/lib/match/key-hashes';
import { aliasKey } from '@/lib/match/normalize';
import type { AliasKeyRecord, CorrectionRecord } from '@/lib/model/records';

/** The table the filter is stored in. */
export const KEY_FILTER_TABLE = 'aliasKeyFilter';

/**
 * One stored part of the filter: `base` holds the sorted hashes; each write
 * since the last compaction adds a `delta:…` row with the hashes it added.
 */
export interface AliasKeyFilterRecord {
  id: string;
  /** Hashes by {@link hashAliasKey}; sorted and repeat-free in `base`, as written in a delta. */
  hashes: Uint32Array;
}

const BASE_ID = 'base';
/** Deltas beyond these are folded into the base when the filter is loaded. */
const MAX_DELTAS = 16;
const MAX_DELTA_HASHES = 4096;

const ALIAS_KEYS = 'aliasKeys';
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

/**
 * The background's copy of the filter, loaded from the table on first use and
 * kept current by the middleware. `null` from {@link current} means the store
 * holds no filter (a database from before it existed, until upgraded): ask the
 * database about every key.
 */
export class AliasKeyFilter {
  private loaded: AliasKeyHashes | null = null;
  private loading: Promise<AliasKeyHashes | null> | null = null;
  /** Hashes written while a load was reading: the load may not have seen them. */
  private addedDuringLoad: number[][] = [];
  private generation = 0;

  /** The filter over `table`, the store's {@link KEY_FILTER_TABLE}. */
  constructor(private readonly table: () => Table<AliasKeyFilterRecord, string>) {}

  /** The filter, loading it first when needed. */
  async current(): Promise<AliasKeyHashes | null> {
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
   * Hashes a write is adding, called before the write (the middleware). Added
   * at once, before the commit: a hash too many costs a read, one too few a
   * missed name.
   */
  noteAdded(hashes: readonly number[]): void {
    if (hashes.length === 0) return;
    if (this.loaded) this.loaded.addHashes(hashes);
    else if (this.loading) this.addedDuringLoad.push([...hashes]);
  }

  private async load(): Promise<AliasKeyHashes | null> {
    const generation = this.generation;
    const table = this.table();
    const rows = await table.toArray();
    if (generation !== this.generation) return this.current();
    const base = rows.find((row) => row.id === BASE_ID);
    if (!base) {
      this.loading = null;
      return null;
    }
    const deltas = rows.filter((row) => row.id !== BASE_ID);
    let sorted = base.hashes;
    let deltaSize = 0;
    for (const delta of deltas) deltaSize += delta.hashes.length;
    if (deltas.length > 0) {
      const all = new Uint32Array(deltaSize);
      let at = 0;
      for (const delta of deltas) {
        all.set(delta.hashes, at);
        at += delta.hashes.length;
      }
      sorted = mergeSorted(sorted, sortedUnique(all));
    }
    const hashes = new AliasKeyHashes(sorted);
    for (const added of this.addedDuringLoad) hashes.addHashes(added);
    this.addedDuringLoad = [];
    this.loaded = hashes;
    this.loading = null;
    if (deltas.length > MAX_DELTAS || deltaSize > MAX_DELTA_HASHES)
      compactAliasKeyFilter(table).catch((error: unknown) =>
        console.warn('Dramatis: compacting the alias-key filter failed:', error),
      );
    return hashes;
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
    let sorted = base.hashes;
    for (const delta of deltas) sorted = mergeSorted(sorted, sortedUnique(delta.hashes));
    await table.bulkDelete(deltas.map((row) => row.id));
    await table.put({ id: BASE_ID, hashes: sorted });
  });
}

/**
 * Writes a complete filter for the rows in `aliasKeys` and `corrections`,
 * replacing whatever `filter` held. For databases from before the filter
 * (the version upgrade); reads every key, `pageSize` at a time.
 */
export async function rebuildAliasKeyFilter(
  aliasKeys: Table<AliasKeyRecord, [string, string]>,
  corrections: Pick<Table<CorrectionRecord>, 'toArray'>,
  filter: Table<AliasKeyFilterRecord, string>,
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

/** The empty filter of a new, empty store. */
export function emptyAliasKeyFilter(): AliasKeyFilterRecord {
  return { id: BASE_ID, hashes: new Uint32Array(0) };
}

interface WriteState {
  /** The alias table was cleared in this transaction: the loaded copy is out of date once it commits. */
  cleared: boolean;
}

/**
 * The middleware that keeps the stored filter and `filter` right (see the file
 * comment). Read-write transactions over `aliasKeys` or `corrections` get the
 * filter table (and `corrections`, read when aliases are cleared) added to
 * their scope.
 */
export function aliasKeyFilterMiddleware(filter: AliasKeyFilter): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'aliasKeyFilter',
    create(down) {
      // Dexie also builds the stack over older schemas while upgrading one: nothing to keep there.
      if (!down.schema.tables.some((table) => table.name === KEY_FILTER_TABLE)) return down;
      const writes = new WeakMap<DBCoreTransaction, WriteState>();
      let deltaCount = 0;
      const filterTable = down.table(KEY_FILTER_TABLE);

      const writeDelta = (trans: DBCoreTransaction, hashes: number[]) => {
        filter.noteAdded(hashes);
        const id = `delta:${Date.now().toString(36)}:${(deltaCount++).toString(36)}`;
        return filterTable.mutate({
          type: 'put',
          trans,
          values: [{ id, hashes: Uint32Array.from(hashes) } satisfies AliasKeyFilterRecord],
        });
      };

      /** The filter's own writes for `req` on `tableName`, then `req` itself. */
      const mutateWithFilter = (
        tableName: string,
        req: DBCoreMutateRequest,
        mutate: (req: DBCoreMutateRequest) => Promise<DBCoreMutateResponse>,
      ): Promise<DBCoreMutateResponse> => {
        if (req.type === 'add' || req.type === 'put') {
          const hashes =
            tableName === ALIAS_KEYS
              ? (req.values as AliasKeyRecord[]).map((row) => hashAliasKey(row.key))
              : correctionHashes(req.values as CorrectionRecord[]);
          if (hashes.length === 0) return mutate(req);
          return writeDelta(req.trans, hashes).then(() => mutate(req));
        }
        // Only clearing the alias table resets the filter; a deleted row or correction leaves a harmless hash.
        if (req.type !== 'deleteRange' || tableName !== ALIAS_KEYS || req.range.type !== 3)
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
          .then(({ result }) => {
            const base: AliasKeyFilterRecord = {
              id: BASE_ID,
              hashes: sortedUnique(Uint32Array.from(correctionHashes(result))),
            };
            return filterTable
              .mutate({ type: 'deleteRange', trans: req.trans, range: req.range })
              .then(() => filterTable.mutate({ type: 'put', trans: req.trans, values: [base] }));
          })
          .then(() => mutate(req));
      };

      return {
        ...down,
        transaction(stores, mode, options) {
          const watched = stores.includes(ALIAS_KEYS) || stores.includes(CORRECTIONS);
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
          if (tableName !== ALIAS_KEYS && tableName !== CORRECTIONS) return table;
          return {
            ...table,
            mutate: (req) => mutateWithFilter(tableName, req, (next) => table.mutate(next)),
          };
        },
      };
    },
  };
}
