// Sums vitest JSON reports into the one line CI reads: `tests: N passed, N failed`.
// A missing or unreadable report adds nothing; its stage has already failed, and
// .ci/test.sh decides the exit status from the stages.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
  } catch (error) {
    console.error(`${file}: no test report (${error instanceof Error ? error.message : error})`);
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
