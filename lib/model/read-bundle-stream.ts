/**
 * Reading a version 2 bundle (lib/model/bundle-stream-format.ts) as a stream:
 * gzip is inflated by the platform's `DecompressionStream`, the text is cut into
 * lines as it arrives, and records are handed out in batches, so memory holds
 * one batch and never the whole file. Browser-safe, and Node 20 has the same
 * streams, so the CLI and the tests read bundles the same way.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { BUNDLE_FORMAT_NAME, type Entity, type SourceDocument } from './bundle-format';
import { BundleError } from './bundle-error';
import { checkDocument, checkEntity } from './bundle-shape';
import { BlockHash } from './block-hash';
import {
  STREAM_BUNDLE_VERSIONS,
  type BundleBatch,
  type OpenedBundle,
  type StreamBundleHeader,
} from './bundle-stream-format';
import { describe, ShapeChecker } from './json-check';

const REBUILD = 'rebuild it with `npm run profiles -- build`';

/**
 * Opens a version 2 bundle from its compressed bytes and reads its header.
 * `open` is called once per pass (the import reads the file twice: to check it
 * whole, then to write it), so a fetch can be repeated after a worker restart.
 * Throws a {@link BundleError} naming `origin` when the header is unusable.
 */
export async function openBundleStream(
  open: () => Promise<ReadableStream<Uint8Array>>,
  origin: string,
): Promise<OpenedBundle> {
  const first = new LineReader(await open(), origin);
  const header = parseHeader(await first.nextLine(), origin);
  await first.close();
  return {
    version: header.version,
    hash: header.hash,
    documents: header.documents,
    entities: header.entities,
    records: (options) => readRecords(open, origin, header, options),
    verify: (onEntities) => verifyBody(open, origin, header, onEntities),
    close: () => Promise.resolve(),
  };
}

/** How often {@link verifyBody} reports the entity lines it counted. */
const VERIFY_PROGRESS_BYTES = 8 << 20;

