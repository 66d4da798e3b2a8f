/**
 * `npm run bench:scale`: what the store's size costs. For generated stores of
 * 100, 10,000, 100,000 and 1,000,000 profiles it prints the bundle's size (raw
 * and gzipped, with the old JSON format for comparison), the import time in
 * Chromium (the built extension, a fresh profile, from the worker's start until
 * the store holds the bundle), IndexedDB bytes per profile
 * (`navigator.storage.estimate` in the extension), scan start to last mark on
 * pages of 5,000 and 50,000 words with a warm and a cold worker, the cold
 * worker's first mark (test/bench/scale-marks.ts, on the store just imported),
 * and each figure's ratio to the first store.
 *
 * Each measured figure is a {@link Column} whose `measure` runs against a store
 * already imported in a running browser; rows are {@link SCALE_SIZES}.
 *
 * Environment: SCALE_SIZES=100,10000 to run fewer stores, SCALE_RUNS=3 for the
 * runs per store (1,000,000 runs once unless SCALE_RUNS_LARGE says otherwise),
 * SCALE_MARK_LOADS for the page loads per mark figure (5). Needs `npm run build`
 * first.
 */
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { StoreStatus } from '@/lib/messaging/protocol';
import { CHROME_BUILD, launchExtension, type ExtensionBrowser } from '../e2e/support/extension';
import type { BenchEntity } from './names';
import { measureMarksIn, type ScaleMarks } from './scale-marks';
import { snapshotBuild } from './page-bundle';
import { writeScaleBundle, type ScaleBundle } from './scale-bundle';
import { ScaleProfiles } from './scale-names';
import { formatCount, formatMs, table } from './timing';

/** The stores measured, smallest first (the first is the base of every ratio). */
export const SCALE_SIZES = (process.env.SCALE_SIZES ?? '100,10000,100000,1000000')
  .split(',')
  .map(Number);

const RUNS = Number(process.env.SCALE_RUNS ?? 3);
const RUNS_LARGE = Number(process.env.SCALE_RUNS_LARGE ?? 1);
/** Stores from this size up run {@link RUNS_LARGE} times. */
const LARGE = 1_000_000;
/** A store whose import has not finished by then failed. */
const IMPORT_DEADLINE_MS = 15 * 60_000;

/** One store imported in a running browser: what a column measures against. */
export interface ScaleStore {
  size: number;
  bundle: ScaleBundle;
  ext: ExtensionBrowser;
  /** Sends a message to the background, as an extension page would. */
  ask: Asker;
  /** Import time of this run, ms. */
  importMs: number;
  /** The profiles the mark pages name, spread over the store. */
  sample: readonly BenchEntity[];
  /** The marks of this run, measured once for all their columns. */
  marks?: Promise<ScaleMarks>;
}

/** The marks of `store`'s run (scale-marks.ts), measured on first use. */
function marksOf(store: ScaleStore): Promise<ScaleMarks> {
  store.marks ??= measureMarksIn(store.ext, store.sample, store.size);
  return store.marks;
}

/** A column of one mark figure. */
function markColumn(name: string, figure: keyof ScaleMarks['runs']): Column {
  return {
    name,
    measure: async (store) => (await marksOf(store))[figure],
    format: formatMs,
    ratio: true,
  };
}

/**
 * One figure of the table. `measure` runs once per run of a store (medians and
 * spread are taken over runs); `format` prints a value; `ratio` says whether a
 * "× 100" column follows it.
 */
export interface Column {
  name: string;
  measure: (store: ScaleStore) => Promise<number>;
  format: (value: number) => string;
  ratio?: boolean;
}

const bytes = (value: number) =>
  value >= 1e6 ? `${(value / 1e6).toFixed(1)} MB` : `${(value / 1e3).toFixed(1)} KB`;

/** The columns every run measures. Others append theirs (hook below). */
export const SCALE_COLUMNS: Column[] = [
  { name: 'import', measure: async (store) => store.importMs, format: formatMs, ratio: true },
  {
    name: 'IDB bytes/profile',
    measure: async (store) => (await storageUsage(store.ext)) / store.bundle.profiles,
    format: (value) => formatCount(value),
    ratio: true,
  },
  markColumn('last mark 5,000 words warm', 'warm5k'),
  markColumn('last mark 50,000 words warm', 'warm50k'),
  markColumn('last mark 5,000 words cold', 'cold5k'),
  markColumn('last mark 50,000 words cold', 'cold50k'),
  markColumn('cold first mark 5,000 words', 'coldFirstMark5k'),
];

type Asker = <T = unknown>(type: string, params: object) => Promise<T>;

/**
 * Messages the background from the welcome page. Not from the options page (as
 * the page bench does): its Sources list re-reads every profile after each write
 * (lib/store/source-list.ts), which makes a chunked import of 100,000 profiles
 * quadratic while it is open.
 */
function createAsker(ext: ExtensionBrowser): Asker {
  let page: Page | null = null;
  return async <T>(type: string, params: object): Promise<T> => {
    page ??= await ext.openPage('onboarding.html');
    const result = (await page.evaluate(
      (message) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
          }
        ).chrome.runtime.sendMessage(message),
      { dramatis: 1, type, params },
    )) as { ok: boolean; value?: T; error?: { message: string } };
    if (!result.ok) throw new Error(`${type} failed: ${result.error?.message}`);
    return result.value as T;
  };
}

/** Bytes the extension origin uses (IndexedDB almost entirely), as the extension itself sees them. */
async function storageUsage(ext: ExtensionBrowser): Promise<number> {
  const page = await ext.openPage('options.html');
  try {
    return await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  } finally {
    await page.close();
  }
}

