/**
 * "Add this article to sources" in Chromium with the built extension: a local
 * news article naming people the bundle does not know is added from the popup
 * (opened as a tab with `?tab=<id>`, as in quotes.e2e.test.ts); the popup says
 * what it added, the new names are marked at once on that page and on other
 * open pages, and their cards show what the article says; Undo takes them
 * away again, and so does Remove on the options page.
 *
 * The seed article names no person the bundle lacks (`npm run profiles -- scan`
 * links every person in it), so a second page plays "another article where
 * they also appear": the seed article with a follow-up paragraph naming Ouk
 * Sreymom, open before the add and never reloaded. On the unchanged seed page
 * the updated profile of Meas Nee (named in both) is checked instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoServer } from '../../lib/demo/server';
import { launchExtension, ROOT, type ExtensionBrowser } from './support/extension';
import {
  cardFrame,
  centreOfMark,
  createAsker,
  marked,
  readPageFixture,
  servePages,
  tabIdOf,
  waitForStore,
} from './support/page-marks';

const ARTICLE = readFileSync(
  join(ROOT, 'test/fixtures/add-article/commune-observers.html'),
  'utf8',
);
const TITLE = 'Observers report pressure on commune councillors ahead of vote';
const SEED = readPageFixture('seed-article.html');
/** The seed article with an update paragraph, as a site appends to a developing story. */
const SEED_FOLLOW_UP = SEED.replace(
  '</article>',
  '<p>Update: Ouk Sreymom, of the Khmer Election Monitoring Alliance, said her group had received complaints from Siem Reap as well.</p></article>',
);

let ext: ExtensionBrowser;
let server: DemoServer;

