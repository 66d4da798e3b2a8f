/**
 * What the stress pages (stress-pages.ts) report from inside the page, for the
 * E2E test that checks they get marked and the bench that measures how the
 * page's main thread fares meanwhile: the content script's scans (its
 * `dramatis:scan` measure), the page's long tasks and its load time, recorded
 * by a probe installed before any script of the page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { SCAN_MEASURE, type ScanTimingDetail } from '../../../lib/page/scan-timing';
import { allMarked } from './page-marks';
import { STORM } from './stress-pages';

/** A long task, as the page's observer recorded it (ms on the page's clock). */
export interface Task {
  start: number;
  duration: number;
}

/** One scan of the content script (its `dramatis:scan` measure), on the page's clock. */
export interface Scan extends ScanTimingDetail {
  start: number;
  end: number;
}

/** What the probe has recorded so far. */
export interface ProbeRecord {
  tasks: Task[];
  scans: Scan[];
  /** When the page's load event fired (0 before it). */
  load: number;
}

interface ProbeWindow {
  __stress: ProbeRecord;
  __startStorm?: () => void;
  __stormDone?: number;
  __stormChanges?: number;
}

/** In every page, before its scripts: record long tasks, the content script's scans and the load time. */
function stressProbe(measure: string): void {
  const record: ProbeRecord = { tasks: [], scans: [], load: 0 };
  (window as unknown as ProbeWindow).__stress = record;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      record.tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Each scan replaces the last measure (scan-timing.ts), so they are collected as they come.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name !== measure) continue;
      const detail = (entry as PerformanceMeasure).detail as ScanTimingDetail;
      record.scans.push({
        ...detail,
        start: entry.startTime,
        end: entry.startTime + entry.duration,
      });
    }
  }).observe({ type: 'measure', buffered: true });
  addEventListener('load', () => (record.load = performance.now()));
}

/** A new page of `context` with the probe installed; not yet navigated. */
export async function probedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(stressProbe, SCAN_MEASURE);
  return page;
}

/** What the probe of `page` has recorded so far. */
export function readProbe(page: Page): Promise<ProbeRecord> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__stress);
}

/**
 * Waits until the page's clock has passed `until` and the page has had no
 * long task for `quietMs`: its own work after load is then over.
 */
export async function waitUntilQuiet(page: Page, until: number, quietMs: number): Promise<void> {
  await page.waitForFunction(
    ({ until, quietMs }) => {
      const { tasks } = (window as unknown as ProbeWindow).__stress;
      const lastEnd = Math.max(0, ...tasks.map((task) => task.start + task.duration));
      return performance.now() > until && performance.now() - lastEnd > quietMs;
    },
    { until, quietMs },
    { timeout: 120_000, polling: 100 },
  );
}

/** Waits until every expected name is among the marks; answers the page time it was seen. */
export async function waitForMarks(
  page: Page,
  expected: string[],
  timeout = 120_000,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    const marks = new Set(await allMarked(page));
    if (expected.every((name) => marks.has(name))) return page.evaluate(() => performance.now());
    if (Date.now() - started > timeout) {
      throw new Error(`not marked after ${timeout} ms: ${expected.filter((n) => !marks.has(n))}`);
    }
    await page.waitForTimeout(100);
  }
}

/** Starts the storm page's text changes; answers the page time it started. */
export function startStorm(page: Page): Promise<number> {
  return page.evaluate(() => {
    (window as unknown as ProbeWindow).__startStorm!();
    return performance.now();
  });
}

/** Waits for the storm to end; answers when (page time) and how many changes it made. */
export async function stormEnd(page: Page): Promise<{ done: number; changes: number }> {
  await page.waitForFunction(() => (window as unknown as ProbeWindow).__stormDone, undefined, {
    timeout: STORM.durationMs * 6,
    polling: 200,
  });
  return page.evaluate(() => {
    const win = window as unknown as ProbeWindow;
    return { done: win.__stormDone!, changes: win.__stormChanges! };
  });
}

/** Main-thread time per slice of the content script, over all `scans`. */
export function meanSlice(scans: Scan[]): number {
  const slices = scans.reduce((sum, scan) => sum + scan.slices, 0);
  const busy = scans.reduce((sum, scan) => sum + scan.busyMs, 0);
  return slices === 0 ? 0 : Math.round((busy / slices) * 10) / 10;
}
