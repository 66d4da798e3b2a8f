/**
 * Alias keys: the one normalization shared by the bundle builder, the CLI's scan
 * and the content script, so a name written any way a newsroom writes it maps to
 * the same key.
 */

/** Honorifics newsrooms put before a name on second reference ("Mr Hun Sen", "Ms. Sochua"). */
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame)\.?\s+(?=\S)/i;

/** Apostrophe look-alikes: curly quotes, modifier letter, prime, backtick. */
const APOSTROPHES = /[\u2019\u2018\u02BC\u2032`\u00B4]/g;

/** Every kind of space and line break that can sit inside a name on a web page. */
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g;

/** Dashes that stand for a hyphen inside a name ("Jean‑Paul"). */
const DASHES = /[\u2010-\u2013\u2212]/g;

/** Printable ASCII without the backtick, which is an apostrophe look-alike. */
const PLAIN_ASCII = /^[\x20-\x5F\x61-\x7E]*$/;

/** Combining marks left after canonical decomposition: removing them folds diacritics. */
const COMBINING = /\p{M}+/gu;

/**
 * Replaces apostrophe look-alikes, dashes and exotic spaces with their plain forms
 * without changing the string's length, so offsets computed on the result still
 * index the original text.
 */
export function canonicalizeChars(text: string): string {
  return text
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
}

/** Folds diacritics: "Sóchua" → "Sochua". Letters without a decomposition are kept. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').normalize('NFC');
}

/**
 * True for a token written in capitals that reads as an acronym ("CNRP", "U.S.").
 * Such tokens keep their case in keys: lower-casing them made ordinary words
 * such as "May" and "And" match acronyms.
 */
export function isAcronymToken(token: string): boolean {
  // Most tokens are plain ASCII words, which the costlier Unicode letter pattern would keep whole.
  const letters = /^[A-Za-z]*$/.test(token) ? token : token.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
  );
}

/** Removes a trailing possessive: "CNRP's" → "CNRP", "Reuters'" → "Reuters". */
export function stripPossessive(text: string): string {
  return text.replace(/'s$/i, '').replace(/(?<=s)'$/i, '');
}

/**
 * The match key of a name: diacritics folded, apostrophes and spaces unified,
 * possessive and leading honorific removed, dots dropped ("U.S." → "US"), acronym
 * tokens kept in capitals and every other token lower-cased.
 * Returns '' when nothing name-like is left.
 */
export function aliasKey(text: string): string {
  // Most names on English pages are plain ASCII: they need no apostrophe,
  // dash or diacritic folding, and skipping Unicode normalization is most of the
  // cost of scanning a long page.
  const plain = PLAIN_ASCII.test(text) ? text : foldDiacritics(canonicalizeChars(text));
  let s = plain.replace(SPACES, ' ').trim();
  s = stripPossessive(s);
  s = s.replace(HONORIFIC, '');
  s = s.replace(/\./g, '').replace(/,/g, '');
  return s
    .split(' ')
    .filter((token) => token.length > 0)
    .map((token) => (isAcronymToken(token) ? token.toUpperCase() : token.toLowerCase()))
    .join(' ');
}
