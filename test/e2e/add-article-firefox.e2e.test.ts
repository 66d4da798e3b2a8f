/**
 * "Add this article to sources" in Firefox ESR, whose MV2 build reads the tab
 * with tabs.executeScript instead of Chrome's scripting API: the popup adds the
 * local article and its new people are marked on the page. The full journey
 * (Undo, options, other pages) is in add-article.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DemoServer } from '../../lib/demo/server';
import { ROOT } from './support/extension';
import {
  firefoxTabIdOf,
  launchFirefoxExtension,
  type FirefoxExtensionBrowser,
} from './support/firefox';
import { servePages } from './support/page-marks';

const ARTICLE = readFileSync(
  join(ROOT, 'test/fixtures/add-article/commune-observers.html'),
  'utf8',
);

let firefox: FirefoxExtensionBrowser;
let server: DemoServer;

beforeAll(async () => {
  [firefox, server] = await Promise.all([
    launchFirefoxExtension(),
    servePages({ '/observers': ARTICLE }),
  ]);
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

it('adds the article from the popup and marks its new people on the page', async () => {
  const article = await firefox.browser.newPage();
  await article.goto(`${server.origin}/observers`);
  await article.waitForFunction(() => (CSS.highlights.get('dramatis-person')?.size ?? 0) > 0, {
    timeout: 30_000,
    polling: 100,
  });
  const tabId = await firefoxTabIdOf(firefox, article.url());

  const popup = await firefox.openPage(`popup.html?tab=${tabId}`);
  const button = await popup.waitForSelector('.add-article button', { timeout: 10_000 });
  expect(await button!.evaluate((element) => element.textContent)).toBe(
    'Add this article to sources',
  );
  await button!.click();
  await popup.waitForFunction(() => document.body.innerText.includes('Added “'), {
    timeout: 30_000,
  });
  expect(await popup.evaluate(() => document.body.innerText)).toContain('4 new people');

  await article.bringToFront();
  await article.waitForFunction(
    () =>
      [...((CSS.highlights.get('dramatis-person') ?? new Set()) as unknown as Set<Range>)].some(
        (range) => range.toString() === 'Ouk Sreymom',
      ),
    { timeout: 15_000, polling: 100 },
  );
});
