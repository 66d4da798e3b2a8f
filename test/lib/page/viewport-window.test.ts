/**
 * On very long pages only mentions near the viewport are registered, so the
 * browser never re-validates thousands of highlight ranges at once.
 */
import { describe, expect, it } from 'vitest';
import type { Highlighter } from '@/lib/page/highlights';
import type { PageMention } from '@/lib/page/page-scanner';
import { createViewportWindow, WINDOW_THRESHOLD } from '@/lib/page/viewport-window';

type Report = (entries: { target: Element; isIntersecting: boolean }[]) => void;

/** An IntersectionObserver the test drives by hand. */
class FakeObserver {
  static last: FakeObserver;
  observed = new Set<Element>();
  constructor(readonly report: Report) {
    FakeObserver.last = this;
  }
  observe(element: Element) {
    this.observed.add(element);
  }
  unobserve(element: Element) {
    this.observed.delete(element);
  }
  disconnect() {
    this.observed.clear();
  }
}

function setup() {
  const registered = new Set<PageMention>();
  const most = { registered: 0 };
  const inner: Highlighter = {
    update: (added, removed) => {
      // Like the real highlighter, which adds and deletes each mention's range.
      for (const item of [...removed, ...added]) void item.range;
      removed.forEach((item) => registered.delete(item));
      added.forEach((item) => registered.add(item));
      most.registered = Math.max(most.registered, registered.size);
    },
    setKinds: () => undefined,
    clear: () => registered.clear(),
  };
  const doc = { defaultView: { IntersectionObserver: FakeObserver } } as unknown as Document;
  return { registered, most, window: createViewportWindow(inner, doc) };
}

/** Mentions whose range is made on first use, as the scanner's are; counts what was made. */
const rangesMade = { count: 0 };

function mentions(count: number, containers: Element[]): PageMention[] {
  return Array.from({ length: count }, (_, i) => {
    let range: Range | null = null;
    return {
      mention: { start: 0, end: 3, text: 'CPP', entityId: 'o', name: 'CPP', kind: 'organization' },
      get range() {
        if (!range) rangesMade.count++;
        return (range ??= {} as Range);
      },
      container: containers[i % containers.length]!,
    };
  });
}

const blocks = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}` }) as unknown as Element);

describe('viewport window', () => {
  it('registers every mention of an ordinary page', () => {
    const { registered, window } = setup();
    window.update(mentions(50, blocks), []);
    expect(registered.size).toBe(50);
  });

  it('past the threshold, registers only blocks near the viewport and follows scrolling', () => {
    const { registered, most, window } = setup();
    const all = mentions(WINDOW_THRESHOLD + 10, blocks);
    window.update(all, []);
    expect(registered.size).toBe(0);
    // Not even for a moment: registering thousands of ranges is what costs the frame.
    expect(most.registered).toBe(0);
    const observer = FakeObserver.last;
    expect(observer.observed.size).toBe(blocks.length);

    observer.report([{ target: blocks[0]!, isIntersecting: true }]);
    const perBlock = all.filter((item) => item.container === blocks[0]).length;
    expect(registered.size).toBe(perBlock);

    observer.report([
      { target: blocks[0]!, isIntersecting: false },
      { target: blocks[1]!, isIntersecting: true },
    ]);
    expect([...registered].every((item) => item.container === blocks[1])).toBe(true);

    // New mentions in a far block wait; in a near block they show at once.
    const later = mentions(2, [blocks[1]!, blocks[9]!]);
    window.update(later, []);
    expect(registered.has(later[0]!)).toBe(true);
    expect(registered.has(later[1]!)).toBe(false);
  });

  it('never asks a mention far from the viewport for its range, even when it goes away', () => {
    const { window } = setup();
    rangesMade.count = 0;
    const all = mentions(WINDOW_THRESHOLD + 10, blocks);
    window.update(all, []);
    FakeObserver.last.report([{ target: blocks[0]!, isIntersecting: true }]);
    const near = all.filter((item) => item.container === blocks[0]);
    expect(rangesMade.count).toBe(near.length);
    window.update(
      [],
      all.filter((item) => item.container === blocks[5]),
    );
    expect(rangesMade.count).toBe(near.length);
  });

  it('takes back what it drew when a page grows past the threshold', () => {
    const { registered, window } = setup();
    const first = mentions(WINDOW_THRESHOLD - 5, blocks);
    window.update(first, []);
    expect(registered.size).toBe(first.length);
    window.update(mentions(10, blocks), []);
    expect(registered.size).toBe(0);
    FakeObserver.last.report([{ target: blocks[2]!, isIntersecting: true }]);
    expect([...registered].every((item) => item.container === blocks[2])).toBe(true);
    expect(registered.size).toBeGreaterThan(0);
  });
});
