/**
 * Words of saved annotations and of queries, folded the same way on both sides so
 * "Sóchua", "SOCHUA" and "Sochua’s" all find one another. Every token keeps its
 * offsets in the original text, so the side panel can emphasize the matched words
 * in the quote exactly as the reader saved it.
 */
import { foldDiacritics } from '@/lib/match/normalize';

/** One word of a field: its folded form and where it sits in the original text. */
export interface Token {
  /** Lower-cased, diacritics folded, possessive and apostrophes removed. */
  term: string;
  /** UTF-16 offset of the first character in the original text. */
  start: number;
  /** UTF-16 offset just past the word (a possessive "’s" is left outside). */
  end: number;
}

// Letters, digits and combining marks (text may arrive decomposed), with apostrophes
// inside a word kept so "don't" and "Sochua’s" stay one token.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019\u02BC][\p{L}\p{N}\p{M}]+)*/gu;
const POSSESSIVE = /['\u2019\u02BC]s$/i;
const APOSTROPHES = /['\u2019\u02BC]/g;
const ASCII = /^[\x20-\x7e]*$/;

// Letters that have no canonical decomposition, so NFD folding leaves them alone;
// they are common in the European names news copy carries.
const EXTRA_FOLDS: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ı: 'i',
  þ: 'th',
};
const EXTRA = /[łđøæœßıþ]/g;

// Folding non-ASCII words is the costly part of indexing 50,000 records; the same
// few thousand names recur, so their folded forms are remembered.
const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 50_000;

/** The folded form of one word: "Sóchua’s" → "sochua". Returns '' for a word of punctuation only. */
export function foldTerm(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase().replace(POSSESSIVE, '').replace(APOSTROPHES, '');
  const cached = foldCache.get(word);
  if (cached !== undefined) return cached;
  const folded = foldDiacritics(word.toLowerCase())
    .replace(EXTRA, (letter) => EXTRA_FOLDS[letter] ?? letter)
    .replace(POSSESSIVE, '')
    .replace(APOSTROPHES, '');
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(word, folded);
  return folded;
}

/** The words of `text`, in order, with their original offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const term = foldTerm(word);
    if (term === '') continue;
    const start = match.index;
    // Leave a possessive outside the emphasized range: "Sochua" of "Sochua’s".
    const end = start + (POSSESSIVE.test(word) ? word.length - 2 : word.length);
    tokens.push({ term, start, end });
  }
  return tokens;
}

/** Only the folded words of `text`, for indexing where offsets are not needed. */
export function terms(text: string): string[] {
  const result: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = foldTerm(match[0]);
    if (term !== '') result.push(term);
  }
  return result;
}
