/**
 * Importing a bundle a chunk at a time, for stores of a million profiles: a
 * single transaction over all of them holds every row in memory and, on MV3,
 * outlives the service worker (Chrome stops a worker idle for 30 s, and a
 * worker waiting on IndexedDB counts as idle).
 *
 * The file is parsed once. A first pass only proves its bytes are the ones its
 * header describes (inflated whole, line count, hash: OpenedBundle.verify),
 * without touching the store, so a damaged, truncated or edited bundle leaves
 * the previous one in place; it decodes and parses nothing, which was most of
 * the cost of the check pass that parsed every record before. The second pass
 * clears the bundled tables, then parses, checks (shape, order, spans) and
 * writes chunk by chunk; each chunk's profile shards, their alias keys and the
 * checkpoint go in one transaction, so a page never sees a profile without its
 * keys, and a worker stopped mid-import goes on from the last chunk on its next
 * start (lib/store/load-bundle.ts). Profiles are usable as their chunk lands.
 *
 * A bundle whose bytes are intact but whose records are malformed (a broken
 * build, not a damaged file) is refused while writing, with the record and what
 * is wrong: the store then holds the chunks before it and no bundle, and says
 * the import failed. The reader's notes, corrections and settings live in their
 * own tables and are never touched.
 */
import type { OpenedBundle } from '@/lib/model/bundle-stream-format';
import type { MergeAdded } from '@/lib/extract/merge-added';
import type { BundleMeta, ImportProgress, ImportState } from '@/lib/model/records';
import { reapplyAddedSources } from './added-sources';
import { compactAliasKeyFilter } from './alias-key-filter';
import type { DramatisDB } from './db';
import { bundleTables, type ImportResult } from './import-bundle';
import { allProfiles, appendProfiles, clearProfiles, profileTables } from './profile-shards';
import { readBundleMeta, readImportState, writeImportState } from './queries';

/** Records per transaction: large enough that commits are rare, small enough to stay well within memory. */
export const IMPORT_BATCH_SIZE = 5_000;

/** How often the first pass records its progress; writing records it with every chunk anyway. */
const CHECK_PROGRESS_MS = 250;

/** Options of {@link importBundleInChunks}. */
export interface ChunkedImportOptions {
  now?: () => number;
  /** Merges the reader's added articles into the new profiles; needed only when there are any. */
  mergeAdded?: MergeAdded;
  batchSize?: number;
  /** Called after each chunk is committed (tests stop an import here, as a stopped worker would). */
  afterChunk?: (progress: ImportProgress) => void;
}

/**
 * Imports `bundle`, resuming an import of the same bundle that a stopped worker
 * left half done. Importing the bundle the store already holds is a no-op.
 * Throws the bundle's {@link BundleError} when the first pass finds the file
 * damaged, with the store as it was; a malformed record found while writing
 * throws it too, after the chunks before it (see the file comment).
 */
export async function importBundleInChunks(
  db: DramatisDB,
  bundle: OpenedBundle,
  options: ChunkedImportOptions = {},
): Promise<ImportResult> {
  const now = options.now ?? Date.now;
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const state = await readImportState(db);
  const checkpoint = resumable(state, bundle.hash);
  if (!checkpoint) {
    const current = await readBundleMeta(db);
    if (current?.hash === bundle.hash) {
      await bundle.close();
      return { changed: false, bundle: current };
    }
  }
  const startedAt = state.state === 'importing' ? state.startedAt : now();
  const record = (progress: ImportProgress) =>
    writeImportState(db, { state: 'importing', startedAt, progress });
  const progress: ImportProgress = checkpoint ?? {
    hash: bundle.hash,
    phase: 'checking',
    done: 0,
    total: bundle.entities,
    written: 0,
  };

  if (progress.phase === 'checking') {
    await verifyWhole(bundle, progress, record);
    Object.assign(progress, { phase: 'writing', done: 0, written: 0 });
    await startWriting(db, startedAt, progress);
  }
  const bundled = [...profileTables(db), db.documents, db.meta];
  const batches = bundle.records({
    skip: progress.written,
    batchSize,
    check: false,
    checkRecords: true,
  });
  await forEachAhead(batches, async (batch) => {
    await db.transaction('rw', bundled, async () => {
      if (batch.documents.length > 0) await db.documents.bulkPut(batch.documents);
      await appendProfiles(db, batch.entities, batch.entityLines);
      progress.written += batch.documents.length + batch.entities.length;
      progress.done += batch.entities.length;
      await record(progress);
    });
    options.afterChunk?.({ ...progress });
  });
  const result = await finish(db, bundle, now, options.mergeAdded);
  // Each chunk left its keys as a delta of the filter; folded now, the first
  // page after the import loads one sorted array instead of sorting them all.
  await compactAliasKeyFilter(db.aliasKeyFilter).catch((error: unknown) =>
    console.warn('Dramatis: compacting the alias-key filter after the import failed:', error),
  );
  return result;
}

