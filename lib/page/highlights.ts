/**
 * Marks mentions with the CSS Custom Highlight API: one `Highlight` per kind
 * (`dramatis-person`, `dramatis-organization`, `dramatis-place`) holding live
 * ranges, styled by a constructed stylesheet adopted by the document. Neither
 * shows in the page's DOM, so the page's markup, its scripts and its saved HTML
 * stay exactly as they were (ARCHITECTURE principle 3).
 */
import type { EntityKind } from '@/lib/profiles/bundle-format';
import type { PageMention } from './page-scanner';

/** The registry name of each kind's highlight; pages and tests can read them from `CSS.highlights`. */
export const HIGHLIGHT_NAMES: Record<EntityKind, string> = {
  person: 'dramatis-person',
  organization: 'dramatis-organization',
  place: 'dramatis-place',
};

/**
 * Translucent colours read on light and dark pages alike: a thin underline
 * carries the mark, a faint tint shows its extent. ::highlight() accepts only
 * colour and decoration properties, never layout, so the text cannot move.
 */
const STYLES = `
::highlight(dramatis-person) { background-color: rgb(245 166 35 / 0.16); text-decoration: underline 2px rgb(217 130 0 / 0.85); }
::highlight(dramatis-organization) { background-color: rgb(60 130 246 / 0.14); text-decoration: underline 2px rgb(37 99 235 / 0.8); }
::highlight(dramatis-place) { background-color: rgb(34 170 100 / 0.14); text-decoration: underline 2px rgb(22 140 80 / 0.8); }
`;

/** What the page controller needs from a way of marking mentions. */
export interface Highlighter {
  /** Marks `added` and unmarks `removed`, honouring the kinds that are switched on. */
  update(added: readonly PageMention[], removed: readonly PageMention[]): void;
  /** Switches kinds on and off; `all` is every mention on the page, to re-add those switched on. */
  setKinds(kinds: Record<EntityKind, boolean>, all: readonly PageMention[]): void;
  /** Removes every mark (and the stylesheet). */
  clear(): void;
}

/** True when the browser has the Custom Highlight API. */
export function hasHighlightApi(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** A highlighter over `CSS.highlights`; check {@link hasHighlightApi} first. */
export function createHighlightApiHighlighter(
  doc: Document,
  initialKinds: Record<EntityKind, boolean>,
): Highlighter {
  let kinds = { ...initialKinds };
  const highlights = new Map<EntityKind, Highlight>();
  let sheet: CSSStyleSheet | null = null;

  const highlightOf = (kind: EntityKind): Highlight => {
    let highlight = highlights.get(kind);
    if (!highlight) {
      highlight = new Highlight();
      highlights.set(kind, highlight);
      CSS.highlights.set(HIGHLIGHT_NAMES[kind], highlight);
    }
    return highlight;
  };
  const ensureStyles = (): void => {
    if (sheet) return;
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    // Adopted sheets are not serialized into the DOM, unlike a <style> element.
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  };

  return {
    update(added, removed) {
      for (const item of removed) highlights.get(item.mention.kind)?.delete(item.range);
      const shown = added.filter((item) => kinds[item.mention.kind]);
      if (shown.length > 0) ensureStyles();
      for (const item of shown) highlightOf(item.mention.kind).add(item.range);
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
      if (sheet) {
        const ours = sheet;
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((other) => other !== ours);
        sheet = null;
      }
    },
  };
}
