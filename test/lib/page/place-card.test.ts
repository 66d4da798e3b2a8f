// @vitest-environment happy-dom
/**
 * Where the card goes next to a name: below it, above it when there is no room
 * below, never over it, inside the viewport, no taller than the room there is,
 * and following the name when the page scrolls.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  computeCardPlacement,
  EDGE_PADDING,
  followReference,
  MIN_CARD_HEIGHT,
  NAME_GAP,
  type Box,
  type CardReference,
} from '@/lib/page/place-card';

const VIEWPORT = { width: 1280, height: 900 };
const CARD = { width: 360, height: 220 };

/** A one-line name of 80×20 px with its top-left corner at (left, top). */
function name(left: number, top: number): Box[] {
  return [{ left, top, width: 80, height: 20 }];
}

describe('computeCardPlacement', () => {
  it('puts the card below the name, lined up with its start, when it fits', () => {
    expect(computeCardPlacement(name(200, 100), CARD, VIEWPORT)).toEqual({
      x: 200,
      y: 100 + 20 + NAME_GAP,
      maxHeight: VIEWPORT.height - EDGE_PADDING - (100 + 20 + NAME_GAP),
    });
  });

  it('puts the card above the name when it does not fit below but fits above', () => {
    const placed = computeCardPlacement(name(200, 800), CARD, VIEWPORT);
    expect(placed.y + CARD.height).toBe(800 - NAME_GAP);
    expect(placed.x).toBe(200);
    expect(placed.maxHeight).toBe(800 - NAME_GAP - EDGE_PADDING);
  });

  it('stays below when the card just fits there, to the pixel', () => {
    const top = VIEWPORT.height - EDGE_PADDING - CARD.height - NAME_GAP - 20;
    expect(computeCardPlacement(name(200, top), CARD, VIEWPORT).y).toBe(top + 20 + NAME_GAP);
    expect(computeCardPlacement(name(200, top + 1), CARD, VIEWPORT).y).toBeLessThan(top);
  });

  it('on a short viewport takes the side with more room and caps its height to it', () => {
    const short = { width: 1280, height: 400 };
    const tall = { width: 360, height: 640 };
    const nearTop = computeCardPlacement(name(200, 150), tall, short);
    expect(nearTop.y).toBe(150 + 20 + NAME_GAP);
    expect(nearTop.maxHeight).toBe(400 - EDGE_PADDING - nearTop.y);

    const nearBottom = computeCardPlacement(name(200, 230), tall, short);
    const roomAbove = 230 - NAME_GAP - EDGE_PADDING;
    expect(nearBottom.maxHeight).toBe(roomAbove);
    // Its capped height ends just above the name.
    expect(nearBottom.y).toBe(EDGE_PADDING);
  });

  it('never caps the card below the minimum height, still without covering the name', () => {
    const tiny = { width: 1280, height: 200 };
    const placed = computeCardPlacement(name(200, 90), CARD, tiny);
    expect(placed.maxHeight).toBe(MIN_CARD_HEIGHT);
    // As much room above as below (76 px): below, where the card usually is.
    expect(placed.y).toBe(90 + 20 + NAME_GAP);
    const bottom = placed.y + Math.min(CARD.height, placed.maxHeight);
    expect(bottom <= 90 || placed.y >= 110).toBe(true);
  });

  it('caps the height to the viewport when the name has scrolled off the top', () => {
    const placed = computeCardPlacement(name(200, -300), { width: 360, height: 2000 }, VIEWPORT);
    expect(placed.y).toBe(-300 + 20 + NAME_GAP);
    expect(placed.maxHeight).toBe(VIEWPORT.height - 2 * EDGE_PADDING);
  });

  it('lines the card up with the end of a name at the right edge of the viewport', () => {
    const placed = computeCardPlacement(name(1150, 100), CARD, VIEWPORT);
    expect(placed.x + CARD.width).toBe(1150 + 80);
  });

  it('slides an end-aligned card in from the left edge when it still does not fit', () => {
    const narrow = { width: 400, height: 900 };
    // Start-aligned it overflows the right edge by 218 px; end-aligned, the left edge by 38.
    const placed = computeCardPlacement(name(250, 100), CARD, narrow);
    expect(placed.x).toBe(EDGE_PADDING);
  });

  it('keeps the card start-aligned but slid in when lining up with the end would overflow more', () => {
    const narrow = { width: 400, height: 900 };
    // Start-aligned it overflows the right edge by 18 px; end-aligned, the left edge by 238.
    const placed = computeCardPlacement(name(50, 100), { width: 360, height: 220 }, narrow);
    expect(placed.x).toBe(400 - EDGE_PADDING - 360);
  });

  it('keeps the card off the left edge', () => {
    expect(computeCardPlacement(name(2, 100), CARD, VIEWPORT).x).toBe(EDGE_PADDING);
  });

  it('keeps the left edge of a card wider than the viewport in view', () => {
    const phone = { width: 320, height: 640 };
    expect(computeCardPlacement(name(100, 100), CARD, phone).x).toBe(EDGE_PADDING);
  });

  it('places the card under the last line of a wrapped name, and over its first', () => {
    // "Cambodia National | Rescue Party": the end of one line, the start of the next.
    const wrapped: Box[] = [
      { left: 900, top: 400, width: 160, height: 20 },
      { left: 40, top: 424, width: 110, height: 20 },
    ];
    const below = computeCardPlacement(wrapped, CARD, VIEWPORT);
    expect(below).toMatchObject({ x: 40, y: 444 + NAME_GAP });

    const low: Box[] = wrapped.map((box) => ({ ...box, top: box.top + 400 }));
    const above = computeCardPlacement(low, CARD, VIEWPORT);
    expect(above.y + CARD.height).toBe(800 - NAME_GAP);
    expect(above.x).toBe(900);
  });

  it('treats boxes on the same line (a name split across elements) as one line', () => {
    // "<b>Mu</b> Sochua": two boxes, the second a pixel lower (baseline of bold text).
    const split: Box[] = [
      { left: 210, top: 101, width: 50, height: 20 },
      { left: 180, top: 100, width: 28, height: 21 },
    ];
    expect(computeCardPlacement(split, CARD, VIEWPORT)).toMatchObject({
      x: 180,
      y: 121 + NAME_GAP,
    });
  });

  it('ignores boxes without area, such as the edges of an element the name crosses', () => {
    const boxes: Box[] = [
      { left: 0, top: 0, width: 0, height: 0 },
      { left: 200, top: 100, width: 80, height: 20 },
      { left: 700, top: 500, width: 0, height: 20 },
    ];
    expect(computeCardPlacement(boxes, CARD, VIEWPORT)).toMatchObject({ x: 200, y: 126 });
  });

  it('places against the union of the boxes when none has area', () => {
    const placed = computeCardPlacement(
      [{ left: 50, top: 60, width: 0, height: 0 }],
      CARD,
      VIEWPORT,
    );
    expect(placed).toMatchObject({ x: 50, y: 60 + NAME_GAP });
  });

  it('never covers the name, and keeps a card that fits inside the viewport', () => {
    const box = fc.record({
      left: fc.integer({ min: -200, max: 1400 }),
      top: fc.integer({ min: -400, max: 1200 }),
      width: fc.integer({ min: 1, max: 400 }),
      height: fc.integer({ min: 1, max: 40 }),
    });
    fc.assert(
      fc.property(
        fc.array(box, { minLength: 1, maxLength: 4 }),
        fc.record({
          width: fc.integer({ min: 200, max: 480 }),
          height: fc.integer({ min: 50, max: 640 }),
        }),
        fc.record({
          width: fc.integer({ min: 320, max: 2000 }),
          height: fc.integer({ min: 200, max: 1400 }),
        }),
        (boxes, card, viewport) => {
          const { x, y, maxHeight } = computeCardPlacement(boxes, card, viewport);
          const bottom = y + Math.min(card.height, maxHeight);
          const nameTop = Math.min(...boxes.map((b) => b.top));
          const nameBottom = Math.max(...boxes.map((b) => b.top + b.height));
          // Entirely above the name's top or below its bottom.
          expect(bottom <= nameTop - NAME_GAP || y >= nameBottom + NAME_GAP).toBe(true);
          expect(maxHeight).toBeGreaterThanOrEqual(MIN_CARD_HEIGHT);
          expect(maxHeight).toBeLessThanOrEqual(
            Math.max(MIN_CARD_HEIGHT, viewport.height - 2 * EDGE_PADDING),
          );
          if (card.width <= viewport.width - 2 * EDGE_PADDING) {
            expect(x).toBeGreaterThanOrEqual(EDGE_PADDING);
            expect(x + card.width).toBeLessThanOrEqual(viewport.width - EDGE_PADDING);
          }
          // With the name in view and room on its side, the whole card is in view.
          if (maxHeight > MIN_CARD_HEIGHT && nameTop >= 0 && nameBottom <= viewport.height) {
            expect(y).toBeGreaterThanOrEqual(0);
            expect(bottom).toBeLessThanOrEqual(viewport.height);
          }
        },
      ),
    );
  });
});

