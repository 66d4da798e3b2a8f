import { describe, expect, it } from 'vitest';
import { hashAliasKey } from '@/lib/match/key-hashes';
import {
  AliasKeyLocations,
  keyLocation,
  MAX_SHARD,
  NO_SHARD,
  sortedLocations,
} from '@/lib/store/key-locations';

const keys = (count: number, stem: string) =>
  Array.from({ length: count }, (_, index) => `${stem} ${index}`);

describe('AliasKeyLocations', () => {
  it('names every shard a key was added in, however it was added, and no other', () => {
    const early = keys(20_000, 'chanthy');
    const later = keys(9_000, 'rithy');
    const shardOf = (index: number) => (index * 31) % 5000;
    const locations = new AliasKeyLocations(
      sortedLocations(
        early.map((key, index) => keyLocation(hashAliasKey(key), shardOf(index), index % 2 === 0)),
      ),
    );
    // Batches small enough to stay unsorted, then large enough to fold.
    for (let start = 0; start < later.length; start += 1000)
      locations.add(
        later
          .slice(start, start + 1000)
          .map((key, index) => keyLocation(hashAliasKey(key), shardOf(start + index), false)),
      );
    locations.add([keyLocation(hashAliasKey('chanthy 3'), MAX_SHARD, true)]);
    early.forEach((key, index) => {
      const expected = key === 'chanthy 3' ? [shardOf(index), MAX_SHARD] : [shardOf(index)];
      expect(locations.shardsOf(key)?.sort((a, b) => a - b)).toEqual(expected);
    });
    later.forEach((key, index) => expect(locations.shardsOf(key)).toEqual([shardOf(index)]));
    // The bit: unambiguous in its shard for every second early key, never for a later one.
    expect(locations.locate('chanthy 2')?.unambiguous).toEqual([shardOf(2)]);
    expect(locations.locate('chanthy 3')?.unambiguous).toEqual([MAX_SHARD]);
    expect(locations.locate('rithy 2')?.unambiguous).toEqual([]);
    const reloaded = new AliasKeyLocations(locations.toSorted());
    expect(later.every((key) => reloaded.mayHave(key))).toBe(true);
  });

  it('answers no for keys never added, and an empty list for a key in no shard', () => {
    const locations = new AliasKeyLocations(
      sortedLocations([
        keyLocation(hashAliasKey('CNRP'), 4, true),
        keyLocation(hashAliasKey('lok yim'), NO_SHARD, true),
      ]),
    );
    expect(locations.shardsOf('CNRP')).toEqual([4]);
    expect(locations.shardsOf('cnrp')).toBeNull();
    expect(locations.shardsOf('lok yim')).toEqual([]);
    expect(locations.mayHave('lok yim')).toBe(true);
    const strangers = keys(20_000, 'nobody');
    expect(strangers.filter((key) => locations.mayHave(key))).toEqual([]);
  });
});
