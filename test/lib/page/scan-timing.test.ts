/**
 * The scan's main-thread accounting: synchronous stretches count, waits do
 * not, and work done in a callback while the scan waits counts on its own.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DRAW_MEASURE,
  SCAN_MEASURE,
  startScanTiming,
  timeDrawing,
  type DrawTimingDetail,
  type ScanTimingDetail,
} from '@/lib/page/scan-timing';

/** Makes performance.now() return `times` in order. */
function clock(times: number[]): void {
  let next = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => times[next++] ?? times.at(-1)!);
}

afterEach(() => {
  vi.restoreAllMocks();
  performance.clearMeasures(SCAN_MEASURE);
  performance.clearMeasures(DRAW_MEASURE);
});

const drawn = () =>
  ((performance.getEntriesByName(DRAW_MEASURE)[0] as PerformanceMeasure).detail as DrawTimingDetail)
    .stretches;

describe('startScanTiming', () => {
  it('adds up the stretches between waits and the work done during them, not the waits', async () => {
    // start 0; wait ends the first stretch at 10 and resumes at 50;
    // an answer handled at 30–36 during the wait; done at 58 (and the measure's end).
    clock([0, 10, 30, 36, 50, 58, 58]);
    const timing = startScanTiming();
    let release = (): void => undefined;
    const answer = new Promise<void>((resolve) => (release = resolve));
    const waiting = timing.wait(answer);
    expect(timing.during(() => 'handled')).toBe('handled');
    release();
    await waiting;
    timing.done(3);
    const measure = performance.getEntriesByName(SCAN_MEASURE)[0] as PerformanceMeasure;
    const detail = measure.detail as ScanTimingDetail;
    expect(detail).toEqual({
      busyMs: 10 + 6 + 8,
      longestSliceMs: 10,
      slices: 3,
      added: 3,
      stretches: [0, 10, 30, 36, 50, 58],
    });
  });

  it('counts work that throws', () => {
    clock([0, 4, 9]);
    const timing = startScanTiming();
    expect(() =>
      timing.during(() => {
        throw new Error('bad answer');
      }),
    ).toThrow('bad answer');
    clock([20, 20, 20]);
    timing.done(0);
    const detail = (performance.getEntriesByName(SCAN_MEASURE)[0] as PerformanceMeasure)
      .detail as ScanTimingDetail;
    expect(detail.stretches.slice(0, 2)).toEqual([4, 9]);
  });

  it('records drawings after a scan in their own measure, from the latest scan on and bounded', () => {
    clock([0]);
    startScanTiming();
    clock([5, 7, 9, 12]);
    expect(timeDrawing(() => 'drawn')).toBe('drawn');
    timeDrawing(() => undefined);
    expect(drawn()).toEqual([5, 7, 9, 12]);
    vi.restoreAllMocks();
    for (let i = 0; i < 60; i++) timeDrawing(() => undefined);
    expect(drawn()).toHaveLength(100);
    startScanTiming();
    timeDrawing(() => undefined);
    expect(drawn()).toHaveLength(2);
  });
});
