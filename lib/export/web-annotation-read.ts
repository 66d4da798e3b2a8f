/**
 * Reading one Web Annotation into an {@link AnnotationRecord}. Lenient where the
 * model is (one body or a list, a target IRI or object, one selector or a list,
 * selectors we cannot use are ignored) and exact about what a record needs.
 */
import type {
  AnnotationRecord,
  TextPositionSelector,
  TextQuoteSelector,
} from '@/lib/model/records';
import {
  countAt,
  dateAt,
  found,
  objectAt,
  oneOrMany,
  optionalStringAt,
  ShapeError,
  siteOf,
  stringAt,
} from './json-shape';
import { describe, isRecord, type JsonObject } from '@/lib/model/json-check';
import { userMessage } from '@/lib/model/user-error';
import { ANNOTATION_URN, ENTITY_URN, OUR_URN } from './iris';

/** The record an annotation at `path` describes, or a {@link ShapeError} saying what is wrong. */
export function readAnnotation(path: string, value: unknown, now: () => number): AnnotationRecord {
  const item = objectAt(path, value);
  const created = item.created === undefined ? undefined : dateAt(`${path}.created`, item.created);
  const modified =
    item.modified === undefined ? undefined : dateAt(`${path}.modified`, item.modified);
  const target = readTarget(`${path}.target`, item.target);
  const bodies = readBodies(path, item);
  const url = target.source.startsWith(OUR_URN) ? '' : target.source;
  return {
    id: readId(`${path}.id`, item.id ?? item['@id']),
    url,
    title: target.title,
    site: target.site ?? siteOf(url),
    created: created ?? modified ?? now(),
    updated: modified ?? created ?? now(),
    quote: target.quote,
    position: target.position,
    note: bodies.notes.join('\n\n'),
    tags: bodies.tags,
    entityIds: bodies.entityIds,
  };
}

/** Our ids come back as they were; another tool's IRI becomes the id itself. */
function readId(path: string, value: unknown): string {
  const iri = stringAt(path, value);
  if (iri === '') {
    throw new ShapeError(
      path,
      userMessage('expectedAnnotationId'),
      'expected an annotation id, found ""',
    );
  }
  if (iri.startsWith('urn:uuid:')) return iri.slice('urn:uuid:'.length);
  if (iri.startsWith(ANNOTATION_URN)) return decode(path, iri.slice(ANNOTATION_URN.length));
  return iri;
}

function decode(path: string, text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ShapeError(
      path,
      userMessage('expectedPercentEncodedId', found(text)),
      `expected a percent-encoded id, found ${describe(text)}`,
    );
  }
}

interface Target {
  source: string;
  title: string;
  site: string | undefined;
  quote: TextQuoteSelector | null;
  position: TextPositionSelector | null;
}

function readTarget(path: string, value: unknown): Target {
  // A list of targets: the first one that names a source (we keep one page per note).
  if (Array.isArray(value)) {
    if (value.length === 0) {
      throw new ShapeError(
        path,
        userMessage('expectedTarget'),
        'expected a target, found an empty list',
      );
    }
    return readTarget(`${path}[0]`, value[0]);
  }
  if (typeof value === 'string') {
    return { source: value, title: '', site: undefined, quote: null, position: null };
  }
  const target = objectAt(path, value);
  const source = target.source ?? target.id;
  const sourceIri = isRecord(source)
    ? stringAt(`${path}.source.id`, source.id)
    : stringAt(`${path}.source`, source);
  const selectors = target.selector;
  if (selectors !== undefined && !Array.isArray(selectors) && !isRecord(selectors)) {
    throw new ShapeError(
      `${path}.selector`,
      userMessage('expectedSelectors', found(selectors)),
      `expected an array of selectors, found ${describe(selectors)}`,
    );
  }
  let quote: TextQuoteSelector | null = null;
  let position: TextPositionSelector | null = null;
  const list = oneOrMany(selectors);
  for (let index = 0; index < list.length; index++) {
    const at = Array.isArray(selectors) ? `${path}.selector[${index}]` : `${path}.selector`;
    const selector = objectAt(at, list[index]);
    // Other selectors (RangeSelector's XPaths, CSS, fragments) cannot re-find a quote here.
    if (selector.type === 'TextQuoteSelector' && !quote) quote = readQuote(at, selector);
    if (selector.type === 'TextPositionSelector' && !position)
      position = readPosition(at, selector);
  }
  return {
    source: sourceIri,
    title: optionalStringAt(`${path}.dramatis:title`, target['dramatis:title']),
    site:
      target['dramatis:site'] === undefined
        ? undefined
        : stringAt(`${path}.dramatis:site`, target['dramatis:site']),
    quote,
    position,
  };
}

function readQuote(path: string, selector: JsonObject): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: stringAt(`${path}.exact`, selector.exact),
    prefix: optionalStringAt(`${path}.prefix`, selector.prefix),
    suffix: optionalStringAt(`${path}.suffix`, selector.suffix),
  };
}

function readPosition(path: string, selector: JsonObject): TextPositionSelector {
  const start = countAt(`${path}.start`, selector.start);
  const end = countAt(`${path}.end`, selector.end);
  if (end < start) {
    throw new ShapeError(
      `${path}.end`,
      userMessage('expectedEndAfterStart', start, end),
      `expected an end ≥ start (${start}), found ${end}`,
    );
  }
  return { type: 'TextPositionSelector', start, end };
}

interface Bodies {
  notes: string[];
  tags: string[];
  entityIds: string[];
}

function readBodies(path: string, item: JsonObject): Bodies {
  const bodies: Bodies = { notes: [], tags: [], entityIds: [] };
  // `bodyValue` is the model's shorthand for one plain-text comment.
  if (item.bodyValue !== undefined)
    bodies.notes.push(stringAt(`${path}.bodyValue`, item.bodyValue));
  const list = item.body;
  oneOrMany(list).forEach((member: unknown, index) => {
    const at = Array.isArray(list) ? `${path}.body[${index}]` : `${path}.body`;
    if (typeof member === 'string') return; // An IRI body (an image, a page): nothing to keep.
    const body = objectAt(at, member);
    const purpose = body.purpose;
    if (body.type === 'TextualBody' || (body.value !== undefined && body.source === undefined)) {
      const value = stringAt(`${at}.value`, body.value);
      if (purpose === 'tagging') bodies.tags.push(value);
      else bodies.notes.push(value);
      return;
    }
    if (purpose === 'identifying' || body.type === 'SpecificResource') {
      const source = body.source;
      const iri = isRecord(source)
        ? stringAt(`${at}.source.id`, source.id)
        : stringAt(`${at}.source`, source);
      bodies.entityIds.push(
        iri.startsWith(ENTITY_URN) ? decode(`${at}.source`, iri.slice(ENTITY_URN.length)) : iri,
      );
    }
  });
  return bodies;
}
