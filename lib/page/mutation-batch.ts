/**
 * Which parts of the page to scan again after DOM changes. Pages that load
 * comments, live blogs or "read more" text change constantly; rescanning only
 * the blocks that changed keeps the cost proportional to the change.
 */
import { blockContainerOf, isInSkippedSubtree, isSkippedElement } from './text-blocks';

/** The fields of a MutationRecord used here, so tests can pass plain objects. */
export interface MutationLike {
  type: string;
  target: Node;
  addedNodes: ArrayLike<Node>;
  removedNodes: ArrayLike<Node>;
}

/** What a batch of mutations asks for. */
export interface RescanPlan {
  /** Block containers to scan again, none inside another. */
  roots: Element[];
  /** True when nodes were removed: drop the marks of text that left the page. */
  removed: boolean;
}

/** True when an added node may bring text to scan (not our own UI, not a script or style). */
function bringsText(node: Node): boolean {
  if (node.nodeType === 3) return (node as Text).data.trim().length > 0;
  return node.nodeType === 1 && !isSkippedElement(node as Element);
}

/**
 * Turns a batch of mutations under `root` into the smallest set of block
 * containers to rescan. Changes inside skipped regions (an editor the reader
 * types in, scripts, our own UI) are ignored.
 */
export function planRescan(records: Iterable<MutationLike>, root: Element): RescanPlan {
  const touched = new Set<Element>();
  let removed = false;
  for (const record of records) {
    const target = record.target;
    if (!target.isConnected || !root.contains(target)) continue;
    if (record.removedNodes.length > 0) removed = true;
    if (record.type === 'characterData') {
      if (!isInSkippedSubtree(target, root)) touched.add(blockContainerOf(target, root));
      continue;
    }
    if (record.type !== 'childList') continue;
    if (target.nodeType === 1 && isSkippedElement(target as Element)) continue;
    if (isInSkippedSubtree(target, root)) continue;
    const added = Array.from(record.addedNodes).some(bringsText);
    // Removing text can join what was split ("Mu<span>x</span> Sochua"): rescan the block too.
    if (added || record.removedNodes.length > 0) touched.add(blockContainerOf(target, root));
  }
  return { roots: outermost(touched), removed };
}

/** The elements of `set` that are not inside another element of it; cost follows depth, not set size squared. */
export function outermost(set: Set<Element>): Element[] {
  return [...set].filter((element) => {
    for (let up = element.parentElement; up; up = up.parentElement) if (set.has(up)) return false;
    return true;
  });
}
