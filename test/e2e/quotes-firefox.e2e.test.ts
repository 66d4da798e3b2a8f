/**
 * The core journey in Firefox ESR with the built Firefox extension: names are
 * marked; a selected paragraph of the seed article is saved from the popup page
 * (opened with `?tab=<id>`; WebDriver BiDi cannot open extension pages itself,
 * so the onboarding tab opens it) and highlighted again after a reload; hovering
 * a name shows its card; the side panel finds the quote by a misspelt word.
 */
import { createRequire } from 'node:module';
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
/** Words of another paragraph of the article, never saved. */
const UNQUOTED = 'a fait accompli';
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

/** playwright-core's bundled PNG decoder: the screenshot's pixels, without another dependency. */
const { PNG } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle') as {
  PNG: { sync: { read(png: Buffer): { width: number; height: number; data: Buffer } } };
};

/**
 * The share of the pixels of `words` on screen that wear the saved-quote wash
 * (yellow: high red and green, low blue). Saved quotes are drawn in a closed
 * shadow root the page cannot read, so the test looks at what the reader sees.
 */
async function quoteWashOn(page: Page, words: string): Promise<number> {
  const clip = await page.evaluate((text: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at < 0) continue;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const rect = range.getClientRects()[0]!;
      return {
        x: rect.left + window.scrollX,
        y: rect.top + window.scrollY,
        width: rect.width,
        height: rect.height,
      };
    }
    return null;
  }, words);
  if (!clip) throw new Error(`no text "${words}" on the page`);
  const image = PNG.sync.read(Buffer.from(await page.screenshot({ clip })));
  let washed = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
    if (r > 200 && g > 180 && b < 190) washed++;
  }
  return washed / (image.width * image.height);
}

/** Waits until `words` show the saved-quote wash. */
async function waitForQuoteMark(page: Page, words: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await quoteWashOn(page, words)) < 0.3) {
    if (Date.now() > deadline) throw new Error(`"${words}" was never marked as saved`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** What the page's own scripts can read of saved quotes: the highlights' names and texts. */
function highlightsThePageReads(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...CSS.highlights.entries()]
      .map(
        ([name, highlight]) =>
          `${name}: ${[...(highlight as unknown as Set<Range>)].map((range) => range.toString()).join('|')}`,
      )
      .join('\n'),
  );
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

  await waitForQuoteMark(article, QUOTED);
  // A sentence outside the quote is not washed: the mark is the quote's.
  expect(await quoteWashOn(article, UNQUOTED)).toBeLessThan(0.05);
  await article.reload();
  await waitForMarks(article);
  await waitForQuoteMark(article, QUOTED);
  // The page reads its names from CSS.highlights, never the reader's saved text.
  const readable = await highlightsThePageReads(article);
  expect(readable).toContain('dramatis-person');
  expect(readable).not.toContain('dramatis-quote');
  expect(readable).not.toContain(QUOTED);
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
