/**
 * Hostile sites, under their own host names (issue 16): the browser maps every
 * host to the local test server (`--host-resolver-rules=MAP * 127.0.0.1`, for
 * this suite only), so a page on attacker.substack.com and one on
 * victim.substack.com are two sites to the browser and to Dramatis. Those are
 * served over HTTPS (substack.com is HSTS-preloaded) with a certificate made
 * for the run and `--ignore-certificate-errors`.
 *
 * - A page that declares another site's address as its canonical is not given
 *   that site's saved quotes (item 3).
 * - A page whose address and canonical are over 10,000 characters is saved
 *   from, with a notice for the dropped canonical (item 5).
 * - The first save (here from the popup) asks for persistent storage (item 9).
 * - Imported notes filed under javascript: and data: addresses show them as text
 *   on the options page, never as links (item 7), and the Markdown export has no
 *   link target but http(s), even for a crafted page address (item 6).
 * - "Add this article" on evil.example.org, whose canonical claims a trusted
 *   outlet, records the article at evil.example.org (item 8).
 *
 * Every page here is invented: names from the shipped store in made-up sentences.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoServer } from '../../lib/demo/server';
import { launchExtension, CHROME_BUILD, ROOT, type ExtensionBrowser } from './support/extension';
import {
  createAsker,
  selectParagraphHolding,
  servePages,
  tabIdOf,
  waitForStore,
} from './support/page-marks';
import { quoteMarkTexts } from './support/quote-marks';
import { showSection } from './support/options-page';

/** The saved sentence, on the victim's page and copied onto the attacker's. */
const SAVED = 'The harbour board met behind closed doors for the third week running';

