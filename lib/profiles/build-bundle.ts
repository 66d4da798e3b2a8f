/**
 * Building a bundle from raw sources: extract each document, merge the entities
 * across documents, order and hash the result. Pure (no file system), so the
 * extension can reuse it for documents added while reading.
 */
import { extractDocument, mergeDocuments } from '@/lib/extract';
import { SourceError, type ExtractedDocument, type RawSource } from '@/lib/model/source';
import {
  BUNDLE_FORMAT_NAME,
  BUNDLE_FORMAT_VERSION,
  type Entity,
  type ProfileBundle,
  type SourceDocument,
} from '@/lib/model/bundle-format';
import { bundleHash } from '@/lib/model/bundle-hash';
import { SourceErrors } from './errors';
import { parseBundle } from '@/lib/model/parse-bundle';

/** The extraction steps a build runs; injectable so the build can be tested apart from lib/extract. */
export interface ExtractionPipeline {
  extractDocument(source: RawSource): ExtractedDocument;
  mergeDocuments(docs: ExtractedDocument[]): { documents: SourceDocument[]; entities: Entity[] };
}

/** lib/extract's pipeline. */
export const defaultPipeline: ExtractionPipeline = { extractDocument, mergeDocuments };

/**
 * What extracting one source gave: the map step of a build, which a worker
 * thread (lib/profiles/parallel-build.ts) or another machine can run alone.
 */
export type SourceOutcome =
  { origin: string; extracted: ExtractedDocument } | { origin: string; error: SourceError };

/** Extracts one source; a failure comes back as its {@link SourceError}, never thrown. */
export function extractSource(
  source: RawSource,
  pipeline: ExtractionPipeline = defaultPipeline,
): SourceOutcome {
  try {
    return { origin: source.origin, extracted: pipeline.extractDocument(source) };
  } catch (error) {
    return { origin: source.origin, error: asSourceError(source.origin, error) };
  }
}

/**
 * Builds a bundle from sources. Every source is tried: when any fails (not a news
 * article, a duplicate of another file, an extractor crash), a
 * {@link SourceErrors} names each failing source. Documents and entities are
 * ordered by id and sources by origin, so the same sources give the same bytes
 * and the same hash whatever order they were listed in. The result is checked
 * with {@link parseBundle} before it is returned: a bundle the extension would
 * refuse is never written.
 */
export function buildBundle(
  sources: readonly RawSource[],
  pipeline: ExtractionPipeline = defaultPipeline,
): ProfileBundle {
  const ordered = [...sources].sort((a, b) => compare(a.origin, b.origin));
  return assembleBundle(
    ordered.map((source) => extractSource(source, pipeline)),
    pipeline,
  );
}

/**
 * The reduce step of a build: merges the extracted sources (in any order; they
 * are put in origin order here) into a bundle, or throws {@link SourceErrors}
 * naming every source that failed or repeats another.
 */
export function assembleBundle(
  outcomes: readonly SourceOutcome[],
  pipeline: Pick<ExtractionPipeline, 'mergeDocuments'> = defaultPipeline,
): ProfileBundle {
  const ordered = [...outcomes].sort((a, b) => compare(a.origin, b.origin));
  const extracted: ExtractedDocument[] = [];
  const errors: SourceError[] = [];
  const originOfId = new Map<string, string>();
  for (const outcome of ordered) {
    if ('error' in outcome) {
      errors.push(outcome.error);
      continue;
    }
    const twin = originOfId.get(outcome.extracted.document.id);
    if (twin !== undefined) {
      errors.push(
        new SourceError(outcome.origin, `has the same content as ${twin}; remove one of them`),
      );
      continue;
    }
    originOfId.set(outcome.extracted.document.id, outcome.origin);
    extracted.push(outcome.extracted);
  }
  if (errors.length > 0) throw new SourceErrors(errors);
  if (extracted.length === 0)
    throw new SourceErrors([new SourceError('sources', 'no source documents to build from')]);

  const merged = pipeline.mergeDocuments(extracted);
  const documents = [...merged.documents].sort((a, b) => compare(a.id, b.id));
  const entities = [...merged.entities].sort((a, b) => compare(a.id, b.id));
  const bundle: ProfileBundle = {
    format: BUNDLE_FORMAT_NAME,
    version: BUNDLE_FORMAT_VERSION,
    hash: bundleHash({ documents, entities }),
    documents,
    entities,
  };
  return parseBundle(bundle, { origin: 'the built bundle', verifyHash: false });
}

/** An extractor bug still gets reported against the file that triggered it, with its message. */
function asSourceError(origin: string, error: unknown): SourceError {
  if (error instanceof SourceError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new SourceError(
    origin,
    `could not be extracted (${reason}); this is a bug in lib/extract, please report it with the file`,
  );
}

/** Code-unit order: locale-independent, so two machines sort alike. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
