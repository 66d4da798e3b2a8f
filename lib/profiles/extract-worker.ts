/**
 * A worker thread of a parallel build (lib/profiles/parallel-build.ts): reads
 * and extracts the sources it is sent, one batch at a time, and answers each
 * batch with its outcomes. The map half of a build; merging stays in the main
 * thread.
 */
import { parentPort } from 'node:worker_threads';
import { extractSource } from './build-bundle';
import { readSourceEntry } from './read-sources';
import type { ExtractBatch, ExtractedBatch, WireOutcome } from './parallel-build';
import { SourceError } from '@/lib/model/source';

async function extractBatch({ batch, dir, entries }: ExtractBatch): Promise<ExtractedBatch> {
  const outcomes: WireOutcome[] = [];
  for (const entry of entries) {
    let outcome;
    try {
      outcome = extractSource(await readSourceEntry(dir, entry));
    } catch (error) {
      const problem = error instanceof SourceError ? error.problem : String(error);
      outcome = { origin: entry.name, error: new SourceError(entry.name, problem) };
    }
    // A SourceError loses its class on the way to the main thread: send its parts.
    outcomes.push(
      'error' in outcome
        ? { origin: outcome.origin, problem: outcome.error.problem }
        : { origin: outcome.origin, extracted: outcome.extracted },
    );
  }
  return { batch, outcomes };
}

parentPort?.on('message', (message: ExtractBatch) => {
  void extractBatch(message).then(
    (answer) => parentPort?.postMessage(answer),
    (error: unknown) =>
      parentPort?.postMessage({ batch: message.batch, failure: String(error) } as ExtractedBatch),
  );
});
