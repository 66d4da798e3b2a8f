/**
 * Scan start to last mark on generated news pages of 5,000 and 50,000 words,
 * with a warm and with a cold service worker, for a store of a given size, in
 * Chromium with the built extension (issue 17). `npm run bench:scale` takes its
 * mark columns from {@link measureScaleMarks}; run alone,
 *
 *   tsx test/bench/scale-marks.ts [sizes=100,10000,100000,1000000]
 *
 * (SCALE_MARKS_BUILD=<unpacked build> measures another build, e.g. main's)
 * prints them for each size with the ratios to the first.
 *
 * The store: the build ships the first 100 generated profiles as its
 * profiles.json (the real import), and the rest are written straight into the
 * extension's IndexedDB from one of its pages, in the store's own row shapes,
 * with the alias-key filter's rows for them (lib/store/alias-key-filter.ts;
 * the hash is the extension's own function, sent as source and checked). The
 * worker is then stopped so it starts on the stored filter. This is a
 * test-only shortcut until a fast import lands: importing a million profiles
 * through today's profiles.json takes far too long.
 *
 * Warm: the worker has answered a page before. Cold: the worker is stopped
 * (CDP `ServiceWorker.stopAllWorkers`) before each load, so the page's first
 * request starts it, opens the database and loads the filter. Each figure is
 * the median of several loads; the spread is kept too.
 */
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import type { Entity } from '@/lib/model/bundle-format';
import type { StoreStatus } from '@/lib/messaging/protocol';
import { hashAliasKey } from '@/lib/match/key-hashes';
import { aliasKeyRows } from '@/lib/store/alias-key-rows';
import type { DemoServer } from '@/lib/demo/server';
import { CHROME_BUILD, launchExtension, type ExtensionBrowser } from '../e2e/support/extension';
import { createAsker, servePages } from '../e2e/support/page-marks';
import { generateEntities, type BenchEntity } from './names';
import { benchBundle, shipBundle, snapshotBuild } from './page-bundle';
import { newsPage, spreadSample } from './page-html';
import { installProbe, readScan } from './page-probe';
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
  /** Seconds spent writing the generated store. */
  seedSeconds: number;
}

/** Loads per figure. */
const LOADS = 5;
/** Profiles the build ships in its profiles.json; the rest are written straight in. */
const SHIPPED = 100;
/** Entities written per transaction. */
const SEED_CHUNK = 20_000;
const PAGE_WORDS = [5_000, 50_000] as const;

const progress = (line: string): void => void process.stderr.write(`[scale-marks] ${line}\n`);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A store entity for a generated profile, shaped like the page bench's bundle entities. */
function storeEntity(entity: BenchEntity, doc: string): Entity {
  const span = { doc, start: 0, end: 10 };
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    aliases: entity.aliases.map((alias, at) => ({
      text: alias.text,
      key: alias.key,
      form: at === 0 ? 'name' : alias.text === entity.acronym ? 'acronym' : 'short',
      ambiguous: alias.ambiguous,
      source: span,
    })),
    roles: [],
    affiliations: [],
    quotes: [],
    mentions: [{ doc, count: 1 }],
    related: [],
  };
}

/**
 * Writes `entities` into the extension's database from `page` (one of its
 * pages): entity rows, alias-key rows and one filter delta per chunk.
 */
async function seedStore(page: Page, entities: readonly BenchEntity[], doc: string): Promise<void> {
  // The extension's hash, as source: the page must hash exactly as the background does.
  const hashSource = hashAliasKey.toString();
  const probe = 'sok chanthy';
  const pageHash = await page.evaluate(`(${hashSource})(${JSON.stringify(probe)})`);
  if (pageHash !== hashAliasKey(probe)) throw new Error('the page hashes alias keys differently');
  for (let at = 0; at < entities.length; at += SEED_CHUNK) {
    const rows = entities.slice(at, at + SEED_CHUNK).map((entity) => storeEntity(entity, doc));
    const aliasRows = rows.flatMap(aliasKeyRows);
    const chunk = { rows, aliasRows, deltaId: `delta:seed:${at}` };
    await page.evaluate(`(${seedChunkInPage.toString()})(${JSON.stringify(chunk)}, ${hashSource})`);
    if ((at / SEED_CHUNK) % 10 === 9)
      progress(`  seeded ${formatCount(at + rows.length)} of ${formatCount(entities.length)}`);
  }
}

