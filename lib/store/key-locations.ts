/**
 * Where each alias key lives: the alias-key filter's hashes
 * (lib/match/key-hashes.ts), each paired with the number of the shard that
 * holds the profiles and alias keys it came from (lib/store/profile-shards.ts).
 * The background holds this in memory, so a page's candidate keys that are no
 * alias cost nothing and those that may be cost one read of their shard's keys,
 * whatever the size of the store (docs/ARCHITECTURE.md, principle 4).
 *
 * One entry is `hash × 2²¹ + shard × 2 + unambiguous` in a Float64Array, exact
 * below 2⁵³: sorting the numbers sorts by hash, and a hash's shards lie next to
 * each other. 8 bytes a key; a million profiles (about two million keys) load
 * as one 16 MB buffer.
 *
 * The low bit says whether some row of the key in that shard is unambiguous. A
 * short form ("Lee") is an alias of thousands of profiles in a large store, and
 * only ever links for an entity the page confirms by a full name, so the
 * lookup reads the shards where a key is unambiguous first and, for keys that
 * are ambiguous everywhere, only the shards of confirmed entities
 * (lib/store/page-lookup.ts).
 */
import { FoldingSortedSet, hashAliasKey, mergeSorted, sortedUnique } from '@/lib/match/key-hashes';

/** Shard numbers stay below this (2²⁰ − 1): fifty million profiles at 50 a shard, far beyond any store. */
export const MAX_SHARD = 2 ** 20 - 2;
/** The "shard" of a key that lives in no shard: the reader's extra aliases (in `corrections`). */
export const NO_SHARD = 2 ** 20 - 1;

const SPAN = 2 ** 21;

/** The entry of `hash` in `shard`; `unambiguous` when some row of the key there is. */
export function keyLocation(hash: number, shard: number, unambiguous: boolean): number {
  return hash * SPAN + shard * 2 + (unambiguous ? 1 : 0);
}

/** The shards a key may be in, and those where it may be unambiguous. */
export interface KeyShards {
  /** Every shard that may hold the key. */
  all: number[];
  /** The shards of `all` where some row of the key may be unambiguous. */
  unambiguous: number[];
}

/** `entries` sorted ascending without repeats, as a new array. */
export function sortedLocations(entries: ArrayLike<number>): Float64Array {
  return sortedUnique(Float64Array.from(entries));
}

/** The union of two sorted, repeat-free arrays, sorted and repeat-free. */
export function mergeLocations(a: Float64Array, b: Float64Array): Float64Array {
  return mergeSorted(a, b);
}

/** The first index of `sorted` whose value is at least `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The set of locations (see {@link FoldingSortedSet}). */
export class AliasKeyLocations extends FoldingSortedSet<Float64Array> {
  constructor(sorted: Float64Array = new Float64Array(0)) {
    super(sorted, (values) => Float64Array.from(values));
  }

  /** False only when `key` was certainly never added. */
  mayHave(key: string): boolean {
    return this.shardsOf(key) !== null;
  }

  /**
   * The shards that may hold `key` (a hash shared by two keys names both
   * keys' shards), or null when no key with its hash was added. A key that is
   * only a reader's extra alias answers an empty list.
   */
  shardsOf(key: string): number[] | null {
    return this.locate(key)?.all ?? null;
  }

  /**
   * {@link shardsOf}, with the shards where the key may be unambiguous apart;
   * null when no key with its hash was added.
   */
  locate(key: string): KeyShards | null {
    this.foldIfLarge();
    const hash = hashAliasKey(key);
    const from = hash * SPAN;
    const to = from + SPAN;
    let found = false;
    // Sets, not arrays searched per entry: a short form of a million-profile store
    // lies in thousands of shards, and `includes` made that quadratic.
    const all = new Set<number>();
    const unambiguous = new Set<number>();
    const note = (entry: number) => {
      found = true;
      const shard = Math.floor((entry - from) / 2);
      if (shard === NO_SHARD) return;
      all.add(shard);
      if ((entry - from) % 2 === 1) unambiguous.add(shard);
    };
    for (let at = lowerBound(this.sorted, from); at < this.sorted.length; at++) {
      const entry = this.sorted[at]!;
      if (entry >= to) break;
      note(entry);
    }
    for (const entry of this.recent) if (entry >= from && entry < to) note(entry);
    return found ? { all: [...all], unambiguous: [...unambiguous] } : null;
  }

  /** Adds entries made by {@link keyLocation}. */
  add(entries: Iterable<number>): void {
    this.addAll(entries);
  }
}
