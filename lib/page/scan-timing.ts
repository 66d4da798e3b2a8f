/**
 * Main-thread accounting of one page scan, published as User Timing so a
 * benchmark (test/bench/page.ts) can read it from the page without hooks into
 * the content script: Chromium keeps one performance timeline per frame, shared
 * by the page's world and the content script's isolated world.
 *
 * A scan's wall time includes yields to the page and the background's lookup
 * round trip; neither is our main-thread work. So the scanner reports each
 * await through {@link ScanTiming.wait}, and only the synchronous stretches
 * between awaits are added up. Work that runs while the scan waits (handling
 * the background's answer when it arrives) is reported through
 * {@link ScanTiming.during} and added up too.
 */

/** The measure's name: `performance.getEntriesByName(SCAN_MEASURE)`. */
export const SCAN_MEASURE = 'dramatis:scan';

/** What the measure's `detail` holds. */
export interface ScanTimingDetail {
  /** Main-thread time of the scan: the sum of its synchronous stretches, in ms. */
  busyMs: number;
  /** The longest synchronous stretch (a task of ours), in ms. */
  longestSliceMs: number;
  /** How many stretches the scan ran in. */
  slices: number;
  /** Mentions the scan handed to the highlighter. */
  added: number;
  /**
   * Each stretch as flat `start, end` pairs (ms on the performance clock), so a
   * benchmark can find them in a browser trace and take their thread time.
   */
  stretches: number[];
}

/**
 * The measure of drawing that follows a scan: on a long page the marks near
 * the viewport are registered when the viewport window's observer first
 * reports (viewport-window.ts), after the scan has ended. Its `detail` is
 * {@link DrawTimingDetail}.
 */
export const DRAW_MEASURE = 'dramatis:draw';

/** What the draw measure's `detail` holds. */
export interface DrawTimingDetail {
  /** Each drawing as flat `start, end` pairs (ms on the performance clock), oldest first. */
  stretches: number[];
}

/** Drawings since the latest scan started; bounded, as a reader may scroll for hours. */
const drawStretches: number[] = [];
const MAX_DRAW_STRETCHES = 50;

/** Runs `work` and hands its start and end (performance clock) to `record`, even if it throws. */
function timed<T>(work: () => T, record: (from: number, to: number) => void): T {
  const from = performance.now();
  try {
    return work();
  } finally {
    record(from, performance.now());
  }
}

/** Runs `work`, drawing marks outside a scan, and records it in {@link DRAW_MEASURE}. */
export function timeDrawing<T>(work: () => T): T {
  return timed(work, (from, to) => {
    drawStretches.push(from, to);
    if (drawStretches.length > MAX_DRAW_STRETCHES * 2) drawStretches.splice(0, 2);
    // The measure keeps a copy of its detail (User Timing clones it).
    const detail: DrawTimingDetail = { stretches: drawStretches };
    performance.clearMeasures(DRAW_MEASURE);
    performance.measure(DRAW_MEASURE, { start: from, end: to, detail });
  });
}

/** Times one scan; create it when the scan starts. */
export interface ScanTiming {
  /** Awaits `promise` without counting the wait as work. */
  wait<T>(promise: Promise<T>): Promise<T>;
  /** Runs `work`, which runs while the scan waits (a callback), and counts it as a stretch of its own. */
  during<T>(work: () => T): T;
  /** Ends the scan and records the measure. */
  done(added: number): void;
}

/** Starts timing a scan now. */
export function startScanTiming(): ScanTiming {
  const start = performance.now();
  drawStretches.length = 0;
  let sliceStart = start;
  let busyMs = 0;
  let longestSliceMs = 0;
  let slices = 0;
  const stretches: number[] = [];
  const addStretch = (from: number, to: number): void => {
    stretches.push(from, to);
    busyMs += to - from;
    longestSliceMs = Math.max(longestSliceMs, to - from);
    slices++;
  };
  const endSlice = (): void => addStretch(sliceStart, performance.now());
  return {
    async wait(promise) {
      endSlice();
      try {
        return await promise;
      } finally {
        sliceStart = performance.now();
      }
    },
    during(work) {
      return timed(work, addStretch);
    },
    done(added) {
      endSlice();
      const detail: ScanTimingDetail = { busyMs, longestSliceMs, slices, added, stretches };
      // Only the latest scan is kept: a live blog rescans for hours, and the
      // timeline's buffer for measures is unbounded.
      performance.clearMeasures(SCAN_MEASURE);
      performance.measure(SCAN_MEASURE, { start, end: performance.now(), detail });
    },
  };
}
