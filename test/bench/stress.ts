/**
 * `npm run bench:stress`: how the page's main thread fares while Dramatis
 * marks pages built to be hard (test/e2e/support/stress-pages.ts): a million
 * words, 100,000 text nodes, nesting 500 deep, and a script changing text
 * 1,000 times a second for 10 s. The E2E test checks that these pages get
 * marked; this measures whether the page stays responsive meanwhile, with the
 * goal "no task over 50 ms that the extension causes".
 *
 * Every load is traced over CDP (../e2e/support/main-thread-tasks.ts) and each
 * top-level task of the page's main thread is judged on its thread time, the
 * CPU time it took, which the machine's load does not inflate. The same page
 * is traced in a browser without the extension, and a long task counts as the
 * page's own only as {@link judgeLongTasks} allows (it ended before the
 * content script first ran, or its work also occurs without the extension).
 * The page's long-task observer and the content script's `dramatis:scan`
 * measures give the time to mark and the content script's own slices.
 */
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import type { DemoServer } from '@/lib/demo/server';
import {
  launchExtension,
  launchWithoutExtension,
  type ExtensionBrowser,
} from '../e2e/support/extension';
import {
  domContentLoadedAt,
  firstScriptRun,
  judgeLongTasks,
  mainThreadTasks,
  pageMainThread,
  recordTrace,
  type MainThreadTask,
  type TraceEvent,
} from '../e2e/support/main-thread-tasks';
import { createAsker, servePages, waitForStore } from '../e2e/support/page-marks';
import { STORM_PATH, STRESS_PAGES, type StressPage } from '../e2e/support/stress-pages';
import {
  meanSlice,
  probedPage,
  readProbe,
  startStorm,
  stormEnd,
  waitForMarks,
  waitUntilQuiet,
  type Scan,
  type Task,
} from '../e2e/support/stress-probe';
import { pageBenchUnavailable } from './page';
import { formatCount, formatMs, table } from './timing';

/** The limit of a task that keeps a page responsive. */
const LONG_TASK_MS = 50;
/** After the last scan, time for the marks to be rendered (their paint is a task of its own). */
const SETTLE_MS = 1500;
/** How long the page without the extension must have had no long task before its trace ends. */
const QUIET_MS = 2000;

const progress = (line: string): void => void process.stderr.write(`[bench:stress] ${line}\n`);

/** What one page's run measured. */
interface StressFigures {
  page: string;
  timeToMarkMs: number;
  scanBusyMs: number;
  slices: number;
  longestSliceMs: number;
  meanSliceMs: number;
  /** Longest long task (wall time, the page's observer) with the extension, and without it. */
  longestTaskMs: number;
  baselineLongestTaskMs: number;
  /** The longest thread time of a task that ran the content script's JavaScript. */
  ourLongestThreadMs: number;
  /** Tasks over the limit that nothing shows to be the page's own. */
  unexplained: string[];
  /** The storm page's changes per second (the page's own script), or null. */
  changesPerSecond: number | null;
}

interface Browsers {
  ext: ExtensionBrowser;
  plain: Awaited<ReturnType<typeof launchWithoutExtension>>;
  server: DemoServer;
}

/** `path` opened with the probe in `context`, traced from before navigation to the end of `run`. */
async function tracedRun<T>(
  context: BrowserContext,
  url: string,
  run: (page: Page) => Promise<T>,
): Promise<{ result: T; events: TraceEvent[] }> {
  const page = await probedPage(context);
  try {
    const cdp = await context.newCDPSession(page);
    return await recordTrace(cdp, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      return run(page);
    });
  } finally {
    await page.close();
  }
}

/** The longest of `tasks` that overlaps `from`–`to` (page clock), in whole ms. */
function longest(tasks: Task[], from: number, to: number): number {
  const inside = tasks.filter((task) => task.start + task.duration > from && task.start < to);
  return Math.round(Math.max(0, ...inside.map((task) => task.duration)));
}

/**
 * The same page without the extension, traced until the same stretch after
 * load is over and the page has had no long task for {@link QUIET_MS}, so that
 * the page's own work after load (Chrome reads a loaded page's text once its
 * layout settles) is in its trace. Answers that trace and the longest long
 * task its observer saw in the stretch.
 */
