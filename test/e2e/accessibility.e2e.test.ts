/**
 * Accessibility of every page Dramatis shows, checked with axe-core in Chromium
 * with the built extension, in the states a reader sees them in: the popup with
 * a selection to save and with nothing selected, the options page listing notes
 * and profiles (one open for correction), the side panel with results, and Mu
 * Sochua's card, standalone and inside the page's frame. Each page is checked
 * in the light and the dark theme. A serious or critical violation fails the
 * test, which then lists them (rule, impact, elements).
 *
 * AXE_SUMMARY=1 prints every violation and the counts of elements by impact
 * per page, for reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { DemoServer } from '../../lib/demo/server';
import { axeViolations, blocking, countByImpact, describeViolations } from './support/axe';
import { launchExtension, type ExtensionBrowser } from './support/extension';
import {
  cardFrame,
  centreOfMark,
  selectParagraphHolding,
  servePages,
  tabIdOf,
} from './support/page-marks';
import { showSection } from './support/options-page';
import { seedQuotes, waitForStore } from './support/seed';

const SOCHUA_QUOTE =
  'CNRP Deputy President Mu Sochua, who fled the country after being warned of her imminent arrest';

let ext: ExtensionBrowser;
let server: DemoServer;
let article: { url: string; title: string };

beforeAll(async () => {
  [ext, server] = await Promise.all([launchExtension(), servePages({})]);
  await waitForStore(ext);
  article = server.articles[0]!;
  await seedQuotes(ext, [
    {
      ...article,
      exact: SOCHUA_QUOTE,
      note: 'fled before arrest',
      tags: ['exile'],
      entityIds: ['person:mu-sochua'],
    },
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

/**
 * Checks `target` in the light and the dark theme; fails listing the serious
 * and critical violations of both.
 */
async function expectAccessible(page: Page, name: string, target: Page | Frame = page) {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await axeViolations(target);
    if (process.env.AXE_SUMMARY) {
      console.info(`${name} (${colorScheme}): ${countByImpact(violations)}`);
      if (violations.length > 0) console.info(describeViolations(violations));
    }
    const failing = blocking(violations);
    if (failing.length > 0) found.push(`${colorScheme}:\n${describeViolations(failing)}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect(found.join('\n'), `axe violations on ${name}`).toBe('');
}

/** Opens the demo article and waits until its names are marked (the content script runs). */
async function openArticle(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(article.url);
  await page.waitForFunction(() => (CSS.highlights.get('dramatis-person')?.size ?? 0) > 0, null, {
    timeout: 30_000,
  });
  return page;
}

/** Selects the paragraph holding `words` on `page`, as a reader's drag would. */
async function selectParagraph(page: Page, words: string): Promise<void> {
  await page.evaluate(selectParagraphHolding, words);
}

describe('accessibility (axe-core, light and dark)', () => {
  let articlePage: Page;
  let tabId: number;

  it('the popup with a selection to save', async () => {
    articlePage = await openArticle();
    tabId = await tabIdOf(ext, articlePage.url());
    await selectParagraph(articlePage, 'We are willing to do farming instead');
    const popup = await ext.openPage(`popup.html?tab=${tabId}`);
    await popup.getByRole('form', { name: 'Save quote' }).waitFor({ timeout: 10_000 });
    await popup
      .getByRole('button', { name: /^Remove / })
      .first()
      .waitFor();
    await popup.getByRole('region', { name: /Saved on this page/ }).waitFor();
    await expectAccessible(popup, 'popup with a selection');
    await popup.close();
  });

  it('the popup with nothing selected', async () => {
    await articlePage.evaluate(() => document.getSelection()!.removeAllRanges());
    const popup = await ext.openPage(`popup.html?tab=${tabId}`);
    await popup.getByText(/Select words on the page/).waitFor({ timeout: 10_000 });
    await popup.getByRole('region', { name: /Saved on this page/ }).waitFor();
    await expectAccessible(popup, 'popup with nothing selected');
    await popup.close();
  });

  it('each section of the options page, notes and profiles listed', async () => {
    const options = await ext.openPage('options.html');
    await options.getByRole('list', { name: 'Saved quotes and notes' }).waitFor();
    await expectAccessible(options, 'options (notes)');
    await showSection(options, 'profiles');
    const profiles = options.getByRole('table', { name: 'Profiles' });
    await profiles.getByRole('button', { name: /Mu Sochua/ }).click();
    await options.getByRole('heading', { name: /Mu Sochua/ }).waitFor();
    await expectAccessible(options, 'options (profiles)');
    for (const section of ['sources', 'settings', 'data'] as const) {
      await showSection(options, section);
      await expectAccessible(options, `options (${section})`);
    }
    await options.close();
  });

  it('the side panel with results', async () => {
    const panel = await ext.openPage('sidepanel.html');
    await panel.getByRole('searchbox').fill('Sochua');
    const results = panel.getByRole('list', { name: 'Search results' }).getByRole('listitem');
    await expect.poll(() => results.count()).toBe(1);
    await expectAccessible(panel, 'side panel');
    await panel.close();
  });

  it('Mu Sochua’s card, standalone', async () => {
    const card = await ext.openPage('popover.html?entity=person%3Amu-sochua');
    await card.getByRole('dialog', { name: 'Mu Sochua' }).waitFor();
    await expectAccessible(card, 'card (standalone)');
    await card.close();
  });

  it('Mu Sochua’s card in the page’s frame', async () => {
    await articlePage.bringToFront();
    const { x, y } = await centreOfMark(articlePage, 'dramatis-person', 'Mu Sochua');
    await articlePage.mouse.move(x - 5, y);
    await articlePage.mouse.move(x, y);
    const frame = await cardFrame(articlePage);
    await frame.getByRole('dialog', { name: 'Mu Sochua' }).waitFor({ timeout: 10_000 });
    await expectAccessible(articlePage, 'card (in the page)', frame);
    await articlePage.close();
  });
});
