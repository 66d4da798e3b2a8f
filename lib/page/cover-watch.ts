/**
 * Whether anything of the page paints over the card (clickjacking, issue 16),
 * seen from the content script. Chrome's frame learns this itself from
 * IntersectionObserver v2; Firefox has no such observer, so the host checks the
 * page around the card and tells the frame (components/card/click-guard.ts).
 *
 * Why not hit-testing (`elementsFromPoint`): an overlay with `pointer-events:
 * none` is skipped by it, and that is exactly the overlay a clickjacker uses.
 * Instead the check follows paint order. The card's host is the last child of
 * <html> with the highest z-index, so only two things can paint over it:
 * - an element in the top layer (an open modal dialog, popover or full-screen
 *   element);
 * - an element after the host in tree order that is, or sits in, a positioned
 *   box with a z-index as high as the host's.
 * A page can also fade or distort the host itself (opacity, filter, transform
 * on it or on <html>). Closed shadow roots are opened with the extensions'
 * `dom.openOrClosedShadowRoot` where the browser offers it. Top-layer elements
 * inside a page's closed shadow root elsewhere stay unseen; the card's settle
 * time and Undo remain for those.
 */

/** The host's z-index; nothing can be higher, so only later boxes at the same value paint above. */
export const HOST_Z_INDEX = 2147483647;

/** Following elements examined per check: a page that appends more than this after the host counts as covering. */
const MAX_FOLLOWING = 2000;

/** Opens a shadow root, closed ones too where the browser lets extensions. */
export type ShadowOpener = (element: Element) => ShadowRoot | null;

/** A computed opacity; an engine that leaves it empty means fully opaque. */
function opacityOf(style: CSSStyleDeclaration): number {
  return style.opacity === '' ? 1 : Number(style.opacity);
}

/** True when a computed property holds an effect ("none" and empty mean none). */
function hasEffect(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== 'none';
}

/** True when `element` (the card's host, or an ancestor) is faded, filtered or moved by the page's styles. */
function isAltered(element: Element, view: Window): boolean {
  const style = view.getComputedStyle(element);
  return (
    opacityOf(style) < 1 ||
    style.visibility === 'hidden' ||
    hasEffect(style.filter) ||
    hasEffect(style.transform) ||
    hasEffect(style.clipPath) ||
    hasEffect((style as CSSStyleDeclaration & { mask?: string }).mask)
  );
}

/** True when `element` draws something: displayed, visible and not fully transparent. */
function paints(element: Element, view: Window): boolean {
  const style = view.getComputedStyle(element);
  return style.display !== 'none' && style.visibility !== 'hidden' && opacityOf(style) > 0;
}

/** True when `element` or an ancestor up to `top` is positioned at the host's z-index. */
function atTopLevel(element: Element, top: Element, view: Window): boolean {
  for (let node: Element | null = element; node; node = parentOf(node)) {
    const style = view.getComputedStyle(node);
    if (style.position !== 'static' && Number(style.zIndex) >= HOST_Z_INDEX) return true;
    if (node === top) return false;
  }
  return false;
}

/** The parent element, through a shadow root to its host. */
function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode;
  return root && 'host' in root ? (root as ShadowRoot).host : null;
}

function intersects(a: DOMRect, b: DOMRect): boolean {
  return (
    a.width > 0 &&
    a.height > 0 &&
    a.left < b.right &&
    b.left < a.right &&
    a.top < b.bottom &&
    b.top < a.bottom
  );
}

/** True when an open modal dialog, popover or full-screen element is in the top layer. */
function topLayerOpen(doc: Document): boolean {
  if (doc.fullscreenElement) return true;
  for (const selector of [':modal', ':popover-open']) {
    try {
      if (doc.querySelector(selector)) return true;
    } catch {
      // A browser without the pseudo-class has no such top layer either.
    }
  }
  return false;
}

/**
 * True when the page covers, fades or distorts the card whose host is `host`
 * and whose frame occupies `card` (viewport coordinates).
 */
export function isCardCovered(host: Element, card: DOMRect, openShadow: ShadowOpener): boolean {
  const doc = host.ownerDocument;
  const view = doc.defaultView;
  if (!view) return false;
  if (isAltered(host, view) || isAltered(doc.documentElement, view)) return true;
  if (topLayerOpen(doc)) return true;
  let examined = 0;
  const covers = (element: Element, top: Element): boolean => {
    examined += 1;
    if (examined > MAX_FOLLOWING) return true;
    if (
      intersects(element.getBoundingClientRect(), card) &&
      paints(element, view) &&
      atTopLevel(element, top, view)
    ) {
      return true;
    }
    const shadow = openShadow(element);
    const children = [...(shadow ? shadow.children : []), ...element.children];
    return children.some((child) => covers(child, top));
  };
  for (let next = host.nextElementSibling; next; next = next.nextElementSibling) {
    if (covers(next, next)) return true;
  }
  return false;
}
