/**
 * Marking for browsers without the CSS Custom Highlight API (Firefox before
 * 140, old Chromium): wraps each mention's text in a span. This does change the
 * page's DOM, which is why it is only a fallback; the spans carry no data, and
 * the page controller discards the mutations they cause so they are not scanned.
 */
import type { EntityKind } from '@/lib/model/bundle-format';
import type { Highlighter } from './highlights';
import type { PageMention } from './page-scanner';

const COLOURS: Record<EntityKind, string> = {
  person: 'rgb(217 130 0 / 0.85)',
  organization: 'rgb(37 99 235 / 0.8)',
  place: 'rgb(22 140 80 / 0.8)',
};

/** The text nodes a range covers, each with the part of it inside the range. */
function textPieces(range: Range): { node: Text; start: number; end: number }[] {
  const pieces: { node: Text; start: number; end: number }[] = [];
  const root = range.commonAncestorContainer;
  const doc = range.startContainer.ownerDocument!;
  const walker = doc.createTreeWalker(root.nodeType === 3 ? root.parentNode! : root, 0x4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const text = node as Text;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : text.length;
    if (end > start) pieces.push({ node: text, start, end });
  }
  return pieces;
}

/**
 * A highlighter that wraps mentions in spans. `discardOwnMutations` is called
 * right after each DOM change (MutationObserver.takeRecords), so the spans do
 * not trigger a rescan.
 */
export function createSpanHighlighter(
  doc: Document,
  initialKinds: Record<EntityKind, boolean>,
  discardOwnMutations: () => void,
): Highlighter {
  let kinds = { ...initialKinds };
  const wrapped = new Map<Range, HTMLElement[]>();

  const wrap = (item: PageMention): void => {
    if (wrapped.has(item.range) || !kinds[item.mention.kind]) return;
    const spans: HTMLElement[] = [];
    for (const { node, start, end } of textPieces(item.range)) {
      const middle = start > 0 ? node.splitText(start) : node;
      if (end - start < middle.length) middle.splitText(end - start);
      const span = doc.createElement('span');
      span.style.cssText = `text-decoration: underline 2px ${COLOURS[item.mention.kind]}`;
      middle.replaceWith(span);
      span.append(middle);
      spans.push(span);
    }
    wrapped.set(item.range, spans);
  };
  const unwrap = (range: Range): void => {
    for (const span of wrapped.get(range) ?? []) span.replaceWith(...span.childNodes);
    wrapped.delete(range);
  };

  return {
    update(added, removed) {
      for (const item of removed) unwrap(item.range);
      for (const item of added) wrap(item);
      discardOwnMutations();
    },
    setKinds(next, all) {
      kinds = { ...next };
      for (const item of all) if (!kinds[item.mention.kind]) unwrap(item.range);
      this.update(all, []);
    },
    clear() {
      for (const range of [...wrapped.keys()]) unwrap(range);
      discardOwnMutations();
    },
  };
}
