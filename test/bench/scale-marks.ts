/**
 * Scan start to last mark on generated news pages of 5,000 and 50,000 words,
 * with a warm and with a cold service worker, for a store of a given size, in
 * Chromium with the built extension (issue 17). `npm run bench:scale` takes its
 * mark columns from {@link measureMarksIn} on the store it has just imported;
 * run alone,
 *
 *   tsx test/bench/scale-marks.ts [sizes=100,10000,100000,1000000]
 *
 * (SCALE_MARKS_BUILD=<unpacked build> measures another build, e.g. main's)
 * imports each store through the build's profiles.json, as the extension
 * does, and prints the figures for each size with the ratios to the first.
 *
 * Warm: the worker has answered a page before. Cold: the worker is stopped
 * (CDP `ServiceWorker.stopAllWorkers`) before each load, so the page's first
 * request starts it, opens the database and loads the filter. Each figure is
 * the median of several loads (SCALE_MARK_LOADS, 5 unless told); the spread
 * is kept too.
 */
import { join } from 'node:path';
import { mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreStatus } from '@/lib/messaging/protocol';
import type { DemoServer } from '@/lib/demo/server';
import { CHROME_BUILD, launchExtension, type ExtensionBrowser } from '../e2e/support/extension';
import { createAsker, servePages } from '../e2e/support/page-marks';
import type { BenchEntity } from './names';
import { snapshotBuild } from './page-bundle';
import { newsPage } from './page-html';
import { installProbe, readScan } from './page-probe';
import { writeScaleBundle } from './scale-bundle';
import { ScaleProfiles } from './scale-names';
import { formatCount, formatMs, table } from './timing';

/** What {@link measureScaleMarks} answers: medians in ms, scan start to last mark. */
export interface ScaleMarks {
  warm5k: number;
  warm50k: number;
  cold5k: number;
  cold50k: number;
  /** Cold worker, 5,000 words: from navigation start to the end of the first drawing of marks (or of the scan). */
  coldFirstMark5k: number;
  /** Every load's figure, for the spread. */
  runs: Record<'warm5k' | 'warm50k' | 'cold5k' | 'cold50k' | 'coldFirstMark5k', number[]>;
  /** Mentions marked on the 5,000-word page (each store's page names profiles from all over it). */
  marked5k: number;
}

/** Loads per figure. */
const LOADS = Number(process.env.SCALE_MARK_LOADS ?? 5);
const PAGE_WORDS = [5_000, 50_000] as const;

const progress = (line: string): void => void process.stderr.write(`[scale-marks] ${line}\n`);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Stops the extension's service worker and waits until it is gone. */
async function stopWorker(context: BrowserContext, page: Page): Promise<void> {
  const worker = context.serviceWorkers()[0];
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    const closed = worker
      ? new Promise<void>((resolve) => worker.once('close', () => resolve()))
      : Promise.resolve();
    await cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  } finally {
    await cdp.detach();
  }
}

