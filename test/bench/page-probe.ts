/**
 * What the page bench reads inside Chromium: an init script that runs in every
 * frame before the page's own scripts, and the readers of what it recorded.
 *
 * - In the page: every long task (PerformanceObserver 'longtask', which sees
 *   all of the tab's main-thread tasks over 50 ms, the content script's and the
 *   rendering of its highlights included), and when the pointer last moved.
 * - In the card's frame (`chrome-extension://…/popover.html`, where Playwright
 *   runs init scripts too): when the card's name heading appeared and when the
 *   frame that shows it was painted.
 * - The content script's own account of the scan: the `dramatis:scan` User
 *   Timing measure (lib/page/scan-timing.ts), visible here because a frame's
 *   performance timeline is shared by its page and content-script worlds.
 *
 * Times that cross processes (pointer in the page, heading in the frame) use
 * `Date.now()`, the one clock both processes share.
 */
import type { Page } from 'playwright-core';
import type { DrawTimingDetail, ScanTimingDetail } from '@/lib/page/scan-timing';
import { isCardFrameUrl } from '../e2e/support/page-marks';

/** A long task as the page saw it. */
interface LongTask {
  start: number;
  duration: number;
}

/** One appearance of the card's name heading. */
interface HeadingPaint {
  name: string;
  /** When the heading was in the DOM. */
  dom: number;
  /** The next animation frame after it: when it reaches the screen. */
  frame: number;
}

/** The probe's state, as it lives on `window`. */
interface ProbeWindow {
  __benchTasks?: LongTask[];
  __benchPointerAt?: number;
  __benchHeadings?: HeadingPaint[];
}

/** The init script; self-contained, as Playwright serializes it into every frame. */
function probeScript(): void {
  const win = window as unknown as ProbeWindow;
  if (location.protocol === 'chrome-extension:') {
    if (!location.pathname.endsWith('/popover.html')) return;
    const headings: HeadingPaint[] = [];
    win.__benchHeadings = headings;
    let lastElement: Element | null = null;
    let lastText: string | null = null;
    new MutationObserver(() => {
      const element = document.getElementById('card-name');
      const text = element?.textContent ?? null;
      if (element === lastElement && text === lastText) return;
      lastElement = element;
      lastText = text;
      if (!element || text === null) return;
      const dom = Date.now();
      requestAnimationFrame(() => headings.push({ name: text, dom, frame: Date.now() }));
    }).observe(document, { subtree: true, childList: true, characterData: true });
    return;
  }
  const tasks: LongTask[] = [];
  win.__benchTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Capture on window: before the content script's document listener, i.e. when the event is dispatched.
  addEventListener('pointermove', () => (win.__benchPointerAt = Date.now()), { capture: true });
}

/** Installs the probe in every frame `page` loads from now on. */
export async function installProbe(page: Page): Promise<void> {
  await page.addInitScript(probeScript);
}

/** One load's figures. */
export interface ScanFigures extends ScanTimingDetail {
  /** When the scan started, on the page's performance clock (ms). */
  startTime: number;
  /**
   * The drawings of marks that followed the scan within the second read
   * (lib/page/scan-timing.ts, `dramatis:draw`): flat `start, end` pairs, and
   * their wall time, which {@link ScanTimingDetail.busyMs} does not hold.
   */
  drawStretches: number[];
  drawMs: number;
  /** The scan's wall time, from its start to the last mention handed to the highlighter (lookups and yields included). */
  wallMs: number;
  /** Longest task from the scan's start to a second after it ended (rendering of the marks included). */
  longestTaskMs: number;
}

