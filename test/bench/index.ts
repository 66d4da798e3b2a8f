/**
 * `npm run bench`: build throughput, then scan throughput against store size.
 * Synthetic, deterministic data; figures are for comparing designs on one
 * machine in one run, not absolute promises.
 */
import { runBuildBench } from './build';
import { runScanBench } from './scan';

console.log(`Node ${process.version}, ${(await import('node:os')).cpus().length} CPUs\n`);
console.log(runBuildBench());
console.log();
console.log(await runScanBench());
