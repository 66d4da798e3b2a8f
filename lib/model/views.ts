/**
 * What the store answers about itself and its entities for the options page,
 * the popup and the side panel: counts, notes, suggestions.
 */
import type { EntityKind } from './bundle-format';
import type { UserMessage } from './user-error';

/** A note or saved quote as the card and the side panel show it. */
export interface EntityNote {
  id: string;
  /** The reader's text. */
  text: string;
  /** The quoted words when the annotation is a saved quote; null for a plain note. */
  quote: string | null;
  /** The page the annotation was made on; empty when it was written outside a page. */
  url: string;
  pageTitle: string;
  /** Milliseconds since the epoch. */
  created: number;
  updated: number;
}

/** An entity offered for a typed name. */
export interface EntitySuggestion {
  id: string;
  name: string;
  kind: EntityKind;
}

/** A profile as the options page's table lists it: what it is and how much the sources say. */
export interface ProfileRow extends EntitySuggestion {
  /** Roles the sources give it. */
  roles: number;
  /** Quotes the sources attribute to it. */
  quotes: number;
  /** Source documents that mention it. */
  sources: number;
}

/** How much the store holds, as the options page shows it. */
export interface StoreCounts {
  people: number;
  organizations: number;
  places: number;
  /** Source documents the profiles were built from. */
  documents: number;
  /** The reader's saved quotes and notes. */
  annotations: number;
}

/** How many entities of each kind a change made or touched. */
export interface KindCounts {
  people: number;
  organizations: number;
  places: number;
}

/** What adding an article changed: profiles it created, and known profiles it added facts to. */
export interface AddSummary {
  created: KindCounts;
  /** Profiles that existed before and that the article mentions (new mentions, roles, quotes, aliases). */
  updated: number;
}

/** An annotation the store would refuse: `reason` in English, `userMessage` for the reader when there is one. */
export interface Rejection {
  id: string;
  reason: string;
  userMessage?: UserMessage;
}

/** What an import did. */
export interface ImportOutcome {
  added: number;
  duplicates: number;
  rejected: Rejection[];
}

/** What {@link removeSource} did. */
export interface RemoveSourceResult {
  /** False when the document was not an added source (already removed). */
  changed: boolean;
  /** Profiles that existed only because of the article, now gone. */
  removed: KindCounts;
  /** Profiles that lost the article's facts and were merged again. */
  updated: number;
}

/** What {@link addSource} did. */
export type AddSourceResult =
  | { changed: true; documentId: string; title: string; summary: AddSummary }
  /** Nothing changed: the same article (same text or same URL) is already a source. */
  | { changed: false; documentId: string; title: string; already: 'added' | 'bundled' };
