/**
 * Build time and peak memory of `profiles build` on a generated corpus
 * (test/bench/corpus.ts):
 *
 *   tsx test/bench/corpus-build.ts <dir> [documents=100000] [threads=cores]
 *
 * writes the corpus into <dir> when it is missing, builds it in this process
 * and prints the wall time and the peak resident memory (maxRSS, all threads).
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@/lib/profiles/cli-run';
import { writeCorpus } from './corpus';

const [dir, documentsArg = '100000', threadsArg] = process.argv.slice(2);
if (!dir) {
  console.error('usage: tsx test/bench/corpus-build.ts <dir> [documents] [threads]');
  process.exit(2);
}
const documents = Number(documentsArg);
const threads = threadsArg ?? String(availableParallelism());
if (!existsSync(dir)) {
  const started = performance.now();
  await writeCorpus(dir, documents);
  console.log(
    `generated ${documents} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
const out = join(tmpdir(), `dramatis-corpus-${process.pid}.json`);
const started = performance.now();
const code = await runCli(['build', '--sources', dir, '--out', out, '--threads', threads], {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
const seconds = (performance.now() - started) / 1000;
const peakMb = process.resourceUsage().maxRSS / 1024;
const bytes = code === 0 ? (await stat(out)).size : 0;
console.log(
  `corpus build: ${documents} documents on ${threads} threads in ${seconds.toFixed(1)} s, peak memory ${peakMb.toFixed(0)} MB, bundle ${(bytes / 1e6).toFixed(1)} MB (exit ${code})`,
);
