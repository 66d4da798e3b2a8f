/**
 * Large bundles: the version 2 and 3 formats (gzip JSON lines) read as a stream, the
 * chunked import with its checkpoint, resuming after a stopped worker, damaged
 * files refused with the previous store intact, and the progress pages show.
 * Every name here is invented.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BUNDLE_FORMAT_NAME,
  BUNDLE_FORMAT_VERSION,
  type Entity,
  type ProfileBundle,
  type SourceDocument,
} from '@/lib/model/bundle-format';
import { openParsedBundle, type OpenedBundle } from '@/lib/model/bundle-stream-format';
import { openBundleStream } from '@/lib/model/read-bundle-stream';
import type { ImportProgress } from '@/lib/model/records';
import { HASH_BLOCK_BYTES } from '@/lib/model/block-hash';
import { encodeBundleStream } from '@/lib/profiles/write-bundle-stream';
import { importBundleInChunks } from '@/lib/store/chunked-import';
import type { DramatisDB } from '@/lib/store/db';
import { createBundleLoader, loadBundle } from '@/lib/store/load-bundle';
import { readBundleMeta, readImportState } from '@/lib/store/queries';
import { freshDb, storedAliasKeys, storedEntities } from './fixtures';

let db: DramatisDB;
afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
});

const TEXT =
  'Invented analyst Varin Tolek met Dara Menhas of the Lantern Reform League in Korvath.';

const DOC: SourceDocument = {
  id: 'doc-invented',
  origin: 'invented.txt',
  title: 'An invented meeting',
  publisher: 'The Invented Gazette',
  published: '2020-01-01',
  byline: ['Sela Norwick'],
  url: null,
  attribution: null,
  text: TEXT,
  wordCount: TEXT.split(/\s+/).length,
};

/** `count` invented people, ids in sorted order, each with a full name and an ambiguous short form. */
function people(count: number, surname = 'Tolek'): Entity[] {
  return Array.from({ length: count }, (_, index) => {
    const number = String(index).padStart(4, '0');
    const name = `Varin ${surname} ${number}`;
    return {
      id: `person:varin-${surname.toLowerCase()}-${number}`,
      kind: 'person',
      name,
      aliases: [
        {
          text: name,
          key: name.toLowerCase(),
          form: 'name',
          ambiguous: false,
          source: { doc: DOC.id, start: 17, end: 28 },
        },
        {
          text: `${surname} ${number}`,
          key: `${surname.toLowerCase()} ${number}`,
          form: 'short',
          ambiguous: true,
          source: { doc: DOC.id, start: 23, end: 28 },
        },
      ],
      roles: [
        { title: 'analyst', organizationId: null, source: { doc: DOC.id, start: 9, end: 16 } },
      ],
      affiliations: [],
      quotes: [],
      mentions: [{ doc: DOC.id, count: 1 }],
      related: [],
    };
  });
}

function v1(entities: Entity[], hash = 'c'.repeat(64)): ProfileBundle {
  return {
    format: BUNDLE_FORMAT_NAME,
    version: BUNDLE_FORMAT_VERSION,
    hash,
    documents: [DOC],
    entities,
  };
}

/** Opens compressed bytes as the background opens a fetched file (a fresh stream per pass). */
function open(bytes: Uint8Array, origin = 'big.bundle'): Promise<OpenedBundle> {
  return openBundleStream(async () => new Response(new Uint8Array(bytes)).body!, origin);
}

/** Version 2 bytes with the given record lines and a correct hash unless `hash` is given. */
function rawV2(lines: string[], counts: { documents: number; entities: number }, hash?: string) {
  const body = lines.map((line) => `${line}\n`).join('');
  const header = {
    format: BUNDLE_FORMAT_NAME,
    version: 2,
    hash: hash ?? createHash('sha256').update(body).digest('hex'),
    ...counts,
  };
  return gzipSync(`${JSON.stringify(header)}\n${body}`);
}

