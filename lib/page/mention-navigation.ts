/**
 * The next-mention shortcut: which mention comes next in reading order, and
 * the selection it leaves there for keyboard readers.
 */

/**
 * The mention after `current` in `ordered` (document order), wrapping to the
 * first. With no current mention, the first one that starts at or below the top
 * of the viewport, so the shortcut begins where the reader is, not at the top of
 * the page. `topOf` gives a mention's viewport top.
 */
export function nextMention<M>(
  ordered: readonly M[],
  current: M | null,
  topOf: (mention: M) => number,
): M | null {
  if (ordered.length === 0) return null;
  if (current !== null) {
    const index = ordered.indexOf(current);
    if (index >= 0) return ordered[(index + 1) % ordered.length]!;
  }
  return ordered.find((mention) => topOf(mention) >= 0) ?? ordered[0]!;
}

/** True when `a` and `b` cover the same text. */
function sameRange(a: Range, b: Range): boolean {
  return (
    a.compareBoundaryPoints(Range.START_TO_START, b) === 0 &&
    a.compareBoundaryPoints(Range.END_TO_END, b) === 0
  );
}

/**
 * Leaves the page's selection on the mention the shortcut moved to, as Find in
 * page selects its match: a keyboard reader extends it with Shift+arrows to
 * take in the sentence, and caret browsing goes on from there, so the quote can
 * be saved (popup or Alt+Shift+S) without a mouse. A selection the reader made
 * is never replaced: only an empty one or the one the shortcut itself left
 * (`previous`). Answers the range now selected, or null when left alone.
 */
export function selectMention(
  selection: Selection | null,
  mention: Range,
  previous: Range | null,
): Range | null {
  if (!selection) return null;
  const ours =
    previous !== null && selection.rangeCount === 1 && sameRange(selection.getRangeAt(0), previous);
  if (!selection.isCollapsed && !ours) return null;
  const range = mention.cloneRange();
  selection.removeAllRanges();
  selection.addRange(range);
  return range;
}
