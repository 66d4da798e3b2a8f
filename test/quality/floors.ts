/**
 * Floors: the minimum figures a change may not fall below, kept in a small JSON
 * file in the repository so a regression in extraction quality fails the run.
 */
import { readFileSync } from 'node:fs';
import type { Figures } from './figures';

/** The keys a floors file may hold, each a figure of {@link Figures}. */
export type Floors = Partial<Figures>;

/** Reads a floors file, refusing unknown keys and non-numbers so a typo cannot silently disable a floor. */
export function readFloors(path: string, known: readonly (keyof Figures)[]): Floors {
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const floors: Floors = {};
  for (const [key, value] of Object.entries(json)) {
    if (!(known as readonly string[]).includes(key))
      throw new Error(`${path}: unknown floor "${key}" (known: ${known.join(', ')})`);
    if (typeof value !== 'number') throw new Error(`${path}: floor "${key}" must be a number`);
    floors[key as keyof Figures] = value;
  }
  return floors;
}

/** One line for each figure below its floor; empty when every floor holds. */
export function floorFailures(figures: Figures, floors: Floors): string[] {
  return Object.entries(floors)
    .filter(([key, floor]) => figures[key as keyof Figures] < (floor ?? 0))
    .map(
      ([key, floor]) =>
        `${key} ${figures[key as keyof Figures].toFixed(3)} is below its floor ${floor?.toFixed(3)}`,
    );
}
