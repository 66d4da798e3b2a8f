/**
 * Draws the reader's saved quotes as translucent boxes in a closed shadow root
 * laid over the page, instead of registering their ranges in `CSS.highlights`:
 * the highlight registry is the document's, so any page script could read the
 * saved text back with `[...CSS.highlights.get(name)]` (docs/ARCHITECTURE.md,
 * principle 2). The page sees one empty host element (it may learn that
 * something is saved here, never what): its boxes sit in a closed root of the
 * content script's world, and ignore the pointer, so hit-testing with
 * `elementsFromPoint` does not find them either.
 *
 * Boxes are placed in document coordinates, so scrolling the window moves them
 * with the text for free; they are redrawn, at most once a frame, when the page
 * resizes, an inner box scrolls or the page changes.
 */
import { OWN_UI_ATTRIBUTE } from './text-blocks';

/** The host element's tag; tests find the layer by it. */
export const QUOTE_MARKS_TAG = 'dramatis-quote-marks';

/** The host is laid out as nothing, above the page, never in the pointer's way. */
const HOST_STYLE = [
  'all: initial',
  'position: absolute',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'overflow: visible',
  'pointer-events: none',
  'z-index: 2147483646',
]
  .map((rule) => `${rule} !important`)
  .join(';');

/** A highlighter-pen wash, unlike the mentions' underlines, so a saved quote reads as "mine". */
const SHADOW_STYLE = `
b { position: absolute; pointer-events: none; background: rgb(255 214 0 / 0.38); border-radius: 2px; }
`;

/** The saved quotes' boxes over one page. */
export class QuoteMarks {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private ranges: readonly Range[] = [];
  private frame = 0;
  private resizes: ResizeObserver | null = null;
  private readonly onScroll = (event: Event): void => {
    // The window's own scroll moves boxes and text together; an inner box's does not.
    if (event.target !== this.doc) this.redrawSoon();
  };
  private readonly onResize = (): void => this.redrawSoon();

  /** Builds the layer; nothing is added to the page until a quote is drawn. */
  constructor(private readonly doc: Document) {}

  /** Marks `ranges` (replacing the previous ones); none leaves the page untouched. */
  draw(ranges: readonly Range[]): void {
    this.ranges = ranges;
    if (ranges.length === 0 && !this.host) return;
    this.attach();
    this.redrawSoon();
  }

  /** Text moved or changed: redraw within a frame. */
  redrawSoon(): void {
    if (this.frame || !this.host) return;
    const view = this.doc.defaultView!;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = 0;
      this.redraw();
    });
  }

  /** Removes the layer and its listeners. */
  clear(): void {
    const view = this.doc.defaultView;
    if (this.frame) view?.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.ranges = [];
    this.resizes?.disconnect();
    this.resizes = null;
    view?.removeEventListener('resize', this.onResize);
    this.doc.removeEventListener('scroll', this.onScroll, true);
    this.host?.remove();
    this.host = null;
    this.root = null;
  }

  private attach(): void {
    if (this.host?.isConnected) return;
    const host = this.doc.createElement(QUOTE_MARKS_TAG);
    host.setAttribute(OWN_UI_ATTRIBUTE, '');
    host.setAttribute('style', HOST_STYLE);
    this.root = host.attachShadow({ mode: 'closed' });
    // Outside <body>, like the card's host: the article's markup stays as it was.
    this.doc.documentElement.append(host);
    this.host = host;
    if (this.resizes) return;
    this.doc.defaultView!.addEventListener('resize', this.onResize, { passive: true });
    this.doc.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    // Late images and fonts move text without a mutation.
    this.resizes = new ResizeObserver(() => this.redrawSoon());
    this.resizes.observe(this.doc.body);
  }

  private redraw(): void {
    const host = this.host;
    const root = this.root;
    if (!host || !root) return;
    // Relative to the host, so a positioned <html> or body margin does not shift the boxes.
    const origin = host.getBoundingClientRect();
    const style = this.doc.createElement('style');
    style.textContent = SHADOW_STYLE;
    const boxes: HTMLElement[] = [];
    for (const [index, range] of this.ranges.entries()) {
      for (const rect of textRects(range)) {
        const box = this.doc.createElement('b');
        // Which quote a box belongs to, by its order only (tests group boxes by it).
        box.dataset.quote = String(index);
        box.style.cssText = `left:${rect.left - origin.left}px;top:${rect.top - origin.top}px;width:${rect.width}px;height:${rect.height}px`;
        boxes.push(box);
      }
    }
    root.replaceChildren(style, ...boxes);
  }
}

/**
 * The boxes of the text a range covers, line by line. Not `range.getClientRects()`
 * alone: for a range across elements it also answers the elements' whole boxes.
 */
function textRects(range: Range): DOMRect[] {
  if (range.collapsed) return [];
  const rects: DOMRect[] = [];
  const start = range.commonAncestorContainer;
  const doc = range.startContainer.ownerDocument!;
  const piece = doc.createRange();
  const add = (node: Text): void => {
    if (!range.intersectsNode(node)) return;
    piece.selectNodeContents(node);
    if (node === range.startContainer) piece.setStart(node, range.startOffset);
    if (node === range.endContainer) piece.setEnd(node, range.endOffset);
    for (const rect of piece.getClientRects()) if (rect.width > 0) rects.push(rect);
  };
  if (start.nodeType === Node.TEXT_NODE) add(start as Text);
  else {
    const walker = doc.createTreeWalker(start, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) add(node as Text);
  }
  return rects;
}
