import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Entity } from '@/lib/model/bundle-format';
import { extractDocument } from '@/lib/extract';
import type { ExtractedDocument, SourceFormat } from '@/lib/extract';

/** Extracts a file of the repository (path relative to the repo root). */
export function extractFile(path: string): ExtractedDocument {
  const format = (path.split('.').pop() ?? 'txt') as SourceFormat;
  return extractDocument({
    origin: path,
    format,
    content: readFileSync(resolve(process.cwd(), path), 'utf8'),
  });
}

/** The entity with this display name (or alias text), failing loudly when absent. */
export function entityNamed(doc: ExtractedDocument, name: string): Entity {
  const e =
    doc.entities.find((x) => x.name === name) ??
    doc.entities.find((x) => x.aliases.some((a) => a.text === name));
  if (!e)
    throw new Error(`no entity "${name}" among: ${doc.entities.map((x) => x.name).join(', ')}`);
  return e;
}

/** Every quote of the document with its speaker's name. */
export function quotesBySpeaker(doc: ExtractedDocument): { speaker: string; text: string }[] {
  return doc.entities
    .flatMap((e) => e.quotes.map((q) => ({ speaker: e.name, text: q.text, at: q.source.start })))
    .sort((a, b) => a.at - b.at)
    .map(({ speaker, text }) => ({ speaker, text }));
}
