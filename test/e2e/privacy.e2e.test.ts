/**
 * Everything stays in the reader's browser: during a whole journey (the options
 * page opened, an article marked, a card opened by hovering, a quote saved from
 * the popup, the side panel searched) no extension context — service worker,
 * popup, options, side panel, the card's frame, the content script — makes a
 * single network request. Recorded from the whole browser context; the only
 * requests allowed are the extension's own files and the article the test page
 * loads from the local server. A sanity test proves the recorder sees a fetch
 * from the service worker and from an extension page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../lib/demo/server';
import {
  launchExtension,
  readBuiltManifest,
  ROOT,
  type ExtensionBrowser,
} from './support/extension';
import {
  isAllowedRequest,
  recordRequests,
  type AllowedRequests,
  type RecordedRequest,
} from './support/network-recorder';
import {
  cardFrame,
  centreOfMark,
  readPageFixture,
  selectParagraphHolding,
  servePages,
  tabIdFrom,
} from './support/page-marks';
import { quoteMarkTexts } from './support/quote-marks';

const ARTICLE_PATH = '/seed-article';
const QUOTED = 'We are willing to do farming instead.';

let ext: ExtensionBrowser;
let server: DemoServer;
let recorded: RecordedRequest[];
let allowed: AllowedRequests;

beforeAll(async () => {
  [ext, server] = await Promise.all([
    launchExtension(),
    servePages({ [ARTICLE_PATH]: readPageFixture('seed-article.html') }),
  ]);
  // From the first moment the test drives anything; the install-time bundle
  // load (a fetch of the extension's own profiles.json) may come before.
  recorded = recordRequests(ext.context);
  allowed = {
    extensionId: ext.extensionId,
    dynamicOrigin: (await ext.webAccessibleUrl('popover.html')).replace(/popover\.html$/, ''),
    serverOrigin: server.origin,
    pagePaths: [ARTICLE_PATH],
  };
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** How many recorded requests match each source, for the log. */
function tally(requests: RecordedRequest[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of requests) {
    const key = `${request.from} ${request.url.split('/')[0]}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('privacy', () => {
  it('makes no network request from any extension context during a whole journey', async () => {
    // Options page: the store status, which also waits for the bundle import.
    const options = await ext.openPage('options.html#profiles');
    await options.locator('.bundle-info').waitFor({ timeout: 30_000 });

    // An article is marked.
    const article = await ext.context.newPage();
    await article.goto(server.origin + ARTICLE_PATH);
    await article.waitForFunction(
      () => (CSS.highlights.get('dramatis-person')?.size ?? 0) > 0,
      null,
      { timeout: 30_000 },
    );

    // A card opens on hover.
    const { x, y } = await centreOfMark(article, 'dramatis-person', 'Mu Sochua');
    await article.mouse.move(x - 4, y);
    await article.mouse.move(x, y);
    const card = (await cardFrame(article)).locator('body');
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('Mu Sochua');
    await article.mouse.move(1, 1);

    // A quote is saved from the popup.
    await article.evaluate(selectParagraphHolding, QUOTED);
    const popup = await ext.openPage(`popup.html?tab=${await tabIdFrom(options, article.url())}`);
    await popup.getByRole('form', { name: 'Save quote' }).waitFor({ timeout: 10_000 });
    await popup.getByLabel('Note').fill('farming, not defecting');
    await popup.getByLabel('Note').press('Control+Enter');
    await popup.getByText('Quote saved.').waitFor();
    await expect
      .poll(async () => (await quoteMarkTexts(article)).length, { timeout: 10_000 })
      .toBe(1);

    // The side panel finds it.
    const panel = await ext.openPage('sidepanel.html');
    await panel.getByRole('searchbox').fill('farming');
    const results = panel.getByRole('list', { name: 'Search results' }).getByRole('listitem');
    await expect.poll(() => results.allInnerTexts()).toEqual([expect.stringContaining(QUOTED)]);

    const violations = recorded.filter((request) => !isAllowedRequest(request, allowed));
    console.info(`privacy journey: ${recorded.length} requests recorded`, tally(recorded));
    expect(violations).toEqual([]);
    // The recorder really saw the journey: the card's frame, the scripts of the
    // extension pages and the article loaded.
    expect(recorded.some((r) => new URL(r.url).pathname === '/popover.html')).toBe(true);
    expect(recorded.some((r) => r.from === 'extension' && r.resourceType === 'script')).toBe(true);
    expect(recorded.some((r) => r.from === 'web' && r.url.endsWith(ARTICLE_PATH))).toBe(true);
    for (const page of [options, article, popup, panel]) await page.close();
  });

  it('would see a request from the service worker or an extension page (the test can fail)', async () => {
    const before = recorded.length;
    const [worker] = ext.context.serviceWorkers();
    await worker!.evaluate(
      (url) => fetch(url).then((response) => response.status),
      `${server.origin}/probe-worker`,
    );
    const page = await ext.openPage('options.html');
    await page.evaluate(
      (url) => fetch(url).then((response) => response.status),
      `${server.origin}/probe-page`,
    );
    // The page loading the article path itself is allowed; an extension page fetching it is not.
    await page.evaluate(
      (url) => fetch(url).then((response) => response.status),
      server.origin + ARTICLE_PATH,
    );
    await page.close();

    const violations = recorded
      .slice(before)
      .filter((request) => !isAllowedRequest(request, allowed));
    expect(violations.map((r) => [r.from, new URL(r.url).pathname])).toEqual([
      ['service-worker', '/probe-worker'],
      ['extension', '/probe-page'],
      ['extension', ARTICLE_PATH],
    ]);
  });
});

describe('permissions', () => {
  it('asks for nothing the README does not explain, and not for storage', () => {
    const manifest = readBuiltManifest() as { permissions?: string[]; host_permissions?: string[] };
    const asked = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])];
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Permissions'),
      readme.indexOf('\n## ', readme.indexOf('## Permissions') + 1),
    );
    // Each permission is a row of the table, its name in backticks at the start.
    const explained = [...section.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1]);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((permission) => !explained.includes(permission))).toEqual([]);
    expect(asked).not.toContain('storage');
  });
});