async function readAll(bundle: OpenedBundle, batchSize = 4) {
  const documents: SourceDocument[] = [];
  const entities: Entity[] = [];
  for await (const batch of bundle.records({ skip: 0, batchSize, check: true })) {
    expect(batch.documents.length + batch.entities.length).toBeLessThanOrEqual(batchSize);
    documents.push(...batch.documents);
    entities.push(...batch.entities);
  }
  return { documents, entities };
}

/** The bundled tables and the reader's, to prove what an import leaves alone. */
async function snapshot(target: DramatisDB) {
  return {
    entities: await storedEntities(target),
    aliasKeys: await storedAliasKeys(target),
    documents: await target.documents.toArray(),
    corrections: await target.corrections.toArray(),
    annotations: await target.annotations.toArray(),
    bundle: await readBundleMeta(target),
  };
}

async function addReaderData(target: DramatisDB): Promise<void> {
  await target.corrections.put({
    entityId: 'person:varin-tolek-0001',
    correction: { note: 'Met at the invented forum' },
    updated: 1,
  });
  await target.annotations.add({
    id: 'note-1',
    url: 'https://example.com/invented',
    title: 'Invented',
    site: 'example.com',
    created: 1,
    updated: 1,
    quote: null,
    position: null,
    note: 'A note of the reader',
    tags: [],
    entityIds: [],
  });
}

describe('bundle format version 2', () => {
  it('round-trips documents and profiles, sorted by id, smaller than JSON', async () => {
    const entities = people(9).reverse();
    const bytes = encodeBundleStream({ documents: [DOC], entities });
    const opened = await open(bytes);
    expect(opened).toMatchObject({ version: 3, documents: 1, entities: 9 });
    const read = await readAll(opened);
    expect(read.documents).toEqual([DOC]);
    expect(read.entities).toEqual(people(9));
    expect(bytes.length).toBeLessThan(JSON.stringify(v1(entities)).length / 3);
  });

  it('skips the records a resumed import already wrote', async () => {
    const opened = await open(encodeBundleStream({ documents: [DOC], entities: people(6) }));
    const ids: string[] = [];
    for await (const batch of opened.records({ skip: 3, batchSize: 2, check: false }))
      ids.push(...batch.entities.map((entity) => entity.id));
    expect(ids).toEqual(
      people(6)
        .slice(2)
        .map((entity) => entity.id),
    );
  });

  it.each([
    [
      'a file cut short',
      (bytes: Buffer) => bytes.subarray(0, bytes.length - 40),
      /big\.bundle: .*(cut short|gzip)/,
    ],
    [
      'bytes that are not gzip',
      () => Buffer.from('{"format":"dramatis-profiles"}'),
      /big\.bundle: is not a complete gzip file/,
    ],
    [
      'a damaged byte',
      (bytes: Buffer) =>
        Buffer.concat([
          bytes.subarray(0, 60),
          Buffer.from([bytes[60]! ^ 0xff]),
          bytes.subarray(61),
        ]),
      /big\.bundle: /,
    ],
  ])('refuses %s, naming the file', async (_what, damage, message) => {
    const bytes = encodeBundleStream({ documents: [DOC], entities: people(40) });
    await expect(open(damage(bytes)).then(readAll)).rejects.toThrow(message);
  });

  it('names the record and field that is wrong', async () => {
    const [first, second] = people(2).map((entity) => JSON.stringify(entity));
    const bad = second!.replace('"kind":"person"', '"kind":"planet"');
    await expect(
      open(rawV2([JSON.stringify(DOC), first!, bad], { documents: 1, entities: 2 })).then(readAll),
    ).rejects.toThrow(
      'big.bundle: entities[1].kind must be one of "person", "organization", "place", found "planet"',
    );
  });

  it('refuses unsorted ids, a wrong hash, a wrong count and an unknown version', async () => {
    const lines = [JSON.stringify(DOC), ...people(2).map((entity) => JSON.stringify(entity))];
    const swapped = [lines[0]!, lines[2]!, lines[1]!];
    await expect(open(rawV2(swapped, { documents: 1, entities: 2 })).then(readAll)).rejects.toThrow(
      /entities\[1\]\.id .* is not after .*sorted by id/,
    );
    await expect(
      open(rawV2(lines, { documents: 1, entities: 2 }, 'd'.repeat(64))).then(readAll),
    ).rejects.toThrow('big.bundle: content does not match its hash');
    await expect(open(rawV2(lines, { documents: 1, entities: 3 })).then(readAll)).rejects.toThrow(
      'big.bundle: ends after 3 of its 4 records (cut short)',
    );
    const future = gzipSync(
      gunzipSync(rawV2(lines, { documents: 1, entities: 2 }))
        .toString()
        .replace('"version":2', '"version":4'),
    );
    await expect(open(future)).rejects.toThrow(
      'big.bundle: compressed bundle version 4 is not supported; this build reads versions 2 and 3',
    );
  });

  it('checks a version 3 hash over blocks of a mebibyte, and refuses one that does not match', async () => {
    // Some 2 MB of records: the body spans three blocks.
    const entities = people(4_000);
    const bytes = encodeBundleStream({ documents: [DOC], entities });
    expect(gunzipSync(bytes).length).toBeGreaterThan(2 * HASH_BLOCK_BYTES);
    const opened = await open(bytes);
    expect(opened.version).toBe(3);
    expect((await readAll(opened, 1_000)).entities).toHaveLength(4_000);

    const text = gunzipSync(bytes).toString();
    const edited = gzipSync(text.replace('"count":1}', '"count":2}'));
    await expect(open(edited).then((bundle) => readAll(bundle, 1_000))).rejects.toThrow(
      'big.bundle: content does not match its hash',
    );
  });

  it('still reads and checks a version 2 bundle, hashed whole', async () => {
    const lines = [JSON.stringify(DOC), ...people(3).map((entity) => JSON.stringify(entity))];
    const opened = await open(rawV2(lines, { documents: 1, entities: 3 }));
    expect(opened.version).toBe(2);
    expect((await readAll(opened)).entities).toEqual(people(3));
  });
});

