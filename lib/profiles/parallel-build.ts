/**
 * Extracting a folder of sources on every core (Node): extraction is a map over
 * documents, so worker threads each read and extract batches of files while the
 * main thread only collects the outcomes; the merge (lib/profiles/build-bundle.ts
 * `assembleBundle`) is the reduce and runs once, in the main thread, on the same
 * outcomes a single-thread build gets, so the bundle is the same to the byte.
 *
 * Memory stays bounded by the output: the main thread never holds the raw
 * files (a worker reads its own), and at most {@link IN_FLIGHT} batches per
 * worker are out at a time.
 */
import { SourceError, type ExtractedDocument } from '@/lib/model/source';
import { extractSource, type SourceOutcome } from './build-bundle';
import { listSourceFolder, readSourceEntry, type SourceEntry } from './read-sources';

/** A batch of files for a worker to read and extract. */
export interface ExtractBatch {
  batch: number;
  dir: string;
  entries: SourceEntry[];
}

/** One source's outcome as it crosses threads (an Error's class does not survive cloning). */
export type WireOutcome =
  { origin: string; extracted: ExtractedDocument } | { origin: string; problem: string };

/** A worker's answer to an {@link ExtractBatch}: its outcomes, or why the whole batch failed. */
export interface ExtractedBatch {
  batch: number;
  outcomes?: WireOutcome[];
  failure?: string;
}

/** Every source of a folder extracted, and the folder's own problems (other file types, lone sidecars). */
export interface FolderExtraction {
  outcomes: SourceOutcome[];
  errors: SourceError[];
}

const BATCH_SIZE = 16;
/** Batches sent ahead to each worker, so none waits for the main thread. */
const IN_FLIGHT = 2;
/** Below this many files, starting workers costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 64;

/** Extracts the folder in this thread, one file at a time. */
export async function extractFolder(
  dir: string,
  extract: typeof extractSource = extractSource,
): Promise<FolderExtraction> {
  const { entries, errors } = await listSourceFolder(dir);
  const outcomes: SourceOutcome[] = [];
  for (const entry of entries) {
    try {
      outcomes.push(extract(await readSourceEntry(dir, entry)));
    } catch (error) {
      outcomes.push({ origin: entry.name, error: error as SourceError });
    }
  }
  return { outcomes, errors };
}

/**
 * Extracts the folder on `threads` worker threads (in this thread when the
 * folder is small or `threads` is 1).
 */
export async function extractFolderInWorkers(
  dir: string,
  threads: number,
): Promise<FolderExtraction> {
  const listing = await listSourceFolder(dir);
  const { entries } = listing;
  if (threads <= 1 || entries.length < MIN_FILES_FOR_WORKERS) return extractFolder(dir);
  const { Worker } = await import('node:worker_threads');
  const batches: SourceEntry[][] = [];
  for (let at = 0; at < entries.length; at += BATCH_SIZE)
    batches.push(entries.slice(at, at + BATCH_SIZE));
  const results: (SourceOutcome[] | undefined)[] = new Array<SourceOutcome[] | undefined>(
    batches.length,
  );
  const workerUrl = new URL('./extract-worker.ts', import.meta.url);
  const workers = Array.from(
    { length: Math.min(threads, batches.length) },
    () => new Worker(WORKER_BOOT, { eval: true, workerData: { url: workerUrl.href } }),
  );
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let pending = 0;
            const send = () => {
              while (pending < IN_FLIGHT && next < batches.length) {
                const batch = next++;
                pending++;
                worker.postMessage({ batch, dir, entries: batches[batch]! } satisfies ExtractBatch);
              }
              if (pending === 0) resolve();
            };
            worker.on('message', (answer: ExtractedBatch) => {
              pending--;
              if (!answer.outcomes) {
                reject(new Error(`a build worker failed: ${answer.failure ?? 'no reason given'}`));
                return;
              }
              results[answer.batch] = answer.outcomes.map(fromWire);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (pending > 0) reject(new Error(`a build worker stopped (exit code ${code})`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { outcomes: results.flatMap((outcomes) => outcomes ?? []), errors: listing.errors };
}

/**
 * The worker is TypeScript, and Node 20 gives worker threads none of the main
 * thread's module hooks (tsx under the CLI, vite under vitest): it boots in
 * plain JavaScript and imports the worker through tsx's API.
 */
const WORKER_BOOT = `
const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then(({ tsImport }) => tsImport(workerData.url, workerData.url));
`;

function fromWire(outcome: WireOutcome): SourceOutcome {
  return 'problem' in outcome
    ? { origin: outcome.origin, error: new SourceError(outcome.origin, outcome.problem) }
    : outcome;
}