/**
 * Calls `write` with each item of `items` in order, reading the next item
 * while `write` runs: a chunk's transaction mostly waits on IndexedDB, in the
 * browser's process, and the worker's thread inflates and parses the next
 * chunk meanwhile (a CDP profile of 100,000 profiles showed the worker idle a
 * third of the writing pass). At most one item is read ahead.
 */
async function forEachAhead<T>(
  items: AsyncIterable<T>,
  write: (item: T) => Promise<void>,
): Promise<void> {
  const iterator = items[Symbol.asyncIterator]();
  let next = iterator.next();
  // A read that fails while a write runs is reported when its turn comes, not as unhandled.
  next.catch(() => undefined);
  let finished = false;
  try {
    for (;;) {
      const step = await next;
      if (step.done) {
        finished = true;
        return;
      }
      next = iterator.next();
      next.catch(() => undefined);
      await write(step.value);
    }
  } finally {
    // Stopped early (a write failed): let the read ahead settle, then close the reader.
    if (!finished) {
      await next.catch(() => undefined);
      await iterator.return?.();
    }
  }
}

/** The checkpoint to go on from: an import of this very bundle that had started writing. */
function resumable(state: ImportState, hash: string): ImportProgress | null {
  if (state.state !== 'importing' || !state.progress) return null;
  const { progress } = state;
  return progress.hash === hash && progress.phase === 'writing' ? { ...progress } : null;
}

/** The first pass: proves the file intact, writing nothing but progress. */
async function verifyWhole(
  bundle: OpenedBundle,
  progress: ImportProgress,
  record: (progress: ImportProgress) => Promise<void>,
): Promise<void> {
  await record(progress);
  let recorded = Date.now();
  let pending: Promise<void> = Promise.resolve();
  await bundle.verify((entities) => {
    progress.done = entities;
    if (Date.now() - recorded < CHECK_PROGRESS_MS) return;
    recorded = Date.now();
    pending = pending.then(() => record(progress));
    // Reported by the `await` below, not as unhandled while the file is read.
    pending.catch(() => undefined);
  });
  await pending;
}

/**
 * Empties the bundled tables and forgets the stored bundle, with the checkpoint,
 * in one transaction: from here the store fills with the new bundle, and a
 * restarted worker finds no bundle and so resumes.
 */
async function startWriting(
  db: DramatisDB,
  startedAt: number,
  progress: ImportProgress,
): Promise<void> {
  await db.transaction('rw', [...profileTables(db), db.documents, db.meta], async () => {
    // A new bundle replaces all bundled rows rather than merging: an entity the
    // sources no longer support must disappear.
    await Promise.all([clearProfiles(db), db.documents.clear()]);
    await db.meta.delete('bundle');
    await db.meta.put({ key: 'import', value: { state: 'importing', startedAt, progress } });
  });
}

/** Merges the reader's added articles (when there are any) and records the bundle now in the store. */
async function finish(
  db: DramatisDB,
  bundle: OpenedBundle,
  now: () => number,
  mergeAdded: MergeAdded | undefined,
): Promise<ImportResult> {
  return db.transaction('rw', bundleTables(db), async () => {
    if ((await db.addedSources.count()) === 0) await db.bundleOriginals.clear();
    else {
      // The merge needs every profile at once, as adding an article does; only
      // readers who added articles pay for it.
      const [documents, entities] = await Promise.all([db.documents.toArray(), allProfiles(db)]);
      await reapplyAddedSources(db, { documents, entities }, mergeAdded);
    }
    const meta: BundleMeta = {
      hash: bundle.hash,
      formatVersion: bundle.version,
      importedAt: now(),
      entities: bundle.entities,
      documents: bundle.documents,
    };
    await db.meta.put({ key: 'bundle', value: meta });
    // With the bundle, so no checkpoint outlives the import it belongs to.
    await db.meta.put({
      key: 'import',
      value: { state: 'done', finishedAt: meta.importedAt, changed: true },
    });
    return { changed: true, bundle: meta };
  });
}
