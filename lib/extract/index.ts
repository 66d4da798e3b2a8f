/**
 * The extraction pipeline: source documents (txt, md, html) → entities with
 * roles, affiliations, quotes and aliases, each fact pointing at its span of
 * the cleaned document text. Pure TypeScript without DOM globals, so the same
 * code runs in the Node CLI and in an extension page.
 */
export { extractDocument } from './extract-document';
export { mergeDocuments } from './merge';
export { documentId } from './hash';
export { SourceError } from '@/lib/model/source';
export type { ExtractedDocument, RawSource, SourceFormat, SourceMeta } from '@/lib/model/source';
