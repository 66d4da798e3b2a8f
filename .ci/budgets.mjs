// Size budgets of the built extension (issue 3), run by .ci/test.sh after both
// builds. The content script is loaded into every page the reader opens, so each
// build's must stay within CONTENT_SCRIPT_BUDGET gzip bytes (measured as
// test/bench/page.ts does: Node's gzipSync at its default level); its size is
// printed either way. Then each build is zipped as `wxt zip` would zip it (same
// library, level, file order and name, without rebuilding), and the size of
// what a reader installs is printed.
//
// Usage: node .ci/budgets.mjs [output dir, default .output]. Exits 1 when a
// content script is over budget or a build is missing.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createZip } from '@aklinker1/zero-zip';

/** The content script's budget, in gzip bytes. */
export const CONTENT_SCRIPT_BUDGET = 15 * 1024;

const CONTENT_SCRIPT = 'content-scripts/content.js';

/** The builds .ci/test.sh makes, by WXT's browser name. */
const BUILDS = [
  { browser: 'chrome', dir: 'chrome-mv3', build: 'npx wxt build' },
  { browser: 'firefox', dir: 'firefox-mv2', build: 'npx wxt build -b firefox' },
];

const kilobytes = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Every file under `dir`, as zip paths, sorted like `wxt zip` sorts them. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split(sep).join('/'))
    .sort();
}

/** Zips the build in `dir` into `zipPath` as `wxt zip` does (level 9); returns the zip's size. */
async function zipBuild(dir, zipPath) {
  const archive = createZip({ level: 9 });
  for (const file of filesUnder(dir)) archive.addFile(file, readFileSync(join(dir, file)));
  const zip = await archive.toBuffer();
  writeFileSync(zipPath, zip);
  return zip.length;
}

/** Checks every build under `outputDir`; returns the problems found (empty when all is well). */
export async function checkBudgets(outputDir) {
  const { name, version } = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  );
  const problems = [];
  for (const { browser, dir, build } of BUILDS) {
    const buildDir = join(outputDir, dir);
    const script = join(buildDir, CONTENT_SCRIPT);
    if (!existsSync(script)) {
      problems.push(`${browser}: no content script at ${script}; run \`${build}\` first`);
      continue;
    }
    const gzip = gzipSync(readFileSync(script)).length;
    const over = gzip > CONTENT_SCRIPT_BUDGET;
    console.log(
      `${browser} content script: ${kilobytes(gzip)} gzip (${gzip} B; budget ${kilobytes(CONTENT_SCRIPT_BUDGET)})${over ? ' OVER BUDGET' : ''}`,
    );
    if (over) {
      problems.push(
        `${browser}: the content script is ${gzip - CONTENT_SCRIPT_BUDGET} B over its ${kilobytes(CONTENT_SCRIPT_BUDGET)} gzip budget`,
      );
    }
    const zipPath = join(outputDir, `${name}-${version}-${browser}.zip`);
    const size = await zipBuild(buildDir, zipPath);
    console.log(`${browser} extension zip: ${kilobytes(size)} (${relative('.', zipPath)})`);
  }
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problems = await checkBudgets(process.argv[2] ?? '.output');
  for (const problem of problems) console.error(problem);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
