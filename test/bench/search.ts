/**
 * Search over saved annotations: lib/search next to MiniSearch (fuzzy 0.2,
 * prefix) on the same generated collections and queries, in the same run.
 * Goals: ≤ 20 ms per query at 10,000 annotations, within 2× of MiniSearch, and
 * misspelled queries found (MiniSearch's 1-edit budget misses transpositions).
 */
import MiniSearch from 'minisearch';
import { createSearchIndex, type SearchIndex } from '@/lib/search';
import { generateCollection, generateQueries, type BenchQuery } from './annotations';
import { formatCount, formatMs, onceMs, table } from './timing';

const SIZES = [1_000, 10_000, 50_000];
const QUERIES = 300;
const TOP = 10;
/** Found = the target annotation is among this many results (a one-word query can fit hundreds). */
const DEPTH = 100;
/** A build slower than this is called out under the table: the side panel could not wait for it. */
const SLOW_BUILD_MS = 10_000;

interface Engine {
  search(text: string, limit: number): string[];
}

/** Median of per-query times over every query, after one untimed pass to warm up. */
function medianQueryMs(engine: Engine, queries: BenchQuery[]): number {
  for (const query of queries) engine.search(query.text, TOP);
  const times = queries.map((query) => onceMs(() => engine.search(query.text, TOP)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Share of queries whose target annotation is in the top results. */
function recall(engine: Engine, queries: BenchQuery[]): string {
  const found = queries.filter((query) => engine.search(query.text, DEPTH).includes(query.target));
  return `${found.length}/${queries.length}`;
}

/** Build time, median query time, recall and (with --expose-gc) heap of one engine. */
interface EngineRun {
  buildMs: number;
  queryMs: number;
  found: string;
  typoFound: string;
  heapMb: number | undefined;
}

/**
 * Builds one engine, measures it and lets it go before the next is built: with
 * both 50,000-annotation indexes alive at once, garbage collection doubled the
 * second build's time and made the figures depend on the order of the engines.
 */
function runEngine(build: () => Engine, queries: BenchQuery[]): EngineRun {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const built = onceMs(build);
  gc?.();
  const heapMb = gc ? (process.memoryUsage().heapUsed - heapBefore) / 1e6 : undefined;
  return {
    buildMs: built.ms,
    queryMs: medianQueryMs(built.result, queries),
    found: recall(built.result, queries),
    typoFound: recall(
      built.result,
      queries.filter((query) => query.typo),
    ),
    heapMb,
  };
}

/** Runs the search bench and returns its report. */
export function runSearchBench(): string {
  const largest = generateCollection(Math.max(...SIZES));
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const size of SIZES) {
    const collection = { ...largest, records: largest.records.slice(0, size) };
    const queries = generateQueries(collection, QUERIES);
    const ours = runEngine(
      () => engineOf(createSearchIndex(collection.records, collection.entityName)),
      queries,
    );
    const mini = runEngine(() => {
      const index = buildMiniSearch(collection.records, collection.entityName);
      return {
        search: (text, limit) =>
          index
            .search(text)
            .slice(0, limit)
            .map((hit) => String(hit.id)),
      };
    }, queries);
    for (const [name, run] of [
      ['lib/search', ours],
      ['MiniSearch', mini],
    ] as const) {
      if (run.buildMs > SLOW_BUILD_MS) {
        notes.push(
          `${formatCount(size)}: ${name} took ${formatMs(run.buildMs)} to build: too slow to index on opening the side panel`,
        );
      }
    }
    const heap = (run: EngineRun) =>
      run.heapMb === undefined ? '—' : `${run.heapMb.toFixed(0)} MB`;
    rows.push([
      formatCount(size),
      formatMs(ours.buildMs),
      formatMs(mini.buildMs),
      heap(ours),
      heap(mini),
      formatMs(ours.queryMs),
      formatMs(mini.queryMs),
      `${(ours.queryMs / mini.queryMs).toFixed(2)}×`,
      ours.found,
      mini.found,
      ours.typoFound,
      mini.typoFound,
    ]);
  }
  return [
    `Search: generated annotations (20–60-word quote, note, 1–3 entities, tags, title, site); ${QUERIES} queries of 1–3 words, a third with a typo (two letters swapped)`,
    `(median per query over all queries after a warm-up pass; top ${TOP} timed; found = target annotation in the top ${DEPTH}; MiniSearch: fuzzy 0.2, prefix, OR as by default; heap only under node --expose-gc)`,
    table(
      [
        'annotations',
        'build',
        'MiniSearch build',
        'heap',
        'MiniSearch heap',
        'query',
        'MiniSearch query',
        'ratio',
        'found',
        'MiniSearch found',
        'typo found',
        'MiniSearch typo found',
      ],
      rows,
    ),
    ...notes,
    'Goal: ≤ 20 ms per query at 10,000 and ≤ 2× MiniSearch.',
  ].join('\n');
}

function engineOf(index: SearchIndex): Engine {
  return { search: (text, limit) => index.search(text, { limit }).map((result) => result.id) };
}

function buildMiniSearch(
  records: {
    id: string;
    quote: { exact: string } | null;
    note: string;
    tags: string[];
    entityIds: string[];
    title: string;
    site: string;
  }[],
  entityName: (id: string) => string | undefined,
): MiniSearch {
  const mini = new MiniSearch({
    fields: ['quote', 'note', 'tags', 'entities', 'title', 'site'],
    searchOptions: { fuzzy: 0.2, prefix: true },
  });
  mini.addAll(
    records.map((record) => ({
      id: record.id,
      quote: record.quote?.exact ?? '',
      note: record.note,
      tags: record.tags.join(' '),
      entities: record.entityIds.map((id) => entityName(id) ?? '').join(' '),
      title: record.title,
      site: record.site,
    })),
  );
  return mini;
}
