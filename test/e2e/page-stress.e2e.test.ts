/**
 * Dramatis on pages built to be hard, in Chromium with the built extension: a
 * million words, 100,000 text nodes, nesting 500 deep, and a script changing
 * text 1,000 times a second for 10 s. On each, marking completes (the planted
 * names are marked, the last of them at the end of the page or after the
 * storm), and the content script works the way that keeps a page responsive:
 * a long page's scan runs in many slices, not one task, and a page that keeps
 * changing is rescanned in batches, not once per change.
 *
 * How long those slices and the page's tasks take is measured by
 * `npm run bench:stress` (test/bench/stress.ts), not here: a timed assertion
 * fails on a busy machine for reasons that are not the extension's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../lib/demo/server';
import { launchExtension, type ExtensionBrowser } from './support/extension';
import { createAsker, servePages, waitForStore } from './support/page-marks';
import {
  meanSlice,
  probedPage,
  readProbe,
  startStorm,
  stormEnd,
  waitForMarks,
  type Scan,
} from './support/stress-probe';
import { STORM_PATH, STRESS_PAGES, type StressPage } from './support/stress-pages';

let ext: ExtensionBrowser;
let server: DemoServer;

const built: Record<string, StressPage> = {};

beforeAll(async () => {
  for (const [path, make] of Object.entries(STRESS_PAGES)) built[path] = make();
  const html = Object.fromEntries(Object.entries(built).map(([path, p]) => [path, p.html]));
  [ext, server] = await Promise.all([launchExtension(), servePages(html)]);
  await waitForStore(createAsker(ext));
}, 240_000);
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** The figures printed for the report (timings are informative here; the bench judges them). */
function report(path: string, scans: Scan[], extra: object = {}): void {
  const figures = {
    path,
    scans: scans.length,
    slices: scans.reduce((sum, scan) => sum + scan.slices, 0),
    mentions: scans.reduce((sum, scan) => sum + scan.added, 0),
    longestSliceMs: Math.round(Math.max(0, ...scans.map((scan) => scan.longestSliceMs))),
    meanSliceMs: meanSlice(scans),
    ...extra,
  };
  console.log(`STRESS ${JSON.stringify(figures)}`);
}

/** Loads `path` with the extension, waits for every planted name and answers the scans. */
async function markStatic(path: string): Promise<Scan[]> {
  const page = await probedPage(ext.context);
  try {
    await page.goto(`${server.origin}${path}`, { waitUntil: 'load', timeout: 120_000 });
    await waitForMarks(page, built[path]!.expected);
    const { scans } = await readProbe(page);
    report(path, scans);
    expect(scans.length).toBeGreaterThan(0);
    return scans;
  } finally {
    await page.close();
  }
}

describe('pages that stress the content script', () => {
  it('marks a 1,000,000-word page, scanning it in many slices', async () => {
    const [first] = await markStatic('/million-words');
    // A scan that stopped yielding would run the whole page as one task.
    expect(first!.slices).toBeGreaterThan(1);
    expect(first!.added).toBeGreaterThan(0);
  }, 300_000);

  it('marks a page of 100,000 text nodes, names split by markup, in many slices', async () => {
    const [first] = await markStatic('/text-nodes');
    expect(first!.slices).toBeGreaterThan(1);
    expect(first!.added).toBeGreaterThan(0);
  }, 180_000);

  it('marks text at every depth of 500 nested elements', async () => {
    const [first] = await markStatic('/deep-nesting');
    expect(first!.added).toBeGreaterThanOrEqual(built['/deep-nesting']!.expected.length);
  }, 120_000);

  it('keeps up with 1,000 text changes a second for 10 s, in batches, and marks the last text', async () => {
    const path = STORM_PATH;
    const page = await probedPage(ext.context);
    try {
      await page.goto(`${server.origin}${path}`, { waitUntil: 'load', timeout: 120_000 });
      await waitForMarks(page, ['San Soeung', 'Meas Nee']);
      const stormStart = await startStorm(page);
      const { done, changes } = await stormEnd(page);
      // The last text names two people who appear nowhere before it.
      await waitForMarks(page, built[path]!.expected);
      const during = (await readProbe(page)).scans.filter((scan) => scan.start >= stormStart);
      report(path, during, {
        changes,
        changesPerSecond: Math.round((changes * 1000) / (done - stormStart)),
      });
      // The page's script really stormed (a tenth of its 10,000 changes would do).
      expect(changes).toBeGreaterThan(1_000);
      // Rescanned while the page changed, but in batches: far fewer scans than changes.
      expect(during.length).toBeGreaterThan(0);
      expect(during.length).toBeLessThan(changes / 10);
    } finally {
      await page.close();
    }
  }, 180_000);
});
