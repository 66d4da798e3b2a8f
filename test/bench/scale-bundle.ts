/**
 * Generated stores for the scale bench, written as version 3 bundles (gzip JSON
 * lines) straight to disk, so a million profiles never sit in memory as one
 * string, and as version 1 JSON only to measure what the old format weighs.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Alias, Entity, SourceDocument, SourceSpan } from '@/lib/model/bundle-format';
import { writeBundleStreamFile } from '@/lib/profiles/write-bundle-stream';
import type { BenchEntity } from './names';

const DOC_TEXT =
  'Synthetic profiles for the scale benchmark. Invented analyst Sok Varin said the council would meet.';

const DOC: SourceDocument = {
  id: 'doc-scale-bench',
  origin: 'scale-bench.txt',
  title: 'Scale benchmark profiles',
  publisher: 'Dramatis bench',
  published: '2017-09-01',
  byline: ['Dramatis bench'],
  url: null,
  attribution: null,
  text: DOC_TEXT,
  wordCount: DOC_TEXT.split(/\s+/).length,
};

const SPAN: SourceSpan = { doc: DOC.id, start: 0, end: DOC_TEXT.length };
const ROLE_SPAN: SourceSpan = {
  doc: DOC.id,
  start: DOC_TEXT.indexOf('Invented'),
  end: DOC_TEXT.length,
};

/** One profile like the page bench's: its aliases, one role for people, one mention count. */
function toEntity(entity: BenchEntity): Entity {
  const aliases: Alias[] = entity.aliases.map((alias, index) => ({
    text: alias.text,
    key: alias.key,
    form: index === 0 ? 'name' : alias.text === entity.acronym ? 'acronym' : 'short',
    ambiguous: alias.ambiguous,
    source: SPAN,
  }));
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    aliases,
    roles:
      entity.kind === 'person'
        ? [{ title: 'political analyst', organizationId: null, source: ROLE_SPAN }]
        : [],
    affiliations: [],
    quotes: [],
    mentions: [{ doc: DOC.id, count: 1 }],
    related: [],
  };
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/** Sizes of one generated store's bundle. */
export interface ScaleBundle {
  path: string;
  hash: string;
  profiles: number;
  /** Version 3, uncompressed and gzipped. */
  rawBytes: number;
  compressedBytes: number;
  /** Version 1 (one JSON object, uncompressed), for comparison. */
  v1Bytes: number;
}

/**
 * Writes a store to `path` as a version 3 bundle. `entities` makes its profiles
 * in id order, each id once (test/bench/scale-names.ts); it is called twice,
 * once per format, so a million profiles are never held at once.
 */
export async function writeScaleBundle(
  path: string,
  entities: () => Iterable<BenchEntity>,
): Promise<ScaleBundle> {
  const { header, rawBytes } = await writeBundleStreamFile(
    path,
    [DOC],
    mapIterable(entities(), toEntity),
  );
  const { size } = await import('node:fs/promises').then((fs) => fs.stat(path));
  return {
    path,
    hash: header.hash,
    profiles: header.entities,
    rawBytes,
    compressedBytes: size,
    v1Bytes: await v1Size(entities()),
  };
}

/** Bytes of the same store as a version 1 bundle, streamed through a counter rather than built as one string. */
async function v1Size(entities: Iterable<BenchEntity>): Promise<number> {
  const counter = createWriteStream('/dev/null');
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!counter.write(text)) await once(counter, 'drain');
  };
  await write(`{"format":"dramatis-profiles","version":1,"hash":"${'0'.repeat(64)}","documents":[`);
  await write(JSON.stringify(DOC));
  await write('],"entities":[');
  let chunk: string[] = [];
  let separator = '';
  for (const entity of entities) {
    chunk.push(JSON.stringify(toEntity(entity)));
    if (chunk.length === 10_000) {
      await write(separator + chunk.join(','));
      separator = ',';
      chunk = [];
    }
  }
  if (chunk.length > 0) await write(separator + chunk.join(','));
  await write(']}');
  counter.end();
  return bytes;
}
