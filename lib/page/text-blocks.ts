/**
 * The page's readable text, as the matcher sees it: text nodes grouped into
 * blocks (a paragraph, a caption, a list item), each with one string and a map
 * from string offsets back to (text node, offset).
 *
 * Why blocks and not text nodes: pages split names across inline elements
 * ("<b>Mu</b> Sochua", a link on the family name) and across lines ("Mu<br>Sochua",
 * a hard wrap). Joining the inline text of one block lets the matcher see the
 * name whole; a line break becomes "\n", which the matcher accepts inside a name.
 * Block elements end a block, so text of two paragraphs never joins.
 */

/** Elements whose text is never marked: code, scripts, form fields, graphics. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'code', 'pre', 'kbd', 'samp', 'var',
  'textarea', 'input', 'select', 'option', 'button', 'svg', 'math', 'canvas',
  'iframe', 'object', 'embed', 'video', 'audio', 'head', 'title',
]); // prettier-ignore

/**
 * Elements that flow inside a line of text. Anything else ends a block: a
 * tag-name test is cheap where getComputedStyle on every element is not, and
 * newsroom markup keeps names inside inline elements.
 */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'label', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'wbr',
  'big', 'tt', 'nobr', 'ruby', 'rb', 'rt', 'rp', 'br',
]); // prettier-ignore

/** Marks Dramatis's own elements (the popover host), whose content is never scanned. */
export const OWN_UI_ATTRIBUTE = 'data-dramatis-ui';

/** Where one text node sits in its block's text. */
export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in the block's text. */
  start: number;
}

/** One block of text: the inline text of one block element between block boundaries. */
export interface TextBlock {
  /** The nearest block ancestor; a change inside it re-scans it. */
  container: Element;
  /** The text nodes' data, concatenated, with "\n" for each `<br>`. */
  text: string;
  /** The text nodes in order; offsets between them (a `<br>`'s "\n") belong to no node. */
  segments: TextSegment[];
}

/** True for elements whose subtree is never scanned (see {@link SKIPPED_TAGS}). */
export function isSkippedElement(element: Element): boolean {
  return SKIPPED_TAGS.has(element.localName) || hasSkippingAttribute(element);
}

/**
 * True for our own UI, `hidden` and editable elements. Most elements of an
 * article have no attributes at all, so one `hasAttributes()` call spares the
 * other three on each.
 */
function hasSkippingAttribute(element: Element): boolean {
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute(OWN_UI_ATTRIBUTE) || element.hasAttribute('hidden')) return true;
  // Any editable region, whatever value: a reader's draft is not ours to mark.
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return false;
}

/** True for elements that end a block of text. */
export function isBlockElement(element: Element): boolean {
  return !INLINE_TAGS.has(element.localName);
}

/** The nearest ancestor of `node` that is a block element (or `root`). */
export function blockContainerOf(node: Node, root: Element): Element {
  let element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (element && element !== root && !isBlockElement(element)) element = element.parentElement;
  return element ?? root;
}

/** True when `node` is inside an element that {@link isSkippedElement} rejects, up to `root`. */
export function isInSkippedSubtree(node: Node, root: Element): boolean {
  for (let element = node.parentElement; element; element = element.parentElement) {
    if (isSkippedElement(element)) return true;
    if (element === root) break;
  }
  return false;
}

/**
 * Walks `root`'s text in document order, yielding one {@link TextBlock} per
 * run of inline text. A generator, so the caller can stop at a time-slice
 * deadline and resume. Blocks with no letters are not yielded.
 * `isHidden` lets the caller skip hidden elements where checking is cheap; it
 * is asked only about elements with attributes (`hidden` is one).
 *
 * It runs on every page load in a fresh JavaScript world, before the JIT has
 * warmed up, so it does little per node: the tree walker has no filter
 * callback (skipped subtrees are stepped over here), and a text node's block
 * container is looked up once per parent element, not once per node.
 */
