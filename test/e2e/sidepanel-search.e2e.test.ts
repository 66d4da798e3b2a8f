/**
 * The side panel in Chromium with the built extension, opened as a tab: quotes
 * saved through the real background are found by exact, misspelt and filtered
 * queries with the matched words marked, and a result opens its demo article
 * scrolled to the quote.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../lib/demo/server';
import { launchExtension, ROOT, type ExtensionBrowser } from './support/extension';
import { saveScreenshot } from './support/screenshots';
import { seedQuotes, waitForStore } from './support/seed';

const SOCHUA =
  'CNRP Deputy President Mu Sochua, who fled the country after being warned of her imminent arrest';
const NEE =
  'In the past the intimidation was worse than this, now it’s only a psychological threat';

let ext: ExtensionBrowser;
let server: DemoServer;
let article: { url: string; title: string };

beforeAll(async () => {
  [ext, server] = await Promise.all([
    launchExtension(),
    startDemoServer({ sourcesDir: join(ROOT, 'assets/sources') }),
  ]);
  await waitForStore(ext);
  article = server.articles[0]!;
  await seedQuotes(ext, [
    {
      ...article,
      exact: SOCHUA,
      note: 'fled before arrest',
      tags: ['exile'],
      entityIds: ['person:mu-sochua'],
    },
    { ...article, exact: NEE, tags: ['analysis'] },
    {
      url: 'https://www.example.org/other-story',
      title: 'Another story',
      exact: 'Officials elsewhere were also pressured to defect',
      tags: ['defections'],
    },
  ]);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Types `query` into the search box and answers the results' texts once they settle. */
async function search(panel: Page, query: string): Promise<string[]> {
  await panel.getByRole('searchbox').fill(query);
  await panel.waitForTimeout(100);
  return panel.getByRole('list', { name: 'Search results' }).getByRole('listitem').allInnerTexts();
}

describe('the side panel search', () => {
  it('finds saved quotes by exact, misspelt and filtered queries', async () => {
    const panel = await ext.openPage('sidepanel.html');
    const results = panel.getByRole('list', { name: 'Search results' }).getByRole('listitem');
    await expect.poll(() => results.count()).toBe(3);

    const started = performance.now();
    expect(await search(panel, 'psychological threat')).toEqual([expect.stringContaining(NEE)]);
    console.info(`side panel: ${Math.round(performance.now() - started)} ms from fill to results`);

    const misspelt = await search(panel, 'Sochau');
    expect(misspelt).toEqual([expect.stringContaining('fled the country')]);
    expect(await results.first().locator('blockquote mark').allInnerTexts()).toEqual(['Sochua']);

    expect(await search(panel, 'tag:exile')).toHaveLength(1);
    expect(await search(panel, 'site:example.org')).toEqual([
      expect.stringContaining('Officials elsewhere'),
    ]);
    expect(await search(panel, 'entity:"Mu Sochua" arrest')).toEqual([
      expect.stringContaining('fled before arrest'),
    ]);
    expect(await search(panel, 'tag:exile site:example.org')).toEqual([]);
    await expect.poll(() => panel.getByText('No saved quote or note matches').count()).toBe(1);

    await search(panel, 'Sochau');
    await panel.setViewportSize({ width: 420, height: 640 });
    await saveScreenshot(panel, 'sidepanel-search');
    await panel.close();
  });

  it('opens filtered to an entity from ?entity=', async () => {
    const panel = await ext.openPage('sidepanel.html?entity=person%3Amu-sochua');
    await expect.poll(() => panel.getByRole('searchbox').inputValue()).toBe('entity:"Mu Sochua" ');
    const results = panel.getByRole('list', { name: 'Search results' }).getByRole('listitem');
    await expect.poll(() => results.count()).toBe(1);
    await panel.close();
  });

  it('opens the page of a result scrolled to the quote, from the keyboard', async () => {
    const panel = await ext.openPage('sidepanel.html');
    await panel.getByRole('searchbox').fill('Sochua fled');
    await expect
      .poll(() => panel.getByRole('list', { name: 'Search results' }).getByRole('listitem').count())
      .toBe(1);
    await panel.getByRole('searchbox').press('ArrowDown');
    const opened = ext.context.waitForEvent('page');
    const started = performance.now();
    await panel.keyboard.press('Enter');
    const page = await opened;
    await page.waitForLoadState('load');
    expect(page.url()).toBe(article.url);
    // The content script placed the quote and scrolled it to the middle of the view.
    await expect
      .poll(
        () =>
          page.evaluate((words) => {
            const p = [...document.querySelectorAll('p')].find((el) =>
              el.textContent?.includes(words),
            );
            const box = p?.getBoundingClientRect();
            return !!box && window.scrollY > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
          }, 'Mu Sochua, who fled'),
        { timeout: 15_000 },
      )
      .toBe(true);
    console.info(
      `side panel: ${Math.round(performance.now() - started)} ms from Enter to quote in view`,
    );
    await panel.close();
    await page.close();
  });
});
