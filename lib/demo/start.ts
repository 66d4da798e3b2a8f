/**
 * `npm start`: builds the extension, serves the bundled source documents as
 * local article pages, and opens Chromium or Chrome with the fresh build loaded
 * on the first article, in a throwaway profile (installing Chromium first when
 * there is none and it can: Debian's package or Ubuntu's snap, see
 * ensure-browsers.ts; findBrowser then finds it in /usr/bin or /snap/bin).
 * Ctrl+C stops everything and removes the profile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBrowsers } from './ensure-browsers';
import { findBrowser } from './find-browser';
import { startDemoServer, type DemoServer } from './server';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILD = join(ROOT, '.output/chrome-mv3');
/** A fixed default port, so the onboarding page's link to the demo stays valid across runs. */
const DEFAULT_PORT = 5178;

/** Runs a command with inherited output; rejects with what failed. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolvePromise()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** Starts the server on the default port, or on any free port when that one is taken. */
async function serve(): Promise<DemoServer> {
  const sourcesDir = join(ROOT, 'assets/sources');
  const wanted = Number(process.env.DRAMATIS_PORT ?? DEFAULT_PORT);
  try {
    return await startDemoServer({ sourcesDir, port: wanted });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.warn(`Port ${wanted} is busy; serving the demo on a free port instead.`);
    return startDemoServer({ sourcesDir, port: 0 });
  }
}

/** True when a Linux session has no display to open a browser window on. */
function lacksDisplay(): boolean {
  return process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
}

/** Chromium's flags for a throwaway profile with only our extension, and no calls home. */
function browserArgs(profileDir: string, firstUrl: string): string[] {
  const args = [
    `--user-data-dir=${profileDir}`,
    `--disable-extensions-except=${BUILD}`,
    `--load-extension=${BUILD}`,
    // Chrome 137+ ignores --load-extension unless this switch is turned back on.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  // Chromium refuses to start as root with its sandbox on (containers, CI boxes).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (lacksDisplay()) args.push('--headless=new', '--disable-gpu');
  args.push(firstUrl);
  return args;
}

async function main(): Promise<void> {
  const server = await serve();
  const first = server.articles[0];
  if (first === undefined) throw new Error('assets/sources has no readable article to show.');
  console.log(`Serving ${server.articles.length} demo article(s) at ${server.origin}/`);

  console.log('Building the extension…');
  await run('npx', ['wxt', 'build'], { ...process.env, WXT_DEMO_ORIGIN: server.origin });

  // Installs Chromium (Debian: apt-get; Ubuntu: the snap) when there is none and it can; else says how.
  const problem = ensureBrowsers('start');
  const browser = problem === null ? findBrowser() : new Error(problem);
  if (browser instanceof Error) {
    console.error(
      `\n${browser.message}\n\nThe demo is still being served at ${server.origin}/ — press Ctrl+C to stop.`,
    );
    await waitForInterrupt();
    await server.close();
    process.exitCode = 1;
    return;
  }

  const profileDir = mkdtempSync(join(tmpdir(), 'dramatis-start-'));
  console.log(
    `Opening ${first.title}\n  ${first.url}\n  with ${browser.path} (a temporary profile)`,
  );
  if (lacksDisplay()) {
    console.log(
      'No display found: the browser runs headless. Run `npm run screenshots` to see what it shows.',
    );
  }
  const child: ChildProcess = spawn(browser.path, browserArgs(profileDir, first.url), {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.once('error', (error) =>
    console.error(`Could not start ${browser.path}: ${error.message}`),
  );
  console.log('Hover a marked name to see who it is. Press Ctrl+C to stop.');

  await Promise.race([waitForInterrupt(), exited]);
  // Stop the browser first and wait for it (up to 5 s): it writes to its profile
  // until it has exited, and the profile is removed next.
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
  await server.close();
  rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  console.log('Stopped the browser and the demo server; removed the temporary profile.');
}

/** Resolves on Ctrl+C or a termination signal. */
function waitForInterrupt(): Promise<void> {
  return new Promise((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
