/**
 * Dramatis on a page in Firefox ESR: the content script's marks use the same
 * Custom Highlight API there (through Firefox's content-script wrappers), drawn
 * by the stylesheet the manifest injects (nothing is adopted into the page),
 * and the page's markup is left alone.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
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
  // The marks' sheet comes from the manifest, so the page's own sheets are as they were.
  expect(seen.sheets).toBe(0);
  expect(await isDrawn(page, 'Mu Sochua')).toBe(true);
  // Every element of the served body is still there, and nothing was added.
  const tags = (html: string) => html.match(/<[a-z][a-z0-9-]*/g)?.length ?? 0;
  expect(tags(seen.body)).toBe(
    tags(served.slice(served.indexOf('<body'), served.indexOf('</body>') + 7)),
  );
  await page.close();
});

/**
 * True when the marks show: the screen changes when the page's highlights are
 * cleared (an unstyled highlight draws nothing). The whole viewport is
 * compared, with the mark on `text` in it: Firefox's screenshots over
 * WebDriver BiDi came out blank when clipped to the mark.
 */
async function isDrawn(page: Page, text: string): Promise<boolean> {
  await page.evaluate((wanted) => {
    const range = [...(CSS.highlights.get('dramatis-person') as unknown as Set<Range>)].find(
      (candidate) => candidate.toString() === wanted,
    )!;
    range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
  }, text);
  await afterTwoFrames(page);
  const marked = await page.screenshot();
  await page.evaluate(() => CSS.highlights.clear());
  await afterTwoFrames(page);
  const plain = await page.screenshot();
  return Buffer.compare(marked, plain) !== 0;
}

/** Waits until the page has rendered twice, so a screenshot shows its current state. */
async function afterTwoFrames(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))),
  );
}
