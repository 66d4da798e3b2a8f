/**
 * Reading the development corpus (`../shared/corpus/` next to the project):
 * each dev text with its sidecar, read the way the profiles CLI reads a
 * sources folder, and the hand-made gold for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSourceFolderReport } from '@/lib/profiles/read-sources';
import type { RawSource } from '@/lib/model/source';

/** A gold entity: its fullest name and every string of the text that refers to it. */
export interface GoldEntity {
  name: string;
  surfaces: string[];
}

/** A gold person, with the role the text gives and whether only a credit names them. */
export interface GoldPerson extends GoldEntity {
  role: string | null;
  credit: boolean;
}

/** The gold of one dev text (dev-gold.json's entry). */
export interface GoldText {
  file: string;
  style: string;
  people: GoldPerson[];
  organizations: GoldEntity[];
  places: GoldEntity[];
}

/** One dev text: its source as the CLI reads it, the raw file text `scan` sees, and its gold. */
export interface DevText {
  source: RawSource;
  raw: string;
  gold: GoldText;
}

/** Thrown when the corpus folder is absent, with what to do about it. */
export class MissingCorpusError extends Error {}

/** The corpus folder: `../shared/corpus/` relative to the project root (the working directory of npm scripts). */
export function corpusDir(root = process.cwd()): string {
  return resolve(root, '..', 'shared', 'corpus');
}

/** Reads every dev text with its gold; fails with a clear message when the corpus is missing or broken. */
export async function readDevCorpus(dir = corpusDir()): Promise<DevText[]> {
  const goldPath = join(dir, 'dev-gold.json');
  const devDir = join(dir, 'dev');
  if (!existsSync(goldPath) || !existsSync(devDir)) {
    throw new MissingCorpusError(
      `the dev corpus was not found at ${dir} (expected dev-gold.json and dev/); ` +
        'put the shared corpus at ../shared/corpus next to the project',
    );
  }
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldText[];
  const { sources, errors } = await readSourceFolderReport(devDir);
  if (errors.length > 0)
    throw new MissingCorpusError(
      `the dev corpus has unreadable files: ${errors.map((e) => e.message).join('; ')}`,
    );
  const byOrigin = new Map(sources.map((s) => [s.origin, s]));
  return gold.map((g) => {
    const source = byOrigin.get(g.file);
    if (!source)
      throw new MissingCorpusError(`dev-gold.json names ${g.file}, which is not in ${devDir}`);
    return { source, raw: readFileSync(join(devDir, g.file), 'utf8'), gold: g };
  });
}
