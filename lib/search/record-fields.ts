/**
 * What of an annotation is searchable, field by field, and the checks that need
 * a record's text rather than the index: exact phrases, filters and the ranges
 * to emphasize. These run only on candidate records, so the index itself keeps
 * no positions (at 50,000 records they would triple its memory).
 */
import type { AnnotationRecord } from '@/lib/model/records';
import type { QueryFilter } from './query';
import { terms, tokenize } from './tokenize';

/** The searchable fields, in the order their term counts are packed in postings. */
export const SEARCH_FIELDS = ['quote', 'note', 'tags', 'entities', 'title', 'site'] as const;

/** A searchable field of an annotation. */
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * One stretch of original text a field holds. Tags and entities hold one text per
 * tag or entity; `index` is its position in `tags` or `entityIds`.
 */
export interface FieldText {
  field: SearchField;
  index?: number;
  text: string;
}

/** A record as the index sees it: the record and its entities' names when it was indexed. */
export interface IndexedRecord {
  record: AnnotationRecord;
  /** Names by position in `record.entityIds`; '' where the entity was unknown. */
  entityNames: string[];
}

/** Every stretch of searchable text of a record, field by field. */
export function fieldTexts({ record, entityNames }: IndexedRecord): FieldText[] {
  const texts: FieldText[] = [];
  if (record.quote && record.quote.exact !== '') {
    texts.push({ field: 'quote', text: record.quote.exact });
  }
  if (record.note !== '') texts.push({ field: 'note', text: record.note });
  record.tags.forEach((tag, index) => texts.push({ field: 'tags', index, text: tag }));
  entityNames.forEach((name, index) => {
    if (name !== '') texts.push({ field: 'entities', index, text: name });
  });
  if (record.title !== '') texts.push({ field: 'title', text: record.title });
  if (record.site !== '') texts.push({ field: 'site', text: record.site });
  return texts;
}

/** True when `needle` occurs as consecutive terms in `haystack`. */
export function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return true;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return true;
  }
  return false;
}

/** True when one field of the record holds the phrase's terms consecutively. */
export function hasPhrase(indexed: IndexedRecord, phraseTerms: readonly string[]): boolean {
  return fieldTexts(indexed).some(({ text }) => containsSequence(terms(text), phraseTerms));
}

/** A filter with its value folded once per query. */
export interface PreparedFilter {
  field: QueryFilter['field'];
  /** The value as typed, for an exact entity id match. */
  raw: string;
  terms: string[];
}

/** Folds a filter's value; `site:` values lose a scheme and path pasted from the address bar. */
export function prepareFilter(filter: QueryFilter): PreparedFilter {
  const value =
    filter.field === 'site'
      ? filter.value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0]!
      : filter.value;
  return { field: filter.field, raw: filter.value, terms: terms(value) };
}

/**
 * Whether the record passes the filter. `tag:` names a whole tag (so `tag:land`
 * is not `tag:landmine`); `entity:` matches an entity id exactly or words of an
 * entity's name (`entity:sochua`, `entity:"Mu Sochua"`); `site:` matches the host
 * or its tail (`site:phnompenhpost.com` matches www.phnompenhpost.com).
 */
export function passesFilter({ record, entityNames }: IndexedRecord, filter: PreparedFilter) {
  switch (filter.field) {
    case 'tag':
      return record.tags.some((tag) => sameTerms(terms(tag), filter.terms));
    case 'entity':
      return (
        record.entityIds.includes(filter.raw) ||
        (filter.terms.length > 0 &&
          entityNames.some((name) => containsSequence(terms(name), filter.terms)))
      );
    case 'site':
      return filter.terms.length > 0 && containsSequence(terms(record.site), filter.terms);
  }
}

function sameTerms(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((term, i) => term === b[i]);
}

/** Ranges of one stretch of field text to emphasize. */
export interface FieldMatch {
  field: SearchField;
  /** Position in `tags` or `entityIds` for those fields. */
  index?: number;
  /** [start, end) offsets into the original text of the field. */
  ranges: [number, number][];
}

/**
 * The words of the record to emphasize: every token whose folded form is one of
 * `matched` (the terms the query reached) or, in a filtered field, one of that
 * field's filter terms.
 */
export function findMatches(
  indexed: IndexedRecord,
  matched: ReadonlySet<string>,
  filterTerms: ReadonlyMap<SearchField, ReadonlySet<string>>,
): FieldMatch[] {
  const matches: FieldMatch[] = [];
  for (const { field, index, text } of fieldTexts(indexed)) {
    const extra = filterTerms.get(field);
    const ranges: [number, number][] = [];
    for (const token of tokenize(text)) {
      if (matched.has(token.term) || extra?.has(token.term)) ranges.push([token.start, token.end]);
    }
    if (ranges.length === 0) continue;
    matches.push(index === undefined ? { field, ranges } : { field, index, ranges });
  }
  return matches;
}

/** Filter values to emphasize in the field each filter restricts. */
export function filterHighlightTerms(filters: PreparedFilter[]): Map<SearchField, Set<string>> {
  const fieldOf = { entity: 'entities', tag: 'tags', site: 'site' } as const;
  const byField = new Map<SearchField, Set<string>>();
  for (const filter of filters) {
    const field = fieldOf[filter.field];
    const set = byField.get(field) ?? new Set<string>();
    for (const term of filter.terms) set.add(term);
    byField.set(field, set);
  }
  return byField;
}
