/**
 * Placing the card's iframe next to a name, with Floating UI's positioning core.
 *
 * `@floating-ui/dom` would cost 7 KB of the content script's 15 KB budget,
 * almost all of it the DOM platform that handles nested scroll containers,
 * offset parents and transforms. The card needs none of that: it is a
 * `position: fixed` frame in the top document, clipped by the viewport only. So
 * the core (flip, shift, offset, inline, size: the placement logic that is easy
 * to get wrong by hand) runs on this small viewport platform instead, and
 * scroll and resize listeners stand in for `autoUpdate`.
 */
import {
  computePosition,
  flip,
  inline,
  offset,
  shift,
  size,
  type Platform,
  type Rect,
} from '@floating-ui/core';

/** What the card is placed against: the name's range (one box per line of a wrapped name). */
export interface CardReference {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList;
}

/** Space kept between the card and the viewport's edges, in CSS pixels. */
const EDGE_PADDING = 8;

function viewportRect(): Rect {
  const root = document.documentElement;
  return { x: 0, y: 0, width: root.clientWidth, height: root.clientHeight };
}

function toRect(box: DOMRectReadOnly): Rect {
  return { x: box.left, y: box.top, width: box.width, height: box.height };
}

/** The viewport platform: fixed strategy, no offset parents, no scaling. */
const viewportPlatform: Platform = {
  getElementRects: ({ reference, floating }) => ({
    reference: toRect((reference as CardReference).getBoundingClientRect()),
    floating: { x: 0, y: 0, ...sizeOf(floating as HTMLElement) },
  }),
  getClippingRect: () => viewportRect(),
  getDimensions: (element) => sizeOf(element as HTMLElement),
  getClientRects: (element) => [...(element as CardReference).getClientRects()],
};

function sizeOf(element: HTMLElement): { width: number; height: number } {
  return { width: element.offsetWidth, height: element.offsetHeight };
}

/**
 * Places `frame` below the name (above when there is no room below), slid
 * sideways to stay in the viewport, never covering the name, and no taller
 * than the room there is: a card taller than that scrolls inside its frame.
 */
export async function placeCard(reference: CardReference, frame: HTMLElement): Promise<void> {
  const { x, y } = await computePosition(reference, frame, {
    platform: viewportPlatform,
    strategy: 'fixed',
    placement: 'bottom-start',
    middleware: [
      inline(),
      offset(6),
      flip({ padding: EDGE_PADDING }),
      shift({ padding: EDGE_PADDING }),
      size({
        padding: EDGE_PADDING,
        apply: ({ availableHeight }) => {
          frame.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
        },
      }),
    ],
  });
  frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
}

/**
 * Re-places the card whenever the page scrolls (any scroll container: the
 * listener captures), the window resizes or the card changes size, at most once
 * per frame. Returns the function that stops following.
 */
export function followReference(
  reference: CardReference,
  frame: HTMLElement,
  onError: (error: unknown) => void,
): () => void {
  let pending = 0;
  const update = (): void => {
    if (pending !== 0) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      placeCard(reference, frame).catch(onError);
    });
  };
  const options = { capture: true, passive: true } as const;
  window.addEventListener('scroll', update, options);
  window.addEventListener('resize', update, options);
  const observer = new ResizeObserver(update);
  observer.observe(frame);
  placeCard(reference, frame).catch(onError);
  return () => {
    cancelAnimationFrame(pending);
    window.removeEventListener('scroll', update, options);
    window.removeEventListener('resize', update, options);
    observer.disconnect();
  };
}
