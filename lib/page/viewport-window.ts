/**
 * Keeps the number of registered highlight ranges bounded on very long pages.
 *
 * Why: registering thousands of ranges cost one 70–90 ms rendering task in
 * Chromium in the frame where the marks appeared (measured on a 50,000-word
 * page with 3,657 mentions, with and without the extension); the browser's
 * highlight work on a frame grows with the number of registered ranges. Past {@link WINDOW_THRESHOLD} mentions,
 * only mentions in blocks near the viewport are registered; an
 * IntersectionObserver adds and removes blocks as the reader scrolls. Smaller
 * pages register everything, so every mark is in `CSS.highlights` at once.
 */
import type { EntityKind } from '@/lib/model/bundle-format';
import type { Highlighter } from './highlights';
import type { PageMention } from './page-scanner';
import { timeDrawing } from './scan-timing';

/** Mentions on a page above which only those near the viewport are registered. */
export const WINDOW_THRESHOLD = 1000;

/** How far beyond the viewport blocks count as near: a screen above and below, so scrolling finds marks ready. */
const NEAR_MARGIN = '100% 0px 100% 0px';

/** Wraps `inner` so that on long pages only mentions near the viewport reach it. */
export function createViewportWindow(inner: Highlighter, doc: Document): Highlighter {
  const byContainer = new Map<Element, Set<PageMention>>();
  const near = new Set<Element>();
  let total = 0;
  let observer: IntersectionObserver | null = null;

  const show = (container: Element, show: boolean): void => {
    const items = [...(byContainer.get(container) ?? [])];
    if (show) inner.update(items, []);
    else inner.update([], items);
  };

  /** True when `container`'s mentions are registered with the inner highlighter. */
  const isDrawn = (container: Element): boolean => !observer || near.has(container);

  const startWindowing = (): void => {
    const view = doc.defaultView;
    if (!view || typeof view.IntersectionObserver !== 'function') return;
    observer = new view.IntersectionObserver(
      (entries) =>
        // The marks near the viewport are drawn here, after the scan: timed as part of marking.
        timeDrawing(() => {
          for (const entry of entries) {
            const wasNear = near.has(entry.target);
            if (entry.isIntersecting === wasNear) continue;
            if (entry.isIntersecting) near.add(entry.target);
            else near.delete(entry.target);
            show(entry.target, entry.isIntersecting);
          }
        }),
      { rootMargin: NEAR_MARGIN },
    );
    for (const container of byContainer.keys()) observer.observe(container);
  };

  return {
    update(added, removed) {
      // Only what was drawn is taken back: asking a mention for its range makes it (page-scanner.ts).
      const drawnRemoved = removed.filter((item) => isDrawn(item.container));
      for (const item of removed) {
        const set = byContainer.get(item.container);
        if (set?.delete(item)) total--;
        if (set?.size === 0) {
          byContainer.delete(item.container);
          near.delete(item.container);
          observer?.unobserve(item.container);
        }
      }
      const drawnBefore = total;
      const fresh: PageMention[] = [];
      // A block's mentions come together: one lookup per block, not per mention.
      let container: Element | null = null;
      let set: Set<PageMention> | undefined;
      for (const item of added) {
        if (item.container !== container) {
          container = item.container;
          set = byContainer.get(container);
          if (!set) {
            set = new Set();
            byContainer.set(container, set);
            observer?.observe(container);
          }
        }
        if (!set!.has(item)) {
          set!.add(item);
          total++;
          fresh.push(item);
        }
      }
      if (!observer && total <= WINDOW_THRESHOLD) return inner.update(fresh, drawnRemoved);
      if (!observer) {
        // Past the threshold: what earlier updates drew is taken back, and nothing
        // more is drawn until the observer's first report says what is near.
        const takenBack: PageMention[] = [];
        if (drawnBefore > 0) {
          const freshItems = new Set(fresh);
          for (const items of byContainer.values()) {
            for (const item of items) if (!freshItems.has(item)) takenBack.push(item);
          }
        }
        inner.update([], [...drawnRemoved, ...takenBack]);
        return startWindowing();
      }
      inner.update(
        fresh.filter((item) => near.has(item.container)),
        drawnRemoved,
      );
    },
    setKinds(kinds: Record<EntityKind, boolean>, all: readonly PageMention[]) {
      inner.setKinds(kinds, observer ? all.filter((item) => near.has(item.container)) : all);
    },
    clear() {
      observer?.disconnect();
      observer = null;
      byContainer.clear();
      near.clear();
      total = 0;
      inner.clear();
    },
  };
}
