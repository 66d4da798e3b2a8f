/**
 * Dramatis on a news page, in Chromium with the built extension: the seed
 * article as a real site would serve it (header, navigation, captions, footer,
 * a comment box), a page whose text arrives after load, hovering a name, the
 * next-mention shortcut and live settings. Assertions are about what the reader
 * sees (the marks the page shows, the card) and what the page keeps (its DOM).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoServer } from '../../lib/demo/server';
import { SCAN_MEASURE, type ScanTimingDetail } from '../../lib/page/scan-timing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchExtension, ROOT, type ExtensionBrowser } from './support/extension';
import {
  allMarked,
  cardFrame,
  centreOfMark,
  createAsker,
  isCardVisible,
  marked,
  readPageFixture,
  servePages,
  waitForStore,
} from './support/page-marks';

const DYNAMIC_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live blog</title></head>
<body><main id="live">
<p id="first">Nee declined to speculate as to whether the local push was part of a national party strategy.</p>
<p id="second">Reporters waited outside the town hall.</p>
<div id="more" hidden><p>Mao Vibol said only one commune councillor had given in.</p></div>
<section class="folded"><style>.folded p { display: none } .open p { display: block }</style>
<p>San Soeung said 13 officials had defected.</p></section>
</main></body></html>`;

/** A 50,000-word page: the seed article's paragraphs over and over, as a long live blog would be. */
function longPage(): string {
  const seed = readFileSync(join(ROOT, 'assets/sources', SEED_SOURCE), 'utf8');
  const paragraphs = seed.split(/\n\s*\n/).filter((paragraph) => paragraph.split(/\s+/).length > 8);
  const out: string[] = [];
  let words = 0;
  for (let i = 0; words < 50_000; i++) {
    const paragraph = paragraphs[i % paragraphs.length]!;
    words += paragraph.split(/\s+/).length;
    out.push(`<p>${paragraph.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long</title></head><body><article>${out.join('\n')}</article></body></html>`;
}

const SEED_SOURCE = '000_2f3c03faae0050a6.txt';

let ext: ExtensionBrowser;
let server: DemoServer;
let ask: ReturnType<typeof createAsker>;

beforeAll(async () => {
  [ext, server] = await Promise.all([
    launchExtension(),
    servePages({
      '/seed-article': readPageFixture('seed-article.html'),
      '/live': DYNAMIC_PAGE,
      '/long': longPage(),
    }),
  ]);
  ask = createAsker(ext);
  await waitForStore(ask);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/**
 * Opens `path` with a main-world probe: the body's markup at DOMContentLoaded
 * (before the content script runs at document_idle), when the first mark
 * appeared, and the longest task the page saw.
 */
async function openArticle(path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const probe = { before: '', markedAt: 0, longestTask: 0, longestAfterLoad: 0 };
    Object.assign(window, { __probe: probe });
    let loadedAt = Infinity;
    addEventListener('load', () => (loadedAt = performance.now()));
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probe.longestTask = Math.max(probe.longestTask, entry.duration);
        // The content script runs at document_idle, after load: earlier tasks are the page's own.
        if (entry.startTime >= loadedAt) {
          probe.longestAfterLoad = Math.max(probe.longestAfterLoad, entry.duration);
        }
      }
    }).observe({ type: 'longtask', buffered: true });
    document.addEventListener('DOMContentLoaded', () => {
      probe.before = document.body.outerHTML;
    });
    const watch = (): void => {
      if ((CSS.highlights.get('dramatis-organization')?.size ?? 0) > 0) {
        probe.markedAt = performance.now();
      } else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  await page.goto(server.origin + path);
  return page;
}

/** The part of `chrome.tabs` the shortcut test uses in the service worker. */
interface WorkerTabs {
  query(filter: object): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

interface Probe {
  before: string;
  markedAt: number;
  /** The longest task of any origin (page parsing and layout included). */
  longestTask: number;
  /** The longest task that started after the load event, when the content script runs. */
  longestAfterLoad: number;
}

const probe = (page: Page): Promise<Probe> =>
  page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);

/** Waits until `text` is among the marks of highlight `name` (usable in hooks, unlike expect.poll). */
async function waitForMark(page: Page, name: string, text: string): Promise<void> {
  await page.waitForFunction(
    ({ name, text }) =>
      [...((CSS.highlights.get(name) ?? new Set()) as unknown as Set<Range>)].some(
        (range) => range.toString() === text,
      ),
    { name, text },
    { timeout: 10_000, polling: 50 },
  );
}

describe('the seed article', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openArticle('/seed-article');
    await waitForMark(page, 'dramatis-person', 'Mu Sochua');
    // Marks land in one pass; give a late slice time to finish before reading them.
    await page.waitForTimeout(300);
  });

  it('marks the people, organizations and places the store knows', async () => {
    const people = await marked(page, 'dramatis-person');
    for (const name of [
      'Leonie Kijewski',
      'Yim Phally',
      'Hun Sen',
      'Mao Vibol',
      'Phom Than',
      'San Soeung',
      'So Platong',
      'Platong',
      'Phally',
      'Khem Bun Song',
      'Meas Nee',
      'Nee',
      'Sochua',
    ]) {
      expect(people, name).toContain(name);
    }
    // Names split by inline markup, a line break and a no-break space are whole marks.
    expect(people).toContain('Mu Sochua'); // <b>Mu</b> Sochua
    expect(people.filter((name) => name === 'Hun Sen')).toHaveLength(4); // one is <a>Hun</a> Sen
    expect(people).toContain('SokEysan'); // Sok<br>Eysan: a range's text skips the <br>

    const organizations = await marked(page, 'dramatis-organization');
    for (const name of ['CNRP', 'CPP', 'Cambodia National Rescue Party', 'Ministry of Interior']) {
      expect(organizations, name).toContain(name);
    }
    expect(organizations).toContain('Phnom Penh Post'); // header brand and footer
    const places = await marked(page, 'dramatis-place');
    for (const name of ['Siem Reap', 'Kork Chak', 'Svay Rieng', 'Kampong Cham', 'Kokchak']) {
      expect(places, name).toContain(name);
    }
  });

  it('draws each kind of mark with its style, from the sheet the browser injected, adopting none', async () => {
    const styles = await page.evaluate(() => {
      const styleOf = (name: string, text: string) => {
        const highlight = (CSS.highlights.get(name) ?? new Set()) as unknown as Set<Range>;
        const range = [...highlight].find((candidate) => candidate.toString() === text)!;
        const style = getComputedStyle(range.startContainer.parentElement!, `::highlight(${name})`);
        return `${style.textDecorationLine} ${style.backgroundColor}`;
      };
      return {
        person: styleOf('dramatis-person', 'Hun Sen'),
        organization: styleOf('dramatis-organization', 'CNRP'),
        place: styleOf('dramatis-place', 'Siem Reap'),
        adopted: document.adoptedStyleSheets.length,
      };
    });
    expect(styles).toEqual({
      person: 'underline rgba(245, 166, 35, 0.16)',
      organization: 'underline rgba(60, 130, 246, 0.14)',
      place: 'underline rgba(34, 170, 100, 0.14)',
      adopted: 0,
    });
  });

  it('marks no ordinary words, nothing in the comment box and nothing in code', async () => {
    const all = await allMarked(page);
    expect(all.some((text) => /more than/i.test(text))).toBe(false);
    expect(all.every((text) => /^\p{Lu}/u.test(text))).toBe(true);
    const inSkipped = await page.evaluate(() => {
      const skipped = [...document.querySelectorAll('#comment, pre')];
      let count = 0;
      for (const name of ['dramatis-person', 'dramatis-organization', 'dramatis-place']) {
        for (const range of (CSS.highlights.get(name) ?? new Set()) as unknown as Set<Range>) {
          if (skipped.some((element) => element.contains(range.startContainer))) count++;
        }
      }
      return count;
    });
    expect(inSkipped).toBe(0);
  });

  it('leaves the page markup byte for byte as it was', async () => {
    const { before } = await probe(page);
    expect(before.length).toBeGreaterThan(1000);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
  });

  it('marks the page soon after load', async () => {
    const { markedAt, longestTask, longestAfterLoad } = await probe(page);
    console.info(
      `seed page: first mark ${Math.round(markedAt)} ms after navigation; longest task ${Math.round(longestTask)} ms, after load ${Math.round(longestAfterLoad)} ms`,
    );
    expect(markedAt).toBeGreaterThan(0);
  });

  it('shows the card with her role and a quote when the pointer rests on Mu Sochua', async () => {
    const { x, y } = await centreOfMark(page, 'dramatis-person', 'Mu Sochua', '#sochua');
    await page.mouse.move(x - 5, y);
    await page.mouse.move(x, y);
    const frame = await cardFrame(page);
    const card = frame.locator('body');
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('Mu Sochua');
    const text = await card.innerText();
    expect(text).toContain('CNRP Deputy President');
    expect(text).toMatch(/The CPP does not do anything|salesman|certain|long run/);
    expect(await isCardVisible(page)).toBe(true);

    // The card sits next to the name, never over it.
    const box = await (await frame.frameElement()).boundingBox();
    expect(box).not.toBeNull();
    expect(y < box!.y || y > box!.y + box!.height).toBe(true);

    // Leaving the name (not into the card) closes it after the grace time.
    await page.mouse.move(5, 5);
    await expect.poll(() => isCardVisible(page), { timeout: 5000 }).toBe(false);
  });

  it('closes the card with Escape', async () => {
    const { x, y } = await centreOfMark(page, 'dramatis-person', 'Mao Vibol');
    await page.mouse.move(x, y);
    await expect.poll(() => isCardVisible(page), { timeout: 5000 }).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => isCardVisible(page), { timeout: 5000 }).toBe(false);
    await page.mouse.move(5, 5);
  });

  it('opens the next mention with the shortcut and moves focus into its card', async () => {
    await page.bringToFront();
    await page.evaluate(() => window.scrollTo(0, 0));
    // Chromium handles extension shortcuts in the browser UI, out of reach of synthetic
    // key events, so the test sends what the background's onCommand handler sends.
    const worker = ext.context.serviceWorkers()[0]!;
    await worker.evaluate(async () => {
      const { tabs } = (globalThis as unknown as { chrome: { tabs: WorkerTabs } }).chrome;
      // As lib/messaging/tab-messages.ts does: the active tab of the focused window.
      const [tab] = await tabs.query({ active: true, currentWindow: true });
      await tabs.sendMessage(tab!.id!, { dramatis: 1, type: 'nextMention', params: {} });
    });
    await expect.poll(() => isCardVisible(page), { timeout: 5000 }).toBe(true);
    const frame = await cardFrame(page);
    await expect.poll(() => frame.evaluate(() => document.hasFocus())).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => isCardVisible(page), { timeout: 5000 }).toBe(false);
  });

  it('applies settings at once: kinds, then marking off and on', async () => {
    await ask('updateSettings', { patch: { kinds: { person: false } } });
    await expect.poll(() => marked(page, 'dramatis-person')).toEqual([]);
    expect((await marked(page, 'dramatis-organization')).length).toBeGreaterThan(0);

    await ask('updateSettings', { patch: { enabled: false, kinds: { person: true } } });
    await expect.poll(() => allMarked(page)).toEqual([]);

    await ask('updateSettings', { patch: { enabled: true } });
    await waitForMark(page, 'dramatis-person', 'Mu Sochua');
  });

  it('in click mode opens a card on click only, and closes it on a click outside', async () => {
    await ask('updateSettings', { patch: { clickMode: true } });
    try {
      const { x, y } = await centreOfMark(page, 'dramatis-person', 'San Soeung');
      await page.mouse.move(x, y);
      await page.waitForTimeout(800);
      expect(await isCardVisible(page)).toBe(false);
      await page.mouse.click(x, y);
      await expect.poll(() => isCardVisible(page), { timeout: 5000 }).toBe(true);
      await page.mouse.move(5, 5);
      await page.waitForTimeout(800);
      expect(await isCardVisible(page)).toBe(true);
      await page.mouse.click(5, 5);
      await expect.poll(() => isCardVisible(page), { timeout: 5000 }).toBe(false);
    } finally {
      await ask('updateSettings', { patch: { clickMode: false } });
    }
  });

  it('explains a bad setting', async () => {
    await expect(ask('updateSettings', { patch: { hoverDelayMs: 5000 } })).rejects.toThrow(
      /hoverDelayMs must be a whole number of milliseconds from 0 to 2000/,
    );
  });
});

