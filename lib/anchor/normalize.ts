/**
 * Text as the quote matcher compares it, with a map back to the original.
 *
 * Why normalize: between a save and a revisit a page re-flows. Templates change
 * indentation and line breaks, a CMS swaps straight quotes for curly ones or a
 * hyphen for an en dash, and Khmer pages add or drop zero-width spaces between
 * words. None of that changes what the reader quoted, so the matcher compares
 * text in which every whitespace run is one space, invisible characters are
 * gone and typographic punctuation is folded — while every normalized character
 * remembers where it came from, so a match maps back to the page's own offsets.
 */

/** Text prepared for matching; build once per page text and anchor many quotes against it. */
export interface NormalizedText {
  /** The original text. */
  original: string;
  /** The normalized text the matcher searches. */
  text: string;
  /**
   * `map[i]` is the offset in {@link original} of normalized character `i`;
   * `map[text.length]` is `original.length`. Non-decreasing.
   */
  map: Int32Array;
}

/**
 * Characters that render as nothing: soft hyphen, zero-width space (the Khmer
 * word separator, added or dropped at will by editors), word joiner, BOM.
 * ZWJ and ZWNJ are kept: they change how Indic and Persian text reads.
 */
const INVISIBLE = new Set(['\u00ad', '\u200b', '\u2060', '\ufeff']);

/** One-to-one folds of typographic punctuation to ASCII (one character each, so offsets stay simple). */
const FOLDS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"',
  '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-',
  '\u2212': '-',
}; // prettier-ignore

const WHITESPACE = /\s/;

/** True for a character the matcher ignores at the edges of a quote: whitespace or invisible. */
export function isBlank(char: string): boolean {
  return INVISIBLE.has(char) || WHITESPACE.test(char);
}

/** Normalizes `original` for matching (see the module comment), keeping the offset map. */
export function normalizeForMatching(original: string): NormalizedText {
  const out: string[] = [];
  const map = new Int32Array(original.length + 1);
  let length = 0;
  let inSpace = false;
  for (let i = 0; i < original.length; i++) {
    const char = original[i] as string;
    if (INVISIBLE.has(char)) continue;
    if (WHITESPACE.test(char)) {
      if (inSpace) continue;
      inSpace = true;
      out.push(' ');
    } else {
      inSpace = false;
      out.push(FOLDS[char] ?? char);
    }
    map[length++] = i;
  }
  map[length] = original.length;
  return { original, text: out.join(''), map: map.slice(0, length + 1) };
}

/** The normalized form of a short string (a quote or its context), without the map. */
export function normalizeSnippet(snippet: string): string {
  return normalizeForMatching(snippet).text;
}

/** The normalized offset of original offset `offset`: the first normalized character at or after it. */
export function toNormalizedOffset(normalized: NormalizedText, offset: number): number {
  const { map } = normalized;
  let low = 0;
  let high = map.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((map[mid] as number) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The original offsets of normalized range [start, end); a non-empty range ends after its last character. */
export function toOriginalRange(
  normalized: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  const { map } = normalized;
  const from = map[start] as number;
  if (end <= start) return { start: from, end: from };
  return { start: from, end: (map[end - 1] as number) + 1 };
}