async function baselineRun(
  { plain }: Browsers,
  url: string,
  afterLoadMs: number,
  lengthMs: number,
): Promise<{ events: TraceEvent[]; longestTaskMs: number }> {
  const { result, events } = await tracedRun(plain.context, url, async (page) => {
    const { load } = await readProbe(page);
    await waitUntilQuiet(page, load + afterLoadMs + lengthMs, QUIET_MS);
    return longest(
      (await readProbe(page)).tasks,
      load + afterLoadMs,
      load + afterLoadMs + lengthMs,
    );
  });
  return { events, longestTaskMs: result };
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

function describeTask(task: MainThreadTask, from: number): string {
  const at = Math.round((task.ts - from) / 1000);
  const work = task.work.join(' > ') || '(no traced work)';
  return `at +${at} ms: ${round1(task.threadMs)} ms thread, ${round1(task.wallMs)} ms wall, our JS ${round1(task.ourJsMs)} ms, ${work}`;
}

/** The page's main thread in the two traces: our tasks' longest, and the long tasks not the page's own. */
function judgeMainThread(
  { ext, server }: Browsers,
  path: string,
  withEvents: TraceEvent[],
  withoutEvents: TraceEvent[],
): Pick<StressFigures, 'ourLongestThreadMs' | 'unexplained'> {
  const url = `${server.origin}${path}`;
  const ourUrls = `chrome-extension://${ext.extensionId}/`;
  const withThread = pageMainThread(withEvents, url);
  const withoutThread = pageMainThread(withoutEvents, url);
  const start = firstScriptRun(withEvents, withThread, ourUrls);
  if (start === null) throw new Error(`the trace of ${path} shows no run of the content script`);
  const tasks = mainThreadTasks(withEvents, withThread, ourUrls);
  const judged = judgeLongTasks(
    {
      tasks,
      domContentLoaded: domContentLoadedAt(withEvents, withThread),
      contentScriptStart: start,
    },
    {
      tasks: mainThreadTasks(withoutEvents, withoutThread, ourUrls),
      domContentLoaded: domContentLoadedAt(withoutEvents, withoutThread),
    },
    LONG_TASK_MS,
  );
  const ours = tasks.filter((task) => task.ts >= start && task.ourJsMs > 0);
  return {
    ourLongestThreadMs: round1(Math.max(0, ...ours.map((task) => task.threadMs))),
    unexplained: judged
      .filter(({ pagesOwn }) => pagesOwn === null)
      .map(({ task }) => describeTask(task, start)),
  };
}

/** The scans' own figures. */
function scanFigures(scans: Scan[]) {
  return {
    scanBusyMs: round1(scans.reduce((sum, scan) => sum + scan.busyMs, 0)),
    slices: scans.reduce((sum, scan) => sum + scan.slices, 0),
    longestSliceMs: round1(Math.max(0, ...scans.map((scan) => scan.longestSliceMs))),
    meanSliceMs: meanSlice(scans),
  };
}

/** Measures one stress page, served at `path`. */
type PageBench = (browsers: Browsers, path: string, page: StressPage) => Promise<StressFigures>;

/** Loads a static stress page with the extension, waits for its marks, and judges its main thread. */
const benchStatic: PageBench = async (browsers, path, page) => {
  const url = `${browsers.server.origin}${path}`;
  const { result, events } = await tracedRun(browsers.ext.context, url, async (tab) => {
    const markedAt = await waitForMarks(tab, page.expected);
    await tab.waitForTimeout(SETTLE_MS);
    return { markedAt, ...(await readProbe(tab)) };
  });
  const { markedAt, tasks, scans, load } = result;
  if (scans.length === 0) throw new Error(`${path}: the content script measured no scan`);
  const from = scans[0]!.start;
  const to = scans.at(-1)!.end + SETTLE_MS;
  const baseline = await baselineRun(browsers, url, from - load, to - from);
  return {
    page: path,
    timeToMarkMs: Math.round(markedAt - from),
    ...scanFigures(scans),
    longestTaskMs: longest(tasks, from, to),
    baselineLongestTaskMs: baseline.longestTaskMs,
    ...judgeMainThread(browsers, path, events, baseline.events),
    changesPerSecond: null,
  };
};

/** The storm page: marked, then 10 s of text changes, then the last text marked. */
const benchStorm: PageBench = async (browsers, path, page) => {
  const url = `${browsers.server.origin}${path}`;
  const { result, events } = await tracedRun(browsers.ext.context, url, async (tab) => {
    await waitForMarks(tab, ['San Soeung', 'Meas Nee']);
    const stormStart = await startStorm(tab);
    const { done, changes } = await stormEnd(tab);
    const markedAt = await waitForMarks(tab, page.expected);
    await tab.waitForTimeout(SETTLE_MS);
    return { stormStart, done, changes, markedAt, ...(await readProbe(tab)) };
  });
  const { stormStart, done, changes, markedAt, tasks, scans } = result;
  // The same storm without the extension: the page's own cost of changing its text.
  const bare = await tracedRun(browsers.plain.context, url, async (tab) => {
    const bareStart = await startStorm(tab);
    const { done: bareDone } = await stormEnd(tab);
    return longest((await readProbe(tab)).tasks, bareStart, bareDone);
  });
  return {
    page: path,
    timeToMarkMs: Math.round(markedAt - done),
    ...scanFigures(scans.filter((scan) => scan.start >= stormStart)),
    longestTaskMs: longest(tasks, stormStart, done + SETTLE_MS),
    baselineLongestTaskMs: bare.result,
    ...judgeMainThread(browsers, path, events, bare.events),
    changesPerSecond: Math.round((changes * 1000) / (done - stormStart)),
  };
};

function report(results: StressFigures[]): string {
  const rows = results.map((figures) => [
    figures.page,
    formatMs(figures.timeToMarkMs),
    formatMs(figures.scanBusyMs),
    formatCount(figures.slices),
    formatMs(figures.longestSliceMs),
    formatMs(figures.meanSliceMs),
    formatMs(figures.ourLongestThreadMs),
    `${formatMs(figures.longestTaskMs)} / ${formatMs(figures.baselineLongestTaskMs)}`,
    String(figures.unexplained.length),
  ]);
  const lines = [
    'Stress pages (one traced load each, Chromium; the storm row counts from the storm on)',
    table(
      [
        'page',
        'to mark',
        'scan CPU',
        'slices',
        'longest slice',
        'mean slice',
        'our longest task (thread)',
        'longest task with / without',
        "long tasks not the page's",
      ],
      rows,
    ),
  ];
  const storm = results.find((figures) => figures.changesPerSecond !== null);
  if (storm) lines.push(`The storm page made ${formatCount(storm.changesPerSecond!)} changes/s.`);
  const unexplained = results.flatMap((figures) =>
    figures.unexplained.map((task) => `  ${figures.page} ${task}`),
  );
  lines.push(
    `Goal: no task over ${LONG_TASK_MS} ms of thread time that is not the page's own: ${unexplained.length === 0 ? 'PASS' : 'MISS'}`,
    ...unexplained,
  );
  return lines.join('\n');
}

/** Runs the stress bench and returns its report. */
export async function runStressBench(): Promise<string> {
  const unavailable = pageBenchUnavailable();
  if (unavailable) return `Stress bench skipped: ${unavailable}`;
  const pages = Object.entries(STRESS_PAGES).map(([path, make]) => ({
    path,
    page: make(),
    bench: path === STORM_PATH ? benchStorm : benchStatic,
  }));
  const html = Object.fromEntries(pages.map(({ path, page }) => [path, page.html]));
  const [ext, server, plain] = await Promise.all([
    launchExtension(),
    servePages(html),
    launchWithoutExtension(),
  ]);
  try {
    await waitForStore(createAsker(ext));
    const browsers = { ext, plain, server };
    const results: StressFigures[] = [];
    for (const { path, page, bench } of pages) {
      progress(path);
      results.push(await bench(browsers, path, page));
    }
    return report(results);
  } finally {
    await ext.close();
    await plain.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  console.log(await runStressBench());
  console.log(`\n(stress bench took ${formatMs(Date.now() - started)})`);
}
