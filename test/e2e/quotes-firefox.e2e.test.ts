/**
 * The core journey in Firefox ESR with the built Firefox extension: names are
 * marked; a selected paragraph of the seed article is saved from the popup page
 * (opened with `?tab=<id>`; WebDriver BiDi cannot open extension pages itself,
 * so the onboarding tab opens it) and highlighted again after a reload; hovering
 * a name shows its card; the side panel finds the quote by a misspelt word.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { DemoServer } from '../../lib/demo/server';
import {
  firefoxTabIdOf,
  launchFirefoxExtension,
  type FirefoxExtensionBrowser,
} from './support/firefox';
import { readPageFixture, selectParagraphHolding, servePages } from './support/page-marks';

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
  await article.evaluate(selectParagraphHolding, QUOTED);

  const tabId = await firefoxTabIdOf(firefox, article.url());

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

it('shows the card on hovering a marked name, and finds the saved quote by a misspelt word in the side panel', async () => {
  const article = await firefox.browser.newPage();
  await article.setViewport({ width: 1100, height: 900 });
  await article.goto(`${server.origin}/seed-article`);
  await waitForMarks(article);
  const point = await article.evaluate(() => {
    const ranges = [
      ...((CSS.highlights.get('dramatis-person') ?? new Set()) as unknown as Set<Range>),
    ];
    const range = ranges.find((candidate) => candidate.toString() === 'Mu Sochua');
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'start' });
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  expect(point).not.toBeNull();
  await article.mouse.move(point!.x - 6, point!.y);
  await article.mouse.move(point!.x, point!.y);
  const deadline = Date.now() + 15_000;
  let cardText = '';
  while (Date.now() < deadline && !cardText.includes('Deputy President')) {
    // Firefox's BiDi reports an extension frame's URL as about:blank, so each
    // child frame is asked for its own location.
    for (const frame of article.frames().slice(1)) {
      const text = await frame
        .evaluate(() =>
          location.pathname.endsWith('/popover.html') ? document.body.innerText : '',
        )
        .catch(() => '');
      if (text) cardText = text;
    }
    if (!cardText.includes('Deputy President')) await new Promise((r) => setTimeout(r, 200));
  }
  expect(cardText).toContain('Mu Sochua');
  expect(cardText).toContain('Deputy President');

  const panel = await firefox.openPage('sidepanel.html');
  await panel.waitForSelector('[role="searchbox"]', { timeout: 10_000 });
  await panel.type('[role="searchbox"]', 'farmimg');
  const found = await panel.waitForFunction(
    (words: string) =>
      [...document.querySelectorAll('[role="listitem"]')].some((item) =>
        item.textContent?.includes(words),
      ),
    { timeout: 10_000, polling: 100 },
    'willing to do',
  );
  expect(await found.jsonValue()).toBe(true);
  expect(await panel.$eval('[role="listitem"] mark', (mark) => mark.textContent)).toBe('farming');
});
