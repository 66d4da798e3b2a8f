/**
 * Launching Firefox ESR with the built Firefox extension, for the E2E tests of
 * the core journey in Firefox.
 *
 * Puppeteer drives Firefox over WebDriver BiDi (no geckodriver) and installs the
 * unpacked build as a temporary add-on. Firefox gives each extension a random
 * moz-extension:// host per profile; the `extensions.webextensions.uuids` pref
 * fixes it for our add-on id so tests can open the extension's pages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from './extension';
import { testBrowserPath } from '@/lib/demo/test-browsers';

/** The unpacked Firefox build that `wxt build -b firefox` writes. */
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');

/** The browser under test: firefox-esr (Debian's, or the Mozilla team PPA's on Ubuntu); override with FIREFOX_PATH. */
const FIREFOX = testBrowserPath('firefox-esr');

/** The fixed extension host used in these tests. */
export const FIREFOX_EXTENSION_UUID = '5d5b7a0e-3c1f-4f0e-9a52-6f0d2d7c1a11';

/** A Firefox with the extension installed. */
export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** Opens one of the extension's pages (e.g. `options.html`) in a new tab. */
  openPage: (path: string) => Promise<Page>;
  close: () => Promise<void>;
}

/** The gecko id the Firefox build declares. */
function addonId(): string {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${FIREFOX_BUILD}/manifest.json declares no gecko id`);
  return id;
}

/** Starts Firefox ESR headless with a fresh profile and the built extension installed. */
export async function launchFirefoxExtension(): Promise<FirefoxExtensionBrowser> {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`${FIREFOX_BUILD} has no manifest.json: run \`npm run build:firefox\` first`);
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `${FIREFOX} not found: run \`node --import tsx lib/demo/ensure-browsers.ts\` (npm test does) to install it, or set FIREFOX_PATH`,
    );
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId()]: FIREFOX_EXTENSION_UUID }),
      // No calls home from the browser itself during tests.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  try {
    await browser.installExtension(FIREFOX_BUILD);
  } catch (error) {
    await browser.close();
    throw error;
  }
  // WebDriver BiDi refuses to navigate a tab to a moz-extension:// URL, but an
  // extension page may open others of its own origin. The onboarding tab the
  // extension opens on install is that way in.
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const entry = await findPage(browser, `${origin}/onboarding.html`);
  return {
    browser,
    openPage: async (path) => {
      const url = `${origin}/${path}`;
      // window.open needs a user gesture; the extension's own tabs API does not.
      await entry.evaluate(async (target: string) => {
        const api = (
          globalThis as unknown as { browser: { tabs: { create(o: object): Promise<unknown> } } }
        ).browser;
        await api.tabs.create({ url: target });
      }, url);
      return findPage(browser, url);
    },
    close: () => browser.close(),
  };
}

/**
 * The tab showing `url`. Firefox's BiDi targets keep reporting about:blank for
 * tabs an extension opened, so each tab is asked for its own location.
 */
async function findPage(browser: Browser, url: string, timeoutMs = 30_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === url && (await page.evaluate(() => document.readyState)) === 'complete') {
        return page;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no tab showed ${url} within ${timeoutMs} ms`);
}

/** The id of the tab showing `url`, asked from an extension page as the popup would. */
export async function firefoxTabIdOf(
  firefox: FirefoxExtensionBrowser,
  url: string,
): Promise<number> {
  const page = await firefox.openPage('options.html');
  try {
    const id = await page.evaluate(async (target: string) => {
      const api = (
        globalThis as unknown as {
          browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
        }
      ).browser;
      return (await api.tabs.query({})).find((tab) => tab.url === target)?.id ?? null;
    }, url);
    if (id === null) throw new Error(`no tab shows ${url}`);
    return id;
  } finally {
    await page.close();
  }
}