/** Waits until the shipped bundle is imported. */
async function waitForImport(ask: ReturnType<typeof createAsker>, hash: string): Promise<void> {
  for (let tries = 0; tries < 4 * 60 * 15; tries++) {
    const status = await ask<StoreStatus>('getStoreStatus', {});
    if (status.import.state === 'failed') throw new Error(`import failed: ${status.import.error}`);
    if (status.import.state === 'done' && status.bundle?.hash === hash) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the shipped bundle was not imported in 15 minutes');
}

interface Load {
  lastMarkMs: number;
  firstMarkMs: number;
  added: number;
}

/** Loads `url` in a fresh tab, waits for the first scan, and reads its figures. */
async function load(
  ext: ExtensionBrowser,
  url: string,
  cold: boolean,
  control: Page,
): Promise<Load> {
  if (cold) await stopWorker(ext.context, control);
  const page = await ext.context.newPage();
  try {
    await installProbe(page);
    await page.goto(url, { timeout: 60_000 });
    const scan = await readScan(page, 120_000);
    const scanEnd = scan.startTime + scan.wallMs;
    const firstDraw = scan.drawStretches[1];
    return {
      lastMarkMs: scan.wallMs,
      firstMarkMs: firstDraw !== undefined ? Math.min(firstDraw, scanEnd) : scanEnd,
      added: scan.added,
    };
  } finally {
    await page.close();
  }
}

/**
 * Scan start to last mark in `ext`, whose store of `size` profiles is imported,
 * on pages naming `sample`, profiles from all over it (ScaleProfiles.sample).
 */
export async function measureMarksIn(
  ext: ExtensionBrowser,
  sample: readonly BenchEntity[],
  size: number,
): Promise<ScaleMarks> {
  let server: DemoServer | null = null;
  let control: Page | null = null;
  try {
    const pages = Object.fromEntries(
      PAGE_WORDS.map((words) => [`/w${words}`, newsPage(sample, words).html]),
    );
    server = await servePages(pages);
    for (const open of ext.context.pages())
      if (open.url().endsWith('/onboarding.html')) await open.close();
    // Any extension page serves to stop the worker; this one reads nothing while no import runs.
    control = await ext.openPage('onboarding.html');
    const url = (words: number) => `${server!.origin}/w${words}`;
    // One load to wake the worker and let it settle its filter.
    await load(ext, url(5_000), false, control);
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const runs: ScaleMarks['runs'] = {
      warm5k: [],
      warm50k: [],
      cold5k: [],
      cold50k: [],
      coldFirstMark5k: [],
    };
    let marked5k = 0;
    for (const cold of [false, true])
      for (const words of PAGE_WORDS)
        for (let run = 0; run < LOADS; run++) {
          const figures = await load(ext, url(words), cold, control);
          const name = `${cold ? 'cold' : 'warm'}${words / 1000}k` as keyof ScaleMarks['runs'];
          runs[name].push(figures.lastMarkMs);
          if (cold && words === 5_000) runs.coldFirstMark5k.push(figures.firstMarkMs);
          if (words === 5_000) marked5k = figures.added;
        }
    progress(
      `${formatCount(size)}: ${Object.entries(runs)
        .map(([name, values]) => `${name} ${values.map((v) => v.toFixed(0)).join('/')}`)
        .join('; ')}`,
    );
    return {
      warm5k: median(runs.warm5k),
      warm50k: median(runs.warm50k),
      cold5k: median(runs.cold5k),
      cold50k: median(runs.cold50k),
      coldFirstMark5k: median(runs.coldFirstMark5k),
      runs,
      marked5k,
    };
  } finally {
    await control?.close();
    await server?.close();
  }
}

/**
 * Scan start to last mark for a store of `size` generated profiles (the first
 * `size` of the bench's generator, so every store knows the pages' names),
 * shipped as the build's profiles.json and imported as the extension does.
 * `all` may pass the generated profiles of a larger store to share the work.
 */
export async function measureScaleMarks(
  size: number,
  all: ScaleProfiles = new ScaleProfiles(size),
): Promise<ScaleMarks> {
  // SCALE_MARKS_BUILD measures another unpacked build (e.g. main's, for a baseline).
  const build = snapshotBuild(process.env.SCALE_MARKS_BUILD ?? CHROME_BUILD);
  const work = mkdtempSync(join(tmpdir(), 'dramatis-marks-'));
  let ext: ExtensionBrowser | null = null;
  try {
    const bundle = await writeScaleBundle(join(work, 'profiles.gz'), () => all.inIdOrder(size));
    copyFileSync(bundle.path, join(build.dir, 'profiles.json'));
    ext = await launchExtension(build.dir);
    const started = performance.now();
    await waitForImport(createAsker(ext), bundle.hash);
    progress(`${formatCount(size)} profiles imported in ${formatMs(performance.now() - started)}`);
    return await measureMarksIn(ext, all.sample(size), size);
  } finally {
    await ext?.close();
    build.remove();
    rmSync(work, { recursive: true, force: true });
  }
}

const spread = (values: readonly number[]) =>
  `${formatMs(Math.min(...values))}–${formatMs(Math.max(...values))}`;

/** The table for `sizes`, each with its ratio to the first. */
export function scaleMarksTable(results: readonly { size: number; marks: ScaleMarks }[]): string {
  const base = results[0]!.marks;
  const cell = (marks: ScaleMarks, name: keyof ScaleMarks['runs']) =>
    `${formatMs(marks[name])} (${spread(marks.runs[name])}) ${(marks[name] / base[name]).toFixed(2)}×`;
  return table(
    ['profiles', 'warm 5k', 'warm 50k', 'cold 5k', 'cold 50k', 'cold first mark 5k', 'marks 5k'],
    results.map(({ size, marks }) => [
      formatCount(size),
      cell(marks, 'warm5k'),
      cell(marks, 'warm50k'),
      cell(marks, 'cold5k'),
      cell(marks, 'cold50k'),
      cell(marks, 'coldFirstMark5k'),
      String(marks.marked5k),
    ]),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = (process.argv[2] ?? '100,10000,100000,1000000').split(',').map(Number);
  const started = performance.now();
  const all = new ScaleProfiles(Math.max(...sizes));
  progress(
    `generated ${formatCount(all.size)} profiles in ${formatMs(performance.now() - started)}`,
  );
  const results: { size: number; marks: ScaleMarks }[] = [];
  for (const size of sizes) results.push({ size, marks: await measureScaleMarks(size, all) });
  console.log(
    'Scan start to last mark (median of 5 loads, min–max, ratio to the first size), Chromium:',
  );
  console.log(scaleMarksTable(results));
  const last = results[results.length - 1]!;
  console.log(
    `last mark at ${formatCount(last.size)} / ${formatCount(results[0]!.size)}: ${(last.marks.warm5k / results[0]!.marks.warm5k).toFixed(2)}× warm; cold first mark at ${formatCount(last.size)}: ${formatMs(last.marks.coldFirstMark5k)}`,
  );
}