/** Waits for the content script's first scan to end, lets the marks render, and reads the figures. */
export async function readScan(page: Page, timeoutMs: number): Promise<ScanFigures> {
  await page.waitForFunction(
    () => performance.getEntriesByName('dramatis:scan').length > 0,
    undefined,
    {
      timeout: timeoutMs,
      polling: 50,
    },
  );
  // Registering the highlights is painted in the next frames; their long task, if any, lands there.
  await page.waitForTimeout(1000);
  return page.evaluate(() => {
    const measure = performance.getEntriesByName('dramatis:scan')[0] as PerformanceMeasure;
    const detail = measure.detail as ScanTimingDetail;
    // What counts: drawings and tasks from the scan's start to a second after it ended.
    const until = measure.startTime + measure.duration + 1000;
    const draws = performance.getEntriesByName('dramatis:draw')[0] as
      PerformanceMeasure | undefined;
    const drawn = (draws?.detail as DrawTimingDetail | undefined)?.stretches ?? [];
    const drawStretches: number[] = [];
    let drawMs = 0;
    let longestDrawMs = 0;
    for (let i = 0; i + 1 < drawn.length; i += 2) {
      const [from, to] = [drawn[i]!, drawn[i + 1]!];
      if (from < measure.startTime || from > until) continue;
      drawStretches.push(from, to);
      drawMs += to - from;
      longestDrawMs = Math.max(longestDrawMs, to - from);
    }
    const tasks = (window as unknown as ProbeWindow).__benchTasks ?? [];
    const during = tasks.filter(
      (task) => task.start + task.duration > measure.startTime && task.start < until,
    );
    return {
      ...detail,
      startTime: measure.startTime,
      drawStretches,
      drawMs,
      longestSliceMs: Math.max(detail.longestSliceMs, longestDrawMs),
      wallMs: measure.duration,
      longestTaskMs: Math.max(0, ...during.map((task) => task.duration)),
    };
  });
}

/** Where to hover: the centre of a person's mark, scrolled into view. */
async function personMarkAt(
  page: Page,
  index: number,
): Promise<{ x: number; y: number; text: string } | null> {
  return page.evaluate((index) => {
    const highlight = CSS.highlights.get('dramatis-person') as unknown as Set<Range> | undefined;
    const seen = new Set<string>();
    for (const range of highlight ?? []) {
      // Distinct full names, so each hover opens another entity's card.
      const text = range.toString().replace(/\s+/g, ' ');
      if (!text.includes(' ') || seen.has(text)) continue;
      seen.add(text);
      if (seen.size <= index) continue;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text };
    }
    return null;
  }, index);
}

/** The card frame's heading paints so far (empty before the frame exists). */
async function headings(page: Page): Promise<HeadingPaint[]> {
  const frame = page.frames().find((candidate) => isCardFrameUrl(candidate.url()));
  if (!frame) return [];
  return frame.evaluate(() => (window as unknown as ProbeWindow).__benchHeadings ?? []);
}

/** True while the card's iframe is visible on the page. */
async function cardVisible(page: Page): Promise<boolean> {
  const frame = page.frames().find((candidate) => isCardFrameUrl(candidate.url()));
  const element = await frame?.frameElement();
  return element ? element.isVisible() : false;
}

/** Hover-to-visible latencies in ms: the first hover (frame created then), then hovers on an open page. */
export interface HoverFigures {
  first: number | null;
  warm: number[];
  /** Hovers whose card never showed a heading within the time limit. */
  failed: number;
}

/**
 * Hovers `count` distinct people's marks one after another (hover delay 0 set
 * beforehand) and measures, for each, from the pointer's arrival to the painted
 * frame showing the entity's name in the visible card. Between hovers the
 * pointer leaves and the card is given time to close.
 */
export async function measureHovers(page: Page, count: number): Promise<HoverFigures> {
  const result: HoverFigures = { first: null, warm: [], failed: 0 };
  for (let index = 0; index < count; index++) {
    await page.mouse.move(2, 2);
    // The card closes 300 ms after the pointer leaves (CLOSE_DELAY_MS).
    await page.waitForTimeout(600);
    const target = await personMarkAt(page, index);
    if (!target) break;
    await page.waitForTimeout(100);
    const before = (await headings(page)).length;
    await page.mouse.move(target.x, target.y);
    let latency: number | null = null;
    const started = Date.now();
    while (Date.now() - started < 5000) {
      const painted = (await headings(page)).slice(before);
      if (painted.length > 0) {
        const pointerAt = await page.evaluate(
          () => (window as unknown as ProbeWindow).__benchPointerAt ?? 0,
        );
        if ((await cardVisible(page)) && pointerAt > 0) latency = painted[0]!.frame - pointerAt;
        break;
      }
      await page.waitForTimeout(20);
    }
    if (latency === null) result.failed++;
    else if (index === 0) result.first = latency;
    else result.warm.push(latency);
  }
  return result;
}
