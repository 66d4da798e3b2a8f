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

/** Scrolls the first mark reading `text` a little below the top and returns its centre. */
async function pointAtMark(page: Page, text: string): Promise<{ x: number; y: number }> {
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
        const rect = range.getBoundingClientRect();
        window.scrollBy(0, rect.top - 120);
        const moved = range.getClientRects()[0]!;
        return { x: moved.left + moved.width / 2, y: moved.top + moved.height / 2 };
      }
    }
    throw new Error(`no mark "${wanted}"`);
  }, text);
}

describe('README screenshots', () => {
  it('a hover card on the demo article', async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1100, height: 860 });
    await page.goto(server.articles[0]!.url);
    const { x, y } = await pointAtMark(page, 'Mu Sochua');
    await page.mouse.move(x - 8, y);
    await page.mouse.move(x, y);
    await expect
      .poll(() => page.frames().some((f) => f.url().endsWith('/popover.html')), { timeout: 10_000 })
      .toBe(true);
    const frame = page.frames().find((f) => f.url().endsWith('/popover.html'))!;
    const card = frame.getByRole('dialog', { name: 'Mu Sochua' });
    await card.waitFor();
    expect(await card.innerText()).toContain('Deputy President');
    await page.waitForTimeout(300); // the card's fade-in
    await saveScreenshot(page, 'hover-card');
    await page.close();
  });
});
