/**
 * `npm run bench`: build throughput, then scan throughput against store size,
 * then search over saved annotations next to MiniSearch, then (with a build and
 * Chromium) the page bench, adding an article from the popup, and the stress
 * pages.
 * Synthetic, deterministic data; figures are for comparing designs on one
 * machine in one run, not absolute promises.
 */
import { runAddArticleBench } from './add-article';
import { runBuildBench } from './build';
import { runPageBench } from './page';
import { runScanBench } from './scan';
import { runSearchBench } from './search';
import { runStressBench } from './stress';

console.log(`Node ${process.version}, ${(await import('node:os')).cpus().length} CPUs\n`);
console.log(runBuildBench());
console.log();
console.log(await runScanBench());
console.log();
console.log(runSearchBench());
// Last, and only with a build and Chromium (it says why it skipped otherwise): the page bench takes minutes.
console.log();
console.log(await runPageBench());
console.log();
console.log(await runAddArticleBench());
console.log();
console.log(await runStressBench());
