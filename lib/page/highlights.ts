/**
 * Marks mentions with the CSS Custom Highlight API: one `Highlight` per kind
 * (`dramatis-person`, `dramatis-organization`, `dramatis-place`) holding live
 * ranges, styled by entrypoints/content/highlights.css, which the manifest
 * injects before the page is built. Neither shows in the page's DOM, so the
 * page's markup, its scripts and its saved HTML stay exactly as they were
 * (docs/ARCHITECTURE.md, principle 3). No stylesheet is added here: adding one to a
 * built page restyles every element of it in one long task, whereas
 * registering a highlight only repaints.
 */
import type { EntityKind } from '@/lib/model/bundle-format';
import type { PageMention } from './page-scanner';

/** The registry name of each kind's highlight; pages and tests can read them from `CSS.highlights`. */
export const HIGHLIGHT_NAMES: Record<EntityKind, string> = {
  person: 'dramatis-person',
  organization: 'dramatis-organization',
  place: 'dramatis-place',
};

/** What the page controller needs from a way of marking mentions. */
export interface Highlighter {
  /** Marks `added` and unmarks `removed`, honouring the kinds that are switched on. */
  update(added: readonly PageMention[], removed: readonly PageMention[]): void;
  /** Switches kinds on and off; `all` is every mention on the page, to re-add those switched on. */
  setKinds(kinds: Record<EntityKind, boolean>, all: readonly PageMention[]): void;
  /** Removes every mark. */
  clear(): void;
}

/** True when the browser has the Custom Highlight API. */
export function hasHighlightApi(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** A highlighter over `CSS.highlights`; check {@link hasHighlightApi} first. */
export function createHighlightApiHighlighter(
  initialKinds: Record<EntityKind, boolean>,
): Highlighter {
  let kinds = { ...initialKinds };
  const highlights = new Map<EntityKind, Highlight>();

  const highlightOf = (kind: EntityKind): Highlight => {
    let highlight = highlights.get(kind);
    if (!highlight) {
      highlight = new Highlight();
      highlights.set(kind, highlight);
      CSS.highlights.set(HIGHLIGHT_NAMES[kind], highlight);
    }
    return highlight;
  };

  return {
    update(added, removed) {
      for (const item of removed) highlights.get(item.mention.kind)?.delete(item.range);
      for (const item of added) {
        if (kinds[item.mention.kind]) highlightOf(item.mention.kind).add(item.range);
      }
    },
    setKinds(next, all) {
      kinds = { ...next };
      for (const [kind, highlight] of highlights) if (!kinds[kind]) highlight.clear();
      this.update(
        all.filter((item) => kinds[item.mention.kind]),
        [],
      );
    },
    clear() {
      for (const [kind] of highlights) CSS.highlights.delete(HIGHLIGHT_NAMES[kind]);
      highlights.clear();
    },
  };
}
