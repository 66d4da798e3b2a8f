/**
 * The lookup of a page's candidate keys, in two steps so that its cost follows
 * the page's names and not the store's size.
 *
 * A short form ("Lee", "Smith") is an alias of thousands of profiles in a large
 * store, and it links only for an entity the page names by an unambiguous alias
 * (lib/match/resolve.ts). So the first step reads only the shards where a key is
 * unambiguous (the filter's bit, lib/store/key-locations.ts); the second reads,
 * for the keys left, only the shards of the entities the page has confirmed or
 * may confirm from the first step's rows. The rows of other entities are left
 * out, and the key is said to be answered in part, so that a text holding it
 * waits for any entity that has it (lib/match/page-text.ts).
 */
import type { AliasHit, PageKeyAnswer } from '@/lib/match/types';
import type { AliasKeyRecord, EntityCorrection } from '@/lib/model/records';
import { applyCorrections, mergeTarget } from './corrections';
import type { DramatisDB } from './db';
import type { KeyShards } from './key-locations';
import { lookupAliasKeys } from './queries';

/**
 * The rows answering `keys` for a page that has confirmed `confirmed` (see the
 * file comment). Without a filter (it failed to load) every row is answered,
 * as {@link lookupAliasKeys} does.
 */
export async function lookupPageKeys(
  db: DramatisDB,
  keys: readonly string[],
  confirmed: ReadonlySet<string>,
): Promise<PageKeyAnswer> {
  const filter = await db.keyFilter.current();
  const reader = new ShardReader(db);
  const ambiguousKeysOf = (ids: readonly string[]) => reader.ambiguousKeysOf(ids);
  if (!filter) return { hits: await lookupAliasKeys(db, keys), partial: [], ambiguousKeysOf };

  const located = new Map<string, KeyShards>();
  for (const key of new Set(keys)) {
    const where = filter.locate(key);
    if (where) located.set(key, where);
  }
  if (located.size === 0) return { hits: [], partial: [], ambiguousKeysOf };
  const wanted = [...located.keys()];
  const wantedSet = new Set(wanted);

  // Step 1: the unambiguous rows, from the shards where a key is unambiguous.
  const strongShards = new Set<number>();
  for (const where of located.values()) for (const n of where.unambiguous) strongShards.add(n);
  const strongRows = (await reader.rows([...strongShards])).filter(
    (row) => !row.ambiguous && wantedSet.has(row.key),
  );
  // Corrections first: a hidden entity's row no longer makes its key unambiguous.
  const corrected = await applyCorrections(db, wanted, strongRows);
  // A reader's extra alias that is already an ambiguous alias of its entity
  // stays ambiguous (corrections.ts keeps the bundle's row of a key and entity
  // first), so those entities' ambiguous rows are read too.
  const named = await reader.sourcesOf(new Set(corrected.map((hit) => hit.entityId)));
  const ownRows = (await reader.rows(await reader.shardsOf(named))).filter(
    (row) => row.ambiguous && wantedSet.has(row.key) && named.has(row.entityId),
  );
  const certain = (await applyCorrections(db, wanted, [...strongRows, ...ownRows])).filter(
    (hit) => !hit.ambiguous,
  );
  // A key with an unambiguous row never links through an ambiguous one (resolve.ts `judge`).
  const strongKeys = new Set(certain.map((hit) => hit.key));
  const weak = wanted.filter((key) => !strongKeys.has(key));
  if (weak.length === 0) return { hits: certain, partial: [], ambiguousKeysOf };

  // Step 2: the ambiguous keys' rows of entities confirmed before, or by step 1's rows.
  const may = new Set(confirmed);
  for (const hit of certain) may.add(hit.entityId);
  const weakShards = new Set<number>();
  for (const key of weak) for (const n of located.get(key)!.all) weakShards.add(n);
  const sources = await reader.sourcesOf(may);
  const shards = (await reader.shardsOf(sources)).filter((n) => weakShards.has(n));
  const weakSet = new Set(weak);
  const rows = (await reader.rows(shards)).filter(
    (row) => weakSet.has(row.key) && sources.has(row.entityId),
  );
  const conditional = (await applyCorrections(db, weak, rows)).filter((hit) =>
    may.has(hit.entityId),
  );
  return { hits: [...certain, ...conditional], partial: weak, ambiguousKeysOf };
}

/** Key shards read during one lookup, each read and parsed once. */
class ShardReader {
  private readonly parsed = new Map<number, AliasKeyRecord[]>();
  /** The shard of each entity whose rows were read. */
  private readonly shardOfEntity = new Map<string, number>();
  private fixes: Promise<Map<string, EntityCorrection>> | null = null;

  constructor(private readonly db: DramatisDB) {}

  /** The rows of the key shards `shards`. */
  async rows(shards: readonly number[]): Promise<AliasKeyRecord[]> {
    const missing = shards.filter((n) => !this.parsed.has(n));
    const records = await this.db.keyShards.bulkGet(missing);
    records.forEach((record, index) => {
      const rows = record ? (JSON.parse(record.rows) as AliasKeyRecord[]) : [];
      this.parsed.set(missing[index]!, rows);
      for (const row of rows) this.shardOfEntity.set(row.entityId, missing[index]!);
    });
    return shards.flatMap((n) => this.parsed.get(n) ?? []);
  }

  /** The shards holding the profiles `ids` (a profile's keys are in the key shard of its number). */
  async shardsOf(ids: ReadonlySet<string>): Promise<number[]> {
    const shards = new Set<number>();
    const unknown: string[] = [];
    for (const id of ids) {
      const n = this.shardOfEntity.get(id);
      if (n === undefined) unknown.push(id);
      else shards.add(n);
    }
    const found = await Promise.all(
      unknown.map((id) =>
        this.db.profileShards.where('first').belowOrEqual(id).reverse().limit(1).primaryKeys(),
      ),
    );
    for (const keys of found) if (keys[0] !== undefined) shards.add(keys[0]);
    return [...shards];
  }

  /** `ids` and every entity the reader merged into one of them: whose rows answer as them. */
  async sourcesOf(ids: ReadonlySet<string>): Promise<Set<string>> {
    this.fixes ??= this.db.corrections
      .toArray()
      .then((rows) => new Map(rows.map((row) => [row.entityId, row.correction])));
    const fix = await this.fixes;
    const sources = new Set(ids);
    for (const id of fix.keys()) if (ids.has(mergeTarget(fix, id))) sources.add(id);
    return sources;
  }

  /** The keys of the ambiguous rows of `ids`, with the reader's corrections applied. */
  async ambiguousKeysOf(ids: readonly string[]): Promise<string[]> {
    const targets = new Set(ids);
    const sources = await this.sourcesOf(targets);
    const rows = (await this.rows(await this.shardsOf(sources))).filter((row) =>
      sources.has(row.entityId),
    );
    const keys = [...new Set(rows.map((row) => row.key))];
    const hits: AliasHit[] = await applyCorrections(this.db, keys, rows);
    const ambiguous = new Set<string>();
    for (const hit of hits) if (hit.ambiguous && targets.has(hit.entityId)) ambiguous.add(hit.key);
    return [...ambiguous];
  }
}
