/**
 * The README's pictures, taken from the demo pages `npm start` serves, so what a
 * new user sees is what is shown: every surface (the card on a page and on its
 * own, the popup, the side panel, each section of the options page, the welcome
 * guide), each in the light and the dark theme. `npm run screenshots` writes
 * them into assets/screenshots; a normal test run writes them under
 * test-results/. Each picture is taken after asserting that what it should
 * show is there and that nothing in it scrolls: Chromium runs with
 * --hide-scrollbars (the long options page shows no window scroll bar, as with
 * overlay scroll bars), so the checks below stand in for looking for them.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../lib/demo/server';
import { CHROME_BUILD, launchExtension, ROOT, type ExtensionBrowser } from './support/extension';
import { cardFrame, centreOfMark, marked, selectParagraphHolding } from './support/page-marks';
import { saveScreenshot } from './support/screenshots';
import { seedQuotes, waitForStore } from './support/seed';
import { OPTIONS_SECTIONS } from '@/components/options/options-nav';
import { showSection } from './support/options-page';

const SOCHUA =
  'CNRP Deputy President Mu Sochua, who fled the country after being warned of her imminent arrest';
const NEE =
  'In the past the intimidation was worse than this, now it’s only a psychological threat';

let ext: ExtensionBrowser;
let server: DemoServer;

beforeAll(async () => {
  [ext, server] = await Promise.all([
    launchExtension(CHROME_BUILD, ['--hide-scrollbars']),
    startDemoServer({ sourcesDir: join(ROOT, 'assets/sources') }),
  ]);
  await waitForStore(ext);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

type Shot = Parameters<typeof saveScreenshot>[2];

let seeded: Promise<unknown> | null = null;

/** Saves two quotes of the demo article, once: the pictures after the popup's show them. */
function seedOnce(): Promise<unknown> {
  const article = server.articles[0]!;
  seeded ??= seedQuotes(ext, [
    {
      ...article,
      exact: SOCHUA,
      note: 'Fled before the warrant; check the court record.',
      tags: ['exile'],
      entityIds: ['person:mu-sochua'],
    },
    {
      ...article,
      exact: NEE,
      note: 'Compare with the 2017 commune elections.',
      tags: ['analysis'],
    },
  ]);
  return seeded;
}

/** True when no element of `page` (or of its frame `frame`) scrolls: what a hidden scroll bar would hide. */
function nothingScrolls(): boolean {
  const scrolls = (element: Element) => {
    const style = getComputedStyle(element);
    const y =
      /auto|scroll/.test(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
    const x = /auto|scroll/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
    return x || y;
  };
  return (
    document.documentElement.scrollWidth <= window.innerWidth &&
    ![...document.querySelectorAll('body *')].some(scrolls)
  );
}

/** Saves `<name>-light.png` and `<name>-dark.png` of `page`, the browser's theme switched between. */
async function shootBothThemes(
  page: Page,
  name: string,
  options: () => Promise<Shot> | Shot = () => ({}),
) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(150);
    expect(
      await page.evaluate(nothingScrolls),
      `something scrolls in ${name} (${colorScheme})`,
    ).toBe(true);
    for (const frame of page.frames().slice(1)) {
      if (!frame.url().startsWith('chrome-extension:')) continue;
      const sizes = await frame.evaluate(() => ({
        content: document.documentElement.scrollHeight,
        frame: window.innerHeight,
      }));
      expect(sizes.content, `the card scrolls in ${name} (${colorScheme})`).toBeLessThanOrEqual(
        sizes.frame + 1,
      );
    }
    await saveScreenshot(page, `${name}-${colorScheme}`, await options());
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

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

/** The tab id of the page at `url`, asked from an extension page. */
async function tabIdOf(url: string): Promise<number> {
  const options = await ext.openPage('options.html');
  const tabId = await options.evaluate(async (target) => {
    const api = (
      globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      }
    ).chrome;
    return (await api.tabs.query({})).find((tab) => tab.url === target)?.id ?? null;
  }, url);
  await options.close();
  expect(tabId).not.toBeNull();
  return tabId!;
}

describe('README screenshots, light and dark', () => {
  it('the popup saving a quote', async () => {
    const article = await ext.context.newPage();
    await article.goto(server.articles[0]!.url);
    await pointAtMark(article, 'Mu Sochua');
    await article.evaluate(selectParagraphHolding, 'The CPP does not do anything without');
    const popup = await ext.openPage(`popup.html?tab=${await tabIdOf(article.url())}`);
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
    expect(body.height, 'the popup is taller than a browser shows').toBeLessThanOrEqual(600);
    await shootBothThemes(popup, 'popup');
    await popup.close();
    await article.close();
  });

  it('a hover card on the demo article', async () => {
    await seedOnce();
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
    await shootBothThemes(page, 'hover-card');
    await page.close();
  });

  it('the card on its own', async () => {
    const page = await ext.openPage('popover.html?entity=person%3Amu-sochua');
    await page.setViewportSize({ width: 460, height: 900 });
    await page.getByRole('dialog', { name: 'Mu Sochua' }).waitFor();
    const clip = async () => {
      const box = await page.locator('.card').boundingBox();
      if (!box) throw new Error('no card on the page');
      return { clip: { x: 0, y: 0, width: Math.ceil(box.width), height: Math.ceil(box.height) } };
    };
    await shootBothThemes(page, 'card', clip);
    await page.close();
  });

  it('the side panel finding a misspelt name', async () => {
    await seedOnce();
    const panel = await ext.openPage('sidepanel.html');
    await panel.setViewportSize({ width: 400, height: 560 });
    await panel.getByRole('searchbox').fill('Sochau');
    const results = panel.getByRole('list', { name: 'Search results' }).getByRole('listitem');
    await expect.poll(() => results.count()).toBe(1);
    expect(await panel.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      560,
    );
    await shootBothThemes(panel, 'sidepanel');
    await panel.close();
  });

  it('each section of the options page', async () => {
    await seedOnce();
    const page = await ext.openPage('options.html');
    await page.setViewportSize({ width: 1100, height: 760 });
    await page.getByRole('list', { name: 'Saved quotes and notes' }).waitFor();
    for (const section of OPTIONS_SECTIONS) {
      await showSection(page, section);
      if (section === 'profiles') {
        await page.getByRole('table', { name: 'Profiles' }).getByRole('row').nth(5).waitFor();
      }
      // The heading took focus (options-nav.ts); a picture shows the page at rest.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await shootBothThemes(page, `options-${section}`);
    }
    await page.close();
  });

  it('the welcome guide', async () => {
    const page = await ext.openPage('onboarding.html');
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('heading', { name: /shortcuts/i }).waitFor();
    await shootBothThemes(page, 'onboarding');
    await page.close();
  });
});
