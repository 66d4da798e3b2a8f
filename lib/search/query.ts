/**
 * The side panel's query syntax, the way a reporter types into one box:
 * free words, `entity:`, `tag:` and `site:` filters (values may be quoted:
 * `entity:"Mu Sochua"`) and a "quoted phrase" that must appear as written.
 * Everything combines with AND. Parsing never throws: half-typed input
 * (`tag:`, an unclosed quote) parses to what it can mean so far.
 */

/** The fields a filter can restrict. */
export type FilterField = 'entity' | 'tag' | 'site';

/** One `field:value` restriction; the value as typed (trimmed), folded when matched. */
export interface QueryFilter {
  field: FilterField;
  value: string;
}

/** A query broken into what the search needs. */
export interface ParsedQuery {
  /** Free words as typed, in order (punctuation split off; matched fuzzily). */
  words: string[];
  /** Exact phrases, without their quotes. */
  phrases: string[];
  /** Field restrictions; every one must hold. */
  filters: QueryFilter[];
  /**
   * True when the input ends inside its last free word (no space typed after it):
   * that word is still being typed, so it also matches as a prefix.
   */
  prefixLast: boolean;
}

const FILTER_FIELDS: ReadonlySet<string> = new Set<FilterField>(['entity', 'tag', 'site']);
const WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019\u02BC][\p{L}\p{N}\p{M}]+)*/gu;
// A quoted stretch ends at the next straight or curly closing quote, or at the end of input.
const QUOTE_OPEN = /["\u201C\u201D]/;
const QUOTE_CLOSE = /["\u201C\u201D]/g;

/** The query with no words, phrases or filters: it lists everything, newest first. */
export const EMPTY_QUERY: ParsedQuery = { words: [], phrases: [], filters: [], prefixLast: false };

/** Parses the search box's text. Never throws; junk becomes words or is dropped. */
export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = { words: [], phrases: [], filters: [], prefixLast: false };
  const text = typeof input === 'string' ? input : '';
  let at = 0;
  let lastWasWord = false;
  while (at < text.length) {
    const char = text[at]!;
    if (/\s/.test(char)) {
      at++;
      lastWasWord = false;
      continue;
    }
    if (QUOTE_OPEN.test(char)) {
      const { value, next } = readQuoted(text, at + 1);
      if (value !== '') query.phrases.push(value);
      at = next;
      lastWasWord = false;
      continue;
    }
    const filter = /^([A-Za-z]+):/.exec(text.slice(at));
    if (filter && FILTER_FIELDS.has(filter[1]!.toLowerCase())) {
      const { value, next } = readValue(text, at + filter[0].length);
      if (value !== '') {
        query.filters.push({ field: filter[1]!.toLowerCase() as FilterField, value });
      }
      at = next;
      lastWasWord = false;
      continue;
    }
    // A run of anything else up to the next space or quote: its words are free words.
    // An unknown `foo:bar` lands here and reads as the words "foo" and "bar".
    let end = at;
    while (end < text.length && !/\s/.test(text[end]!) && !QUOTE_OPEN.test(text[end]!)) end++;
    const words = text.slice(at, end).match(WORD) ?? [];
    query.words.push(...words);
    lastWasWord = words.length > 0 && /[\p{L}\p{N}\p{M}]$/u.test(text.slice(at, end));
    at = end;
  }
  query.prefixLast = lastWasWord && query.words.length > 0;
  return query;
}

/** Reads a quoted stretch starting just after its opening quote. */
function readQuoted(text: string, from: number): { value: string; next: number } {
  QUOTE_CLOSE.lastIndex = from;
  const close = QUOTE_CLOSE.exec(text);
  const end = close ? close.index : text.length;
  return { value: text.slice(from, end).trim().replace(/\s+/g, ' '), next: end + 1 };
}

/** Reads a filter value: a quoted stretch, or everything up to the next space. */
function readValue(text: string, from: number): { value: string; next: number } {
  if (from < text.length && QUOTE_OPEN.test(text[from]!)) return readQuoted(text, from + 1);
  let end = from;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  return { value: text.slice(from, end).trim(), next: end };
}
