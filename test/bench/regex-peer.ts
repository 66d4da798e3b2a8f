/**
 * The peer the matcher is compared with: one RegExp alternation of all names,
 * which is what highlighters such as mark.js build from a keyword list. It runs
 * in a worker so a compile that takes minutes can be stopped at the time limit.
 */
import { Worker } from 'node:worker_threads';

/** What the worker reports; null fields when it was stopped. */
export interface RegexPeerResult {
  compileMs: number | null;
  scanMs: number | null;
  /** Matches that start where a name was planted. */
  found: number | null;
  timedOut: boolean;
}

// Plain JavaScript evaluated in the worker: no TypeScript loader needed there.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { names, text, plantedStarts } = workerData;
const escape = (name) => name.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&');
const alternation = [...names].sort((a, b) => b.length - a.length).map(escape).join('|');
let start = performance.now();
const pattern = new RegExp('(?<![\\\\p{L}\\\\p{N}])(?:' + alternation + ')(?![\\\\p{L}\\\\p{N}])', 'gu');
pattern.test('x'); // V8 compiles a RegExp on first use; this forces it.
pattern.lastIndex = 0;
const compileMs = performance.now() - start;
const planted = new Set(plantedStarts);
const times = [];
let found = 0;
for (let run = 0; run < 3; run++) {
  start = performance.now();
  found = 0;
  for (const match of text.matchAll(pattern)) if (planted.has(match.index)) found++;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
parentPort.postMessage({ compileMs, scanMs: times[1], found, timedOut: false });
`;

/** Compiles and runs the alternation of `names` over `text`, giving up after `limitMs`. */
export function runRegexPeer(
  names: readonly string[],
  text: string,
  plantedStarts: readonly number[],
  limitMs: number,
): Promise<RegexPeerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { names, text, plantedStarts },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ compileMs: null, scanMs: null, found: null, timedOut: true });
    }, limitMs);
    worker.once('message', (result: RegexPeerResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
