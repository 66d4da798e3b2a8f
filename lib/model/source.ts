/**
 * The contract between the extraction pipeline (lib/extract) and its callers:
 * the bundle builder and CLI (lib/profiles) and, later, the in-extension
 * "add this article" flow.
 */
import type { Entity, SourceDocument } from './bundle-format';
import type { UserMessage } from './user-error';

/** The formats a source document can be written in, told apart by file extension. */
export type SourceFormat = 'txt' | 'md' | 'html';

/** A source document before extraction. */
export interface RawSource {
  /** File name relative to the sources folder, or the article URL. Used in errors and provenance. */
  origin: string;
  format: SourceFormat;
  /** The document as read, already decoded to a string. */
  content: string;
  /** Metadata known from outside the text (a sidecar `.meta.json`, or Readability when added from a page). */
  meta?: SourceMeta;
}

/** Metadata supplied next to a document; each field overrides what extraction finds. */
export interface SourceMeta {
  title?: string;
  publisher?: string;
  published?: string;
  byline?: string[];
  url?: string;
  attribution?: string;
}

/** What one document yields: its cleaned text and the entities it names, ids already final. */
export interface ExtractedDocument {
  document: SourceDocument;
  /** Entities of this document only; `mentions` holds a single entry for this document. */
  entities: Entity[];
}

/**
 * Thrown for a source that cannot be used; the message names the origin and
 * what is wrong. A problem a reader can meet when adding an article from a
 * page also carries `problemMessage`, the same problem for the page to
 * translate (the CLI prints the English `message`).
 */
export class SourceError extends Error {
  constructor(
    readonly origin: string,
    readonly problem: string,
    readonly problemMessage?: UserMessage,
  ) {
    super(`${origin}: ${problem}`);
    this.name = 'SourceError';
  }
}
