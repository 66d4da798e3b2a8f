/**
 * The Firefox build installs into Firefox ESR, imports the shipped bundle, and
 * its options page shows the store's counts, as in Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuiltBundle } from './support/extension';
import { launchFirefoxExtension, type FirefoxExtensionBrowser } from './support/firefox';

let firefox: FirefoxExtensionBrowser;
beforeAll(async () => {
  firefox = await launchFirefoxExtension();
});
afterAll(async () => {
  await firefox?.close();
});

describe('Firefox: the profile store after install', () => {
  it('shows how many people, organizations and places the store holds', async () => {
    const bundle = readBuiltBundle();
    const people = bundle.entities.filter((entity) => entity.kind === 'person').length;
    const page = await firefox.openPage('options.html#profiles');
    await page.waitForFunction(
      (count: string) =>
        [...document.querySelectorAll('.count')].some(
          (row) =>
            row.querySelector('dt')?.textContent === 'People' &&
            row.querySelector('dd')?.textContent === count,
        ),
      { timeout: 30_000 },
      String(people),
    );
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('Organizations');
    expect(text).toContain(bundle.hash.slice(0, 12));
  });
});
