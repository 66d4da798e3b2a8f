/**
 * A profile as the card shows it: the bundle entity with the reader's
 * corrections applied, each fact with the sentence and document it came from.
 */
import type { EntityKind } from './bundle-format';
import type { EntityNote } from './views';

/** The provenance a card shows under each fact. */
export interface DocumentSummary {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
  url: string | null;
  attribution: string | null;
}

/** Where a fact came from: its document, and the sentence around it (null when the span no longer fits the text). */
export interface FactSource {
  document: DocumentSummary;
  excerpt: SourceExcerpt | null;
}

/** A role with its provenance. */
export interface ProfileRole {
  title: string;
  organizationId: string | null;
  /** The organization's display name, when the store knows it. */
  organizationName: string | null;
  /** Null when the source document is not in the store. */
  source: FactSource | null;
}

/** An affiliation with its provenance. */
export interface ProfileAffiliation {
  entityId: string;
  name: string;
  source: FactSource | null;
}

/** A quote with the sentence that holds it. */
export interface ProfileQuote {
  text: string;
  source: FactSource | null;
}

/** A related entity, enough for a button. */
export interface RelatedProfile {
  id: string;
  name: string;
  kind: EntityKind;
  /** Documents that mention both. */
  documents: number;
}

/** Everything the card shows about one entity. */
export interface EntityProfile {
  id: string;
  kind: EntityKind;
  /** The name, after the reader's correction if any. */
  name: string;
  /** The bundle's name when the reader renamed the entity, else null. */
  bundleName: string | null;
  /** True when the reader stopped Dramatis marking this entity on pages. */
  hidden: boolean;
  /** The reader's note kept with their correction of the profile, if any. */
  correctionNote: string | null;
  roles: ProfileRole[];
  affiliations: ProfileAffiliation[];
  /** Up to {@link MAX_CARD_QUOTES}, best first. */
  quotes: ProfileQuote[];
  /** All quotes the store has for the entity. */
  quoteCount: number;
  /** Source documents that mention the entity. */
  documentCount: number;
  /** Up to {@link MAX_CARD_RELATED}, most shared documents first. */
  related: RelatedProfile[];
  /** Up to {@link MAX_CARD_NOTES} of the reader's notes and saved quotes about the entity, newest first. */
  notes: EntityNote[];
  /** All notes and saved quotes about the entity. */
  noteCount: number;
}

/** An excerpt of a document with the span it was derived for. */
export interface SourceExcerpt {
  /** The excerpt as shown: whole sentences, or a window marked with "…" at cut ends. */
  text: string;
  /** Where the span's own text sits inside {@link text} (UTF-16 offsets, end exclusive). */
  highlight: { start: number; end: number };
}
