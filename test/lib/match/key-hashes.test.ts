import { describe, expect, it } from 'vitest';
import {
  AliasKeyHashes,
  hashAliasKey,
  hashAliasKeys,
  mergeSorted,
  sortedUnique,
} from '@/lib/match/key-hashes';

/** Invented keys in the shapes the store holds: names, short forms, acronyms. */
function inventedKeys(count: number, seed: string): string[] {
  return Array.from({ length: count }, (_, index) =>
    index % 3 === 0 ? `${seed}${index.toString(36).toUpperCase()}` : `${seed} vannak ${index}`,
  );
}

describe('AliasKeyHashes', () => {
  it('never forgets a key it was given, however it was given', () => {
    const early = inventedKeys(20_000, 'sorya');
    const later = inventedKeys(9_000, 'chanthy');
    const hashes = new AliasKeyHashes(sortedUnique(hashAliasKeys(early)));
    // Added in batches, across folds of the recent additions into the sorted array.
    for (let at = 0; at < later.length; at += 700)
      hashes.addHashes(hashAliasKeys(later.slice(at, at + 700)));
    expect([...early, ...later].filter((key) => !hashes.mayHave(key))).toEqual([]);
    // Stored and loaded again: the same answers.
    const reloaded = new AliasKeyHashes(hashes.toSorted());
    expect([...early, ...later].every((key) => reloaded.mayHave(key))).toBe(true);
  });

  it('says no to nearly every key it was not given', () => {
    const hashes = new AliasKeyHashes(sortedUnique(hashAliasKeys(inventedKeys(50_000, 'sorya'))));
    const strangers = inventedKeys(50_000, 'pich');
    const maybes = strangers.filter((key) => hashes.mayHave(key)).length;
    // 50,000 hashes of 2³² possible: about one stranger in 86,000 collides.
    expect(maybes).toBeLessThan(5);
  });

  it('tells apart keys that differ only in case or accent', () => {
    const hashes = new AliasKeyHashes(sortedUnique(hashAliasKeys(['CNRP', 'phally'])));
    expect(hashes.mayHave('CNRP')).toBe(true);
    expect(hashes.mayHave('cnrp')).toBe(false);
    expect(hashes.mayHave('phallý')).toBe(false);
  });
});

describe('sorted hash arrays', () => {
  it('sorts without repeats and merges into a sorted union', () => {
    expect([...sortedUnique(Uint32Array.from([5, 1, 5, 4294967295, 1]))]).toEqual([
      1, 5, 4294967295,
    ]);
    expect([
      ...mergeSorted(Uint32Array.from([1, 3, 9]), Uint32Array.from([2, 3, 10, 4294967295])),
    ]).toEqual([1, 2, 3, 9, 10, 4294967295]);
  });

  it('hashes a key the same way every time, as an unsigned 32-bit number', () => {
    const hash = hashAliasKey('mu sochua');
    expect(hash).toBe(hashAliasKey('mu sochua'));
    expect(hash).toBeGreaterThanOrEqual(0);
    expect(hash).toBeLessThan(2 ** 32);
  });
});
