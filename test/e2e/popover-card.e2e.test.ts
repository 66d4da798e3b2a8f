/**
 * The profile card in Chromium with the built extension: the standalone
 * preview (`popover.html?entity=…`), the real flow (hover a name on a demo
 * article, read the card's frame), notes that survive a reload, and the
 * settings pages, the card following the theme chosen in Settings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../lib/demo/server';
import { launchExtension, ROOT, type ExtensionBrowser } from './support/extension';
import { saveScreenshot } from './support/screenshots';
import { cardSettled, isCardFrameUrl } from './support/page-marks';

let ext: ExtensionBrowser;
let server: DemoServer;

beforeAll(async () => {
  [ext, server] = await Promise.all([
    launchExtension(),
    startDemoServer({ sourcesDir: join(ROOT, 'assets/sources') }),
  ]);
  await waitForStore();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Waits until the shipped bundle is in the store (the import runs at install). */
async function waitForStore(): Promise<void> {
  const page = await ext.openPage('options.html#profiles');
  await page.locator('.bundle-info').waitFor({ timeout: 30_000 });
  await page.close();
}

/** Opens the standalone card of `entityId` and waits for it. */
async function openCard(entityId: string): Promise<Page> {
  const page = await ext.openPage(`popover.html?entity=${encodeURIComponent(entityId)}`);
  await page.getByRole('dialog').waitFor();
  return page;
}

describe('the standalone card of Mu Sochua', () => {
  it('shows her role, a quote and the source of the role', async () => {
    const started = Date.now();
    const page = await openCard('person:mu-sochua');
    console.info(`standalone card: ${Date.now() - started} ms from open to dialog`);
    const card = page.getByRole('dialog', { name: 'Mu Sochua' });
    const text = await card.innerText();
    expect(text).toContain('Deputy President');
    expect(text).toContain('The CPP does not do anything without the approval');
    expect(text).toMatch(/Mentioned in 1 document/);

    await card.getByRole('button', { name: 'Source of CNRP Deputy President' }).click();
    await expect
      .poll(() => card.locator('mark').first().innerText())
      .toBe('CNRP Deputy President Mu Sochua');
    expect(await card.innerText()).toContain(
      'CNRP alleges local push to coerce officials into defecting',
    );
    await saveScreenshot(page, 'card-light', { clip: await cardClip(page) });
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'card-dark', { clip: await cardClip(page) });
    await page.close();
  });

  it('saves a note with Add note that is still there after a reload', async () => {
    const page = await openCard('person:mu-sochua');
    await page.getByRole('button', { name: 'Add note' }).click();
    const field = page.getByLabel('Note about Mu Sochua');
    await field.fill('Returned from exile? Check 2019 reports.');
    await field.press('Control+Enter');
    await page.getByText('Returned from exile? Check 2019 reports.').waitFor();

    await page.reload();
    await page.getByRole('dialog').waitFor();
    expect(await page.getByRole('dialog').innerText()).toContain(
      'Returned from exile? Check 2019 reports.',
    );
    await page.close();
  });

  it('opens the side panel filtered to her, which lists the note', async () => {
    const card = await openCard('person:mu-sochua');
    await card.getByRole('button', { name: 'Open in side panel' }).click();
    // Headless Chromium opens no visible panel to read, so the click is checked
    // for errors and the panel's page is read where the click points it.
    await card.waitForTimeout(300);
    expect(await card.getByRole('alert').count()).toBe(0);
    const panel = await ext.openPage('sidepanel.html?entity=person%3Amu-sochua');
    // The panel's search opens filtered to her (entity:"Mu Sochua"), listing the note.
    await expect.poll(() => panel.getByRole('searchbox').inputValue()).toBe('entity:"Mu Sochua" ');
    const results = panel.getByRole('list', { name: 'Search results' }).getByRole('listitem');
    await expect
      .poll(() => results.allInnerTexts())
      .toEqual([expect.stringContaining('Returned from exile? Check 2019 reports.')]);
    await Promise.all([card.close(), panel.close()]);
  });

  it('says so for an entity that is not in the store', async () => {
    const page = await ext.openPage('popover.html?entity=person%3Anobody');
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toBe('This profile is no longer in the store. Reload the page.');
    await page.close();
  });
});

