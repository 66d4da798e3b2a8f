/**
 * Smoke test of the built extension: installing it imports the shipped bundle,
 * and the options page shows how many profiles the store holds. The page shows
 * one section at a time, chosen by the side navigation and the address's hash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchExtension,
  readBuiltBundle,
  readBuiltManifest,
  type ExtensionBrowser,
} from './support/extension';
import { optionsUrl, showSection } from './support/options-page';
import { saveScreenshot } from './support/screenshots';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(async () => {
  await browser?.close();
});

describe('the options page after install', () => {
  it('opens in a tab', () => {
    expect(readBuiltManifest()).toMatchObject({
      options_ui: { page: 'options.html', open_in_tab: true },
    });
  });

  it('shows the counts of the bundle that was built', async () => {
    const bundle = readBuiltBundle();
    const ofKind = (kind: string) =>
      bundle.entities.filter((entity) => entity.kind === kind).length;
    const expected = {
      People: ofKind('person'),
      Organizations: ofKind('organization'),
      Places: ofKind('place'),
      'Source documents': bundle.documents.length,
    };
    // The seed article alone names at least this many; fewer means extraction broke.
    expect(expected.People).toBeGreaterThanOrEqual(10);
    expect(expected.Organizations).toBeGreaterThanOrEqual(4);
    expect(expected.Places).toBeGreaterThanOrEqual(3);

    const page = await browser.openPage(optionsUrl('profiles'));
    await page.getByRole('heading', { name: 'Profile store' }).waitFor();
    // The import runs at install; the page keeps asking until it is done.
    await page.locator('.bundle-info').waitFor({ timeout: 30_000 });

    for (const [label, count] of Object.entries(expected)) {
      const row = page.locator('.count').filter({ has: page.getByText(label, { exact: true }) });
      await expect(row.locator('dd').innerText()).resolves.toBe(count.toLocaleString('en-US'));
    }
    expect(await page.getByRole('alert').count()).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).toContain(bundle.hash.slice(0, 12));

    await page.setViewportSize({ width: 960, height: 480 });
    await saveScreenshot(page, 'options', { fullPage: true });
  });

  it('shows one section at a time, moved between by link, keyboard, Back and Forward', async () => {
    const page = await browser.openPage('options.html');
    const nav = page.getByRole('navigation');
    const current = () => nav.locator('a[aria-current="page"]').getAttribute('href');
    const notes = page.getByRole('heading', { level: 2, name: 'Notes' });
    const profiles = page.getByRole('heading', { level: 2, name: 'Profiles', exact: true });
    const settings = page.getByRole('heading', { level: 2, name: 'Settings' });

    await notes.waitFor();
    expect(await current()).toBe('#notes');
    expect(await profiles.count()).toBe(0);

    await showSection(page, 'notes');
    // The link's hash names no element, so the page did not jump to one.
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await showSection(page, 'profiles');
    await profiles.waitFor();
    expect(await notes.count()).toBe(0);
    // Focus moved to the heading of the section shown, as in Chrome's settings.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Profiles');

    // Keyboard alone: Tab to Settings in the navigation, Enter.
    await nav.getByRole('link', { name: 'Settings' }).focus();
    await page.keyboard.press('Enter');
    await settings.waitFor();
    expect(await current()).toBe('#settings');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Settings');

    await page.goBack();
    await profiles.waitFor();
    expect(await current()).toBe('#profiles');
    await page.goForward();
    await settings.waitFor();

    // A link from elsewhere lands on its section; an unknown one on Notes.
    await page.goto(page.url().replace(/#.*$/, '#data'));
    await page.getByRole('heading', { level: 2, name: 'Data' }).waitFor();
    await page.goto(page.url().replace(/#.*$/, '#nowhere'));
    await notes.waitFor();
    expect(await current()).toBe('#notes');
    await page.close();
  });
});
