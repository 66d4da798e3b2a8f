/**
 * What the reader saves: the inputs of the annotation messages. The saved
 * record itself is {@link AnnotationRecord} in ./records.ts.
 */
import type { TextPositionSelector, TextQuoteSelector } from './records';

/** Where an annotation is made: the tab's address, the page's canonical link and its title. */
export interface PageInput {
  url: string;
  /** The page's `<link rel="canonical">` href, when it has one; see {@link normalizePageUrl}. */
  canonicalUrl?: string | null;
  title: string;
}

/** A quote to save: the selectors from lib/anchor's `describeQuote`, and the reader's additions. */
export interface QuoteInput extends PageInput {
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  note?: string;
  tags?: string[];
  entityIds?: string[];
}

/** A note about a whole page (no quote). */
export interface PageNoteInput extends PageInput {
  note: string;
  tags?: string[];
  entityIds?: string[];
}

/** What a reader can change on a saved annotation; what is absent stays. */
export interface AnnotationPatch {
  note?: string;
  tags?: string[];
  entityIds?: string[];
}

/** A tag and how many annotations carry it, for completion. */
export interface TagCount {
  tag: string;
  count: number;
}
