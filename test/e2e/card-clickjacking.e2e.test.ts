/**
 * The card cannot be clickjacked in place (issue 16, item 2).
 *
 * A page's own script (run here through `page.evaluate`, in the page's world)
 * covers the real card with a full-screen decoy that lets the pointer through
 * (`pointer-events: none`, the top z-index, after the card's host), so the reader
 * sees only the decoy and a click where Delete sits would land on Delete. The
 * card must ignore that click, and also a click in its first moments on screen;
 * once uncovered and settled, the same click works (so the test is not vacuous).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { DemoServer } from '../../lib/demo/server';
import { launchExtension, type ExtensionBrowser } from './support/extension';
import {
  cardFrame,
  cardSettled,
  centreOfMark,
  createAsker,
  isCardVisible,
  readPageFixture,
  servePages,
  waitForStore,
} from './support/page-marks';
import { coverWithDecoy, removeDecoy } from './support/decoy';

/** An invented note the decoy tries to make the reader delete. */
const NOTE = 'Call the harbour clerk about the ferry manifest, 3PQ8';

let ext: ExtensionBrowser;
let server: DemoServer;

beforeAll(async () => {
  [ext, server] = await Promise.all([
    launchExtension(),
    servePages({ '/article': readPageFixture('seed-article.html') }),
  ]);
  const ask = createAsker(ext);
  await waitForStore(ask);
  await ask('addEntityNote', { entityId: 'person:mu-sochua', text: NOTE });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Opens Mu Sochua's card by hovering the name, and answers its frame. */
async function openCard(page: Page): Promise<Frame> {
  // The card's frame is kept between cards: wait until the last card is gone, so the frame
  // read below shows this card, not the one before it.
  await page.mouse.move(1, 1);
  await expect.poll(() => isCardVisible(page), { timeout: 5_000 }).toBe(false);
  const { x, y } = await centreOfMark(page, 'dramatis-person', 'Mu Sochua');
  await page.mouse.move(x - 4, y);
  await page.mouse.move(x, y);
  await expect.poll(() => isCardVisible(page), { timeout: 10_000 }).toBe(true);
  return cardFrame(page);
}

/** Where the note's Delete button is, in the page's viewport. */
async function deleteButtonPoint(frame: Frame): Promise<{ x: number; y: number }> {
  const button = frame.locator('li.note', { hasText: NOTE }).getByRole('button', {
    name: /^Delete/,
  });
  await button.waitFor({ timeout: 10_000 });
  // The card may still be moving into place under the name: read its box until it stays put.
  let box = (await button.boundingBox())!;
  for (let i = 0; i < 20; i++) {
    await frame.page().waitForTimeout(50);
    const again = (await button.boundingBox())!;
    if (again.x === box.x && again.y === box.y) break;
    box = again;
  }
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Clicks the note's Delete the moment it appears under the pointer, and
 * answers whether the card had settled at that click ('true' or 'false'), or
 * null when the click never reached the card's frame.
 */
async function clickDeleteAtOnce(page: Page, frame: Frame): Promise<string | null> {
  // Waited for inside the frame, so the click comes the moment Delete appears.
  const shown = await frame.evaluate((note) => {
    const html = document.documentElement;
    html.removeAttribute('data-test-settled-at-click');
    window.addEventListener(
      'pointerdown',
      () =>
        html.setAttribute('data-test-settled-at-click', String(html.hasAttribute('data-settled'))),
      { capture: true, once: true },
    );
    return new Promise<{ x: number; y: number }>((resolve) => {
      const look = () => {
        const item = [...document.querySelectorAll('li.note')].find((li) =>
          li.textContent!.includes(note),
        );
        const button = item?.querySelector('button');
        if (!button) return void requestAnimationFrame(look);
        // The card scrolls inside its frame when its content is taller: bring Delete into view.
        button.scrollIntoView({ block: 'nearest' });
        const rect = button.getBoundingClientRect();
        resolve({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      };
      look();
    });
  }, NOTE);
  const origin = await (await frame.frameElement()).boundingBox();
  if (!origin) return null;
  await page.mouse.click(origin.x + shown.x, origin.y + shown.y);
  return frame.evaluate(() => document.documentElement.getAttribute('data-test-settled-at-click'));
}

const isSettled = (frame: Frame) =>
  frame.evaluate(() => document.documentElement.hasAttribute('data-settled'));

describe('the card on a page that tries to make the reader click', () => {
  let page: Page;

  beforeAll(async () => {
    page = await ext.context.newPage();
    // Tall enough for the whole card below a name in the middle of the window.
    await page.setViewportSize({ width: 1280, height: 1600 });
    await page.goto(`${server.origin}/article`);
    await page.waitForFunction(
      () => (CSS.highlights.get('dramatis-person')?.size ?? 0) > 0,
      undefined,
      { timeout: 30_000 },
    );
  });

  it('ignores a click in the card’s first moments on screen', async () => {
    // The click must land on Delete before the card settles; the card's frame may still be
    // moving into place under the name when Delete appears, so a click that missed the frame
    // altogether proves nothing and the card is opened afresh (at most three times).
    let settledAtClick: string | null = null;
    let frame: Frame | null = null;
    for (let attempt = 0; attempt < 3 && settledAtClick === null; attempt++) {
      if (attempt > 0) {
        await page.mouse.move(1, 1);
        await page.waitForTimeout(800);
      }
      frame = await openCard(page);
      settledAtClick = await clickDeleteAtOnce(page, frame);
    }
    // The click really came before the card settled (else this run proves nothing).
    expect(settledAtClick).toBe('false');
    await page.waitForTimeout(600);
    const text = await frame!.locator('body').innerText();
    expect(text).toContain(NOTE);
    expect(text).not.toContain('Deleted.');
  });

  it('ignores a click while a decoy covers the card, and takes it once uncovered', async () => {
    const frame = await openCard(page);
    const point = await deleteButtonPoint(frame);
    await expect.poll(() => isSettled(frame), { timeout: 5_000 }).toBe(true);

    await page.evaluate(coverWithDecoy);
    // The card learns it is covered (Chrome's IntersectionObserver v2, within its 100 ms delay).
    await expect.poll(() => isSettled(frame), { timeout: 5_000 }).toBe(false);
    await page.mouse.click(point.x, point.y);
    await page.waitForTimeout(600);
    expect(await frame.locator('body').innerText()).toContain(NOTE);
    expect(await frame.locator('body').innerText()).not.toContain('Deleted.');

    // Uncovered and settled again, the same click is the reader's own: it deletes, with Undo.
    await page.evaluate(removeDecoy);
    await expect.poll(() => isSettled(frame), { timeout: 5_000 }).toBe(true);
    await page.mouse.click(point.x, point.y);
    await frame.getByText('Deleted.').waitFor({ timeout: 5_000 });
    // The card changed under the pointer: Undo, too, counts once it has settled.
    await cardSettled(frame);
    await frame.getByRole('button', { name: 'Undo' }).click();
    await frame.getByText(NOTE).waitFor({ timeout: 5_000 });
  });

  it('ignores a click while the page makes the card see-through', async () => {
    const frame = await openCard(page);
    const point = await deleteButtonPoint(frame);
    await expect.poll(() => isSettled(frame), { timeout: 5_000 }).toBe(true);
    // The card's host is the page's one element of ours; it can style it, or the root above it.
    await page.evaluate(() => {
      document.documentElement.style.opacity = '0.05';
    });
    await expect.poll(() => isSettled(frame), { timeout: 5_000 }).toBe(false);
    await page.mouse.click(point.x, point.y);
    await page.waitForTimeout(600);
    expect(await frame.locator('body').innerText()).toContain(NOTE);
    await page.evaluate(() => {
      document.documentElement.style.opacity = '';
    });
  });
});