describe('a page whose text arrives after load', () => {
  it('marks new text, and a short form once its full name appears', async () => {
    const page = await openArticle('/live');
    // Wait for the first scan to finish: nothing on the page is certain yet.
    await page.waitForTimeout(1500);
    expect(await marked(page, 'dramatis-person')).toEqual([]);

    await page.evaluate(() => {
      const live = document.getElementById('live')!;
      live.insertAdjacentHTML(
        'beforeend',
        '<p id="third">However, political analyst Meas Nee disagreed.</p>' +
          '<p>“If I survive or die, it depends on the CNRP,” said Phally.</p>',
      );
    });
    await waitForMark(page, 'dramatis-person', 'Meas Nee');
    // "Nee" in the first paragraph was waiting for Meas Nee: now it is marked too.
    await expect.poll(() => marked(page, 'dramatis-person')).toEqual(['Nee', 'Meas Nee', 'Phally']);

    // Changed text is scanned again; removed text loses its marks.
    await page.evaluate(() => {
      document.getElementById('second')!.firstChild!.textContent =
        'Town Governor So Platong waited outside the town hall.';
      document.getElementById('third')!.remove();
    });
    await waitForMark(page, 'dramatis-person', 'So Platong');
    expect(await marked(page, 'dramatis-person')).not.toContain('Meas Nee');

    // Hidden text is not scanned until it is shown: "Read more", an unfolded section.
    expect(await marked(page, 'dramatis-person')).not.toContain('Mao Vibol');
    await page.evaluate(() => document.getElementById('more')!.removeAttribute('hidden'));
    await waitForMark(page, 'dramatis-person', 'Mao Vibol');
    await page.evaluate(() => document.querySelector('.folded')!.classList.add('open'));
    await waitForMark(page, 'dramatis-person', 'San Soeung');
    await page.close();
  });
});

