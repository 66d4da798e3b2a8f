/**
 * Where E2E runs leave screenshots. A normal test run writes them under
 * test-results/ (ignored by git); `npm run screenshots` points SCREENSHOTS_DIR
 * at assets/screenshots to regenerate the README's pictures from the same tests.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './extension';

/** The folder screenshots go to for this run. */
export function screenshotDir(): string {
  return resolve(ROOT, process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots');
}

/** Saves a PNG of the page (or of `options.clip`) as `<name>.png` and returns its path. */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: {
    fullPage?: boolean;
    clip?: { x: number; y: number; width: number; height: number };
  } = {},
): Promise<string> {
  const dir = screenshotDir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, ...options });
  return path;
}
