/**
 * A compact, approximate set of alias keys: their 32-bit hashes, sorted, with a
 * small unsorted set of recent additions. The background holds one in front of
 * IndexedDB so that the page's candidate keys that are no alias (nearly all of
 * them) are answered from memory, and only the few that may be aliases cost a
 * database read (docs/ARCHITECTURE.md, principle 4).
 *
 * It never forgets a key it was given (no false negatives); a key it was not
 * given answers "maybe" with a chance of about n / 2³² (0.07 % at three million
 * keys), and the database then says no. 4 bytes a key: three million keys are a
 * 12 MB array that IndexedDB stores and loads as one buffer.
 */

/** The 32-bit hash of an alias key: FNV-1a over its UTF-16 code units, then murmur3's finalizer to spread it. */
export function hashAliasKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < key.length; at++) {
    hash ^= key.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The hashes of `keys`, in order (duplicates kept). */
export function hashAliasKeys(keys: Iterable<string>): Uint32Array {
  const hashes: number[] = [];
  for (const key of keys) hashes.push(hashAliasKey(key));
  return Uint32Array.from(hashes);
}

/** A typed array of numbers kept sorted: key hashes (Uint32Array) or key locations (Float64Array). */
export type SortedNumbers = Uint32Array | Float64Array;

/** `values` sorted ascending without repeats, as a new array of the same type. */
export function sortedUnique<T extends SortedNumbers>(values: T): T {
  const sorted = values.slice().sort() as T;
  let kept = 0;
  for (let at = 0; at < sorted.length; at++)
    if (kept === 0 || sorted[at] !== sorted[kept - 1]) sorted[kept++] = sorted[at]!;
  return sorted.slice(0, kept) as T;
}

/** The union of two sorted, repeat-free arrays of one type, sorted and repeat-free. */
export function mergeSorted<T extends SortedNumbers>(a: T, b: SortedNumbers): T {
  const out = (
    a instanceof Float64Array
      ? new Float64Array(a.length + b.length)
      : new Uint32Array(a.length + b.length)
  ) as T;
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
  return out.slice(0, n) as T;
}

function includesSorted(sorted: Uint32Array, hash: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = sorted[middle]!;
    if (value === hash) return true;
    if (value < hash) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * A set of numbers kept as a sorted typed array plus a small unsorted `Set` of
 * recent additions, folded into the array when they outgrow a quarter of it,
 * so adding n numbers one batch at a time costs O(n log n) overall. Key hashes
 * (below) and key locations (lib/store/key-locations.ts) are both such sets.
 */
export abstract class FoldingSortedSet<T extends SortedNumbers> {
  protected sorted: T;
  protected readonly recent = new Set<number>();

  /**
   * A set holding `sorted` (ascending, repeat-free: {@link sortedUnique});
   * `typed` makes numbers into the same kind of typed array.
   */
  constructor(
    sorted: T,
    protected readonly typed: (values: Iterable<number>) => T,
  ) {
    this.sorted = sorted;
  }

  /** Adds numbers. */
  protected addAll(values: Iterable<number>): void {
    for (const value of values) this.recent.add(value);
    this.foldIfLarge();
  }

  /** Every number held, sorted and repeat-free: what is stored. */
  toSorted(): T {
    this.fold();
    return this.sorted;
  }

  /** How many distinct numbers it holds. */
  get size(): number {
    this.fold();
    return this.sorted.length;
  }

  protected foldIfLarge(): void {
    if (this.recent.size > Math.max(4096, this.sorted.length >>> 2)) this.fold();
  }

  private fold(): void {
    if (this.recent.size === 0) return;
    this.sorted = mergeSorted(this.sorted, sortedUnique(this.typed(this.recent)));
    this.recent.clear();
  }
}

/** The set of key hashes (see {@link FoldingSortedSet}). */
export class AliasKeyHashes extends FoldingSortedSet<Uint32Array> {
  constructor(sorted: Uint32Array = new Uint32Array(0)) {
    super(sorted, (values) => Uint32Array.from(values));
  }

  /** False only when `key` was certainly never added. */
  mayHave(key: string): boolean {
    const hash = hashAliasKey(key);
    return this.recent.has(hash) || includesSorted(this.sorted, hash);
  }

  /** Adds hashes made by {@link hashAliasKey}. */
  addHashes(hashes: Iterable<number>): void {
    this.addAll(hashes);
  }
}
