/**
 * Updating or reloading Dramatis while pages are open, in Chromium with the
 * built extension. The page's old content script is cut off from the
 * extension: it must stop once and quietly (no error for every change of a
 * live page), and marking must work again: the background injects the new
 * script into the open tab, and a reload of the tab works too.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright-core';
import type { DemoServer } from '../../lib/demo/server';
import { launchExtension, type ExtensionBrowser } from './support/extension';
import { allMarked, createAsker, servePages, waitForStore } from './support/page-marks';

/** A live page: an article naming two people, and a ticker whose text changes ten times a second. */
const LIVE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live</title></head>
<body><article id="story"><p>Mu Sochua said the CNRP would not give in to Hun Sen.</p></article>
<p id="ticker">Ticker starts</p>
<script>
  let tick = 0;
  setInterval(() => { document.getElementById('ticker').textContent = 'Update ' + (++tick); }, 100);
</script></body></html>`;

let ext: ExtensionBrowser;
let server: DemoServer;

beforeAll(async () => {
  [ext, server] = await Promise.all([launchExtension(), servePages({ '/live': LIVE_PAGE })]);
  await waitForStore(createAsker(ext));
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function waitForMarked(page: Page, name: string): Promise<void> {
  await expect.poll(() => allMarked(page), { timeout: 30_000, interval: 100 }).toContain(name);
}

/** chrome://extensions' private API, which its reload button uses. */
interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }, done: () => void): void;
  reload(id: string, options: { failQuietly: boolean }, done: () => void): void;
}

/**
 * Reloads the extension as chrome://extensions' reload button does. Developer
 * mode first: Chromium disables a command-line-loaded extension that is
 * reloaded without it ("unsupported developer extension").
 */
async function reloadExtension(): Promise<void> {
  const settings = await ext.context.newPage();
  await settings.goto('chrome://extensions');
  await settings.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome
      .developerPrivate;
    await new Promise<void>((done) =>
      api.updateProfileConfiguration({ inDeveloperMode: true }, done),
    );
    await new Promise<void>((done) => api.reload(id, { failQuietly: true }, done));
  }, ext.extensionId);
  await settings.close();
}

it('stops the old content script quietly and marks again after the extension reloads', async () => {
  const page = await ext.context.newPage();
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    // The browser's own "Failed to load resource" (the test page has no favicon) is no script's error.
    if (message.text().startsWith('Failed to load resource')) return;
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // Named in the assertion's first line, which is what the end of a CI log keeps.
  const expectNoProblems = () =>
    expect(problems, `console: ${problems.join(' | ').replace(/\s+/g, ' ')}`).toEqual([]);
  await page.goto(`${server.origin}/live`);
  await waitForMarked(page, 'Mu Sochua');
  expectNoProblems();

  await reloadExtension();
  // The ticker keeps changing the page: each change would have been a failed lookup and an error.
  // New text after the reload is marked only by a live script: the injected one.
  await page.evaluate(() => {
    const added = document.createElement('p');
    added.textContent = 'Meas Nee said the commune would stay.';
    document.getElementById('story')!.append(added);
  });
  await waitForMarked(page, 'Meas Nee');
  await waitForMarked(page, 'Mu Sochua');
  // Let the ticker change the page thirty more times under the old, cut-off script.
  const tickerAt = await page.locator('#ticker').innerText();
  await expect
    .poll(async () => Number((await page.locator('#ticker').innerText()).split(' ')[1]), {
      timeout: 30_000,
    })
    .toBeGreaterThan(Number(tickerAt.split(' ')[1]) + 30);
  expectNoProblems();
  // One set of marks, not the old script's and the new one's on top of each other.
  const marks = await allMarked(page);
  expect(marks.filter((name) => name === 'Mu Sochua')).toHaveLength(1);

  // A reload of the tab starts afresh as well.
  await page.reload();
  await waitForMarked(page, 'Mu Sochua');
  expectNoProblems();
  await page.close();
});
