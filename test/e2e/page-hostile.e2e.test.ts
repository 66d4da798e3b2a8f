/**
 * Hostile input cannot read or steer Dramatis.
 *
 * A hostile page: while cards are open one after another (a profile with a
 * private note, a related profile, a saved quote with its private note), the
 * page's script walks its DOM, captures shadow roots (from before the content
 * script ran), reads frames and storage, watches every mutation, frames its own
 * copy of the card page, posts forged window messages to every frame and to
 * itself, and tries `chrome.runtime` from its own world. It must find no trace
 * of the notes, its forgeries must change nothing, and the real card must keep
 * working, while the page's own copy of the card page is shown nothing (the
 * relay pairs only the frame carrying the content script's token, which the
 * page never sees).
 *
 * A hostile source document: the extension is loaded with a bundle compiled
 * (by the real pipeline) from the shipped article with markup put into its
 * title and one of Mu Sochua's quotes; the card shows that markup as text.
 */
import { mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { DemoServer } from '../../lib/demo/server';
import { buildBundle, readSourceFolder } from '../../lib/profiles';
import { CHROME_BUILD, launchExtension, ROOT, type ExtensionBrowser } from './support/extension';
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
import { pointInQuoteMark, quoteMarkTexts } from './support/quote-marks';

/** Notes only the reader should ever see; distinctive so any leak is found. */
const NOTE = 'Private lead: meets source at the Tonle Bassac cafe, ask about ledger 7Q4Z';
const QUOTE_NOTE = 'Second source confirms, do not publish yet 9K2W';
const SECRETS = [NOTE, '7Q4Z', QUOTE_NOTE, '9K2W'];
/** The saved quote on the hostile page (no name inside, so hovering it opens the quote's card). */
const SAVED_EXACT = 'who fled the country after being warned of her imminent arrest';

/** Markup put into the source document; inline handlers would not run in an extension page anyway, so the test looks for elements. */
const MARKUP = '<img src=x onerror=alert(1)>';
const SOURCE_QUOTE = 'The CPP does not do anything without the approval of the central committee,';
const HOSTILE_QUOTE = `The CPP does not do ${MARKUP} anything without the approval of the central committee,`;
const HOSTILE_TITLE = `CNRP alleges <script>alert(2)</script> push`;

let ext: ExtensionBrowser;
let server: DemoServer;
let buildCopy: string;

/** The shipped build with a profiles.json compiled from the shipped source, markup added. */
async function buildWithHostileSource(): Promise<string> {
  const sources = await readSourceFolder(join(ROOT, 'assets/sources'));
  const hostile = sources.map((source) => {
    if (!source.content.includes(SOURCE_QUOTE)) return source;
    return {
      ...source,
      content: source.content.replace(SOURCE_QUOTE, HOSTILE_QUOTE),
      meta: { ...source.meta, title: HOSTILE_TITLE },
    };
  });
  expect(hostile).not.toEqual(sources);
  const dir = mkdtempSync(join(tmpdir(), 'dramatis-hostile-build-'));
  cpSync(CHROME_BUILD, dir, { recursive: true });
  writeFileSync(join(dir, 'profiles.json'), JSON.stringify(buildBundle(hostile)));
  return dir;
}

beforeAll(async () => {
  buildCopy = await buildWithHostileSource();
  [ext, server] = await Promise.all([
    launchExtension(buildCopy),
    servePages({ '/hostile': readPageFixture('hostile-article.html') }),
  ]);
  const ask = createAsker(ext);
  await waitForStore(ask);
  await ask('addEntityNote', { entityId: 'person:mu-sochua', text: NOTE });
  await ask('saveQuote', {
    url: `${server.origin}/hostile`,
    title: 'Opposition leader speaks out',
    quote: { type: 'TextQuoteSelector', exact: SAVED_EXACT, prefix: '', suffix: '' },
    position: null,
    note: QUOTE_NOTE,
  });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
  if (buildCopy) rmSync(buildCopy, { recursive: true, force: true });
});

/** What the fixture's script puts on window. */
interface HostileWindow {
  __probe(): Promise<string>;
  __forge(): number;
  __frameOwnCard(url: string): Promise<number>;
  __reachRuntime(extensionId: string): Promise<string[]>;
}

/** Everything the page's script can see now; fails the test on any secret. */
async function expectNoSecrets(page: Page): Promise<void> {
  const seen = await page.evaluate(() => (window as unknown as HostileWindow).__probe());
  for (const secret of SECRETS) expect(seen).not.toContain(secret);
  // An iframe in a shadow tree is not even in window.frames; were it reachable, it is cross-origin.
  expect(seen).not.toContain('FRAME-CONTENT>><');
  expect(seen).not.toContain('captured:<'); // our closed root is not in the page's world
}

/** Rests the pointer on the mark of `name` whose text is `text`, as a reader would. */
async function hover(page: Page, name: string, text: string): Promise<void> {
  const { x, y } = await centreOfMark(page, name, text);
  await page.mouse.move(x - 4, y);
  await page.mouse.move(x, y);
}

/** Rests the pointer on a word of the saved quote that is no name. */
async function hoverSavedQuote(page: Page): Promise<void> {
  const point = await pointInQuoteMark(page, 'country');
  await page.mouse.move(point.x - 5, point.y);
  await page.mouse.move(point.x, point.y);
}

/** The card's text with the values of its fields (a saved quote's note is in a text field). */
async function cardText(frame: Frame): Promise<string> {
  const fields = await frame
    .locator('textarea, input')
    .evaluateAll((elements) =>
      elements.map((element) => (element as HTMLInputElement | HTMLTextAreaElement).value),
    );
  return [await frame.locator('body').innerText(), ...fields].join('\n');
}

describe('a hostile page', () => {
  let page: Page;
  let card: Frame;

  beforeAll(async () => {
    page = await ext.context.newPage();
    await page.goto(`${server.origin}/hostile`);
    await page.waitForFunction(
      () => (CSS.highlights.get('dramatis-person')?.size ?? 0) > 0,
      undefined,
      {
        timeout: 30_000,
        polling: 50,
      },
    );
    for (let tries = 0; (await quoteMarkTexts(page)).length === 0; tries++) {
      if (tries > 100) throw new Error('the saved quote was never marked');
      await page.waitForTimeout(100);
    }
  });

  it('finds no trace of three cards opened in turn and their private notes', async () => {
    const before = await page.evaluate(() => document.body.outerHTML);

    await hover(page, 'dramatis-person', 'Mu Sochua');
    card = await cardFrame(page);
    // The notes are really on screen, in the card: the probes below are not vacuous.
    await expect.poll(() => cardText(card), { timeout: 10_000 }).toContain(NOTE);
    await expectNoSecrets(page);

    // A related entity's card, in the same frame.
    const related = card.getByRole('region', { name: 'Also in these stories' }).getByRole('button');
    const relatedName = (await related.first().innerText()).split('\n')[0]!;
    await cardSettled(card);
    await related.first().click();
    await expect
      .poll(() => card.getByRole('heading', { level: 2 }).innerText(), { timeout: 10_000 })
      .toContain(relatedName);
    await expectNoSecrets(page);

    await page.mouse.move(1, 1);
    await expect.poll(() => isCardVisible(page), { timeout: 10_000 }).toBe(false);
    await hoverSavedQuote(page);
    await expect.poll(() => cardText(card), { timeout: 10_000 }).toContain(QUOTE_NOTE);
    await expectNoSecrets(page);

    expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
  });

  it('cannot steer the card with forged window messages, even through its own copy of the card page', async () => {
    const shown = await cardText(card);
    expect(shown).toContain(QUOTE_NOTE);

    // Our card's frame is not among the page's frames; the page's own copy is, and gets every forgery.
    // Chrome loads the card page in other sites' frames only from its dynamic origin, which
    // Dramatis never tells a page (see below); a page that learned it is the worst case.
    const url = `${await ext.webAccessibleUrl('popover.html')}?own`;
    expect(
      await page.evaluate((src) => (window as unknown as HostileWindow).__frameOwnCard(src), url),
    ).toBe(1);
    expect(await page.evaluate(() => (window as unknown as HostileWindow).__forge())).toBe(1);
    // What the forgeries would do if obeyed: show Hun Sen, or hide the card.
    await expect.poll(() => isCardVisible(page)).toBe(true);
    expect(await cardText(card)).toBe(shown);
    expect(await cardText(card)).not.toContain('Hun Sen');
    await expectNoSecrets(page);

    // The real card still answers the reader after the page's copy connected.
    await page.mouse.move(1, 1);
    await expect.poll(() => isCardVisible(page), { timeout: 10_000 }).toBe(false);
    await hover(page, 'dramatis-person', 'Mu Sochua');
    await expect.poll(() => cardText(card), { timeout: 10_000 }).toContain(NOTE);
    await expect.poll(() => isCardVisible(page)).toBe(true);
    await expectNoSecrets(page);
    // The page's copy was never paired: the host's show went to our frame only.
    const own = page.frames().find((candidate) => candidate.url().endsWith('popover.html?own'));
    expect(own).toBeDefined();
    expect(await cardText(own!)).not.toContain('Mu Sochua');
    // The token that tells our frame from copies is nowhere the page can look.
    const token = new URL(card.url()).hash.slice(1);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    const seen = await page.evaluate(() => (window as unknown as HostileWindow).__probe());
    expect(seen).toContain('timeline:');
    expect(seen).not.toContain(token);
  });

  it('frames the card page for a chosen entity and is shown nothing to click', async () => {
    const url = `${await ext.webAccessibleUrl('popover.html')}?entity=person:mu-sochua`;
    await page.evaluate((src) => (window as unknown as HostileWindow).__frameOwnCard(src), url);
    await expect
      .poll(() => page.frames().some((frame) => frame.url().includes('?entity=')))
      .toBe(true);
    const own = page.frames().find((frame) => frame.url().includes('?entity='))!;
    await own.waitForLoadState('load');
    // Give a card that would render the time to: a profile answers within milliseconds.
    await page.waitForTimeout(1_000);
    expect(await cardText(own)).not.toContain('Mu Sochua');
    expect(await own.getByRole('button').count()).toBe(0);
    for (const secret of SECRETS) expect(await cardText(own)).not.toContain(secret);
  });

  it('cannot read which of its text the reader saved', async () => {
    // The quote is on screen for the reader (read through DevTools, which enters closed roots)…
    expect((await quoteMarkTexts(page))[0]).toContain(SAVED_EXACT);
    const point = await pointInQuoteMark(page, 'country');
    // …but nothing the page can reach holds its text: no highlight, no readable element.
    const seen = await page.evaluate(({ x, y }) => {
      const registered = [...CSS.highlights.entries()].map(([name, highlight]) => [
        name,
        [...(highlight as unknown as Set<Range>)].map((range) => range.toString()).join('|'),
      ]);
      const host = document.querySelector('dramatis-quote-marks');
      return {
        names: registered.map(([name]) => name),
        texts: registered.map(([, texts]) => texts).join('\n'),
        hostOpen: host ? host.shadowRoot !== null : null,
        hostText: host?.textContent ?? null,
        hit: document.elementsFromPoint(x, y).map((element) => element.localName),
      };
    }, point);
    expect(seen.names).not.toContain('dramatis-quote');
    expect(seen.texts).not.toContain(SAVED_EXACT);
    expect(seen.hostOpen).toBe(false);
    expect(seen.hostText).toBe('');
    // The boxes ignore the pointer, so hit-testing the page's words does not find which are saved.
    expect(seen.hit).not.toContain('dramatis-quote-marks');
  });

  it('cannot tell Dramatis is installed by fetching its card page', async () => {
    // `use_dynamic_url`: the extension's fixed id no longer serves pages, so probing for it fails.
    const url = `chrome-extension://${ext.extensionId}/popover.html`;
    const outcome = await page.evaluate(async (src) => {
      try {
        return `answered ${(await fetch(src)).status}`;
      } catch {
        return 'failed';
      }
    }, url);
    expect(outcome).toBe('failed');
  });

  it('cannot reach the extension through chrome.runtime from its own world', async () => {
    const outcomes = await page.evaluate(
      (id) => (window as unknown as HostileWindow).__reachRuntime(id),
      ext.extensionId,
    );
    // Without externally_connectable, pages get no chrome.runtime at all; were it there, every call must fail.
    expect(outcomes[0]).toBe('runtime:undefined');
    for (const outcome of outcomes.slice(1)) expect(outcome).toMatch(/^refused:/);
    for (const secret of [...SECRETS, 'Mu Sochua'])
      expect(outcomes.join('\n')).not.toContain(secret);
  });
});

describe('a hostile source document', () => {
  it('shows markup in a quote and a document title as text in the card', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/hostile`);
    await page.waitForFunction(
      () => (CSS.highlights.get('dramatis-person')?.size ?? 0) > 0,
      undefined,
      {
        timeout: 30_000,
      },
    );
    await hover(page, 'dramatis-person', 'Mu Sochua');
    const card = await cardFrame(page);
    await expect.poll(() => cardText(card), { timeout: 10_000 }).toContain(MARKUP);
    await cardSettled(card);
    await card
      .getByRole('button', { name: /^Source/ })
      .first()
      .click();
    await expect.poll(() => cardText(card)).toContain(HOSTILE_TITLE);
    expect(await card.locator('img, script:not([src])').count()).toBe(0);
    await page.close();
  });
});
