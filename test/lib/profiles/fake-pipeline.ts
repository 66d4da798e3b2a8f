/**
 * A tiny stand-in for lib/extract, so the bundle builder and the CLI are tested
 * apart from extraction quality: each "Firstname Lastname" pair becomes a
 * person, a text without "said" is refused as not news, as the real extractor does.
 */
import { SourceError, type ExtractedDocument, type RawSource } from '@/lib/model/source';
import type { Entity, SourceDocument } from '@/lib/model/bundle-format';
import type { ExtractionPipeline } from '@/lib/profiles/build-bundle';
import { aliasKey } from '@/lib/match/normalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

function extractDocument(source: RawSource): ExtractedDocument {
  if (!/\bsaid\b/.test(source.content))
    throw new SourceError(
      source.origin,
      'does not read as a news article (no attributed statements)',
    );
  const text = source.content.trim();
  const id = bytesToHex(sha256(utf8ToBytes(text))).slice(0, 16);
  const document: SourceDocument = {
    id,
    origin: source.origin,
    title: source.meta?.title ?? text.split('\n')[0]!,
    publisher: source.meta?.publisher ?? null,
    published: source.meta?.published ?? null,
    byline: source.meta?.byline ?? [],
    url: source.meta?.url ?? null,
    attribution: source.meta?.attribution ?? null,
    text,
    wordCount: text.split(/\s+/).length,
  };
  const entities = new Map<string, Entity>();
  for (const match of text.matchAll(/\b([A-Z][a-z]+) ([A-Z][a-z]+)\b/g)) {
    const name = match[0];
    const entityId = `person:${name.toLowerCase().replace(' ', '-')}`;
    if (entities.has(entityId)) continue;
    const source = { doc: id, start: match.index, end: match.index + name.length };
    entities.set(entityId, {
      id: entityId,
      kind: 'person',
      name,
      aliases: [
        { text: name, key: aliasKey(name), form: 'name', ambiguous: false, source },
        { text: match[2]!, key: aliasKey(match[2]!), form: 'short', ambiguous: true, source },
      ],
      roles: [],
      affiliations: [],
      quotes: [],
      mentions: [{ doc: id, count: 1 }],
      related: [],
    });
  }
  return { document, entities: [...entities.values()] };
}

function mergeDocuments(docs: ExtractedDocument[]): {
  documents: SourceDocument[];
  entities: Entity[];
} {
  const entities = new Map<string, Entity>();
  for (const { entities: found } of docs) {
    for (const entity of found) {
      const known = entities.get(entity.id);
      if (known) known.mentions.push(...entity.mentions);
      else entities.set(entity.id, structuredClone(entity));
    }
  }
  return { documents: docs.map((doc) => doc.document), entities: [...entities.values()] };
}

/** The stand-in pipeline. */
export const fakePipeline: ExtractionPipeline = { extractDocument, mergeDocuments };
