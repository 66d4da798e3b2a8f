/**
 * Which text is under the pointer. Browsers disagree: the standard
 * `caretPositionFromPoint` is in Firefox and Chrome 128+, older Chrome and
 * Safari only have `caretRangeFromPoint`.
 */

interface CaretPosition {
  offsetNode: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => CaretPosition | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text position under viewport point (x, y), or null. */
export function caretFromPoint(
  doc: Document,
  x: number,
  y: number,
): { node: Node; offset: number } | null {
  const caret = doc as CaretDocument;
  if (typeof caret.caretPositionFromPoint === 'function') {
    const position = caret.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof caret.caretRangeFromPoint === 'function') {
    const range = caret.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/**
 * True when (x, y) is inside one of `range`'s boxes: the caret snaps to the
 * nearest text even when the pointer is in a margin beside it.
 */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
