/**
 * Shape checks of the annotation messages' params (lib/messaging/protocol.ts).
 * Only shapes: lengths, tag counts and urls are checked by lib/store, whose
 * errors tell the reader what to change, where a `bad-request` would not.
 */
import { checkDocument, checkEntity } from '@/lib/model/bundle-shape';
import { ShapeChecker } from '@/lib/model/json-check';
import type { AnnotationRecord, EntityCorrection } from '@/lib/model/records';
import type { ExtractedDocument } from '@/lib/model/source';
import { isRecord as isPlainObject } from '@/lib/model/json-check';
import { MAX_PAGE_URL_LENGTH } from '@/lib/model/web-link';

/** Longest url accepted: the browser's own cap, so no page is refused for its address. */
const MAX_URL_LENGTH = MAX_PAGE_URL_LENGTH;

/** Longest other string of an entity correction (a name, a role title). */
const MAX_FIELD_LENGTH = 10_000;

/** Most tags or entity ids a message may carry; lib/store enforces the real (smaller) limits with readable messages. */
const MAX_LIST_LENGTH = 1_000;

/** A list of strings of a sane length (tags, entity ids). */
export function isStringList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= MAX_LIST_LENGTH &&
    value.every((item) => typeof item === 'string')
  );
}

/** A page's url and optional canonical url, as `getPageAnnotations` carries them. */
export function isPageAddress(
  params: unknown,
): params is { url: string; canonicalUrl?: string | null } & Record<string, unknown> {
  if (!isPlainObject(params)) return false;
  const { url, canonicalUrl } = params;
  const isUrl = (value: unknown) => typeof value === 'string' && value.length <= MAX_URL_LENGTH;
  return isUrl(url) && (canonicalUrl === undefined || canonicalUrl === null || isUrl(canonicalUrl));
}

/** A page's url, optional canonical url and title, as the saving messages carry them. */
export function isPageShape(
  params: unknown,
): params is { url: string; canonicalUrl?: string | null; title: string } & Record<
  string,
  unknown
> {
  return isPageAddress(params) && typeof params.title === 'string';
}

/** The optional note, tags and entity ids of saving and updating messages. */
export function isAnnotationExtras(params: Record<string, unknown>): boolean {
  const { note, tags, entityIds } = params;
  return (
    (note === undefined || typeof note === 'string') &&
    (tags === undefined || isStringList(tags)) &&
    (entityIds === undefined || isStringList(entityIds))
  );
}

/** A W3C TextQuoteSelector's shape. */
export function isQuoteShape(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    value.type === 'TextQuoteSelector' &&
    typeof value.exact === 'string' &&
    typeof value.prefix === 'string' &&
    typeof value.suffix === 'string'
  );
}

/** A W3C TextPositionSelector's shape (integers; their order is checked by lib/store). */
export function isPositionShape(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    value.type === 'TextPositionSelector' &&
    Number.isSafeInteger(value.start) &&
    Number.isSafeInteger(value.end)
  );
}

/** An annotation record as `deleteAnnotation` answered it, but for its id (checked with the other ids). */
export function isRecordShape(value: unknown): value is AnnotationRecord {
  if (!isPlainObject(value)) return false;
  const { url, title, site, created, updated, quote, position, note, tags, entityIds } = value;
  return (
    typeof url === 'string' &&
    url.length <= MAX_URL_LENGTH &&
    typeof title === 'string' &&
    typeof site === 'string' &&
    typeof created === 'number' &&
    typeof updated === 'number' &&
    (quote === null || isQuoteShape(quote)) &&
    (position === null || isPositionShape(position)) &&
    typeof note === 'string' &&
    isStringList(tags) &&
    isStringList(entityIds)
  );
}

/** An {@link EntityCorrection}'s shape: each field optional, of its type (the store checks merges). */
export function isCorrectionShape(value: unknown): value is EntityCorrection {
  if (!isPlainObject(value)) return false;
  const { name, kind, hidden, note, roleTitles, mergedInto, extraAliases } = value;
  const optional = (field: unknown, check: (field: unknown) => boolean) =>
    field === undefined || check(field);
  const isString = (field: unknown) =>
    typeof field === 'string' && field.length <= MAX_FIELD_LENGTH;
  return (
    Object.keys(value).every((key) => CORRECTION_FIELDS.has(key)) &&
    optional(name, isString) &&
    optional(
      kind,
      (field) => field === 'person' || field === 'organization' || field === 'place',
    ) &&
    optional(hidden, (field) => typeof field === 'boolean') &&
    optional(note, (field) => typeof field === 'string') &&
    optional(roleTitles, (field) => isPlainObject(field) && Object.values(field).every(isString)) &&
    optional(mergedInto, isString) &&
    optional(extraAliases, isStringList)
  );
}

const CORRECTION_FIELDS = new Set([
  'name',
  'kind',
  'hidden',
  'note',
  'roleTitles',
  'mergedInto',
  'extraAliases',
]);

/** An {@link ExtractedDocument}'s shape, checked as a bundle's documents and entities are. */
export function isExtractedShape(value: unknown): value is ExtractedDocument {
  if (!isPlainObject(value)) return false;
  const check = new ShapeChecker();
  checkDocument(check, 'document', value.document);
  check.array('entities', value.entities, (path, entity) => checkEntity(check, path, entity));
  return check.problems.length === 0;
}
