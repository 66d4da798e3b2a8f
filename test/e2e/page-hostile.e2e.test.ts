/**
 * A hostile page cannot read the reader's notes: while a card with a private
 * note is open, the page's script walks its DOM, captures shadow roots (from
 * before the content script ran), reads frames and storage, watches every
 * mutation and posts forged card messages. It must find no trace of the note,
 * and its forgeries must change nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DemoServer } from '../../lib/demo/server';
import { launchExtension, type ExtensionBrowser } from './support/extension';
import {
  cardFrame,
  centreOfMark,
  createAsker,
  isCardVisible,
  readPageFixture,
  servePages,
  waitForStore,
} from './support/page-marks';

/** A note only the reader should ever see; distinctive so any leak is found. */
const NOTE = 'Private lead: meets source at the Tonle Bassac cafe, ask about ledger 7Q4Z';

let ext: ExtensionBrowser;
let server: DemoServer;

beforeAll(async () => {
  [ext, server] = await Promise.all([
    launchExtension(),
    servePages({ '/hostile': readPageFixture('hostile-article.html') }),
  ]);
  const ask = createAsker(ext);
  await waitForStore(ask);
  await ask('addEntityNote', { entityId: 'person:mu-sochua', text: NOTE });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

it('finds no trace of an open card and its note, and cannot steer the card', async () => {
  const page = await ext.context.newPage();
  await page.goto(`${server.origin}/hostile`);
  const before = await page.evaluate(() => document.body.outerHTML);
  await page.waitForFunction(
    () => (CSS.highlights.get('dramatis-person')?.size ?? 0) > 0,
    undefined,
    { timeout: 10_000, polling: 50 },
  );

  const { x, y } = await centreOfMark(page, 'dramatis-person', 'Mu Sochua');
  await page.mouse.move(x - 4, y);
  await page.mouse.move(x, y);
  const card = (await cardFrame(page)).locator('body');
  // The note is really on screen, in the card: the test below is not vacuous.
  await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain(NOTE);

  const seenBefore = await page.evaluate(() => (window as unknown as HostileWindow).__probe());
  expect(seenBefore).not.toContain(NOTE);
  expect(seenBefore).not.toContain('7Q4Z');
  // An iframe in a shadow tree is not even in window.frames; were it reachable, it is cross-origin.
  expect(seenBefore).not.toContain('FRAME-CONTENT>><');
  expect(seenBefore).not.toContain('captured:<'); // our closed root is not in the page's world

  // No frame to post to: the forgeries go to the page's own window, the only one it has.
  expect(await page.evaluate(() => (window as unknown as HostileWindow).__forge())).toBe(0);
  await page.waitForTimeout(600);
  const text = await card.innerText();
  expect(text).toContain('Mu Sochua');
  expect(text).not.toContain('Prime Minister');
  expect(await isCardVisible(page)).toBe(true);

  const seenAfter = await page.evaluate(() => (window as unknown as HostileWindow).__probe());
  expect(seenAfter).not.toContain(NOTE);
  expect(seenAfter).not.toContain('7Q4Z');
  expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
});

/** What the fixture's script puts on window. */
interface HostileWindow {
  __probe(): Promise<string>;
  __forge(): number;
}
