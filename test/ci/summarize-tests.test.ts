/**
 * The CI summary (.ci/summarize-tests.mjs): the last line sums the vitest JSON
 * reports, and the lines above it name what failed, so a CI log's tail says so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '../../.ci/summarize-tests.mjs');

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'dramatis-summary-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

interface FakeTest {
  fullName: string;
  status: 'passed' | 'failed';
  failureMessages?: string[];
}

/** Writes a vitest-shaped JSON report and returns its path. */
function report(
  name: string,
  suites: { name: string; status: string; message?: string; tests: FakeTest[] }[],
): string {
  const tests = suites.flatMap((suite) => suite.tests);
  const path = join(folder, name);
  writeFileSync(
    path,
    JSON.stringify({
      numPassedTests: tests.filter((test) => test.status === 'passed').length,
      numFailedTests: tests.filter((test) => test.status === 'failed').length,
      testResults: suites.map((suite) => ({
        name: join(process.cwd(), suite.name),
        status: suite.status,
        message: suite.message ?? '',
        assertionResults: suite.tests,
      })),
    }),
  );
  return path;
}

function summarize(...files: string[]): { status: number | null; lines: string[] } {
  const run = spawnSync(process.execPath, [SCRIPT, ...files], { encoding: 'utf8' });
  return { status: run.status, lines: run.stdout.trimEnd().split('\n') };
}

describe('.ci/summarize-tests.mjs', () => {
  it('sums both reports into the last line and prints nothing else when all passed', () => {
    const unit = report('unit.json', [
      {
        name: 'test/a.test.ts',
        status: 'passed',
        tests: [{ fullName: 'a works', status: 'passed' }],
      },
    ]);
    const e2e = report('e2e.json', [
      {
        name: 'test/e2e/b.e2e.test.ts',
        status: 'passed',
        tests: [
          { fullName: 'b works', status: 'passed' },
          { fullName: 'b still works', status: 'passed' },
        ],
      },
    ]);
    expect(summarize(unit, e2e)).toEqual({ status: 0, lines: ['tests: 3 passed, 0 failed'] });
  });

  it('names each failed test with the first line of its error, above the summary', () => {
    const unit = report('unit.json', [
      {
        name: 'test/lib/match/properties.test.ts',
        status: 'failed',
        tests: [
          { fullName: 'matcher properties never throws', status: 'passed' },
          {
            fullName: 'matcher properties finds every name',
            status: 'failed',
            failureMessages: [
              '\n\u001b[31mProperty failed after 3 tests\u001b[39m\n{ seed: 42 }\n  at stack',
            ],
          },
        ],
      },
    ]);
    expect(summarize(unit).lines).toEqual([
      'FAILED test/lib/match/properties.test.ts > matcher properties finds every name: Property failed after 3 tests',
      'tests: 1 passed, 1 failed',
    ]);
  });

  it('names a test file that failed to run, and counts it as a failure', () => {
    const unit = report('unit.json', [
      {
        name: 'test/broken.test.ts',
        status: 'failed',
        message: 'Cannot find module ./gone',
        tests: [],
      },
      {
        name: 'test/fine.test.ts',
        status: 'passed',
        tests: [{ fullName: 'fine', status: 'passed' }],
      },
    ]);
    expect(summarize(unit).lines).toEqual([
      'FAILED test/broken.test.ts (the file did not run): Cannot find module ./gone',
      'tests: 1 passed, 1 failed',
    ]);
  });

  it('lists at most 20 failures and counts the rest', () => {
    const tests: FakeTest[] = Array.from({ length: 23 }, (_, i) => ({
      fullName: `case ${i}`,
      status: 'failed',
      failureMessages: ['expected 1 to be 2'],
    }));
    const lines = summarize(
      report('unit.json', [{ name: 'test/many.test.ts', status: 'failed', tests }]),
    ).lines;
    expect(lines).toHaveLength(22);
    expect(lines[19]).toBe('FAILED test/many.test.ts > case 19: expected 1 to be 2');
    expect(lines.slice(20)).toEqual(['… and 3 more failures', 'tests: 0 passed, 23 failed']);
  });

  it('still prints the summary when a report is missing', () => {
    const unit = report('unit.json', [
      {
        name: 'test/a.test.ts',
        status: 'passed',
        tests: [{ fullName: 'a works', status: 'passed' }],
      },
    ]);
    const run = spawnSync(process.execPath, [SCRIPT, unit, join(folder, 'e2e.json')], {
      encoding: 'utf8',
    });
    expect(run.stdout.trim()).toBe('tests: 1 passed, 0 failed');
    expect(run.stderr).toContain('e2e.json: no test report');
  });
});
