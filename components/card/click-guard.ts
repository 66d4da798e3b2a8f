/**
 * Clickjacking defences of the card inside a page (issue 16): a pointer click
 * does nothing until the card has been on screen, unchanged in size, for
 * {@link SETTLE_MS}, nor while the browser reports it covered or see-through.
 *
 * Why in the frame: the page around it cannot see or forge what happens inside
 * the cross-origin frame, and Chrome's IntersectionObserver v2
 * (`trackVisibility`) tells the frame itself when anything paints over it (even
 * a `pointer-events: none` overlay, which hit-testing from the page would miss)
 * or when an ancestor is made transparent, filtered or transformed. Firefox has
 * no such observer, so the content script watches the page around the card
 * (lib/page/cover-watch.ts) and reports `covered` over the channel; both
 * reports count, in every browser.
 *
 * Keyboard clicks (`detail === 0`) pass: a page cannot type into our frame, and
 * a reader who tabbed to a button sees what they press.
 */
import { useEffect, useRef } from 'preact/hooks';

/** How long a freshly shown card ignores pointer clicks: longer than a decoy's "click here" lure can count on. */
export const SETTLE_MS = 400;

/** The attribute on the frame's <html> while clicks count (tests wait for it; the page cannot read it). */
export const SETTLED_ATTRIBUTE = 'data-settled';

/** IntersectionObserver v2 fields, not yet in TypeScript's DOM types. */
interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

/**
 * Guards every pointer click in the framed card; `shownKey` changes with each
 * card the host shows (each one settles anew). `pageCovered` is the host's
 * report that the page paints over the card.
 */
export function useClickGuard(framed: boolean, shownKey: unknown, pageCovered = false): void {
  // The host's report, read by the effect below without restarting it.
  const hostSaysCovered = useRef(pageCovered);
  const recheck = useRef<() => void>(() => undefined);
  useEffect(() => {
    hostSaysCovered.current = pageCovered;
    recheck.current();
  }, [pageCovered]);
  useEffect(() => {
    if (!framed || shownKey === null) return;
    const html = document.documentElement;
    let shownAt = performance.now();
    // Unknown (Firefox) counts as visible; Chrome answers within its delay.
    let visible = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wasUncovered = !hostSaysCovered.current;

    const update = (): void => {
      clearTimeout(timer);
      const uncovered = visible && !hostSaysCovered.current;
      // Uncovered again: the reader gets the settle time to see what is now under the pointer.
      if (uncovered && !wasUncovered) shownAt = performance.now();
      wasUncovered = uncovered;
      const left = SETTLE_MS - (performance.now() - shownAt);
      if (uncovered && left <= 0) html.setAttribute(SETTLED_ATTRIBUTE, '');
      else html.removeAttribute(SETTLED_ATTRIBUTE);
      if (uncovered && left > 0) timer = setTimeout(update, left);
    };
    recheck.current = update;
    const onClick = (event: MouseEvent): void => {
      if (event.detail === 0 || html.hasAttribute(SETTLED_ATTRIBUTE)) return;
      // Capture on window runs before any button's handler: the click never reaches it.
      event.stopImmediatePropagation();
      event.preventDefault();
    };

    let observer: IntersectionObserver | null = null;
    try {
      observer = new IntersectionObserver(
        (entries) => {
          const entry = entries.at(-1) as VisibilityEntry | undefined;
          if (!entry || entry.isVisible === undefined) return;
          visible = entry.isVisible;
          update();
        },
        { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
      );
      observer.observe(document.body);
    } catch (error) {
      // A browser that knows the options but refuses them: the settle time alone guards.
      console.warn('Dramatis: the card cannot watch whether it is covered:', error);
    }
    // Content that loads or grows moves buttons under a resting pointer: settle anew.
    const resizes = new ResizeObserver(() => {
      shownAt = performance.now();
      update();
    });
    resizes.observe(document.body);
    update();
    window.addEventListener('click', onClick, true);
    window.addEventListener('auxclick', onClick, true);
    return () => {
      recheck.current = () => undefined;
      clearTimeout(timer);
      observer?.disconnect();
      resizes.disconnect();
      html.removeAttribute(SETTLED_ATTRIBUTE);
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('auxclick', onClick, true);
    };
  }, [framed, shownKey]);
}
