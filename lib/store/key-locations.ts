/**
 * Where each alias key lives: the alias-key filter's hashes
 * (lib/match/key-hashes.ts), each paired with the number of the shard that
 * holds the profiles and alias keys it came from (lib/store/profile-shards.ts).
 * The background holds this in memory, so a page's candidate keys that are no
 * alias cost nothing and those that may be cost one read of their shard's keys,
 * whatever the size of the store (docs/ARCHITECTURE.md, principle 4).
 *
 * One entry is `hash × 2²¹ + shard` in a Float64Array, exact below 2⁵³: sorting
 * the numbers sorts by hash, and a hash's shards lie next to each other. 8 bytes
 * a key; a million profiles (about two million keys) load as one 16 MB buffer.
 */
import { hashAliasKey } from '@/lib/match/key-hashes';

/** Shard numbers stay below this (2²¹ − 1): two billion profiles at 100 a shard... far beyond any store. */
export const MAX_SHARD = 2 ** 21 - 2;
/** The "shard" of a key that lives in no shard: the reader's extra aliases (in `corrections`). */
export const NO_SHARD = 2 ** 21 - 1;

const SPAN = 2 ** 21;

/** The entry of `hash` in `shard`. */
export function keyLocation(hash: number, shard: number): number {
  return hash * SPAN + shard;
}

/** `entries` sorted ascending without repeats, as a new array. */
export function sortedLocations(entries: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(entries).sort();
  let kept = 0;
  for (let at = 0; at < sorted.length; at++)
    if (kept === 0 || sorted[at] !== sorted[kept - 1]) sorted[kept++] = sorted[at]!;
  return sorted.slice(0, kept);
}

/** The union of two sorted, repeat-free arrays, sorted and repeat-free. */
export function mergeLocations(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) out[n++] = a[i++]!;
    else if (y < x) out[n++] = b[j++]!;
    else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return out.slice(0, n);
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

/**
 * The set of locations. Additions go to a small array first and are folded
 * into the sorted one when they outgrow a quarter of it, so adding n keys a
 * batch at a time costs O(n log n) overall.
 */
export class AliasKeyLocations {
  private sorted: Float64Array;
  private recent: number[] = [];

  /** A set holding `sorted` (ascending, repeat-free: {@link sortedLocations}). */
  constructor(sorted: Float64Array = new Float64Array(0)) {
    this.sorted = sorted;
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
    this.foldIfLarge();
    const hash = hashAliasKey(key);
    const from = hash * SPAN;
    const to = from + SPAN;
    let found = false;
    const shards: number[] = [];
    const note = (entry: number) => {
      found = true;
      const shard = entry - from;
      if (shard !== NO_SHARD && !shards.includes(shard)) shards.push(shard);
    };
    for (let at = lowerBound(this.sorted, from); at < this.sorted.length; at++) {
      const entry = this.sorted[at]!;
      if (entry >= to) break;
      note(entry);
    }
    for (const entry of this.recent) if (entry >= from && entry < to) note(entry);
    return found ? shards : null;
  }

  /** Adds entries made by {@link keyLocation}. */
  add(entries: Iterable<number>): void {
    for (const entry of entries) this.recent.push(entry);
    this.foldIfLarge();
  }

  /** Every entry held, sorted and repeat-free: what is stored. */
  toSorted(): Float64Array {
    this.fold();
    return this.sorted;
  }

  /** How many distinct entries it holds. */
  get size(): number {
    this.fold();
    return this.sorted.length;
  }

  private foldIfLarge(): void {
    if (this.recent.length > Math.max(4096, this.sorted.length >>> 2)) this.fold();
  }

  private fold(): void {
    if (this.recent.length === 0) return;
    this.sorted = mergeLocations(this.sorted, sortedLocations(this.recent));
    this.recent = [];
  }
}
