/**
 * What a tab's content script tells the popup and the background about its
 * page (the answer to the `readPage` content message), and where the
 * background's anchoring placed the page's saved quotes.
 *
 * Why the content script is asked and not the background's memory: only the
 * page knows the reader's selection, and the content script holds the latest
 * anchoring for as long as the page is open, while an MV3 service worker (and
 * anything it remembers) may stop after 30 idle seconds.
 */
import type { TextPositionSelector, TextQuoteSelector } from './records';
import { isRecord } from './json-check';

/** An entity marked inside the selection, as the popup shows it on a chip. */
export interface QuoteEntity {
  id: string;
  name: string;
}

/** The reader's selection, described for saving (lib/anchor's `describeQuote`). */
export interface SelectionQuote {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** Entities whose marked mentions overlap the selection, in page order, each once. */
  entities: QuoteEntity[];
}

/**
 * The selection as the content script reports it: offsets in the page text
 * and an excerpt of that text around them, from which the receiver builds the
 * selectors ({@link readTabPage}). Why not the selectors themselves: describing
 * is pure string work that the content script, which runs on every page and
 * has a size budget, need not carry.
 */
export interface SelectionExcerpt {
  /** The page text from `offset` on, covering the selection and its context. */
  text: string;
  /** Where `text` starts in the page text. */
  offset: number;
  /** The selection in page-text offsets. */
  start: number;
  end: number;
  entities: QuoteEntity[];
}

/** How much page text either side of a selection is sent: far more than the 32 characters of context. */
export const EXCERPT_MARGIN = 2000;

/** What the content script answers to `readPage`; {@link readTabPage} turns it into a {@link PageState}. */
export interface PageReport extends Omit<PageState, 'selection'> {
  selection: SelectionExcerpt | null;
}

/** A page as its content script describes it. */
export interface PageState {
  url: string;
  /** The page's `<link rel="canonical">` href, resolved; null when it declares none. */
  canonicalUrl: string | null;
  title: string;
  /** Null when nothing (or only whitespace) is selected. */
  selection: SelectionQuote | null;
  /** Saved quotes the latest anchoring could not place on the page (orphaned). */
  orphanedIds: string[];
}

/** Where one saved quote is in the page text sent for anchoring, or that it is not there. */
export type QuotePlacement =
  { id: string; start: number; end: number } | { id: string; orphaned: true };

function isExcerpt(value: unknown): value is SelectionExcerpt {
  if (!isRecord(value)) return false;
  const { text, offset, start, end, entities } = value;
  return (
    typeof text === 'string' &&
    Number.isSafeInteger(offset) &&
    Number.isSafeInteger(start) &&
    Number.isSafeInteger(end) &&
    (offset as number) <= (start as number) &&
    (start as number) <= (end as number) &&
    (end as number) <= (offset as number) + text.length &&
    Array.isArray(entities) &&
    entities.every(
      (entity) =>
        isRecord(entity) && typeof entity.id === 'string' && typeof entity.name === 'string',
    )
  );
}

/** True for a well-formed {@link PageReport}: it crosses contexts, so its receiver checks it. */
export function isPageReport(value: unknown): value is PageReport {
  return (
    isRecord(value) &&
    typeof value.url === 'string' &&
    (value.canonicalUrl === null || typeof value.canonicalUrl === 'string') &&
    typeof value.title === 'string' &&
    (value.selection === null || isExcerpt(value.selection)) &&
    Array.isArray(value.orphanedIds) &&
    value.orphanedIds.every((id) => typeof id === 'string')
  );
}
