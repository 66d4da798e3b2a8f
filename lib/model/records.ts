/**
 * The shapes of the rows in the profile store. Bundled rows (entities, documents)
 * are stored exactly as the bundle carries them, so a profile read from the
 * store is a bundle {@link Entity}; everything the reader creates has its own
 * record type and never shares a table with bundle data.
 */
import type { ExtractedDocument } from './source';
import type { Entity, EntityKind, SourceDocument } from './bundle-format';

/** A profile from the bundle, stored unchanged. */
export type EntityRecord = Entity;

/** A source document from the bundle, stored unchanged. */
export type DocumentRecord = SourceDocument;

/**
 * One alias key of one entity: the index the content script's candidate keys are
 * looked up in. Several aliases of an entity can share a key ("Mr Hun Sen" and
 * "Hun Sen"), so there is one row per (key, entity) pair. Name and kind are copied
 * here so a lookup answers without reading the (large) profiles.
 */
export interface AliasKeyRecord {
  /** The normalized match key (lib/match/normalize.ts `aliasKey`). */
  key: string;
  entityId: string;
  /** The entity's display name. */
  name: string;
  kind: EntityKind;
  /**
   * True when any alias of the entity with this key is ambiguous ("Sen", "Nee"):
   * precision matters more than recall, so one ambiguous spelling makes the key
   * need the full name on the page before it is linked.
   */
  ambiguous: boolean;
}

/**
 * W3C Web Annotation TextQuoteSelector: the exact text plus some context either
 * side, so a quote can be re-found when the page shifts.
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: a hint of where the quote was, in characters of the page text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** A quote or note the reader saved on a page. */
export interface AnnotationRecord {
  /** Random UUID, so annotations from several browsers can be merged on import. */
  id: string;
  /** The page URL the annotation was made on (without the fragment). */
  url: string;
  /** The page title when the annotation was made. */
  title: string;
  /** The site's host name, for grouping ("www.phnompenhpost.com"). */
  site: string;
  /** Milliseconds since the epoch. */
  created: number;
  /** Milliseconds since the epoch. */
  updated: number;
  /** Where the quote is on the page; absent for a note about the whole page. */
  quote: TextQuoteSelector | null;
  position: TextPositionSelector | null;
  /** The reader's note, plain text. */
  note: string;
  tags: string[];
  /** Entities the annotation is about (mentioned in the quote, or added by the reader). */
  entityIds: string[];
}

/** What a reader can change about a profile. Every field is optional: only what is set overrides the bundle. */
export interface EntityCorrection {
  name?: string;
  kind?: EntityKind;
  /** True to stop marking the entity on pages (a wrong match the reader dismissed). */
  hidden?: boolean;
  /** The reader's own note on the profile. */
  note?: string;
  /**
   * Role titles the reader corrected, keyed by the bundle's title (not its
   * position, so the correction still applies when a new bundle reorders roles).
   */
  roleTitles?: Record<string, string>;
  /** The id of the entity this one was merged into: its mentions are linked to that profile instead. */
  mergedInto?: string;
  /** Names the reader added ("Madame Sochua"), marked on pages like the bundle's aliases. */
  extraAliases?: string[];
}

/**
 * A reader's correction to one bundled profile. Kept in its own table, keyed by
 * the entity's stable id, so it survives every bundle upgrade that replaces the
 * bundled profiles.
 */
export interface CorrectionRecord {
  entityId: string;
  correction: EntityCorrection;
  /** Milliseconds since the epoch. */
  updated: number;
}

/**
 * An article the reader added from a page. Its extraction is kept whole: the
 * store's entities are always the bundle's merged with every added article
 * (the build's merge), so removing one is merging the others again.
 */
export interface AddedSourceRecord {
  /** The document id (a hash of the article text), also the `documents` row's id. */
  id: string;
  /** The article's canonical URL (the page's address when it states none); one article per URL. */
  url: string;
  /** A canonical link the page declared on another site: shown as the page's claim, never trusted. */
  claimedUrl?: string;
  /** Milliseconds since the epoch. */
  added: number;
  /** What lib/extract found in the article: its document and its entities. */
  extracted: ExtractedDocument;
}

/**
 * The bundle's own version of an entity that added articles changed; `entity` is
 * null when the entity exists only because of them. With these rows the
 * bundle's entities can be recovered exactly from the merged table.
 */
export interface BundleOriginalRecord {
  /** The entity id. */
  id: string;
  entity: Entity | null;
}

/** A JSON value, the only thing a setting may hold (settings are exported as JSON). */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One reader setting. */
export interface SettingRecord {
  key: string;
  value: JsonValue;
}

/** What is known about the bundle currently in the store. */
export interface BundleMeta {
  /** {@link ProfileBundle.hash} of the imported bundle. */
  hash: string;
  /** {@link ProfileBundle.version} of the imported bundle. */
  formatVersion: number;
  /** Milliseconds since the epoch. */
  importedAt: number;
  entities: number;
  documents: number;
}

/**
 * Where loading the bundled profiles stands. `failed` keeps the error message so
 * the options page can tell the reader; the store then still holds the previous
 * bundle (or nothing on a first install).
 */
export type ImportState =
  | { state: 'never' }
  | { state: 'importing'; startedAt: number; progress?: ImportProgress }
  | { state: 'done'; finishedAt: number; changed: boolean }
  | { state: 'failed'; failedAt: number; error: string };

/**
 * How far an import has come, written with every chunk it stores: pages show
 * it as a progress bar, and a service worker stopped mid-import (MV3 stops idle
 * workers) resumes from `written` on its next start.
 */
export interface ImportProgress {
  /** The hash of the bundle being imported: only the same bundle resumes. */
  hash: string;
  /** `checking` reads the whole file before the store is touched; `writing` fills the store. */
  phase: 'checking' | 'writing';
  /** Profiles checked or written so far in this phase. */
  done: number;
  /** Profiles in the bundle. */
  total: number;
  /** Records (documents, then profiles) already in the store: where a resumed import goes on. */
  written: number;
}

/** A row of the meta table; the key says which value it holds. */
export type MetaRecord =
  { key: 'bundle'; value: BundleMeta } | { key: 'import'; value: ImportState };

/** The keys of the meta table. */
export type MetaKey = MetaRecord['key'];
