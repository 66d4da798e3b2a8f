/**
 * Dramatis on a page in Firefox ESR: the content script's marks use the same
 * Custom Highlight API there (through Firefox's content-script wrappers), drawn
 * by the stylesheet the manifest injects (nothing is adopted into the page),
 * and the page's markup is left alone.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import type { DemoServer } from '../../lib/demo/server';
import {
  FIREFOX_EXTENSION_UUID,
  launchFirefoxExtension,
  type FirefoxExtensionBrowser,
} from './support/firefox';
import { readPageFixture, servePages } from './support/page-marks';
import { coverWithDecoy, removeDecoy } from './support/decoy';

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

it('shows nothing in a copy of the card page that the page frames itself', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(`${server.origin}/seed-article`);
  // What a page that learned the add-on's address would try: frame the card for a chosen entity.
  const url = `moz-extension://${FIREFOX_EXTENSION_UUID}/popover.html?entity=person:mu-sochua`;
  await page.evaluate((src: string) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    document.body.append(frame);
  }, url);
  // Give a card that would render the time to: a profile answers within milliseconds.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const copies: { text: string; buttons: number }[] = [];
  for (const frame of page.frames().slice(1)) {
    // Firefox's BiDi reports an extension frame's URL as about:blank; each frame says where it is.
    const copy = await frame
      .evaluate(() =>
        location.pathname.endsWith('/popover.html')
          ? { text: document.body.innerText, buttons: document.querySelectorAll('button').length }
          : null,
      )
      .catch(() => null);
    if (copy) copies.push(copy);
  }
  expect(copies).toHaveLength(1);
  expect(copies[0]!.text).not.toContain('Mu Sochua');
  expect(copies[0]!.buttons).toBe(0);
  await page.close();
});

/** The card's frame on `page` once it shows `text` (BiDi reports its URL as about:blank, so each frame is asked). */
async function cardFrameShowing(page: Page, text: string): Promise<Frame> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames().slice(1)) {
      const shows = await frame
        .evaluate(
          (wanted: string) =>
            location.pathname.endsWith('/popover.html') && document.body.innerText.includes(wanted),
          text,
        )
        .catch(() => false);
      if (shows) return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no card showing "${text}" within 15 s`);
}

it('ignores clicks on the card while the page covers it, and takes them once uncovered', async () => {
  const page = await firefox.browser.newPage();
  await page.setViewport({ width: 1100, height: 1400 });
  await page.goto(`${server.origin}/seed-article`);
  await page.waitForFunction(() => (CSS.highlights.get('dramatis-person')?.size ?? 0) > 0, {
    timeout: 30_000,
    polling: 100,
  });
  const name = await page.evaluate(() => {
    const ranges = [
      ...((CSS.highlights.get('dramatis-person') ?? new Set()) as unknown as Set<Range>),
    ];
    const range = ranges.find((candidate) => candidate.toString() === 'Mu Sochua')!;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.move(name.x - 6, name.y);
  await page.mouse.move(name.x, name.y);
  const frame = await cardFrameShowing(page, 'Deputy President');
  const settled = () => frame.evaluate(() => document.documentElement.hasAttribute('data-settled'));
  const waitSettled = async (wanted: boolean) => {
    const deadline = Date.now() + 5_000;
    while ((await settled()) !== wanted) {
      if (Date.now() > deadline) throw new Error(`the card never became settled=${wanted}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await waitSettled(true);
  // The card's close button, in the page's viewport.
  const box = (await (await frame.frameElement())!.boundingBox())!;
  const inFrame = await frame.evaluate(() => {
    const rect = document.querySelector('button.close')!.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  const point = { x: box.x + inFrame.x, y: box.y + inFrame.y };

  // A decoy over everything that lets the pointer through, after the card's host: Firefox has no
  // IntersectionObserver v2, so it is the content script that sees it and tells the card.
  await page.evaluate(coverWithDecoy);
  await waitSettled(false);
  await frame.evaluate(() => {
    window.addEventListener(
      'pointerdown',
      () => document.documentElement.setAttribute('data-test-pressed', ''),
      true,
    );
  });
  await page.mouse.click(point.x, point.y);
  await new Promise((resolve) => setTimeout(resolve, 600));
  // The press reached the card (so the test is not vacuous), and the card ignored it.
  expect(
    await frame.evaluate(() => document.documentElement.hasAttribute('data-test-pressed')),
  ).toBe(true);
  expect(await frame.evaluate(() => document.body.innerText)).toContain('Deputy President');

  // Uncovered and settled again, the same click is the reader's own: the card closes.
  await page.evaluate(removeDecoy);
  await waitSettled(true);
  await page.mouse.click(point.x, point.y);
  const deadline = Date.now() + 5_000;
  while ((await frame.evaluate(() => document.body.innerText)).includes('Deputy President')) {
    if (Date.now() > deadline) throw new Error('the uncovered card did not take the click');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await page.close();
});