/** Runs in the extension page: one read-write transaction writing a chunk and its filter delta. */
function seedChunkInPage(
  chunk: { rows: unknown[]; aliasRows: { key: string }[]; deltaId: string },
  hash: (key: string) => number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('dramatis');
    open.onerror = () => reject(open.error ?? new Error('open failed'));
    open.onsuccess = () => {
      const db = open.result;
      // A build from before the filter (a baseline run) has no filter table.
      const filtered = db.objectStoreNames.contains('aliasKeyFilter');
      const stores = ['entities', 'aliasKeys', ...(filtered ? ['aliasKeyFilter'] : [])];
      const tx = db.transaction(stores, 'readwrite');
      const entities = tx.objectStore('entities');
      const aliasKeys = tx.objectStore('aliasKeys');
      for (const row of chunk.rows) entities.put(row);
      for (const row of chunk.aliasRows) aliasKeys.put(row);
      if (filtered)
        tx.objectStore('aliasKeyFilter').put({
          id: chunk.deltaId,
          hashes: Uint32Array.from(chunk.aliasRows, (row) => hash(row.key)),
        });
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error ?? new Error('seeding failed'));
    };
  });
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
  for (let tries = 0; tries < 1200; tries++) {
    const status = await ask<StoreStatus>('getStoreStatus', {});
    if (status.import.state === 'failed') throw new Error(`import failed: ${status.import.error}`);
    if (status.import.state === 'done' && status.bundle?.hash === hash) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the shipped bundle was not imported in 5 minutes');
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
 * Scan start to last mark for a store of `size` generated profiles (the first
 * `size` of the bench's generator, so every store knows the pages' names).
 * `all` may pass the generated profiles of a larger store to share the work.
 */
export async function measureScaleMarks(
  size: number,
  all: readonly BenchEntity[] = generateEntities(size),
): Promise<ScaleMarks> {
  const store = all.slice(0, size);
  const shipped = benchBundle(store.slice(0, SHIPPED));
  // SCALE_MARKS_BUILD measures another unpacked build (e.g. main's, for a baseline).
  const build = snapshotBuild(process.env.SCALE_MARKS_BUILD ?? CHROME_BUILD);
  let server: DemoServer | null = null;
  let ext: ExtensionBrowser | null = null;
  try {
    shipBundle(build.dir, shipped);
    const pages = Object.fromEntries(
      PAGE_WORDS.map((words) => [`/w${words}`, newsPage(spreadSample(store), words).html]),
    );
    server = await servePages(pages);
    ext = await launchExtension(build.dir);
    const ask = createAsker(ext);
    await waitForImport(ask, shipped.hash);
    for (const open of ext.context.pages())
      if (open.url().endsWith('/onboarding.html')) await open.close();
    const control = await ext.openPage('options.html');
    const seedStarted = performance.now();
    if (store.length > SHIPPED)
      await seedStore(control, store.slice(SHIPPED), shipped.documents[0]!.id);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    progress(`${formatCount(size)} profiles in the store (${seedSeconds.toFixed(0)} s to write)`);
    // The worker loaded its filter before the rows were written behind its back: start it afresh.
    await stopWorker(ext.context, control);
    const url = (words: number) => `${server!.origin}/w${words}`;
    // One load to wake it and let it fold the seeded deltas into one stored array.
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
      seedSeconds,
    };
  } finally {
    await ext?.close();
    await server?.close();
    build.remove();
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
  const all = generateEntities(Math.max(...sizes));
  progress(
    `generated ${formatCount(all.length)} profiles in ${formatMs(performance.now() - started)}`,
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
