/**
 * Dramatis on a page in Firefox ESR: the content script's marks use the same
 * Custom Highlight API there (through Firefox's content-script wrappers), with
 * the adopted stylesheet, and the page's markup is left alone.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DemoServer } from '../../lib/demo/server';
import { launchFirefoxExtension, type FirefoxExtensionBrowser } from './support/firefox';
import { readPageFixture, servePages } from './support/page-marks';

let firefox: FirefoxExtensionBrowser;
let server: DemoServer;

beforeAll(async () => {
  [firefox, server] = await Promise.all([
    launchFirefoxExtension(),
    servePages({ '/seed-article': readPageFixture('seed-article.html') }),
  ]);
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

it('marks the seed article with highlights, not elements', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(`${server.origin}/seed-article`);
  const served = readPageFixture('seed-article.html');
  // The store is filled at install; the content script marks once it answers.
  await page.waitForFunction(
    () =>
      [...((CSS.highlights.get('dramatis-person') ?? new Set()) as unknown as Set<Range>)].some(
        (range) => range.toString() === 'Mu Sochua',
      ),
    { timeout: 30_000, polling: 100 },
  );
  const seen = await page.evaluate(() => ({
    people: [...(CSS.highlights.get('dramatis-person') as unknown as Set<Range>)].map((range) =>
      range.toString(),
    ),
    organizations: CSS.highlights.get('dramatis-organization')?.size ?? 0,
    sheets: document.adoptedStyleSheets.length,
    body: document.body.outerHTML,
  }));
  expect(seen.people).toEqual(expect.arrayContaining(['Yim Phally', 'Hun Sen', 'Sochua', 'Nee']));
  expect(seen.organizations).toBeGreaterThan(10);
  expect(seen.sheets).toBe(1);
  // Every element of the served body is still there, and nothing was added.
  const tags = (html: string) => html.match(/<[a-z][a-z0-9-]*/g)?.length ?? 0;
  expect(tags(seen.body)).toBe(
    tags(served.slice(served.indexOf('<body'), served.indexOf('</body>') + 7)),
  );
  await page.close();
});