describe('verifying a bundle before the store is touched', () => {
  const lines = [JSON.stringify(DOC), ...people(3).map((entity) => JSON.stringify(entity))];

  it('accepts an intact file of either streamed version, counting its entities', async () => {
    for (const bytes of [
      encodeBundleStream({ documents: [DOC], entities: people(3) }),
      rawV2(lines, { documents: 1, entities: 3 }),
    ]) {
      const counted: number[] = [];
      await (await open(bytes)).verify((entities) => counted.push(entities));
      expect(counted.at(-1)).toBe(3);
    }
  });

  it.each([
    ['cut short', (bytes: Buffer) => bytes.subarray(0, bytes.length - 30), /(cut short|gzip)/],
    [
      'edited and compressed again',
      (bytes: Buffer) => gzipSync(gunzipSync(bytes).toString().replace('Tolek', 'Tolak')),
      /content does not match its hash/,
    ],
    [
      'a record fewer than announced',
      (bytes: Buffer) =>
        gzipSync(gunzipSync(bytes).toString().replace('"entities":3', '"entities":4')),
      /ends after 4 of its 5 records \(cut short\)/,
    ],
    [
      'a record more than announced',
      (bytes: Buffer) =>
        gzipSync(gunzipSync(bytes).toString().replace('"entities":3', '"entities":2')),
      /has more lines than the 3 records its header announces/,
    ],
  ])('refuses a file %s, naming it', async (_what, damage, message) => {
    const bytes = encodeBundleStream({ documents: [DOC], entities: people(3) });
    await expect(open(damage(bytes)).then((bundle) => bundle.verify())).rejects.toThrow(
      new RegExp(`^big\\.bundle: .*${message.source}`),
    );
  });
});

