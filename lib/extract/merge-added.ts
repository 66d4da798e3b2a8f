/**
 * Merging articles added while reading into the bundle's profiles with the
 * build's own merge (lib/extract `mergeDocuments`), so an added article gives
 * the profiles it would give had it been in assets/sources: the same entity in
 * both becomes one profile (by id, shared alias, spelling variant), roles,
 * quotes and aliases gather on it, and co-mentions are counted again.
 */
import { mergeDocuments } from '@/lib/extract/merge';
import type { ExtractedDocument } from '@/lib/model/source';
import type { Entity, SourceDocument } from '@/lib/model/bundle-format';

/** Merges the bundle's entities with added documents; what the store's profiles should be. */
export type MergeAdded = (base: readonly Entity[], added: readonly ExtractedDocument[]) => Entity[];

/**
 * The bundle's entities stand in as one already-merged document. Its id sorts
 * before every content hash, so the bundle's facts come first on each merged
 * profile, as the documents' ids order them in a build.
 */
const BUNDLE_STAND_IN: SourceDocument = {
  id: '',
  origin: 'the bundle',
  title: '',
  publisher: null,
  published: null,
  byline: [],
  url: null,
  attribution: null,
  text: '',
  wordCount: 0,
};

/**
 * The entities of the bundle plus `added`, merged as a build merges documents,
 * sorted by id. No added documents: the bundle's entities unchanged, so
 * removing the last added article restores the bundle exactly. The inputs are
 * never modified (the merge updates the records it folds together in place).
 */
export const mergeAddedDocuments: MergeAdded = (base, added) => {
  if (added.length === 0) return [...base];
  const inputs: ExtractedDocument[] = structuredClone([
    { document: BUNDLE_STAND_IN, entities: [...base] },
    ...added,
  ]);
  const { entities } = mergeDocuments(inputs);
  return entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};
