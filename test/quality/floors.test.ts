/** Floors: a figure below its floor is reported, and a floors file with a typo is refused. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Figures } from './figures';
import { floorFailures, readFloors } from './floors';

const figures: Figures = {
  peoplePrecision: 0.9,
  peopleRecall: 0.7,
  peopleF1: 0.79,
  organizationsF1: 0.45,
  placesF1: 0.57,
  roles: 0.38,
  aliases: 0.66,
};

describe('quality floors', () => {
  it('names each figure that fell below its floor', () => {
    expect(floorFailures(figures, { peopleF1: 0.8, placesF1: 0.5 })).toEqual([
      'peopleF1 0.790 is below its floor 0.800',
    ]);
    expect(floorFailures(figures, { roles: 0.38 })).toEqual([]);
  });
  it('refuses an unknown floor name', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'floors-')), 'floors.json');
    writeFileSync(path, JSON.stringify({ peopleF2: 0.5 }));
    expect(() => readFloors(path, ['peopleF1'])).toThrow(/unknown floor "peopleF2"/);
  });
});