describe('importBundleInChunks', () => {
  it('writes every profile with its alias keys and reports progress per chunk', async () => {
    db = freshDb();
    const progress: ImportProgress[] = [];
    const bytes = encodeBundleStream({ documents: [DOC], entities: people(10) });
    const result = await importBundleInChunks(db, await open(bytes), {
      batchSize: 4,
      now: () => 5,
      afterChunk: (step) => progress.push(step),
    });
    expect(result).toMatchObject({
      changed: true,
      bundle: { formatVersion: 3, entities: 10, importedAt: 5 },
    });
    expect((await storedEntities(db)).length).toBe(10);
    expect((await storedAliasKeys(db)).length).toBe(20);
    // The chunks' filter deltas are folded into one array, which knows every key.
    expect(await db.aliasKeyFilter.count()).toBe(1);
    db.keyFilter.forget();
    const filter = await db.keyFilter.current();
    for (const { key } of await storedAliasKeys(db)) expect(filter?.mayHave(key), key).toBe(true);
    expect(progress.map((step) => [step.phase, step.done, step.total, step.written])).toEqual([
      ['writing', 0, 10, 1],
      ['writing', 4, 10, 5],
      ['writing', 8, 10, 9],
      ['writing', 10, 10, 11],
    ]);
  });

  it('still imports a version 1 bundle, in chunks', async () => {
    db = freshDb();
    const result = await importBundleInChunks(db, openParsedBundle(v1(people(7))), {
      batchSize: 3,
    });
    expect(result).toMatchObject({ changed: true, bundle: { formatVersion: 1, entities: 7 } });
    expect((await storedEntities(db)).length).toBe(7);
    expect((await storedAliasKeys(db)).length).toBe(14);
  });

  it('does nothing for the bundle the store already holds', async () => {
    db = freshDb();
    const bytes = encodeBundleStream({ documents: [DOC], entities: people(3) });
    await importBundleInChunks(db, await open(bytes));
    const before = await snapshot(db);
    expect(await importBundleInChunks(db, await open(bytes))).toMatchObject({ changed: false });
    expect(await snapshot(db)).toEqual(before);
  });

  it('resumes after a stopped worker from its checkpoint, never showing half a profile', async () => {
    db = freshDb();
    await importBundleInChunks(db, openParsedBundle(v1(people(3))));
    await addReaderData(db);
    const next = encodeBundleStream({ documents: [DOC], entities: people(12, 'Menhas') });

    // The worker stops after two chunks: the rejection stands for the stopped worker.
    let chunks = 0;
    const stopped = importBundleInChunks(db, await open(next), {
      batchSize: 4,
      afterChunk: () => {
        if (++chunks === 2) throw new Error('worker stopped');
      },
    });
    await expect(stopped).rejects.toThrow('worker stopped');
    const state = await readImportState(db);
    expect(state).toMatchObject({
      state: 'importing',
      progress: { phase: 'writing', done: 4, total: 12, written: 5 },
    });
    // What landed is usable, each profile with all its keys; the old bundle is gone.
    const landed = await storedEntities(db);
    expect(landed.map((entity) => entity.name)).toEqual([
      'Varin Menhas 0000',
      'Varin Menhas 0001',
      'Varin Menhas 0002',
      'Varin Menhas 0003',
    ]);
    expect((await storedAliasKeys(db)).length).toBe(8);
    expect(await readBundleMeta(db)).toBeNull();

    const reopened = await open(next);
    const records = vi.spyOn(reopened, 'records');
    await importBundleInChunks(db, reopened, { batchSize: 4 });
    // One pass, from the checkpoint: the file was verified whole before the first write.
    expect(records).toHaveBeenCalledTimes(1);
    expect(records).toHaveBeenCalledWith({
      skip: 5,
      batchSize: 4,
      check: false,
      checkRecords: true,
    });
    expect((await storedEntities(db)).length).toBe(12);
    expect((await storedAliasKeys(db)).length).toBe(24);
    expect(await readBundleMeta(db)).toMatchObject({ entities: 12, formatVersion: 3 });
    expect(await db.corrections.toArray()).toHaveLength(1);
    expect(await db.annotations.toArray()).toHaveLength(1);
  });

  it('reports a chunk that cannot be read while the one before it is written, keeping the checkpoint', async () => {
    db = freshDb();
    const good = await open(encodeBundleStream({ documents: [DOC], entities: people(9) }));
    // The file went bad between the passes: the write pass's third read fails.
    async function* failingThird(options: Parameters<OpenedBundle['records']>[0]) {
      let read = 0;
      for await (const batch of good.records(options)) {
        if (++read === 3) throw new Error('big.bundle: is not a complete gzip file');
        yield batch;
      }
    }
    const flaky: OpenedBundle = {
      ...good,
      records: (options) => (options.check ? good.records(options) : failingThird(options)),
    };
    await expect(importBundleInChunks(db, flaky, { batchSize: 4 })).rejects.toThrow(
      'big.bundle: is not a complete gzip file',
    );
    expect(await readImportState(db)).toMatchObject({
      state: 'importing',
      progress: { phase: 'writing', written: 5 },
    });
    expect((await storedEntities(db)).length).toBe(4);
  });

  it('starts over when a different bundle is shipped during an unfinished import', async () => {
    db = freshDb();
    const first = encodeBundleStream({ documents: [DOC], entities: people(8, 'Menhas') });
    const stopped = importBundleInChunks(db, await open(first), {
      batchSize: 3,
      afterChunk: () => {
        throw new Error('worker stopped');
      },
    });
    await expect(stopped).rejects.toThrow('worker stopped');
    const other = await open(encodeBundleStream({ documents: [DOC], entities: people(5) }));
    const verify = vi.spyOn(other, 'verify');
    const records = vi.spyOn(other, 'records');
    await importBundleInChunks(db, other, { batchSize: 3 });
    expect(verify).toHaveBeenCalledTimes(1);
    expect(records.mock.calls[0]![0]).toMatchObject({ skip: 0, checkRecords: true });
    expect((await storedEntities(db)).map((entity) => entity.id)).toEqual(
      people(5).map((entity) => entity.id),
    );
  });
});

