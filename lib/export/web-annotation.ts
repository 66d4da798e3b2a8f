/**
 * The export format: a W3C Web Annotation AnnotationCollection (JSON-LD), so a
 * newsroom can move its annotations to an annotation server (a Hypothesis group)
 * instead of a server of our own. Everything the model has no term for (page
 * title and site) travels as `dramatis:` properties — an IRI scheme of its own,
 * which JSON-LD reads without a context entry — so our own files round-trip
 * exactly, and files from other tools import with what they have.
 */
import type { AnnotationRecord } from '@/lib/model/records';
import { annotationIri, entityIri, NO_PAGE } from './iris';
import { readAnnotation } from './web-annotation-read';
import { ImportError, found, ShapeError } from './json-shape';
import { describe, isRecord, type JsonObject } from '@/lib/model/json-check';
import { userMessage, type Substitution, type UserMessage } from '@/lib/model/user-error';

/** The Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** A body of an exported annotation: the note, a tag, or an entity it is about. */
export type WebAnnotationBody =
  | { type: 'TextualBody'; purpose: 'commenting' | 'tagging'; value: string; format?: 'text/plain' }
  | { type: 'SpecificResource'; purpose: 'identifying'; source: { id: string; name?: string } };

/** A selector of an exported annotation's target. */
export type WebAnnotationSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

/** One exported annotation. */
export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  body?: WebAnnotationBody[];
  target: {
    source: string;
    selector?: WebAnnotationSelector[];
    'dramatis:title': string;
    'dramatis:site': string;
  };
}

/** The exported file. */
export interface WebAnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first?: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** What an import made of a file: the annotations read and what was left out, and why. */
export interface ImportResult {
  records: AnnotationRecord[];
  skipped: Skipped[];
}

/** An annotation of the file left out: why, in English and for the reader. */
export interface Skipped {
  reason: string;
  userMessage: UserMessage;
}

/**
 * The collection of `records` as JSON-LD, every annotation inline in the first
 * page. `entityName` adds each entity's display name beside its id, for tools
 * that have never heard of our entity ids.
 */
export function toWebAnnotationCollection(
  records: readonly AnnotationRecord[],
  entityName: (entityId: string) => string | undefined,
): WebAnnotationCollection {
  const collection: WebAnnotationCollection = {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Dramatis annotations',
    total: records.length,
  };
  if (records.length > 0) {
    const items = records.map((record) => toWebAnnotation(record, entityName));
    collection.first = { type: 'AnnotationPage', startIndex: 0, items };
  }
  return collection;
}

function toWebAnnotation(
  record: AnnotationRecord,
  entityName: (entityId: string) => string | undefined,
): WebAnnotation {
  const body: WebAnnotationBody[] = [];
  if (record.note !== '') {
    body.push({
      type: 'TextualBody',
      purpose: 'commenting',
      value: record.note,
      format: 'text/plain',
    });
  }
  for (const tag of record.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  for (const id of record.entityIds) {
    const name = entityName(id);
    const source = name === undefined ? { id: entityIri(id) } : { id: entityIri(id), name };
    body.push({ type: 'SpecificResource', purpose: 'identifying', source });
  }
  const selector: WebAnnotationSelector[] = [];
  if (record.quote) selector.push({ ...record.quote, type: 'TextQuoteSelector' });
  if (record.position) selector.push({ ...record.position, type: 'TextPositionSelector' });
  const annotation: WebAnnotation = {
    id: annotationIri(record.id),
    type: 'Annotation',
    motivation: record.note !== '' ? 'commenting' : 'highlighting',
    created: new Date(record.created).toISOString(),
    modified: new Date(record.updated).toISOString(),
    target: {
      // A target must be an IRI; a note written outside any page has none.
      source: record.url !== '' ? record.url : NO_PAGE,
      'dramatis:title': record.title,
      'dramatis:site': record.site,
    },
  };
  if (body.length > 0) annotation.body = body;
  if (selector.length > 0) annotation.target.selector = selector;
  return annotation;
}

/**
 * Reads a Web Annotation collection (ours or another tool's): an
 * AnnotationCollection with its first page inline or inline `items`, an
 * AnnotationPage, a single Annotation, or a list of Annotations. An annotation
 * that cannot be read is skipped with the path and the problem; a file that is
 * none of these throws an {@link ImportError}.
 */
export function fromWebAnnotationCollection(
  json: unknown,
  now: () => number = Date.now,
): ImportResult {
  const { items, path } = itemsOf(json);
  const result: ImportResult = { records: [], skipped: [] };
  items.forEach((item: unknown, index) => {
    try {
      result.records.push(readAnnotation(`${path}[${index}]`, item, now));
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      result.skipped.push({ reason: error.message, userMessage: error.userMessage });
    }
  });
  return result;
}

function hasType(value: JsonObject, type: string): boolean {
  const declared = value.type ?? value['@type'];
  return declared === type || (Array.isArray(declared) && declared.includes(type));
}

function itemsOf(json: unknown): { items: unknown[]; path: string } {
  if (Array.isArray(json)) return { items: json, path: '' };
  if (!isRecord(json)) {
    throw new ImportError(
      'expectedCollection',
      [found(json)],
      `Expected a Web Annotation collection, found ${describe(json)}.`,
    );
  }
  if (hasType(json, 'Annotation')) return { items: [json], path: '' };
  if (Array.isArray(json.items)) return { items: json.items, path: 'items' };
  if (hasType(json, 'AnnotationCollection')) {
    if (json.first === undefined) return { items: [], path: 'items' };
    if (isRecord(json.first) && Array.isArray(json.first.items)) {
      return { items: json.first.items, path: 'first.items' };
    }
    throw new ImportError(
      'expectedInlineFirstPage',
      [found(json.first)],
      `first: expected the first page of annotations inline (an AnnotationPage with "items"), found ${describe(json.first)}. Export the collection with its annotations embedded.`,
    );
  }
  throw new ImportError(
    'expectedCollectionType',
    [foundKeys(json)],
    `Expected a Web Annotation collection ("type": "AnnotationCollection" with "first.items"), found an object with ${describeKeys(json)}.`,
  );
}

/** {@link describeKeys} for the reader: "an object with keys "a", "b"". */
export function foundKeys(value: JsonObject): Substitution {
  const keys = Object.keys(value);
  if (keys.length === 0) return userMessage('foundObjectWithoutKeys');
  const shown = keys.slice(0, 6).map((key) => `"${key}"`);
  if (keys.length > 6) shown.push('…');
  return userMessage('foundObjectWithKeys', shown.join(', '));
}

/** "keys a, b, c" for an error message. */
export function describeKeys(value: JsonObject): string {
  const keys = Object.keys(value);
  if (keys.length === 0) return 'no keys';
  const shown = keys
    .slice(0, 6)
    .map((key) => `"${key}"`)
    .join(', ');
  return `keys ${shown}${keys.length > 6 ? ', …' : ''}`;
}
