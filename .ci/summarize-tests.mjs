// Sums vitest JSON reports into the one line CI reads: `tests: N passed, N failed`
// (a test file that failed to run counts as one failed test).
// Above it, names each failed test and each file that failed to run, with the
// first line of its error, so that the tail of a CI log says what failed.
// A missing or unreadable report adds nothing; its stage has already failed, and
// .ci/test.sh decides the exit status from the stages.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** Failures listed above the summary; the rest are counted. */
const MAX_LISTED = 20;

/** Terminal colour codes, which vitest leaves in failure messages. */
const COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The first non-empty line of an error message, without terminal colours. */
function firstLine(message) {
  const plain = String(message ?? '').replace(COLOURS, '');
  return (
    plain
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? '(no message)'
  );
}

let passed = 0;
let failed = 0;
const failures = [];
for (const file of process.argv.slice(2)) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: no test report (${error instanceof Error ? error.message : error})`);
    continue;
  }
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  for (const suite of report.testResults ?? []) {
    const where = relative(process.cwd(), suite.name ?? '?');
    const failedTests = (suite.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedTests) {
      failures.push(`${where} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    }
    if (suite.status === 'failed' && failedTests.length === 0) {
      // Its tests never ran, so the report counts none of them as failed:
      // counted here as one, or the line would say nothing failed.
      failures.push(`${where} (the file did not run): ${firstLine(suite.message)}`);
      failed += 1;
    }
  }
}
for (const failure of failures.slice(0, MAX_LISTED)) console.log(`FAILED ${failure}`);
if (failures.length > MAX_LISTED)
  console.log(`… and ${failures.length - MAX_LISTED} more failures`);
console.log(`tests: ${passed} passed, ${failed} failed`);
