/**
 * The README's pictures, taken from the demo pages `npm start` serves, so what a
 * new user sees is what is shown. `npm run screenshots` writes them into
 * assets/screenshots; a normal test run writes them under test-results/.
 * Each picture is taken after asserting that what it should show is there.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../lib/demo/server';
import { launchExtension, ROOT, type ExtensionBrowser } from './support/extension';
import { cardFrame, centreOfMark, marked, selectParagraphHolding } from './support/page-marks';
import { saveScreenshot } from './support/screenshots';

let ext: ExtensionBrowser;
let server: DemoServer;

beforeAll(async () => {
  [ext, server] = await Promise.all([
    launchExtension(),
    startDemoServer({ sourcesDir: join(ROOT, 'assets/sources') }),
  ]);
  const options = await ext.openPage('options.html');
  await options.locator('.bundle-info').waitFor({ timeout: 30_000 });
  await options.close();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Waits until `text` is marked as a person, scrolls it into view and returns its centre. */
async function pointAtMark(page: Page, text: string): Promise<{ x: number; y: number }> {
  await expect.poll(() => marked(page, 'dramatis-person'), { timeout: 15_000 }).toContain(text);
  const { x, y } = await centreOfMark(page, 'dramatis-person', text);
  // Near the top, so the whole card fits below the name in the picture.
  const scrolled = await page.evaluate((by) => {
    const before = window.scrollY;
    window.scrollBy(0, by);
    return window.scrollY - before;
  }, y - 140);
  return { x, y: y - scrolled };
}

describe('README screenshots', () => {
  it('a hover card on the demo article', async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1100, height: 860 });
    await page.goto(server.articles[0]!.url);
    const { x, y } = await pointAtMark(page, 'Mu Sochua');
    await page.mouse.move(x - 8, y);
    await page.mouse.move(x, y);
    const frame = await cardFrame(page);
    const card = frame.getByRole('dialog', { name: 'Mu Sochua' });
    await card.waitFor();
    expect(await card.innerText()).toContain('Deputy President');
    await page.waitForTimeout(300); // the card's fade-in
    await saveScreenshot(page, 'hover-card');
    await page.close();
  });

  it('the popup saving a quote', async () => {
    const article = await ext.context.newPage();
    await article.goto(server.articles[0]!.url);
    await pointAtMark(article, 'Mu Sochua');
    await article.evaluate(selectParagraphHolding, 'The CPP does not do anything without');
    const options = await ext.openPage('options.html');
    const tabId = await options.evaluate(async (target) => {
      const api = (
        globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
        }
      ).chrome;
      return (await api.tabs.query({})).find((tab) => tab.url === target)?.id ?? null;
    }, article.url());
    await options.close();
    expect(tabId).not.toBeNull();

    const popup = await ext.openPage(`popup.html?tab=${tabId}`);
    await popup.setViewportSize({ width: 400, height: 600 });
    const form = popup.getByRole('form', { name: 'Save quote' });
    await form.waitFor();
    expect(await form.innerText()).toContain('The CPP does not do anything without');
    await popup.getByLabel('Note').fill('Compare with her 2019 statements on party discipline.');
    // A browser sizes a popup to its content (at most 600 px tall): so does the screenshot.
    const body = await popup.evaluate(() => document.body.getBoundingClientRect().toJSON());
    await popup.setViewportSize({
      width: Math.ceil(body.width),
      height: Math.min(600, Math.ceil(body.height)),
    });
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBe(
      Math.ceil(body.width),
    );
    await saveScreenshot(popup, 'popup-save-quote');
    await popup.close();
    await article.close();
  });
});