describe('loading a damaged version 2 bundle', () => {
  it('records the error naming the file and keeps the previous store and reader data', async () => {
    db = freshDb();
    await importBundleInChunks(db, openParsedBundle(v1(people(3))));
    await addReaderData(db);
    const before = await snapshot(db);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bytes = encodeBundleStream({ documents: [DOC], entities: people(50, 'Menhas') });
    const truncated = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    const state = await loadBundle(db, { open: () => open(truncated, 'profiles.json') }, () => 9);
    expect(state).toMatchObject({ state: 'failed', failedAt: 9 });
    expect(state.state === 'failed' && state.error).toMatch(/^profiles\.json: .*(cut short|gzip)/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('loading an intact bundle with a malformed record', () => {
  it('refuses it while writing, naming the record, and leaves the reader’s data alone', async () => {
    db = freshDb();
    await importBundleInChunks(db, openParsedBundle(v1(people(3))));
    await addReaderData(db);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Hashed as written: a broken build, not a damaged file, so only parsing finds it.
    const entities = people(9, 'Menhas').map((entity) => JSON.stringify(entity));
    entities[6] = entities[6]!.replace('"kind":"person"', '"kind":"planet"');
    const bytes = rawV2([JSON.stringify(DOC), ...entities], { documents: 1, entities: 9 });
    const state = await loadBundle(db, { open: () => open(bytes, 'profiles.json') }, () => 9);
    expect(state.state === 'failed' && state.error).toBe(
      'profiles.json: entities[6].kind must be one of "person", "organization", "place", found "planet"',
    );
    // Each profile written is whole; no bundle is recorded, so the next start imports again.
    expect(await readBundleMeta(db)).toBeNull();
    for (const entity of await storedEntities(db)) expect(entity.aliases).toHaveLength(2);
    expect(await db.corrections.toArray()).toHaveLength(1);
    expect(await db.annotations.toArray()).toHaveLength(1);
  });
});

describe('createBundleLoader', () => {
  it('resumes an unfinished import when the worker starts again, though a bundle is stored', async () => {
    db = freshDb();
    await importBundleInChunks(db, openParsedBundle(v1(people(2))));
    const bytes = encodeBundleStream({ documents: [DOC], entities: people(9, 'Menhas') });
    await importBundleInChunks(db, await open(bytes), {
      batchSize: 4,
      afterChunk: () => {
        throw new Error('worker stopped');
      },
    }).catch(() => undefined);
    const loader = createBundleLoader(db, { open: () => open(bytes) });
    expect(await loader.loadIfEmpty()).toMatchObject({ state: 'done', changed: true });
    expect((await storedEntities(db)).length).toBe(9);
  });
});
