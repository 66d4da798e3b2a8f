/**
 * Writing a bundle in format version 3 (lib/model/bundle-stream-format.ts):
 * gzip-compressed JSON lines, block-hashed over the record lines
 * (lib/model/block-hash.ts). Node side: the build and the benches write it; the
 * extension only reads it.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  openSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip, gzipSync } from 'node:zlib';
import { BUNDLE_FORMAT_NAME, type Entity, type ProfileBundle } from '@/lib/model/bundle-format';
import type { SourceDocument } from '@/lib/model/bundle-format';
import { HASH_BLOCK_BYTES } from '@/lib/model/block-hash';
import { STREAM_BUNDLE_VERSION, type StreamBundleHeader } from '@/lib/model/bundle-stream-format';

/** Code-unit order, the order a version 2 reader requires of entity ids. */
function byId(a: Entity, b: Entity): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The block hash of lib/model/block-hash.ts with Node's crypto, synchronous for the writers here. */
class NodeBlockHash {
  private readonly digests: Buffer[] = [];
  private block = createHash('sha256');
  private filled = 0;

  update(bytes: Buffer): void {
    let at = 0;
    while (at < bytes.length) {
      const take = Math.min(bytes.length - at, HASH_BLOCK_BYTES - this.filled);
      this.block.update(bytes.subarray(at, at + take));
      this.filled += take;
      at += take;
      if (this.filled === HASH_BLOCK_BYTES) this.flush();
    }
  }

  digest(): string {
    if (this.filled > 0) this.flush();
    return createHash('sha256').update(Buffer.concat(this.digests)).digest('hex');
  }

  private flush(): void {
    this.digests.push(this.block.digest());
    this.block = createHash('sha256');
    this.filled = 0;
  }
}

function headerLine(hash: string, documents: number, entities: number): string {
  const header: StreamBundleHeader = {
    format: BUNDLE_FORMAT_NAME,
    version: STREAM_BUNDLE_VERSION,
    hash,
    documents,
    entities,
  };
  return `${JSON.stringify(header)}\n`;
}

/** A bundle held in memory as version 2 bytes (tests, the shipped corpus). */
export function encodeBundleStream(bundle: Pick<ProfileBundle, 'documents' | 'entities'>): Buffer {
  const entities = [...bundle.entities].sort(byId);
  const body = [...bundle.documents, ...entities]
    .map((record) => `${JSON.stringify(record)}\n`)
    .join('');
  const hasher = new NodeBlockHash();
  hasher.update(Buffer.from(body, 'utf8'));
  const hash = hasher.digest();
  return gzipSync(headerLine(hash, bundle.documents.length, entities.length) + body, { level: 6 });
}

/**
 * Writes a large bundle to `path` without holding it: the record lines go to a
 * temporary file as they are made (hashing them on the way), then the header and
 * that file are gzipped into `path`. `entities` must come sorted by id.
 * Returns the header and the uncompressed size in bytes.
 */
export async function writeBundleStreamFile(
  path: string,
  documents: readonly SourceDocument[],
  entities: Iterable<Entity>,
): Promise<{ header: StreamBundleHeader; rawBytes: number }> {
  const bodyPath = `${path}.body`;
  const hash = new NodeBlockHash();
  const fd = openSync(bodyPath, 'w');
  let rawBytes = 0;
  let entityCount = 0;
  let buffered: string[] = [];
  let bufferedLength = 0;
  const flush = () => {
    const chunk = Buffer.from(buffered.join(''), 'utf8');
    hash.update(chunk);
    writeSync(fd, chunk);
    rawBytes += chunk.length;
    buffered = [];
    bufferedLength = 0;
  };
  const push = (record: unknown) => {
    const line = `${JSON.stringify(record)}\n`;
    buffered.push(line);
    bufferedLength += line.length;
    if (bufferedLength > 1 << 20) flush();
  };
  try {
    for (const document of documents) push(document);
    let previous: string | null = null;
    for (const entity of entities) {
      if (previous !== null && !(entity.id > previous))
        throw new Error(`entity ${entity.id} comes after ${previous}: sort entities by id`);
      previous = entity.id;
      push(entity);
      entityCount++;
    }
    flush();
  } finally {
    closeSync(fd);
  }
  const digest = hash.digest();
  const head = headerLine(digest, documents.length, entityCount);
  async function* whole() {
    yield Buffer.from(head, 'utf8');
    yield* createReadStream(bodyPath);
  }
  try {
    await pipeline(Readable.from(whole()), createGzip({ level: 6 }), createWriteStream(path));
  } finally {
    rmSync(bodyPath, { force: true });
  }
  const header = JSON.parse(head) as StreamBundleHeader;
  return { header, rawBytes: rawBytes + Buffer.byteLength(head) };
}
