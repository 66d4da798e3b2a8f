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
const INVISIBLE = new Set([0x00ad, 0x200b, 0x2060, 0xfeff]);

/** One-to-one folds of typographic punctuation to ASCII (one character each, so offsets stay simple). */
const FOLDS = new Map<number, number>([
  [0x2018, 0x27], [0x2019, 0x27], [0x201a, 0x27], [0x201b, 0x27], [0x2032, 0x27],
  [0x201c, 0x22], [0x201d, 0x22], [0x201e, 0x22], [0x201f, 0x22], [0x2033, 0x22],
  [0x00ab, 0x22], [0x00bb, 0x22],
  [0x2010, 0x2d], [0x2011, 0x2d], [0x2012, 0x2d], [0x2013, 0x2d], [0x2014, 0x2d],
  [0x2015, 0x2d], [0x2212, 0x2d],
]); // prettier-ignore

/**
 * The characters JavaScript's `\s` matches, by code: tested per character of
 * a whole page, a comparison chain is several times faster than a RegExp.
 */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** True for a character the matcher ignores at the edges of a quote: whitespace or invisible. */
export function isBlank(char: string): boolean {
  const code = char.charCodeAt(0);
  return INVISIBLE.has(code) || isWhitespace(code);
}

/** Normalizes `original` for matching (see the module comment), keeping the offset map. */
export function normalizeForMatching(original: string): NormalizedText {
  const codes = new Uint16Array(original.length);
  const map = new Int32Array(original.length + 1);
  let length = 0;
  let inSpace = false;
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    if (INVISIBLE.has(code)) continue;
    if (isWhitespace(code)) {
      if (inSpace) continue;
      inSpace = true;
      codes[length] = 0x20;
    } else {
      inSpace = false;
      codes[length] = FOLDS.get(code) ?? code;
    }
    map[length++] = i;
  }
  map[length] = original.length;
  return { original, text: decode(codes.subarray(0, length)), map: map.slice(0, length + 1) };
}

/** UTF-16 code units to a string, in chunks (String.fromCharCode takes a bounded number of arguments). */
function decode(codes: Uint16Array): string {
  const chunks: string[] = [];
  for (let at = 0; at < codes.length; at += 8192) {
    chunks.push(String.fromCharCode(...codes.subarray(at, at + 8192)));
  }
  return chunks.join('');
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