export function* walkTextBlocks(
  root: Element,
  isHidden: (element: Element) => boolean = () => false,
): Generator<TextBlock> {
  const walker = root.ownerDocument.createTreeWalker(
    root,
    0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */,
  );
  let current: TextBlock | null = null;
  let lastParent: Node | null = null;
  let lastContainer = root;
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType === 1) {
      const element = node as Element;
      const name = element.localName;
      // Hidden first: the caller may want to know which hidden elements it passed over.
      const skipped =
        (element.hasAttributes() && (isHidden(element) || hasSkippingAttribute(element))) ||
        SKIPPED_TAGS.has(name);
      if (skipped) {
        // A skipped element inside a line ("Hun <kbd>Ctrl</kbd> Sen") still separates the text around it.
        if (current && hasLetter(current)) yield current;
        current = null;
        node = walker.nextSibling();
        while (!node && walker.parentNode()) node = walker.nextSibling();
        continue;
      }
      if (name === 'br') {
        if (current) current.text += '\n';
      } else if (!INLINE_TAGS.has(name)) {
        if (current && hasLetter(current)) yield current;
        current = null;
        if (element.childElementCount === 0) {
          // A block of plain text, as most paragraphs are: read it whole and step over its text nodes.
          const whole = new WholeElementBlock(element, element.textContent ?? '');
          if (hasLetter(whole)) yield whole;
          node = walker.nextSibling();
          while (!node && walker.parentNode()) node = walker.nextSibling();
          continue;
        }
      }
      node = walker.nextNode();
      continue;
    }
    const text = node as Text;
    const data = text.data;
    if (data.length > 0) {
      if (text.parentNode !== lastParent) {
        lastParent = text.parentNode;
        lastContainer = blockContainerOf(text, root);
      }
      // Text after a nested block closed ("<div><p>A</p>B</div>") starts a new block.
      if (current && current.container !== lastContainer) {
        if (hasLetter(current)) yield current;
        current = null;
      }
      // White space between blocks (the line breaks between an article's paragraphs)
      // would open a block that is then dropped for having no letter: skip it at once.
      if (!current && !NON_SPACE.test(data)) {
        node = walker.nextNode();
        continue;
      }
      current ??= { container: lastContainer, text: '', segments: [] };
      current.segments.push({ node: text, start: current.text.length });
      current.text += data;
    }
    node = walker.nextNode();
  }
  if (current && hasLetter(current)) yield current;
}

/**
 * A block element holding only text (no child elements): its text is read in
 * one `textContent` call and its text nodes are listed only when a range in it
 * is made. Each DOM node the content script touches gets a JavaScript wrapper
 * in its isolated world; on an article most text nodes are never needed.
 */
export class WholeElementBlock implements TextBlock {
  private listed: TextSegment[] | null = null;

  constructor(
    readonly container: Element,
    readonly text: string,
  ) {}

  get segments(): TextSegment[] {
    if (!this.listed) {
      this.listed = [];
      let start = 0;
      for (let child = this.container.firstChild; child; child = child.nextSibling) {
        if (child.nodeType !== 3) continue;
        const node = child as Text;
        if (node.data.length === 0) continue;
        this.listed.push({ node, start });
        start += node.data.length;
      }
    }
    return this.listed;
  }
}

/** True while the text `block` was read from is still on the page (as far as telling costs nothing). */
export function isBlockConnected(block: TextBlock): boolean {
  if (block instanceof WholeElementBlock) return block.container.isConnected;
  return block.segments[0]?.node.isConnected ?? false;
}

const LETTER = /\p{L}/u;
const NON_SPACE = /\S/;

function hasLetter(block: TextBlock): boolean {
  return LETTER.test(block.text);
}

/**
 * The (node, offset) of `offset` in `block`'s text. An offset on the border of
 * two nodes resolves to the end of the earlier one when `bias` is 'end' (a
 * mention's end) and to the start of the later one otherwise. Null when the
 * offset falls in a `<br>`'s "\n", which no mention starts or ends on.
 */
export function positionAt(
  block: TextBlock,
  offset: number,
  bias: 'start' | 'end' = 'start',
): { node: Text; offset: number } | null {
  const { segments } = block;
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = segments[middle]!.start;
    if (start < offset || (start === offset && bias === 'start')) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (found < 0) return null;
  const segment = segments[found]!;
  const inner = offset - segment.start;
  return inner <= segment.node.data.length ? { node: segment.node, offset: inner } : null;
}
