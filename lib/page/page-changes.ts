/**
 * Follows the page's changes: text added, edited or removed, and hidden parts
 * shown ("Read more", a collapsed section opening). Changes are batched, then
 * only the blocks they touched are handed on for rescanning.
 */
import { blockContainerOf, isBlockElement } from './text-blocks';
import { outermost, planRescan, type MutationLike } from './mutation-batch';

/** Wait after the first change of a batch before rescanning. */
const BATCH_DELAY_MS = 150;

/** Attributes that commonly show or hide content. */
const VISIBILITY_ATTRIBUTES = ['hidden', 'class', 'style', 'open'];

/** The watcher of one page. */
export interface PageChanges {
  /** Wraps a hidden-element check so skipped hidden elements are remembered and rescanned when shown. */
  trackHidden(isHidden: (element: Element) => boolean): (element: Element) => boolean;
  /** Drops pending records (our own DOM changes in the span fallback). */
  discardPending(): void;
  stop(): void;
}

/**
 * Watches `body` and calls `rescan` with the outermost changed blocks, or with
 * an empty list when text was only removed (so its marks are dropped). The
 * batch timer starts at the first change and is not pushed back by later ones,
 * so a page that changes all the time (a ticker) is still rescanned.
 */
export function watchPageChanges(body: Element, rescan: (roots: Element[]) => void): PageChanges {
  const hidden = new Set<Element>();
  let isHidden: (element: Element) => boolean = () => false;
  const pending: MutationLike[] = [];
  const attributeTargets = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    timer = undefined;
    const plan = planRescan(pending.splice(0), body);
    const roots = new Set(plan.roots);
    for (const element of revealed()) roots.add(element);
    attributeTargets.clear();
    if (roots.size > 0 || plan.removed) rescan(outermost(roots));
  };

  /** Hidden elements that a changed attribute has shown since they were skipped. */
  const revealed = (): Element[] => {
    if (attributeTargets.size === 0) return [];
    const shown: Element[] = [];
    for (const element of hidden) {
      if (!element.isConnected) hidden.delete(element);
      else if ([...attributeTargets].some((target) => target.contains(element))) {
        if (isHidden(element)) continue;
        hidden.delete(element);
        shown.push(isBlockElement(element) ? element : blockContainerOf(element, body));
      }
    }
    return shown;
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type !== 'attributes') pending.push(record);
      else if (hidden.size > 0 && record.target.nodeType === 1) {
        attributeTargets.add(record.target as Element);
      }
    }
    if (timer === undefined && (pending.length > 0 || attributeTargets.size > 0)) {
      timer = setTimeout(flush, BATCH_DELAY_MS);
    }
  });
  observer.observe(body, {
    childList: true,
    characterData: true,
    subtree: true,
    attributes: true,
    attributeFilter: VISIBILITY_ATTRIBUTES,
  });

  return {
    trackHidden(check) {
      isHidden = check;
      return (element) => {
        const result = check(element);
        if (result) hidden.add(element);
        return result;
      };
    },
    discardPending() {
      observer.takeRecords();
    },
    stop() {
      clearTimeout(timer);
      observer.disconnect();
      hidden.clear();
      pending.length = 0;
    },
  };
}
