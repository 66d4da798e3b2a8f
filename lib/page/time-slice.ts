/**
 * Cooperative time slicing: long page work runs in slices of a few
 * milliseconds and yields to the event loop between them, so scrolling, typing
 * and the page's own scripts never wait behind a scan (no task over 50 ms).
 */

/** Milliseconds of work per slice: well under a 16 ms frame, so a slice never drops one. */
export const SLICE_BUDGET_MS = 8;

interface Scheduler {
  yield?: () => Promise<void>;
}

/**
 * Lets the browser run other tasks, then resumes. `scheduler.yield()` (Chrome
 * 129+) keeps our place at the front of the queue; elsewhere a MessageChannel
 * message, because nested `setTimeout(0)` is clamped to 4 ms, which would waste
 * a third of every slice.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Tracks one slice's deadline. */
export interface Slicer {
  /**
   * True when this slice's budget is spent. Checked before awaiting
   * {@link pause}: an await per block of a page is a promise and a resumption
   * each, which on a long page cost as much as the work between them.
   */
  due(): boolean;
  /** Yields if this slice's budget is spent, and starts a new slice after. */
  pause(): Promise<void>;
}

/** A slicer over `now` (injectable for tests). */
export function createSlicer(
  budgetMs: number = SLICE_BUDGET_MS,
  now: () => number = () => performance.now(),
  yieldFn: () => Promise<void> = yieldToEventLoop,
): Slicer {
  let deadline = now() + budgetMs;
  return {
    due: () => now() >= deadline,
    async pause() {
      if (now() < deadline) return;
      await yieldFn();
      deadline = now() + budgetMs;
    },
  };
}