describe('followReference', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  /** A name whose box the test moves, as scrolling would. */
  function movableName(top: { value: number }): CardReference {
    const box = () => new DOMRect(200, top.value, 80, 20);
    return {
      getBoundingClientRect: box,
      getClientRects: () => [box()] as unknown as DOMRectList,
    };
  }

  function setViewport(width: number, height: number): void {
    Object.defineProperty(document.documentElement, 'clientWidth', {
      value: width,
      configurable: true,
    });
    Object.defineProperty(document.documentElement, 'clientHeight', {
      value: height,
      configurable: true,
    });
  }

  it('places the card at once and again, once per frame, after the page scrolls', async () => {
    setViewport(1280, 900);
    const frame = document.createElement('div');
    document.body.append(frame);
    const top = { value: 100 };
    const follower = followReference(movableName(top), frame, () => CARD);
    expect(frame.style.transform).toBe('translate(200px, 126px)');
    expect(frame.style.maxHeight).toBe(`${900 - EDGE_PADDING - 126}px`);

    top.value = 780;
    const frameCallback = vi.spyOn(window, 'requestAnimationFrame');
    document.body.dispatchEvent(new Event('scroll')); // a scroll container's scroll, captured
    expect(frameCallback).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('scroll'));
    expect(frameCallback).toHaveBeenCalledTimes(1);
    await vi.waitFor(() =>
      expect(frame.style.transform).toBe(`translate(200px, ${780 - NAME_GAP - CARD.height}px)`),
    );

    follower.stop();
    top.value = 100;
    window.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(frame.style.transform).toBe(`translate(200px, ${780 - NAME_GAP - CARD.height}px)`);
  });

  it('places the card again when its size changes', async () => {
    setViewport(1280, 900);
    const frame = document.createElement('div');
    document.body.append(frame);
    let card = CARD;
    const follower = followReference(movableName({ value: 500 }), frame, () => card);
    expect(frame.style.transform).toBe('translate(200px, 526px)');
    card = { width: 360, height: 600 };
    follower.update();
    await vi.waitFor(() =>
      expect(frame.style.transform).toBe(`translate(200px, ${500 - NAME_GAP - 486}px)`),
    );
    expect(frame.style.maxHeight).toBe(`${500 - NAME_GAP - EDGE_PADDING}px`);
    follower.stop();
  });
});
