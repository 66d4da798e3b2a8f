/**
 * Helpers for the E2E tests of Dramatis on web pages: fixture pages served on
 * 127.0.0.1, the extension's messages sent from one of its own pages, and what
 * the page's main world can see of the marks (`CSS.highlights`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../../lib/demo/server';
import { ROOT, type ExtensionBrowser } from './extension';

/** The kinds' highlight names, as registered by the content script. */
export const HIGHLIGHTS = ['dramatis-person', 'dramatis-organization', 'dramatis-place'] as const;

/** Reads a page fixture from test/fixtures/pages. */
export function readPageFixture(name: string): string {
  return readFileSync(join(ROOT, 'test/fixtures/pages', name), 'utf8');
}

/** Starts the demo server over the shipped corpus, with `pages` mounted at their paths. */
export async function servePages(pages: Record<string, string>): Promise<DemoServer> {
  const server = await startDemoServer({ sourcesDir: join(ROOT, 'assets/sources') });
  for (const [path, html] of Object.entries(pages)) server.mount(path, html);
  return server;
}

/** Sends one protocol message from an extension page, as the popup or options page would. */
export function createAsker(ext: ExtensionBrowser) {
  let page: Page | null = null;
  return async function ask<T = unknown>(type: string, params: object): Promise<T> {
    page ??= await ext.openPage('options.html');
    const result = await page.evaluate(
      (message) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
          }
        ).chrome.runtime.sendMessage(message),
      { dramatis: 1, type, params },
    );
    const typed = result as { ok: boolean; value?: T; error?: { message: string } };
    if (!typed.ok) throw new Error(`${type} failed: ${typed.error?.message}`);
    return typed.value as T;
  };
}

/** The id of the tab showing `url`, asked from an extension page as the popup would. */
export async function tabIdOf(ext: ExtensionBrowser, url: string): Promise<number> {
  const page = await ext.openPage('options.html');
  try {
    return await tabIdFrom(page, url);
  } finally {
    await page.close();
  }
}

/** The id of the tab showing `url`, asked from `page`, an open extension page. */
export async function tabIdFrom(page: Page, url: string): Promise<number> {
  const id = await page.evaluate(async (target) => {
    const api = (
      globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      }
    ).chrome;
    return (await api.tabs.query({})).find((tab) => tab.url === target)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Waits until the shipped bundle is in the store, so pages have something to mark. */
export async function waitForStore(ask: ReturnType<typeof createAsker>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const status = await ask<{ import: { state: string } }>('getStoreStatus', {});
    if (status.import.state === 'done') return;
    if (status.import.state === 'failed') throw new Error('the bundle import failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the bundle import did not finish in 30 s');
}

/** The text of every range of highlight `name`, in document order, NBSP as a space. */
export async function marked(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    if (!highlight) return [];
    const ranges = [...(highlight as unknown as Set<AbstractRange>)].filter(
      (range): range is Range => range instanceof Range,
    );
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((range) => range.toString().replace(/\u00a0/g, ' '));
  }, name);
}

/** Every marked text of every kind. */
export async function allMarked(page: Page): Promise<string[]> {
  const lists = await Promise.all(HIGHLIGHTS.map((name) => marked(page, name)));
  return lists.flat();
}

/** The viewport centre of the first range of `name` whose text is `text`, inside `within` if given. */
export async function centreOfMark(
  page: Page,
  name: string,
  text: string,
  within?: string,
): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ({ name, text, within }) => {
      const container = within ? document.querySelector(within) : document.body;
      for (const range of CSS.highlights.get(name) as unknown as Set<Range>) {
        if (range.toString() !== text) continue;
        if (container && !container.contains(range.startContainer)) continue;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    { name, text, within },
  );
  if (!point) throw new Error(`no ${name} mark "${text}"`);
  return point;
}

/**
 * True for the URL of the card frame the content script made: popover.html with
 * the host's token as its fragment (a page's own copy of popover.html has none).
 */
export function isCardFrameUrl(url: string): boolean {
  // The extension's id, or in Chrome the session's dynamic id (`use_dynamic_url`, a UUID).
  return /^chrome-extension:\/\/(?:[a-p]{32}|[0-9a-f-]{36})\/popover\.html#[0-9a-f]{32}$/.test(url);
}

/** The popover frame of `page`, once it exists (it sits in a closed shadow root, so it is found by URL). */
export async function cardFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    const frame = page.frames().find((candidate) => isCardFrameUrl(candidate.url()));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('the popover frame never appeared');
}

/**
 * Waits until the card counts pointer clicks: it ignores them for its first
 * moments on screen and while covered (components/card/click-guard.ts), and
 * Playwright clicks faster than a reader can read.
 */
export async function cardSettled(frame: Frame, timeout = 10_000): Promise<void> {
  await frame.locator('html[data-settled]').waitFor({ state: 'attached', timeout });
}

/** True while the card's iframe is visible on the page (its host reports its box through the frame's element). */
export async function isCardVisible(page: Page): Promise<boolean> {
  const frame = page.frames().find((candidate) => isCardFrameUrl(candidate.url()));
  const element = await frame?.frameElement();
  return element ? element.isVisible() : false;
}

/**
 * Runs in the page (pass it to Playwright's or Puppeteer's `evaluate` with the
 * words): selects the whole paragraph holding `words`, as a reader's drag would.
 */
export function selectParagraphHolding(words: string): void {
  const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes(words));
  if (!paragraph) throw new Error(`no paragraph with ${words}`);
  const range = document.createRange();
  range.selectNodeContents(paragraph);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}
