/**
 * Placing the card's iframe next to a name.
 *
 * Hand code instead of Floating UI: the content script is loaded into every
 * page and has a 15 KB gzip budget, and `@floating-ui/core` alone took 3.4 KB
 * of it, for a general engine (any placement, arrows, offset parents, RTL,
 * middleware resets) of which the card uses one case. The card is a
 * `position: fixed` frame in the top document, clipped by the viewport only,
 * placed below or above a name; that case is {@link computeCardPlacement}, a
 * pure function with the same rules the Floating UI setup had (inline, offset,
 * flip, shift, size) and unit tests for each.
 */

/** A box in viewport coordinates, in CSS pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A width and a height, in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}

/** Where the card goes: its top-left corner and the most height it may take there. */
export interface CardPlacement {
  x: number;
  y: number;
  maxHeight: number;
}

/** What the card is placed against: the name's range (one box per line of a wrapped name). */
export interface CardReference {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList;
}

/** Space kept between the card and the viewport's edges. */
export const EDGE_PADDING = 8;

/** Space between the name and the card. */
export const NAME_GAP = 6;

/** A card is never capped below this height, however little room there is: it scrolls inside. */
export const MIN_CARD_HEIGHT = 120;

/**
 * The name's boxes merged into one box per line, top to bottom. A range gives
 * one box per text node and element it crosses ("<b>Mu</b> Sochua" is two on
 * one line); a box starts a new line when it sits more than half the previous
 * box's height lower. Boxes without area (element edges) say nothing about
 * where the text is.
 */
function lineBoxes(boxes: readonly Box[]): Box[] {
  const sorted = boxes.filter((box) => box.width > 0 && box.height > 0);
  sorted.sort((a, b) => a.top - b.top);
  const lines: Box[] = [];
  let previous: Box | undefined;
  for (const box of sorted) {
    const line = lines[lines.length - 1];
    if (line && previous && box.top - previous.top <= previous.height / 2) {
      const right = Math.max(line.left + line.width, box.left + box.width);
      const bottom = Math.max(line.top + line.height, box.top + box.height);
      line.left = Math.min(line.left, box.left);
      line.width = right - line.left;
      line.height = bottom - line.top;
    } else {
      // Copied field by field: a DOMRect's fields are getters, which spreading would drop.
      lines.push({ left: box.left, top: box.top, width: box.width, height: box.height });
    }
    previous = box;
  }
  return lines;
}

/**
 * Where the card goes for a name whose boxes are `boxes` (at least one; a name
 * with no box with area, such as a range whose text was removed, is placed
 * against the union of what it has).
 *
 * - Below the name, its left edge at the start of the name's last line; above
 *   the name, at the start of its first line, when the card does not fit below
 *   but fits above. When it fits on neither side, on the side with more room
 *   (below on a tie), capped to that room (never below {@link MIN_CARD_HEIGHT}).
 * - Never over the name: the card ends {@link NAME_GAP} above the name's top or
 *   starts that far below its bottom, whatever its height.
 * - Inside the viewport sideways with {@link EDGE_PADDING}: a card that would
 *   run off the right edge lines up its right edge with the name's end instead,
 *   when that overflows less, and then slides in; a card wider than the
 *   viewport keeps its left edge in.
 */
export function computeCardPlacement(
  boxes: readonly Box[],
  card: Size,
  viewport: Size,
): CardPlacement {
  const lines = lineBoxes(boxes);
  if (lines.length === 0) lines.push(unionOf(boxes));
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  // The lowest edge of any line, not only the last: a tall inline box must not poke into the card.
  const nameBottom = Math.max(...lines.map((line) => line.top + line.height));
  const roomBelow = viewport.height - EDGE_PADDING - nameBottom - NAME_GAP;
  const roomAbove = first.top - NAME_GAP - EDGE_PADDING;
  const below = card.height <= roomBelow || (card.height > roomAbove && roomBelow >= roomAbove);
  const room = Math.min(below ? roomBelow : roomAbove, viewport.height - 2 * EDGE_PADDING);
  const maxHeight = Math.max(MIN_CARD_HEIGHT, Math.floor(room));
  const height = Math.min(card.height, maxHeight);
  const y = below ? nameBottom + NAME_GAP : first.top - NAME_GAP - height;
  return { x: sidewaysPosition(below ? last : first, card.width, viewport.width), y, maxHeight };
}

/** The card's left edge next to `line`, kept inside the viewport's width. */
function sidewaysPosition(line: Box, width: number, viewportWidth: number): number {
  const rightmost = viewportWidth - EDGE_PADDING - width;
  const startAligned = line.left;
  const endAligned = line.left + line.width - width;
  const pastRight = startAligned - rightmost;
  const pastLeft = EDGE_PADDING - endAligned;
  const x = pastRight > 0 && pastLeft < pastRight ? endAligned : startAligned;
  return Math.max(EDGE_PADDING, Math.min(x, rightmost));
}

function unionOf(boxes: readonly Box[]): Box {
  const left = Math.min(...boxes.map((box) => box.left));
  const top = Math.min(...boxes.map((box) => box.top));
  const right = Math.max(...boxes.map((box) => box.left + box.width));
  const bottom = Math.max(...boxes.map((box) => box.top + box.height));
  return { left, top, width: right - left, height: bottom - top };
}

/**
 * Places `frame` (a `position: fixed` element at the top-left corner) next to
 * `reference` for a card of `card` size, in the top document's viewport
 * (without its scrollbars).
 */
export function placeCard(reference: CardReference, frame: HTMLElement, card: Size): void {
  const root = frame.ownerDocument.documentElement;
  const boxes = [...reference.getClientRects()];
  const { x, y, maxHeight } = computeCardPlacement(
    boxes.length > 0 ? boxes : [reference.getBoundingClientRect()],
    card,
    { width: root.clientWidth, height: root.clientHeight },
  );
  frame.style.maxHeight = `${maxHeight}px`;
  frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
}

/** A card that follows its name; see {@link followReference}. */
export interface CardFollower {
  /** Places the card again at the next frame (its size changed). */
  update(): void;
  /** Stops following. */
  stop(): void;
}

/**
 * Places the card now, and again whenever the page scrolls (any scroll
 * container: the listener captures) or the window resizes, at most once per
 * frame. `cardSize` is the card's size before any cap, read at each placing.
 */
export function followReference(
  reference: CardReference,
  frame: HTMLElement,
  cardSize: () => Size,
): CardFollower {
  const view = frame.ownerDocument.defaultView!;
  let pending = 0;
  const update = (): void => {
    if (pending !== 0) return;
    pending = view.requestAnimationFrame(() => {
      pending = 0;
      placeCard(reference, frame, cardSize());
    });
  };
  const options = { capture: true, passive: true } as const;
  view.addEventListener('scroll', update, options);
  view.addEventListener('resize', update, options);
  placeCard(reference, frame, cardSize());
  return {
    update,
    stop() {
      view.cancelAnimationFrame(pending);
      view.removeEventListener('scroll', update, options);
      view.removeEventListener('resize', update, options);
    },
  };
}
