/**
 * Bundle format versions 2 and 3, the ones made for size: the records of a
 * {@link ProfileBundle} as gzip-compressed JSON lines, so the service worker can
 * read a store of a million profiles a chunk at a time instead of as one string.
 *
 * After decompression the file is UTF-8 text, one JSON value per line, each line
 * ending in `\n`:
 *
 * 1. the {@link StreamBundleHeader};
 * 2. `header.documents` lines, each a {@link SourceDocument};
 * 3. `header.entities` lines, each an {@link Entity}, in strictly increasing
 *    code-unit order of `id` (so a reader proves ids unique in constant memory).
 *
 * The header's `hash` covers everything after the header line (the record
 * lines' bytes): a reader checks it while streaming, and an importer compares it
 * with the stored bundle's before reading further. Version 2 hashes those bytes
 * with SHA-256 at once; version 3, the one written now, hashes them a block at a
 * time (lib/model/block-hash.ts), so a browser hashes with its native Web Crypto
 * in bounded memory. Nothing else differs, and both import. Gzip's own CRC
 * catches a damaged or truncated file. Version 1 (one JSON object,
 * {@link ProfileBundle}) still imports; a gzip file is told apart by its magic
 * bytes ({@link isGzip}).
 *
 * Gzip of JSON lines rather than a columnar encoding: on the scale bench's
 * synthetic profiles gzip takes ~500 bytes a profile to ~21 (100,000 profiles:
 * 49.6 MB to 2.1 MB), inflating is native (`DecompressionStream`), and the
 * import's cost is IndexedDB's, not reading. A columnar encoding was not measured.
 */
import { type BUNDLE_FORMAT_NAME } from './bundle-format';
import type { Entity, ProfileBundle, SourceDocument } from './bundle-format';

/** The version of the streamed format written now; {@link BUNDLE_FORMAT_VERSION} (1) is the single JSON object. */
export const STREAM_BUNDLE_VERSION = 3;

/** The streamed versions a reader accepts: 2 (one SHA-256 of the body) and 3 (block hash). */
export const STREAM_BUNDLE_VERSIONS = [2, 3] as const;

/** A streamed format version a reader accepts. */
export type StreamBundleVersion = (typeof STREAM_BUNDLE_VERSIONS)[number];

/** The first line of a version 2 bundle. */
export interface StreamBundleHeader {
  format: typeof BUNDLE_FORMAT_NAME;
  version: StreamBundleVersion;
  /**
   * Lowercase hex hash of the record lines' bytes (everything after the header
   * line): their SHA-256 (version 2) or block hash (version 3, lib/model/block-hash.ts).
   */
  hash: string;
  /** How many document lines follow the header. */
  documents: number;
  /** How many entity lines follow the documents. */
  entities: number;
}

/** A run of consecutive records read from a bundle: documents or entities, never both. */
export interface BundleBatch {
  documents: SourceDocument[];
  entities: Entity[];
  /**
   * Each entity's JSON text as the file holds it, when read from a file: the
   * store keeps profiles as JSON text, and reusing the line spares encoding
   * them again.
   */
  entityLines?: string[];
}

/** What an importer needs of any bundle, whatever its version: its identity and its records in batches. */
export interface OpenedBundle {
  /** The format version the file declared (1, 2 or 3), recorded with the imported bundle. */
  version: number;
  hash: string;
  documents: number;
  entities: number;
  /**
   * The records in file order (documents, then entities), in batches of at most
   * `batchSize`, after skipping the first `skip` records (a resumed import).
   * With `check`, every record is validated and the whole file proven sound
   * (counts, order, spans, hash) before the last batch is returned; with
   * `checkRecords`, every record is validated (shape, order, spans: the skipped
   * ones too) but the hash is not. A problem throws a {@link BundleError} naming it.
   */
  records(options: {
    skip: number;
    batchSize: number;
    check: boolean;
    checkRecords?: boolean;
  }): AsyncIterable<BundleBatch>;
  /**
   * Proves the file is the one its header describes, without reading its
   * records: it inflates whole (gzip's CRC), holds as many lines as the header
   * counts, and hashes to the header's hash. Cheap next to parsing it: what a
   * damaged, truncated or edited file fails. `onEntities` hears how many entity
   * lines were seen so far. Throws a {@link BundleError} naming what is wrong.
   */
  verify(onEntities?: (entities: number) => void): Promise<void>;
  /** Stops reading (the import found the bundle already in the store). */
  close(): Promise<void>;
}

/** True when `bytes` start with gzip's magic number (1f 8b): a version 2 bundle, not JSON text. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * A version 1 bundle already parsed in memory, served in batches like a
 * stream, its entities in id order as a version 2 file lists them (the store
 * packs runs of consecutive ids together).
 */
export function openParsedBundle(bundle: ProfileBundle): OpenedBundle {
  const entities = [...bundle.entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    version: bundle.version,
    hash: bundle.hash,
    documents: bundle.documents.length,
    entities: bundle.entities.length,
    // parseBundle checked it whole already, so `verify` and `check` have nothing left to do.
    verify: () => Promise.resolve(),
    async *records({ skip, batchSize }) {
      const { documents } = bundle;
      for (let start = skip; start < documents.length; start += batchSize)
        yield {
          documents: documents.slice(start, Math.min(start + batchSize, documents.length)),
          entities: [],
        };
      const from = Math.max(0, skip - documents.length);
      for (let start = from; start < entities.length; start += batchSize)
        yield { documents: [], entities: entities.slice(start, start + batchSize) };
    },
    close: () => Promise.resolve(),
  };
}