/** Scrolls to the last paragraph and waits until a mark inside it is registered. */
async function expectMarksAtTheEnd(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('article p:last-of-type')!.scrollIntoView());
  await page.waitForFunction(
    () => {
      const last = document.querySelectorAll('article p');
      const tail = [...last].slice(-5);
      return ['dramatis-person', 'dramatis-organization', 'dramatis-place'].some((name) =>
        [...((CSS.highlights.get(name) ?? new Set()) as unknown as Set<Range>)].some((range) =>
          tail.some((paragraph) => paragraph.contains(range.startContainer)),
        ),
      );
    },
    undefined,
    { timeout: 10_000, polling: 100 },
  );
}

describe('a 50,000-word page', () => {
  // Only mentions near the viewport are registered on a page this long (lib/page/viewport-window.ts).
  // How long its tasks take is the page bench's to measure (npm run bench:page), not a test's.
  it('is marked in slices, and marks follow the reader down', async () => {
    const page = await openArticle('/long');
    await page.waitForFunction(
      () => (CSS.highlights.get('dramatis-person')?.size ?? 0) > 0,
      undefined,
      { timeout: 60_000, polling: 100 },
    );
    // The content script's account of its scan: a scan that stopped yielding runs as one task.
    const scan = await page.evaluate((name) => {
      const measure = performance.getEntriesByName(name).at(-1) as PerformanceMeasure | undefined;
      return measure?.detail as ScanTimingDetail | undefined;
    }, SCAN_MEASURE);
    const { markedAt, longestAfterLoad } = await probe(page);
    console.info(
      `50,000 words: marked ${Math.round(markedAt)} ms after navigation in ${scan?.slices} slices, longest task after load ${Math.round(longestAfterLoad)} ms`,
    );
    expect(scan?.slices).toBeGreaterThan(1);
    expect(scan?.added).toBeGreaterThan(1000);
    await expectMarksAtTheEnd(page);
    await page.close();
  });
});