/** Waits until the store holds `hash`; the import starts when the extension installs. */
async function waitForImport(ask: ScaleStore['ask'], hash: string): Promise<void> {
  const deadline = Date.now() + IMPORT_DEADLINE_MS;
  while (Date.now() < deadline) {
    const status = await ask<StoreStatus>('getStoreStatus', {});
    if (status.import.state === 'failed') throw new Error(`import failed: ${status.import.error}`);
    if (status.import.state === 'done' && status.bundle?.hash === hash) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the import did not finish in ${IMPORT_DEADLINE_MS / 60_000} minutes`);
}

/** One run: a fresh browser installs the copy shipping `bundle`; every column measures. */
async function runOnce(
  buildDir: string,
  size: number,
  bundle: ScaleBundle,
  sample: readonly BenchEntity[],
): Promise<number[]> {
  const ext = await launchExtension(buildDir);
  try {
    const started = Date.now();
    const ask = createAsker(ext);
    await waitForImport(ask, bundle.hash);
    const importMs = Date.now() - started;
    const store: ScaleStore = { size, bundle, ext, ask, importMs, sample };
    const values: number[] = [];
    for (const column of SCALE_COLUMNS) values.push(await column.measure(store));
    return values;
  } finally {
    await ext.close();
  }
}

/** Median and spread (min–max) of some runs. */
interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number;
}

function figure(values: readonly number[]): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? sorted[Math.floor(middle)]!
      : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs: sorted.length };
}

function progress(line: string): void {
  process.stderr.write(`bench:scale ${line}\n`);
}

/** A store's row: sizes, then each column's median with its spread, and ratios to the first store. */
interface ScaleRow {
  size: number;
  bundle: ScaleBundle;
  figures: Figure[];
}

function printTable(rows: readonly ScaleRow[]): void {
  const base = rows[0];
  const header = ['profiles', 'v1 JSON', 'v3 raw', 'v3 gzip'];
  for (const column of SCALE_COLUMNS) {
    header.push(column.name);
    if (column.ratio) header.push('× first');
  }
  const body = rows.map((row) => {
    const cells = [
      formatCount(row.size),
      bytes(row.bundle.v1Bytes),
      bytes(row.bundle.rawBytes),
      bytes(row.bundle.compressedBytes),
    ];
    SCALE_COLUMNS.forEach((column, index) => {
      const { median, min, max, runs } = row.figures[index]!;
      cells.push(
        runs > 1
          ? `${column.format(median)} (${column.format(min)}–${column.format(max)}, ${runs} runs)`
          : column.format(median),
      );
      if (column.ratio)
        cells.push(base ? `${(median / base.figures[index]!.median).toFixed(2)}×` : '');
    });
    return cells;
  });
  console.log(table(header, body));
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'dramatis-scale-'));
  const build = snapshotBuild(CHROME_BUILD);
  const rows: ScaleRow[] = [];
  try {
    const largest = Math.max(...SCALE_SIZES);
    progress(`generating ${formatCount(largest)} profiles`);
    // A smaller store is a prefix of a larger one (see scale-names.ts), so one generator serves all.
    const all = new ScaleProfiles(largest);
    for (const size of SCALE_SIZES) {
      const bundle = await writeScaleBundle(join(work, `s${size}.gz`), () => all.inIdOrder(size));
      progress(
        `${formatCount(size)} profiles: v3 ${bytes(bundle.rawBytes)} raw, ${bytes(bundle.compressedBytes)} gzip; v1 ${bytes(bundle.v1Bytes)}`,
      );
      copyFileSync(bundle.path, join(build.dir, 'profiles.json'));
      const runs = size >= LARGE ? RUNS_LARGE : RUNS;
      const perRun: number[][] = [];
      for (let run = 0; run < runs; run++) {
        const values = await runOnce(build.dir, size, bundle, all.sample(size));
        progress(
          `${formatCount(size)} profiles, run ${run + 1}: ${SCALE_COLUMNS.map((column, i) => `${column.name} ${column.format(values[i]!)}`).join(', ')}`,
        );
        perRun.push(values);
      }
      rows.push({
        size,
        bundle,
        figures: SCALE_COLUMNS.map((_, index) => figure(perRun.map((values) => values[index]!))),
      });
    }
  } finally {
    build.remove();
    rmSync(work, { recursive: true, force: true });
  }
  printTable(rows);
  const column = (name: string) => SCALE_COLUMNS.findIndex((one) => one.name === name);
  const at = (size: number, name: string) =>
    rows.find((row) => row.size === size)?.figures[column(name)]?.median;
  const seconds = (ms: number | undefined) => (ms === undefined ? 'n/a' : (ms / 1000).toFixed(1));
  const base = rows[0]!;
  // The largest store stands in for 1,000,000 when that was not run.
  const top = rows.find((row) => row.size === 1_000_000) ?? rows.at(-1)!;
  if (top.size !== 1_000_000)
    console.log(
      `(1,000,000 profiles not run: mark figures below are for ${formatCount(top.size)})`,
    );
  const warm = (row: ScaleRow) => at(row.size, 'last mark 5,000 words warm') ?? NaN;
  console.log(
    `scale: import 100,000 in ${seconds(at(100_000, 'import'))} s, 1,000,000 in ${seconds(at(1_000_000, 'import'))} s; ` +
      `last mark at ${formatCount(top.size)} / ${formatCount(base.size)}: ${(warm(top) / warm(base)).toFixed(2)}× warm; ` +
      `cold first mark at ${formatCount(top.size)}: ${Math.round(at(top.size, 'cold first mark 5,000 words') ?? NaN)} ms`,
  );
  writeFileSync(join(tmpdir(), 'dramatis-scale-last.json'), JSON.stringify(rows, null, 1));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
