/**
 * Launching Chromium with the built extension, for every E2E test.
 *
 * Debian's chromium is driven by playwright-core over CDP. Extensions only load
 * in a persistent context, and only with the new headless mode, so the browser
 * is started "headed" with `--headless=new` in its arguments.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { ProfileBundle } from '@/lib/model/bundle-format';
import { testBrowserPath } from '@/lib/demo/test-browsers';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../../..');

/** The unpacked Chrome build that `wxt build` writes. */
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');

/** The browser under test: /usr/bin/chromium (Debian) or /snap/bin/chromium (Ubuntu); override with CHROMIUM_PATH. */
const CHROMIUM = testBrowserPath('chromium');

/** A browser with the extension installed. */
export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's id, the host of its `chrome-extension://` URLs. */
  extensionId: string;
  /** Opens one of the extension's pages (e.g. `options.html`) in a new tab. */
  openPage: (path: string) => Promise<Page>;
  /**
   * The address pages may load web-accessible `path` from: Chrome's dynamic origin
   * for this session (`use_dynamic_url`), which a page never learns from Dramatis.
   */
  webAccessibleUrl: (path: string) => Promise<string>;
  /** Closes the browser and deletes its profile. */
  close: () => Promise<void>;
}

/** Fails early with what to do when the build or the browser is missing. */
function checkPrerequisites(buildDir: string): void {
  if (!existsSync(join(buildDir, 'manifest.json'))) {
    throw new Error(`${buildDir} has no manifest.json: run \`npm run build\` first`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: run \`node --import tsx lib/demo/ensure-browsers.ts\` (npm test does) to install it, or set CHROMIUM_PATH`,
    );
  }
}

/** The flags of every E2E browser, with the extension or without. */
const BROWSER_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The same browser with the same flags and the same kind of profile (a fresh
 * persistent one, not an incognito-like context, whose features differ),
 * without the extension: what a page costs on its own.
 */
export async function launchWithoutExtension(): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  const profileDir = mkdtempSync(join(tmpdir(), 'dramatis-e2e-plain-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: false,
    args: BROWSER_FLAGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts Chromium with a fresh profile and the built extension, and waits for its service worker.
 * `buildDir` loads another unpacked copy (the page bench ships its own profiles.json in one);
 * `extraArgs` adds Chromium switches: the screenshots hide scroll bars (overlay ones look), the
 * hostile-site suite maps test hosts with `--host-resolver-rules`.
 */
export async function launchExtension(
  buildDir = CHROME_BUILD,
  extraArgs: readonly string[] = [],
): Promise<ExtensionBrowser> {
  checkPrerequisites(buildDir);
  const profileDir = mkdtempSync(join(tmpdir(), 'dramatis-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: false,
    args: [
      `--disable-extensions-except=${buildDir}`,
      `--load-extension=${buildDir}`,
      ...BROWSER_FLAGS,
      ...extraArgs,
    ],
  });
  try {
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      extensionId,
      webAccessibleUrl: (path) =>
        worker.evaluate(
          (at) =>
            (
              globalThis as unknown as { chrome: { runtime: { getURL(path: string): string } } }
            ).chrome.runtime.getURL(at),
          `/${path}`,
        ),
      openPage: async (path) => {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/${path}`);
        return page;
      },
      close: async () => {
        await context.close();
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
}

/** The bundle the build shipped, so tests compare against real numbers rather than constants. */
export function readBuiltBundle(): ProfileBundle {
  return JSON.parse(readFileSync(join(CHROME_BUILD, 'profiles.json'), 'utf8')) as ProfileBundle;
}

/** The built Chrome manifest. */
export function readBuiltManifest(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}
