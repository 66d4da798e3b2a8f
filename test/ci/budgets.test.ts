/**
 * The CI size gate (.ci/budgets.mjs): it passes builds whose content script is
 * within 15 KB gzip, fails one that is over or missing, and zips each build.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '../../.ci/budgets.mjs');
const { name, version } = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'),
) as { name: string; version: string };

let output: string;

/** A build directory with a manifest and a content script of `script` bytes. */
function fakeBuild(dir: string, script: Buffer): void {
  mkdirSync(join(output, dir, 'content-scripts'), { recursive: true });
  writeFileSync(join(output, dir, 'manifest.json'), '{"manifest_version": 3}');
  writeFileSync(join(output, dir, 'content-scripts', 'content.js'), script);
}

function runBudgets(): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [SCRIPT, output], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The number of entries a zip file says it holds (its end-of-central-directory record). */
function zipEntries(path: string): number {
  const zip = readFileSync(path);
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  return zip.readUInt16LE(end + 10);
}

beforeEach(() => {
  output = mkdtempSync(join(tmpdir(), 'dramatis-budgets-'));
});

afterEach(() => {
  rmSync(output, { recursive: true, force: true });
});

describe('.ci/budgets.mjs', () => {
  it('passes content scripts within budget, printing their size, and zips both builds', () => {
    fakeBuild('chrome-mv3', Buffer.from('console.log("marked");\n'.repeat(2000)));
    fakeBuild('firefox-mv2', randomBytes(14 * 1024));
    const run = runBudgets();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/chrome content script: 0\.\d KB gzip/);
    expect(run.stdout).toMatch(/firefox content script: 14\.\d KB gzip/);
    expect(run.stdout).toMatch(/chrome extension zip: \d+\.\d KB/);
    expect(zipEntries(join(output, `${name}-${version}-chrome.zip`))).toBe(2);
    expect(zipEntries(join(output, `${name}-${version}-firefox.zip`))).toBe(2);
  });

  it('fails when one build’s content script is over 15 KB gzip, and says by how much', () => {
    fakeBuild('chrome-mv3', Buffer.from('ok'));
    // Random bytes do not compress: gzip makes them a little larger.
    fakeBuild('firefox-mv2', randomBytes(15 * 1024));
    const run = runBudgets();
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/firefox content script: 15\.\d KB gzip .* OVER BUDGET/);
    expect(run.stderr).toMatch(
      /^firefox: the content script is \d+ B over its 15\.0 KB gzip budget/m,
    );
    expect(run.stderr).not.toMatch(/chrome/);
  });

  it('fails when a build is missing, naming the command that makes it', () => {
    fakeBuild('chrome-mv3', Buffer.from('ok'));
    const run = runBudgets();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('firefox: no content script at');
    expect(run.stderr).toContain('`npx wxt build -b firefox`');
  });
});