/** The card's surface colour in `theme` as the design tokens define it, as CSS computes it (`rgb(…)`). */
function surfaceColour(theme: 'light' | 'dark'): string {
  const tokens = readFileSync(join(ROOT, 'components/shared/design/tokens.css'), 'utf8');
  // Light is the plain :root's, dark the block data-theme="dark" selects.
  const block = tokens.slice(
    tokens.indexOf(theme === 'dark' ? ":root[data-theme='dark']" : ':root {'),
  );
  const hex = /--color-surface:\s*#([0-9a-f]{6})/i.exec(block)?.[1];
  if (!hex) throw new Error(`no --color-surface for the ${theme} theme in tokens.css`);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** The card's box, for a screenshot of the card alone. */
async function cardClip(page: Page) {
  const box = await page.locator('.card').boundingBox();
  if (!box) throw new Error('no card on the page');
  return { x: box.x, y: box.y, width: Math.ceil(box.width), height: Math.ceil(box.height) };
}

/** The viewport centre of the first marked `text` on the page (marks are CSS highlights). */
async function centreOfMark(page: Page, text: string): Promise<{ x: number; y: number }> {
  await expect
    .poll(
      () =>
        page.evaluate(
          (wanted) =>
            [...CSS.highlights.values()].some((h) =>
              [...(h as unknown as Set<Range>)].some((r) => r.toString() === wanted),
            ),
          text,
        ),
      { timeout: 15_000 },
    )
    .toBe(true);
  return page.evaluate((wanted) => {
    for (const highlight of CSS.highlights.values()) {
      for (const range of highlight as unknown as Set<Range>) {
        if (range.toString() !== wanted) continue;
        // Near the top, so the whole card fits below the name (the host places it there).
        range.startContainer.parentElement?.scrollIntoView({ block: 'start' });
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    throw new Error(`no mark "${wanted}"`);
  }, text);
}

/** The card's frame on `page`, found by URL (its host is a closed shadow root). */
async function cardFrame(page: Page): Promise<Frame> {
  await expect
    .poll(() => page.frames().some((f) => isCardFrameUrl(f.url())), { timeout: 10_000 })
    .toBe(true);
  return page.frames().find((f) => isCardFrameUrl(f.url()))!;
}

describe('the card on a news page', () => {
  let page: Page;
  let frame: Frame;

  it('opens on hovering Mu Sochua and sizes its iframe to the card', async () => {
    page = await ext.context.newPage();
    // A laptop-sized window: the whole card fits beside a name in the middle of it.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(server.articles[0]!.url);
    const { x, y } = await centreOfMark(page, 'Mu Sochua');
    const started = Date.now();
    await page.mouse.move(x - 5, y);
    await page.mouse.move(x, y);
    frame = await cardFrame(page);
    const card = frame.getByRole('dialog', { name: 'Mu Sochua' });
    await card.waitFor({ timeout: 10_000 });
    console.info(`hover to card: ${Date.now() - started} ms (hover delay included)`);
    expect(await card.innerText()).toContain('Deputy President');

    // The host sized the iframe from the card's reported size (clamped to its maximum).
    const element = await frame.frameElement();
    const fits = async () => {
      const [outer, inner] = await Promise.all([element.boundingBox(), card.boundingBox()]);
      if (!outer || !inner) return 'no boxes';
      const width = Math.ceil(inner.width);
      const height = Math.min(640, Math.ceil(inner.height));
      console.info(`card ${inner.width}×${inner.height}, iframe ${outer.width}×${outer.height}`);
      return Math.abs(outer.width - width) <= 1 && Math.abs(outer.height - height) <= 1
        ? 'fits'
        : `iframe ${outer.width}×${outer.height}, card ${inner.width}×${inner.height}`;
    };
    await expect.poll(fits).toBe('fits');
  });

  it('shows a related entity in the same frame, and a way back', async () => {
    await cardSettled(frame);
    const card = frame.getByRole('dialog');
    await card
      .getByRole('listitem')
      .getByRole('button', { name: 'Cambodia National Rescue Party' })
      .first()
      .click();
    await frame.getByRole('dialog', { name: 'Cambodia National Rescue Party' }).waitFor();
    // A new card in the frame has new buttons under the pointer: clicks wait until it settles.
    await cardSettled(frame);
    await frame.getByRole('button', { name: '← Back to Mu Sochua' }).click();
    await frame.getByRole('dialog', { name: 'Mu Sochua' }).waitFor();
  });

  it('saves a note from the page’s card, remembering the article', async () => {
    await cardSettled(frame);
    await frame.getByRole('button', { name: 'Add note' }).click();
    const field = frame.getByLabel('Note about Mu Sochua');
    await field.fill('Quoted on the defections story.');
    await field.press('Control+Enter');
    await frame.getByText('Quoted on the defections story.').waitFor();
    const side = await openCard('person:mu-sochua');
    expect(await side.getByRole('dialog').innerText()).toContain('Quoted on the defections story.');
    // The note names the article it was written on.
    const note = side.locator('li.note', { hasText: 'Quoted on the defections story.' });
    expect(await note.innerText()).toContain(await page.title());
    await side.close();
  });

  it('closes on Escape pressed inside the card', async () => {
    await page.bringToFront();
    await frame.getByRole('button', { name: 'Add note' }).focus();
    await frame.page().keyboard.press('Escape');
    const element = await frame.frameElement();
    await expect.poll(() => element.isVisible(), { timeout: 5000 }).toBe(false);
  });

  it('opens above a name near the bottom of the window, inside the window', async () => {
    await page.mouse.move(5, 5);
    // The lowest marked name on the page, scrolled to 100 px above the window's bottom.
    const name = await page.evaluate(() => {
      const ranges = [...CSS.highlights.values()].flatMap((h) => [...(h as unknown as Set<Range>)]);
      const lowest = ranges.reduce((a, b) =>
        b.getBoundingClientRect().top > a.getBoundingClientRect().top ? b : a,
      );
      window.scrollBy(0, lowest.getBoundingClientRect().top - (window.innerHeight - 100));
      const { left, top, width, height } = lowest.getClientRects()[0]!;
      return { left, top, width, height };
    });
    expect(name.top).toBeGreaterThan(900 - 150);
    const x = name.left + name.width / 2;
    const y = name.top + name.height / 2;
    await page.mouse.move(x - 3, y);
    await page.mouse.move(x, y);
    const element = await frame.frameElement();
    await expect.poll(() => element.isVisible(), { timeout: 10_000 }).toBe(true);
    // Polled: the card is placed again once the frame reports its size.
    const placement = async () => {
      const box = await element.boundingBox();
      if (!box) return 'no box';
      const inside = box.y >= 0 && box.x >= 0 && box.x + box.width <= 1280;
      const above = box.y + box.height <= name.top;
      return inside && above ? 'above the name, inside the window' : JSON.stringify(box);
    };
    await expect.poll(placement, { timeout: 5000 }).toBe('above the name, inside the window');
    await page.mouse.move(5, 5);
    await expect.poll(() => element.isVisible(), { timeout: 5000 }).toBe(false);
  });
});

/** The part of `chrome` the popup test uses in the service worker. */
interface WorkerChrome {
  tabs: {
    query(filter: object): Promise<{ windowId: number; url?: string }[]>;
    create(properties: { url: string; windowId: number; active: boolean }): Promise<unknown>;
  };
  runtime: { getURL(path: string): string };
}

describe('settings', () => {
  it('the options page changes the hover delay, and it persists', async () => {
    const page = await ext.openPage('options.html#settings');
    const field = page.getByLabel('Hover delay before a card opens');
    await field.fill('700');
    await field.press('Enter');
    await field.blur();
    // Reloaded until the saved value comes back: the save is asynchronous.
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByLabel('Hover delay before a card opens').inputValue();
      })
      .toBe('700');
    await page.close();
  });

  it('the card on a page follows the theme chosen in Settings, not the browser’s', async () => {
    const options = await ext.openPage('options.html#settings');
    const themes = options.getByRole('group', { name: 'Theme of Dramatis’s own pages' });
    /** Chooses a theme; the radio is checked once the background saved it. */
    const choose = async (name: string) => {
      const radio = themes.getByRole('radio', { name });
      await radio.click();
      await expect.poll(() => radio.isChecked()).toBe(true);
    };
    await choose('Dark');

    const article = await ext.context.newPage();
    await article.emulateMedia({ colorScheme: 'light' });
    await article.goto(server.articles[0]!.url);
    const { x, y } = await centreOfMark(article, 'Mu Sochua');
    await article.mouse.move(x - 5, y);
    await article.mouse.move(x, y);
    const frame = await cardFrame(article);
    await frame.getByRole('dialog', { name: 'Mu Sochua' }).waitFor({ timeout: 10_000 });
    const background = () =>
      frame.locator('.card').evaluate((card) => getComputedStyle(card).backgroundColor);
    await expect.poll(background).toBe(surfaceColour('dark'));

    // Changed while the card is open, with the browser now dark: the card turns light.
    await article.emulateMedia({ colorScheme: 'dark' });
    await choose('Light');
    await expect.poll(background).toBe(surfaceColour('light'));

    await choose('Same as the browser');
    await expect.poll(background).toBe(surfaceColour('dark'));
    await Promise.all([options.close(), article.close()]);
  });

  it('the popup turns marking off for the active tab’s site', async () => {
    const article = await ext.context.newPage();
    await article.goto(server.articles[0]!.url);
    // The popup reads the active tab of its window. The toolbar button is out of
    // Playwright's reach, so popup.html opens as a background tab beside the
    // article, which stays the active tab.
    const worker = ext.context.serviceWorkers()[0]!;
    const [popup] = await Promise.all([
      ext.context.waitForEvent('page'),
      worker.evaluate(async (url) => {
        const { tabs, runtime } = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
        // Matched here: query's `url` is a match pattern, which takes no port.
        const tab = (await tabs.query({})).find((candidate) => candidate.url === url);
        await tabs.create({
          url: runtime.getURL('popup.html'),
          windowId: tab!.windowId,
          active: false,
        });
      }, article.url()),
    ]);
    const host = new URL(server.origin).hostname;
    const toggle = popup.getByRole('switch', { name: `Mark names on ${host}` });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);

    const options = await ext.openPage('options.html#settings');
    await options.getByRole('button', { name: `Mark names on ${host} again` }).waitFor();
    // The article's marks go away at once (the background tells the tab).
    await expect
      .poll(() => article.evaluate(() => [...CSS.highlights.values()].some((h) => h.size > 0)))
      .toBe(false);
    await Promise.all([popup.close(), options.close(), article.close()]);
  });
});