/** {@link OpenedBundle.verify}: inflates, counts the lines and hashes the bytes, decoding nothing. */
async function verifyBody(
  open: () => Promise<ReadableStream<Uint8Array>>,
  origin: string,
  header: StreamBundleHeader,
  onEntities?: (entities: number) => void,
): Promise<void> {
  const reader = inflate(await open()).getReader();
  const hash = bodyHash(header.version);
  const total = header.documents + header.entities;
  // Newlines seen, the header's included; the body starts after the first.
  let lines = 0;
  let sinceReport = 0;
  let endsInNewline = true;
  try {
    for (;;) {
      const chunk = await readInflated(reader, origin);
      if (chunk.done) break;
      let bytes = chunk.value;
      if (bytes.length === 0) continue;
      endsInNewline = bytes[bytes.length - 1] === 0x0a;
      if (lines === 0) {
        const end = bytes.indexOf(0x0a);
        if (end < 0) continue;
        lines = 1;
        bytes = bytes.subarray(end + 1);
      }
      hash.update(bytes);
      for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) lines++;
      sinceReport += bytes.length;
      if (onEntities && sinceReport >= VERIFY_PROGRESS_BYTES) {
        sinceReport = 0;
        onEntities(Math.max(0, lines - 1 - header.documents));
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  // Every record line ends in a newline; a last line without one is counted too.
  const records = lines - 1 + (endsInNewline ? 0 : 1);
  if (records < total)
    throw new BundleError(origin, [
      `ends after ${Math.max(0, records)} of its ${total} records (cut short); ${REBUILD}`,
    ]);
  if (records > total)
    throw new BundleError(origin, [
      `has more lines than the ${total} records its header announces; ${REBUILD}`,
    ]);
  if ((await hash.digest()) !== header.hash)
    throw new BundleError(origin, [
      `content does not match its hash (edited or cut short); ${REBUILD}`,
    ]);
  onEntities?.(header.entities);
}

/** The records after the header, checked when asked (see {@link OpenedBundle.records}). */
async function* readRecords(
  open: () => Promise<ReadableStream<Uint8Array>>,
  origin: string,
  header: StreamBundleHeader,
  {
    skip,
    batchSize,
    check,
    checkRecords = false,
  }: { skip: number; batchSize: number; check: boolean; checkRecords?: boolean },
): AsyncGenerator<BundleBatch> {
  const lines = new LineReader(await open(), origin, check ? header.version : null);
  const checker = check || checkRecords ? new RecordChecker(origin) : null;
  const total = header.documents + header.entities;
  try {
    await lines.nextLine(); // the header
    let batch: BundleBatch = { documents: [], entities: [], entityLines: [] };
    for (let index = 0; index < total; index++) {
      const line = await lines.nextLine();
      if (line === null) {
        throw new BundleError(origin, [
          `ends after ${index} of its ${total} records (cut short); ${REBUILD}`,
        ]);
      }
      // Skipped records are parsed only when checked: order and spans need every record before.
      if (index < skip && !checker) continue;
      const isDocument = index < header.documents;
      const value = parseLine(line, origin, index + 2);
      if (checker) {
        if (isDocument) checker.document(value, index);
        else checker.entity(value, index - header.documents);
      }
      if (index < skip) continue;
      if (isDocument) batch.documents.push(value as SourceDocument);
      else {
        if (batch.documents.length > 0) {
          yield batch;
          batch = { documents: [], entities: [], entityLines: [] };
        }
        batch.entities.push(value as Entity);
        batch.entityLines!.push(line);
      }
      if (batch.documents.length + batch.entities.length >= batchSize) {
        yield batch;
        batch = { documents: [], entities: [], entityLines: [] };
      }
    }
    if ((await lines.nextLine()) !== null) {
      throw new BundleError(origin, [
        `has more lines than the ${total} records its header announces; ${REBUILD}`,
      ]);
    }
    if (check && (await lines.bodyHash()) !== header.hash) {
      throw new BundleError(origin, [
        `content does not match its hash (edited or cut short); ${REBUILD}`,
      ]);
    }
    if (batch.documents.length + batch.entities.length > 0) yield batch;
  } finally {
    await lines.close();
  }
}

/** Checks the header line: format, version, hash and counts. */
function parseHeader(line: string | null, origin: string): StreamBundleHeader {
  if (line === null) throw new BundleError(origin, [`is empty; ${REBUILD}`]);
  const value = parseLine(line, origin, 1);
  const check = new ShapeChecker();
  const top = check.record('the bundle header (line 1)', value);
  if (!top) throw new BundleError(origin, check.problems);
  if (top.format !== BUNDLE_FORMAT_NAME) {
    throw new BundleError(origin, [
      `is not a Dramatis profile bundle (format is ${describe(top.format)}, expected "${BUNDLE_FORMAT_NAME}")`,
    ]);
  }
  if (!(STREAM_BUNDLE_VERSIONS as readonly unknown[]).includes(top.version)) {
    throw new BundleError(origin, [
      `compressed bundle version ${describe(top.version)} is not supported; this build reads versions ${STREAM_BUNDLE_VERSIONS.join(' and ')}`,
    ]);
  }
  if (typeof top.hash !== 'string' || !/^[0-9a-f]{64}$/.test(top.hash))
    check.fail('header.hash', `must be 64 lowercase hex digits, found ${describe(top.hash)}`);
  check.count('header.documents', top.documents);
  check.count('header.entities', top.entities);
  if (check.problems.length > 0) throw new BundleError(origin, check.problems);
  return top as unknown as StreamBundleHeader;
}

function parseLine(line: string, origin: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BundleError(origin, [`line ${lineNumber} is not valid JSON (${reason}); ${REBUILD}`]);
  }
}

/**
 * The checks a version 1 bundle gets from parseBundle, in bounded memory:
 * shapes, unique ids (entities come sorted, so each id must sort after the
 * previous one) and spans inside their documents (documents are few and come
 * first; only their text lengths are kept). References from one entity to
 * another are not resolved: that would hold every id, and a dangling one only
 * shows as a name without a link.
 */
class RecordChecker {
  private readonly textLength = new Map<string, number>();
  private previousId: string | null = null;

  constructor(private readonly origin: string) {}

  document(value: unknown, index: number): void {
    const check = new ShapeChecker();
    checkDocument(check, `documents[${index}]`, value);
    this.fail(check.problems);
    const doc = value as SourceDocument;
    if (this.textLength.has(doc.id))
      this.fail([`documents[${index}].id "${doc.id}" is used by another document too`]);
    this.textLength.set(doc.id, doc.text.length);
  }

  entity(value: unknown, index: number): void {
    const check = new ShapeChecker();
    const path = `entities[${index}]`;
    checkEntity(check, path, value);
    this.fail(check.problems);
    const entity = value as Entity;
    if (this.previousId !== null && !(entity.id > this.previousId)) {
      this.fail([
        `${path}.id "${entity.id}" is not after "${this.previousId}" (entities must be sorted by id, each once)`,
      ]);
    }
    this.previousId = entity.id;
    const problems: string[] = [];
    const span = (at: string, value: { doc: string; start: number; end: number }) => {
      const length = this.textLength.get(value.doc);
      if (length === undefined) problems.push(`${at}.doc "${value.doc}" points at no document`);
      else if (value.start > value.end || value.end > length)
        problems.push(`${at} [${value.start}, ${value.end}) lies outside document "${value.doc}"`);
    };
    const at = `${path} (${entity.id})`;
    entity.aliases.forEach((alias, i) => span(`${at}.aliases[${i}].source`, alias.source));
    entity.roles.forEach((role, i) => span(`${at}.roles[${i}].source`, role.source));
    entity.affiliations.forEach((item, i) => span(`${at}.affiliations[${i}].source`, item.source));
    entity.quotes.forEach((quote, i) => {
      span(`${at}.quotes[${i}].source`, quote.source);
      span(`${at}.quotes[${i}].context`, quote.context);
    });
    entity.mentions.forEach((mention, i) => {
      if (!this.textLength.has(mention.doc))
        problems.push(`${at}.mentions[${i}].doc "${mention.doc}" points at no document`);
    });
    this.fail(problems);
  }

  private fail(problems: readonly string[]): void {
    if (problems.length > 0) throw new BundleError(this.origin, problems);
  }
}

/** What hashes the body as it passes: the version's hash, or nothing (a pass that does not check). */
interface BodyHash {
  update(bytes: Uint8Array): void;
  digest(): Promise<string>;
}

/** Version 2's hash: SHA-256 of the whole body, in JavaScript, since Web Crypto cannot take a stream. */
function wholeSha256(): BodyHash {
  const hash = sha256.create();
  return {
    update: (bytes) => void hash.update(bytes),
    digest: () => Promise.resolve(bytesToHex(hash.digest())),
  };
}

/** The body hash of a file of `version` (see lib/model/bundle-stream-format.ts). */
function bodyHash(version: number): BodyHash {
  return version === 2 ? wholeSha256() : new BlockHash();
}

/** The inflated bytes of a gzip stream, by the platform's `DecompressionStream`. */
function inflate(compressed: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  return compressed.pipeThrough(
    new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>,
  );
}

/** The next inflated bytes; a gzip error (damaged, cut short) becomes a {@link BundleError} naming the file. */
async function readInflated(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  origin: string,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  try {
    return await reader.read();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BundleError(origin, [
      `is not a complete gzip file (damaged or cut short: ${reason}); ${REBUILD}`,
    ]);
  }
}

/**
 * Inflates a gzip byte stream and hands out its lines. Hashes the bytes after
 * the first line as they pass, with the hash of `hashVersion` when given, so
 * checking the hash costs no copy.
 */
class LineReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly hash: BodyHash | null;
  /** Lines read but not handed out yet: `pending[next…]`. */
  private pending: string[] = [];
  private next = 0;
  private partial = '';
  private headerSeen = false;
  private ended = false;

  constructor(
    compressed: ReadableStream<Uint8Array>,
    private readonly origin: string,
    hashVersion: number | null = null,
  ) {
    this.reader = inflate(compressed).getReader();
    this.hash = hashVersion === null ? null : bodyHash(hashVersion);
  }

  /** The next line without its `\n`, or null at the end of the file. */
  async nextLine(): Promise<string | null> {
    while (this.next >= this.pending.length) {
      if (this.ended) return null;
      await this.fill();
    }
    return this.pending[this.next++] ?? null;
  }

  /** The body's hash; valid once every line was read. */
  bodyHash(): Promise<string> {
    return this.hash ? this.hash.digest() : Promise.resolve('');
  }

  async close(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }

  private async fill(): Promise<void> {
    const chunk = await readInflated(this.reader, this.origin);
    if (chunk.done) {
      this.ended = true;
      const rest = this.decode(undefined) + this.partial;
      this.partial = '';
      this.pending = rest === '' ? [] : [rest];
      this.next = 0;
      return;
    }
    this.hashBytes(chunk.value);
    const text = this.partial + this.decode(chunk.value);
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    // fill() runs only once every pending line was handed out.
    this.pending = lines;
    this.next = 0;
  }

  private decode(bytes: Uint8Array | undefined): string {
    try {
      return bytes ? this.decoder.decode(bytes, { stream: true }) : this.decoder.decode();
    } catch {
      throw new BundleError(this.origin, [`is not UTF-8 text once inflated; ${REBUILD}`]);
    }
  }

  private hashBytes(bytes: Uint8Array): void {
    if (!this.hash) return;
    if (this.headerSeen) {
      this.hash.update(bytes);
      return;
    }
    const newline = bytes.indexOf(0x0a);
    if (newline < 0) return;
    this.headerSeen = true;
    this.hash.update(bytes.subarray(newline + 1));
  }
}
