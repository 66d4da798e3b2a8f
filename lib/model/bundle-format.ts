/**
 * The profile bundle: what `profiles build` writes and what the extension imports.
 *
 * The bundle is plain JSON so it can be diffed, shipped as an asset and read by
 * other tools. Everything in it was derived from a source document by lib/extract;
 * every fact carries a {@link SourceSpan} pointing back at the document text it
 * came from. Nothing is typed in by hand.
 *
 * Compatibility: readers accept exactly {@link BUNDLE_FORMAT_VERSION}. Any change
 * to the shapes below that an older reader could misread bumps the version.
 */

/** Bumped whenever a change to these types would make an older reader misread a bundle. */
export const BUNDLE_FORMAT_VERSION = 1;

/** The value of {@link ProfileBundle.format}; anything else is not a Dramatis bundle. */
export const BUNDLE_FORMAT_NAME = 'dramatis-profiles';

/** What an entity is. Only these three kinds are marked on pages. */
export type EntityKind = 'person' | 'organization' | 'place';

/**
 * A character range in one source document's `text`, in UTF-16 code units,
 * end exclusive (so `doc.text.slice(start, end)` is the evidence).
 */
export interface SourceSpan {
  /** {@link SourceDocument.id} of the document. */
  doc: string;
  start: number;
  end: number;
}

/** One source news document as the pipeline read it. */
export interface SourceDocument {
  /** Stable id: derived from the file's content hash, so renaming a file keeps it. */
  id: string;
  /** File name relative to the sources folder, or the article URL for documents added while reading. */
  origin: string;
  title: string;
  publisher: string | null;
  /** Publication date as ISO 8601 (`YYYY-MM-DD` or a full timestamp), when the document states one. */
  published: string | null;
  /** Reporter names from the byline, in order. */
  byline: string[];
  /** Canonical URL when the document states one. */
  url: string | null;
  /** Credit line for the document (from its sidecar `.meta.json`), shown with every fact it supports. */
  attribution: string | null;
  /**
   * The article body after boilerplate removal: paragraphs joined by a blank line.
   * Every {@link SourceSpan} indexes into this string.
   */
  text: string;
  wordCount: number;
}

/** How an alias relates to the entity's full name. */
export type AliasForm =
  | 'name' // the full name as written ("Mu Sochua", "Cambodia National Rescue Party")
  | 'acronym' // "CNRP" for "Cambodia National Rescue Party"
  | 'short' // a second-reference short form learned from usage ("Sochua")
  | 'honorific' // "Mr Hun Sen", "Ms. Sochua"
  | 'variant'; // a spelling variant merged into this entity ("Kokchak" for "Kork Chak")

/** A way the entity is written. */
export interface Alias {
  /** The text as it appeared in the source. */
  text: string;
  /** The match key (see lib/match/normalize.ts `aliasKey`); many aliases may share one key. */
  key: string;
  form: AliasForm;
  /**
   * True when the alias is also an ordinary word or a common name part ("Than",
   * "Nee", "Sen", "So"): it is then linked only when one of the entity's
   * unambiguous aliases appears in the same text.
   */
  ambiguous: boolean;
  /** Where the alias was seen, first occurrence. */
  source: SourceSpan;
}

/** A role as stated in a source ("spokesperson", "Deputy President", "head of the … committee"). */
export interface Role {
  /** The role as written, without the name ("CPP spokesperson", "political analyst"). */
  title: string;
  /** The organization the role belongs to, when the role names one the store knows. */
  organizationId: string | null;
  source: SourceSpan;
}

/** Membership of or belonging to another entity (usually an organization or place). */
export interface Affiliation {
  entityId: string;
  /** The affiliated entity's name when the fact was extracted, for display without a lookup. */
  name: string;
  source: SourceSpan;
}

/** A direct quote attributed to the entity. */
export interface Quote {
  /** The words inside the quotation marks (joined with " … " when a quote is split by attribution). */
  text: string;
  /** The quoted words in the document. */
  source: SourceSpan;
  /** The sentence (or paragraph) that holds the quote and its attribution. */
  context: SourceSpan;
}

/** How often an entity is mentioned in one document. */
export interface MentionCount {
  doc: string;
  count: number;
}

/** Another entity mentioned in the same documents, with the number of shared documents. */
export interface RelatedEntity {
  entityId: string;
  /** Documents in which both are mentioned. */
  documents: number;
}

/** One profile: everything the sources say about a person, organization or place. */
export interface Entity {
  /** Stable id: `kind:slug-of-name`, e.g. `person:mu-sochua`. */
  id: string;
  kind: EntityKind;
  /** The display name: the fullest form the sources use. */
  name: string;
  aliases: Alias[];
  roles: Role[];
  affiliations: Affiliation[];
  quotes: Quote[];
  mentions: MentionCount[];
  related: RelatedEntity[];
}

/** The whole bundle file. */
export interface ProfileBundle {
  format: typeof BUNDLE_FORMAT_NAME;
  version: typeof BUNDLE_FORMAT_VERSION;
  /**
   * SHA-256 (hex) of the canonical JSON of `documents` and `entities`. Two builds
   * of the same sources give the same hash, so importing the same bundle twice is
   * recognisably a no-op.
   */
  hash: string;
  documents: SourceDocument[];
  entities: Entity[];
}
