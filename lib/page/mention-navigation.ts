/**
 * The next-mention shortcut: which mention comes next in reading order.
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
