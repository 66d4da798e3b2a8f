/**
 * Name comparison as the corpus README's scoring contract states it: NFKD with
 * accents dropped, curly apostrophes straightened, a trailing possessive "'s"
 * dropped, honorifics (Mr, Mrs, Ms, Dr) dropped, case folded, whitespace collapsed.
 */

const HONORIFIC = /^(?:mr|mrs|ms|dr)\.?\s+/;

/** The comparison form of a name. */
export function normalizeName(name: string): string {
  let s = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[‘’ʼ`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(/'s$/, '');
  s = s.replace(HONORIFIC, '');
  return s.trim();
}

/** Words too ordinary to show that two role phrases agree. */
const FUNCTION_WORDS = new Set(
  'a an the of for and or in on at to from by with its his her their former new s'.split(' '),
);

/** The content words of a role phrase, normalized. */
export function contentWords(phrase: string): Set<string> {
  return new Set(
    normalizeName(phrase)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0 && !FUNCTION_WORDS.has(w)),
  );
}
