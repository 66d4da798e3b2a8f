/**
 * The core of saving a quote in Firefox ESR with the built Firefox extension:
 * select a paragraph of the seed article, save it from the popup page (opened
 * with `?tab=<id>`; WebDriver BiDi cannot open extension pages itself, so the
 * onboarding tab opens it), and find it highlighted after a reload.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { DemoServer } from '../../lib/demo/server';
import { launchFirefoxExtension, type FirefoxExtensionBrowser } from './support/firefox';
import { readPageFixture, servePages } from './support/page-marks';

const QUOTED = 'We are willing to do farming instead.';
const NOTE = 'Farming rather than defecting';

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

/** Waits until the content script has marked names (the store is filled and it runs). */
function waitForMarks(page: Page) {
  return page.waitForFunction(() => (CSS.highlights.get('dramatis-person')?.size ?? 0) > 0, {
    timeout: 30_000,
    polling: 100,
  });
}

/** Waits until the saved-quote highlight holds one range containing `text`; answers its text. */
async function waitForQuoteMark(page: Page, text: string): Promise<string> {
  const handle = await page.waitForFunction(
    (words: string) => {
      const ranges = [
        ...((CSS.highlights.get('dramatis-quote') ?? new Set()) as unknown as Set<Range>),
      ];
      return ranges.length === 1 && ranges[0]!.toString().includes(words)
        ? ranges[0]!.toString()
        : null;
    },
    { timeout: 15_000, polling: 100 },
    text,
  );
  return (await handle.jsonValue()) as string;
}

it('saves a selected paragraph from the popup and highlights it again after a reload', async () => {
  const article = await firefox.browser.newPage();
  await article.goto(`${server.origin}/seed-article`);
  await waitForMarks(article);
  await article.evaluate((words: string) => {
    const paragraph = [...document.querySelectorAll('p')].find((p) =>
      p.textContent?.includes(words),
    )!;
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  }, QUOTED);

  const options = await firefox.openPage('options.html');
  const tabId = await options.evaluate(async (url: string) => {
    const api = (
      globalThis as unknown as {
        browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      }
    ).browser;
    return (await api.tabs.query({})).find((tab) => tab.url === url)?.id ?? null;
  }, article.url());
  expect(tabId).not.toBeNull();

  const popup = await firefox.openPage(`popup.html?tab=${tabId}`);
  await popup.waitForSelector('blockquote', { timeout: 10_000 });
  expect(await popup.$eval('blockquote', (quote) => quote.textContent)).toContain(QUOTED);
  await popup.type('#quote-note', NOTE);
  await popup.type('#add-tag', 'defections');
  await popup.keyboard.press('Enter');
  await popup.click('#quote-note');
  await popup.keyboard.down('Control');
  await popup.keyboard.press('Enter');
  await popup.keyboard.up('Control');
  await popup.waitForFunction(() => document.body.innerText.includes('Quote saved.'), {
    timeout: 10_000,
  });
  expect(await popup.evaluate(() => document.body.innerText)).toContain(NOTE);

  expect(await waitForQuoteMark(article, QUOTED)).toContain(QUOTED);
  await article.reload();
  await waitForMarks(article);
  expect(await waitForQuoteMark(article, QUOTED)).toContain(QUOTED);
});
