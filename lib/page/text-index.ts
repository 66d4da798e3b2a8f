/**
 * The page's text as quotes are described and re-found in: the visible text
 * nodes under a root, concatenated in document order, with a map between
 * offsets in that string and (text node, offset) positions.
 *
 * Why one string for the whole page and not blocks: a quote may run across
 * paragraphs, links and emphasis, and its position hint
 * (TextPositionSelector) counts characters of the whole document's text.
 * Block boundaries become one "\n" that belongs to no node, so the last word of
 * one paragraph never runs into the first word of the next ("defecting.With")
 * — which is also what the reader's selection copies.
 */
import { OWN_UI_ATTRIBUTE } from '@/lib/page/text-blocks';

/** Where one text node sits in {@link TextIndex.text}. */
export interface IndexedTextNode {
  node: Text;
  /** Offset of the node's first character in the index's text. */
  start: number;
}

/** The page text model. */
export interface TextIndex {
  /** The visible text, with "\n" between blocks. */
  text: string;
  /** The text nodes in document order; offsets between them (block breaks) belong to no node. */
  nodes: IndexedTextNode[];
}

/** Options of {@link buildTextIndex}. */
export interface TextIndexOptions {
  /**
   * True for an element whose text the reader cannot see. The default checks
   * the `hidden` attribute, Dramatis's own UI, closed `<details>` and computed
   * `display: none` / `visibility: hidden`.
   */
  isHidden?: (element: Element) => boolean;
}

/** Elements whose text is never page text a reader could select. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'HEAD', 'TITLE',
]); // prettier-ignore

/** Elements that flow inside a line; every other element starts and ends a block. */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I',
  'INS', 'KBD', 'LABEL', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP',
  'TIME', 'U', 'VAR', 'WBR', 'BIG', 'TT', 'NOBR', 'RUBY', 'RB', 'RT', 'RP',
]); // prettier-ignore

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * The default visibility test. Computed style is read once per element (the
 * walk skips a hidden element's whole subtree), which costs one style recalc
 * on a save or a revisit, never per frame.
 */
export function isHiddenElement(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  const parent = element.parentElement;
  if (parent?.tagName === 'DETAILS' && !parent.hasAttribute('open')) {
    return element.tagName !== 'SUMMARY';
  }
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(element);
  return style.display === 'none' || style.visibility === 'hidden';
}

/** Builds the text model of the visible text under `root` (usually `document.body`). */
export function buildTextIndex(root: Node, options: TextIndexOptions = {}): TextIndex {
  const isHidden = options.isHidden ?? isHiddenElement;
  const parts: string[] = [];
  const nodes: IndexedTextNode[] = [];
  let length = 0;
  let pendingBreak = false;

  const visit = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length === 0) return;
      if (pendingBreak && length > 0) {
        parts.push('\n');
        length += 1;
      }
      pendingBreak = false;
      nodes.push({ node: node as Text, start: length });
      parts.push(data);
      length += data.length;
      return;
    }
    let block = false;
    if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      const tag = element.tagName.toUpperCase();
      if (SKIPPED_TAGS.has(tag) || isHidden(element)) return;
      block = !INLINE_TAGS.has(tag);
    }
    if (block) pendingBreak = true;
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (block) pendingBreak = true;
  };
  visit(root);
  return { text: parts.join(''), nodes };
}

/** The index of the last node starting at or before `offset` (0 when none does). */
function nodeAt(index: TextIndex, offset: number): number {
  let low = 0;
  let high = index.nodes.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if ((index.nodes[mid] as IndexedTextNode).start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The DOM Range of text offsets [start, end) of `index`, to highlight a found
 * quote (CSS.highlights) or scroll to it. An offset on a block break moves into
 * the text on the inside of the range. Throws a RangeError for offsets outside
 * the text or a page without text.
 */
export function rangeFromOffsets(index: TextIndex, start: number, end: number): Range {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Bad text offsets [${start}, ${end})`);
  }
  if (end > index.text.length) {
    throw new RangeError(`Offset ${end} is past the page text (${index.text.length})`);
  }
  const first = index.nodes[0];
  if (!first) throw new RangeError('The page has no text to place a range in');
  const range = first.node.ownerDocument.createRange();

  const s = nodeAt(index, start);
  const startNode = index.nodes[s] as IndexedTextNode;
  const next = index.nodes[s + 1];
  if (start - startNode.start < startNode.node.length || !next) {
    range.setStart(startNode.node, Math.min(start - startNode.start, startNode.node.length));
  } else {
    range.setStart(next.node, 0); // on a break: start in the next block
  }

  const e = nodeAt(index, end);
  const endNode = index.nodes[e] as IndexedTextNode;
  // Past the node's end means on a break: end in this block.
  range.setEnd(endNode.node, Math.min(end - endNode.start, endNode.node.length));
  return range;
}

const lookups = new WeakMap<TextIndex, Map<Text, IndexedTextNode>>();

function lookupOf(index: TextIndex): Map<Text, IndexedTextNode> {
  let lookup = lookups.get(index);
  if (!lookup) {
    lookup = new Map(index.nodes.map((entry) => [entry.node, entry]));
    lookups.set(index, lookup);
  }
  return lookup;
}

/**
 * The text offset of a boundary point: exact inside an indexed text node;
 * otherwise (an element boundary, hidden text) the nearest indexed text on the
 * inside of the range, found by binary search in document order.
 */
function boundaryOffset(index: TextIndex, container: Node, offset: number, edge: 'start' | 'end') {
  const entry = container.nodeType === TEXT_NODE ? lookupOf(index).get(container as Text) : null;
  if (entry) return entry.start + Math.min(offset, entry.node.length);
  const probe = (container.ownerDocument ?? (container as Document)).createRange();
  probe.setStart(container, offset);
  // First node whose start is at or after the boundary point.
  let low = 0;
  let high = index.nodes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (probe.comparePoint((index.nodes[mid] as IndexedTextNode).node, 0) < 0) low = mid + 1;
    else high = mid;
  }
  if (edge === 'start') return index.nodes[low]?.start ?? index.text.length;
  const before = index.nodes[low - 1];
  return before ? before.start + before.node.length : 0;
}

/**
 * The text offsets of a DOM Range (the reader's selection), or null when the
 * range holds none of the indexed text (e.g. only hidden text, or nodes of
 * another document).
 */
export function offsetsFromRange(
  index: TextIndex,
  range: AbstractRange,
): { start: number; end: number } | null {
  if (index.nodes.length === 0) return null;
  try {
    const start = boundaryOffset(index, range.startContainer, range.startOffset, 'start');
    const end = boundaryOffset(index, range.endContainer, range.endOffset, 'end');
    return end >= start ? { start, end } : null;
  } catch (error) {
    // comparePoint throws WrongDocumentError for nodes outside the indexed tree.
    console.warn('Dramatis: could not place the selection in the page text', error);
    return null;
  }
}
