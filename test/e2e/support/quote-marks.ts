/**
 * What the reader sees of their saved quotes on a page, in Chromium.
 *
 * Saved quotes are drawn as boxes in a closed shadow root (lib/page/quote-marks.ts)
 * precisely so that page scripts cannot read them; the tests look in through
 * DevTools (CDP), which enters closed roots, and read back the text under each
 * quote's boxes from the caret positions at their ends, as a reader's eye would.
 */
import type { CDPSession, Page } from 'playwright-core';

/** The layer's host tag (lib/page/quote-marks.ts, `QUOTE_MARKS_TAG`). */
const QUOTE_MARKS_TAG = 'dramatis-quote-marks';

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  localName?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function findHost(node: CdpNode): CdpNode | null {
  if (node.localName === QUOTE_MARKS_TAG) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return null;
}

/**
 * Runs in the page with `this` bound to the layer's shadow root: the text under
 * each quote's boxes, or with `word`, the viewport centre of that word inside
 * the first quote (scrolled into view).
 */
function readMarks(this: ShadowRoot, word: string | null): unknown {
  const boxes = [...this.querySelectorAll<HTMLElement>('[data-quote]')];
  const groups = new Map<string, HTMLElement[]>();
  for (const box of boxes) {
    const key = box.dataset.quote!;
    groups.set(key, [...(groups.get(key) ?? []), box]);
  }
  const caretAt = (x: number, y: number): { node: Node; offset: number } | null => {
    const position = document.caretPositionFromPoint?.(x, y);
    if (position) return { node: position.offsetNode, offset: position.offset };
    const range = document.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  };
  const inView = (box: HTMLElement): DOMRect => {
    box.scrollIntoView({ block: 'center' });
    return box.getBoundingClientRect();
  };
  const ranges: Range[] = [];
  for (const group of groups.values()) {
    const first = inView(group[0]!);
    const start = caretAt(first.left + 1, first.top + first.height / 2);
    const last = inView(group.at(-1)!);
    const end = caretAt(last.right - 1, last.top + last.height / 2);
    if (!start || !end) continue;
    const range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    ranges.push(range);
  }
  if (word === null) return ranges.map((range) => range.toString());
  const range = ranges[0];
  if (!range) return null;
  const common = range.commonAncestorContainer;
  // A walker never visits its root, and a quote inside one text node has that node as its root.
  const walker = document.createTreeWalker(
    common.nodeType === Node.TEXT_NODE ? common.parentNode! : common,
    NodeFilter.SHOW_TEXT,
  );
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const at = node.textContent!.indexOf(word);
    if (at < 0) continue;
    const probe = document.createRange();
    probe.setStart(node, at);
    probe.setEnd(node, at + word.length);
    (node.parentElement ?? document.body).scrollIntoView({ block: 'center' });
    const rect = probe.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

async function withMarks<T>(page: Page, word: string | null): Promise<T | null> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const shadow = findHost(root)?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: readMarks.toString(),
      arguments: [{ value: word }],
      returnByValue: true,
    });
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/** The texts of the saved quotes marked on `page`, one per quote, as the reader sees them. */
export async function quoteMarkTexts(page: Page): Promise<string[]> {
  return ((await withMarks<string[]>(page, null)) ?? []).map((text) =>
    text.replace(/\u00a0/g, ' '),
  );
}

/** The viewport centre of `word` inside the first marked quote (scrolled into view). */
export async function pointInQuoteMark(
  page: Page,
  word: string,
): Promise<{ x: number; y: number }> {
  const point = await withMarks<{ x: number; y: number }>(page, word);
  if (!point) throw new Error(`no saved-quote mark holding "${word}"`);
  return point;
}
