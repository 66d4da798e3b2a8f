/**
 * `npm run bench:extract`: extraction's CPU cost, in documents per CPU-second
 * (user + system time of this process) on 600 generated articles, twice over
 * after a warm-up. CPU time, unlike wall time, barely moves when another job
 * shares this 2-core machine, so two builds can be compared by running this
 * in each, alternately.
 */
import { extractDocument } from '@/lib/extract';
import { generateArticle } from './articles';
import { generateEntities } from './names';
import { Random } from './random';

const DOCUMENTS = 600;
const ROUNDS = 2;

const pool = generateEntities(3000, 11);
const rng = new Random(7);
const sources = Array.from({ length: DOCUMENTS }, (_, i) => generateArticle(rng, pool, i));
for (const source of sources.slice(0, 100)) extractDocument(source);
const before = process.cpuUsage();
for (let round = 0; round < ROUNDS; round++) for (const source of sources) extractDocument(source);
const used = process.cpuUsage(before);
const perCpuSecond = ((DOCUMENTS * ROUNDS) / (used.user + used.system)) * 1e6;
console.log(
  `extract: ${perCpuSecond.toFixed(0)} documents per CPU-second (${DOCUMENTS} generated articles, ${ROUNDS} rounds)`,
);