beforeAll(async () => {
  [ext, server] = await Promise.all([
    launchExtension(),
    servePages({ '/observers': ARTICLE, '/seed-article': SEED, '/seed-follow-up': SEED_FOLLOW_UP }),
  ]);
  await waitForStore(createAsker(ext));
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Opens `path` in a new tab once the content script has marked the names it knows. */
async function openArticle(path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.origin + path);
  await page.waitForFunction(() => (CSS.highlights.get('dramatis-person')?.size ?? 0) > 0, null, {
    timeout: 30_000,
  });
  return page;
}

const people = (page: Page) => marked(page, 'dramatis-person');

/**
 * Waits until `page` has marked itself again without Ouk Sreymom: `known` (a
 * bundled person on it) is back, so an empty list mid-rescan does not count.
 */
async function waitUntilUnmarked(page: Page, known: string): Promise<void> {
  const settled = async () => {
    const names = await people(page);
    return names.includes(known) && !names.includes('Ouk Sreymom');
  };
  await expect.poll(settled, { timeout: 15_000 }).toBe(true);
}

/** Hovers the marked name `name` and answers the text of its card. */
async function cardText(page: Page, name: string): Promise<string> {
  // A background tab's scan waits for the tab to be shown (timers and frames are throttled).
  await page.bringToFront();
  await expect.poll(() => people(page), { timeout: 15_000 }).toContain(name);
  await page.mouse.move(0, 0);
  // The seed page writes some names with a no-break space ("Meas&nbsp;Nee").
  const { x, y } = await centreOfMark(page, 'dramatis-person', name).catch(() =>
    centreOfMark(page, 'dramatis-person', name.replace(' ', '\u00a0')),
  );
  await page.mouse.move(x - 5, y);
  await page.mouse.move(x, y);
  const card = (await cardFrame(page)).getByRole('dialog', { name });
  await card.waitFor({ timeout: 10_000 });
  return card.innerText();
}

/** Opens the popup for the article's tab and clicks Add; answers the popup once it has said what it did. */
async function addFromPopup(tabId: number): Promise<Page> {
  const popup = await ext.openPage(`popup.html?tab=${tabId}`);
  await popup.getByRole('button', { name: 'Add this article to sources' }).click();
  await popup.getByText(/^Added “/).waitFor({ timeout: 30_000 });
  return popup;
}

describe('adding the article from the popup', () => {
  let article: Page;
  let followUp: Page;
  let seed: Page;
  let tabId: number;
  let popup: Page;

  it('is offered on a news page whose new people are not marked yet', async () => {
    followUp = await openArticle('/seed-follow-up');
    seed = await openArticle('/seed-article');
    article = await openArticle('/observers');
    expect(await people(article)).toContain('Sok Eysan');
    expect(await people(article)).not.toContain('Ouk Sreymom');
    expect(await people(followUp)).not.toContain('Ouk Sreymom');
    tabId = await tabIdOf(ext, article.url());
  });

  it('says what it added, and the new people are marked on the page at once', async () => {
    popup = await addFromPopup(tabId);
    const status = await popup.getByRole('status').filter({ hasText: 'Added' }).innerText();
    expect(status).toBe(
      `Added “${TITLE}”: 4 new people, 3 new organizations, 1 new place, 5 profiles updated.`,
    );
    await expect.poll(() => people(article), { timeout: 15_000 }).toContain('Ouk Sreymom');
    expect(await people(article)).toContain('Lim Sovannary');
  });

  it('shows the new person’s role, from the article, in her card', async () => {
    const card = await cardText(article, 'Ouk Sreymom');
    expect(card).toContain('executive director of the Khmer Election Monitoring Alliance');
  });

  it('marks them on other open pages too, and updates the profiles they share', async () => {
    await expect.poll(() => people(followUp), { timeout: 15_000 }).toContain('Ouk Sreymom');
    const card = await cardText(seed, 'Meas Nee');
    expect(card).toContain('Mentioned in 2 documents');
  });

  it('Undo takes the article’s people away again, everywhere', async () => {
    await popup.getByRole('button', { name: 'Undo' }).click();
    await popup.getByText(`Removed “${TITLE}” from your sources.`).waitFor({ timeout: 15_000 });
    await waitUntilUnmarked(article, 'Sok Eysan');
    await waitUntilUnmarked(followUp, 'Mu Sochua');
    expect(await cardText(seed, 'Meas Nee')).toContain('Mentioned in 1 document');
    await popup.close();
  });

  it('adding it twice changes nothing the second time', async () => {
    await (await addFromPopup(tabId)).close();
    await expect.poll(() => people(article), { timeout: 15_000 }).toContain('Ouk Sreymom');
    const again = await ext.openPage(`popup.html?tab=${tabId}`);
    await again.getByRole('button', { name: 'Add this article to sources' }).click();
    await again
      .getByText(`“${TITLE}” is already in your sources; nothing changed.`)
      .waitFor({ timeout: 30_000 });
    await again.close();
  });

  it('Remove on the options page takes them away again', async () => {
    const options = await ext.openPage('options.html#sources');
    const sources = options.getByRole('region', { name: 'Sources' });
    const row = sources.getByRole('listitem', { name: TITLE });
    await row.waitFor({ timeout: 15_000 });
    // Who the article names: 3 new people, its reporter (byline), Meas Nee and Sok Eysan;
    // 3 new organizations and 3 known.
    expect(await row.innerText()).toMatch(/6 people · 6 organizations · 1 place · \d+ quotes/);
    // The bundled seed is listed too, without Remove.
    const seedRow = sources.getByRole('listitem', { name: /CNRP alleges local push/ });
    expect(await seedRow.innerText()).toContain('ships with Dramatis');
    expect(await seedRow.getByRole('button').count()).toBe(0);

    await row.getByRole('button', { name: `Remove “${TITLE}”` }).click();
    await row
      .getByRole('group', { name: 'Confirm removal' })
      .getByRole('button', { name: 'Remove' })
      .click();
    await options.getByText(`Removed “${TITLE}” and what it added.`).waitFor({ timeout: 15_000 });
    await expect.poll(() => sources.getByRole('listitem', { name: TITLE }).count()).toBe(0);
    await waitUntilUnmarked(article, 'Sok Eysan');
    await waitUntilUnmarked(followUp, 'Mu Sochua');
    await options.close();
  });
});

describe('a page that is not an article', () => {
  it('gets a clear message and changes nothing', async () => {
    server.mount(
      '/sign-in',
      '<!doctype html><html><head><title>Sign in</title></head><body><form><label>Email <input name="email"></label><button>Sign in</button></form></body></html>',
    );
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/sign-in`);
    const popup = await ext.openPage(`popup.html?tab=${await tabIdOf(ext, page.url())}`);
    await popup.getByRole('button', { name: 'Add this article to sources' }).click();
    await popup
      .getByText(/This page has no article Dramatis can read/)
      .waitFor({ timeout: 30_000 });
    const options = await ext.openPage('options.html#sources');
    const sources = options.getByRole('region', { name: 'Sources' });
    await sources.getByRole('listitem').first().waitFor();
    expect(await sources.getByRole('listitem').count()).toBe(1);
    await Promise.all([popup.close(), options.close(), page.close()]);
  });
});
