/**
 * Main-thread accounting of one page scan, published as User Timing so a
 * benchmark (test/bench/page.ts) can read it from the page without hooks into
 * the content script: Chromium keeps one performance timeline per frame, shared
 * by the page's world and the content script's isolated world.
 *
 * A scan's wall time includes yields to the page and the background's lookup
 * round trip; neither is our main-thread work. So the scanner reports each
 * await through {@link ScanTiming.wait}, and only the synchronous stretches
 * between awaits are added up.
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

/** Times one scan; create it when the scan starts. */
export interface ScanTiming {
  /** Awaits `promise` without counting the wait as work. */
  wait<T>(promise: Promise<T>): Promise<T>;
  /** Ends the scan and records the measure. */
  done(added: number): void;
}

/** Starts timing a scan now. */
export function startScanTiming(): ScanTiming {
  const start = performance.now();
  let sliceStart = start;
  let busyMs = 0;
  let longestSliceMs = 0;
  let slices = 0;
  const stretches: number[] = [];
  const endSlice = (): void => {
    const end = performance.now();
    const slice = end - sliceStart;
    stretches.push(sliceStart, end);
    busyMs += slice;
    longestSliceMs = Math.max(longestSliceMs, slice);
    slices++;
  };
  return {
    async wait(promise) {
      endSlice();
      try {
        return await promise;
      } finally {
        sliceStart = performance.now();
      }
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