/** A small article page; `head` goes into its <head> (a canonical link). */
function article(title: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body><article><h1>${title}</h1>
<p>Opposition figure Mu Sochua spoke to reporters outside the court on Tuesday.</p>
<p>${SAVED}, two councillors said, and no minutes were published.</p>
<p>A spokesman declined to comment on the schedule of further hearings.</p>
</article></body></html>`;
}

let ext: ExtensionBrowser;
let server: DemoServer;
/** The same pages over HTTPS: substack.com is on Chromium's HSTS preload list. */
let secure: { port: number; close: () => Promise<void> };
let port: string;
let ask: ReturnType<typeof createAsker>;

/** The test server's address under `host`. */
const at = (host: string, path: string) => `http://${host}:${port}${path}`;
/** The HTTPS test server's address under `host`. */
const secureAt = (host: string, path: string) => `https://${host}:${secure.port}${path}`;

/** An HTTPS server with a throwaway self-signed certificate, passing every request to `origin`. */
async function serveHttps(origin: string): Promise<{ port: number; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'dramatis-tls-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=dramatis-test',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  const tls = createServer(
    { key: readFileSync(key), cert: readFileSync(cert) },
    (request, response) => {
      const upstream = httpRequest(`${origin}${request.url ?? '/'}`, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      upstream.on('error', () => response.writeHead(502).end());
      upstream.end();
    },
  );
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  return {
    port: (tls.address() as AddressInfo).port,
    close: async () => {
      await new Promise((resolve) => tls.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

beforeAll(async () => {
  [ext, server] = await Promise.all([
    launchExtension(CHROME_BUILD, [
      '--host-resolver-rules=MAP * 127.0.0.1',
      '--ignore-certificate-errors',
    ]),
    servePages({}),
  ]);
  port = new URL(server.origin).port;
  secure = await serveHttps(server.origin);
  ask = createAsker(ext);
  await waitForStore(ask);
});
afterAll(async () => {
  await ext?.close();
  await secure?.close();
  await server?.close();
});

/** Opens `url` and waits until its names are marked (the content script has run). */
async function open(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (CSS.highlights.get('dramatis-person')?.size ?? 0) > 0, null, {
    timeout: 30_000,
  });
  return page;
}

describe('a page that claims another site’s address as its canonical', () => {
  for (const [victimHost, attackerHost] of [
    ['victim.substack.com', 'attacker.substack.com'],
    ['victim.example.com', 'evil.example.com'],
  ] as const) {
    it(`on ${attackerHost} is not given the quotes saved on ${victimHost}`, async () => {
      const story = secureAt(victimHost, `/p/story-${victimHost}`);
      const copy = secureAt(attackerHost, `/p/copy-${attackerHost}`);
      server.mount(new URL(story).pathname, article('Harbour board story'));
      server.mount(
        new URL(copy).pathname,
        article('Harbour board story', `<link rel="canonical" href="${story}">`),
      );
      await ask('saveQuote', {
        url: story,
        title: 'Harbour board story',
        quote: { type: 'TextQuoteSelector', exact: SAVED, prefix: '', suffix: '' },
        position: null,
      });

      // On its own site the quote is placed: the copy's empty result below is not vacuous.
      const victim = await open(story);
      await expect.poll(() => quoteMarkTexts(victim), { timeout: 10_000 }).toEqual([SAVED]);
      await victim.close();

      const attacker = await open(copy);
      // Long enough for the content script to ask and place (it took well under a second above).
      await attacker.waitForTimeout(2_000);
      expect(await quoteMarkTexts(attacker)).toEqual([]);
      const registered = await attacker.evaluate(() =>
        [...CSS.highlights.values()]
          .flatMap((highlight) => [...(highlight as unknown as Set<Range>)])
          .map((range) => range.toString())
          .join('|'),
      );
      expect(registered).not.toContain(SAVED);
      await attacker.close();
    });
  }
});

describe('a page with a very long address', () => {
  it('is saved from the popup, its long canonical dropped with a notice, and marked', async () => {
    const path = '/long-address';
    const url = at('news.example.com', `${path}?ref=${'a'.repeat(10_500)}`);
    const canonical = at('news.example.com', `${path}?canonical=${'c'.repeat(11_000)}`);
    server.mount(path, article('Long address', `<link rel="canonical" href="${canonical}">`));
    const page = await open(url);
    expect(page.url().length).toBeGreaterThan(10_000);
    await page.evaluate(selectParagraphHolding, SAVED);
    const popup = await ext.openPage(`popup.html?tab=${await tabIdOf(ext, page.url())}`);
    const form = popup.getByRole('form', { name: 'Save quote' });
    await form.waitFor({ timeout: 10_000 });
    await popup.getByText(/canonical link is too long/).waitFor();
    // Chromium may refuse a new profile's request, so the test counts the requests themselves.
    await popup.evaluate(() => {
      const storage = navigator.storage;
      const persist = storage.persist.bind(storage);
      (window as unknown as { asked: number }).asked = 0;
      storage.persist = () => {
        (window as unknown as { asked: number }).asked++;
        return persist();
      };
    });
    await popup.getByLabel('Note').fill('saved from a long address');
    await popup.getByLabel('Note').press('Control+Enter');
    await popup.getByText('Quote saved.').waitFor({ timeout: 10_000 });
    expect(await popup.locator('body').innerText()).not.toMatch(/Malformed params/);
    // The first save asked the browser to keep the store (item 9).
    expect(await popup.evaluate(() => (window as unknown as { asked: number }).asked)).toBe(1);
    await popup.close();
    await expect
      .poll(async () => (await quoteMarkTexts(page)).join('|'), { timeout: 10_000 })
      .toContain(SAVED);
    await page.close();
  });
});

describe('“Add this article” on a page that claims a trusted outlet’s address', () => {
  it('records the article at the address it was read at, not at the outlet', async () => {
    const page = readFileSync(
      join(ROOT, 'test/fixtures/add-article/commune-observers.html'),
      'utf8',
    );
    // The article's canonical names the Phnom Penh Post; served here from evil.example.org.
    expect(page).toMatch(/<link rel="canonical" href="https:\/\/www\.phnompenhpost\.com\//);
    server.mount('/observers', page);
    const url = at('evil.example.org', '/observers');
    const article = await open(url);
    const popup = await ext.openPage(`popup.html?tab=${await tabIdOf(ext, url)}`);
    await popup.getByRole('button', { name: 'Add this article to sources' }).click();
    await popup.getByText(/^Added “/).waitFor({ timeout: 30_000 });
    await popup.close();
    await article.close();

    const options = await ext.openPage('options.html#sources');
    const row = options
      .getByRole('region', { name: 'Sources' })
      .getByRole('listitem', { name: /Observers report pressure/ });
    await row.waitFor({ timeout: 15_000 });
    const links = await row
      .locator('a[href]')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links).toContain(url);
    expect(links.join(' ')).not.toContain('phnompenhpost.com');
    // The claim is shown for what it is, as text, and the outlet's name is not taken from the page.
    await expect
      .poll(() => row.innerText())
      .toMatch(/claims to be a copy from www\.phnompenhpost\.com; that claim is not checked/);
    expect(await row.locator('.source-meta').innerText()).not.toMatch(/Phnom Penh Post/i);
    await options.close();
  });
});

describe('imported notes with script and data addresses', () => {
  it('are listed on the options page with their address as text, never as a link', async () => {
    const now = Date.now();
    const record = (id: string, url: string, note: string) => ({
      id,
      url,
      title: `Imported ${id}`,
      site: 'imported.example',
      created: now,
      updated: now,
      quote: null,
      position: null,
      note,
      tags: [],
      entityIds: [],
    });
    await ask('importAnnotations', {
      records: [
        record(
          '0b4f3c2a-1111-4a5b-8c6d-7e8f9a0b1c2d',
          'javascript:alert(1)',
          'Script address 4KX1',
        ),
        record(
          '0b4f3c2a-2222-4a5b-8c6d-7e8f9a0b1c2d',
          'data:text/html,<b>x</b>',
          'Data address 4KX2',
        ),
      ],
    });
    const options = await ext.openPage('options.html');
    for (const id of ['1111', '2222']) {
      const row = options.locator(`li.note-row[data-id="0b4f3c2a-${id}-4a5b-8c6d-7e8f9a0b1c2d"]`);
      await row.waitFor({ timeout: 15_000 });
      // The title is there, as plain text: the row has no link at all.
      expect(await row.innerText()).toContain(`Imported 0b4f3c2a-${id}`);
      expect(await row.locator('a').count()).toBe(0);
    }
    const unsafe = await options
      .locator('a[href]')
      .evaluateAll((anchors) =>
        anchors
          .map((anchor) => anchor.getAttribute('href')!)
          .filter((href) => /^\s*(javascript|data):/i.test(href)),
      );
    expect(unsafe).toEqual([]);
    await options.close();
  });

  it('export to Markdown with no working script link, even from a crafted page address', async () => {
    const now = Date.now();
    await ask('importAnnotations', {
      records: [
        {
          id: '0b4f3c2a-3333-4a5b-8c6d-7e8f9a0b1c2d',
          url: 'https://news.example.com/a)[Open the original](javascript:alert(1))',
          title: 'Crafted address',
          site: 'news.example.com',
          created: now,
          updated: now,
          quote: null,
          position: null,
          note: 'Crafted address 4KX3',
          tags: [],
          entityIds: [],
        },
      ],
    });
    const options = await ext.openPage('options.html');
    await options
      .locator('li.note-row[data-id="0b4f3c2a-3333-4a5b-8c6d-7e8f9a0b1c2d"]')
      .waitFor({ timeout: 15_000 });
    await showSection(options, 'data');
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Markdown by page' }).click();
    const markdown = readFileSync(await (await download).path(), 'utf8');
    expect(markdown).toContain('Crafted address');
    // No link target but http(s): the imported javascript: and data: notes are there as text.
    const targets = [...markdown.matchAll(/\]\(([^)\s]*)/g)].map((match) => match[1]!);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(target).toMatch(/^https?:\/\//);
    expect(markdown).not.toMatch(/\]\(\s*javascript:/i);
    await options.close();
  });
});
