/**
 * How newsrooms write one entity several ways: acronyms and their expansions,
 * second-reference short forms, spelling variants, and which of those forms
 * are too ordinary to link on their own.
 */
import { isAcronymToken } from '@/lib/match/normalize';
import { isCommonWord } from './common-words';
import { NAME_CONNECTORS, ORG_HEADS } from './lexicon';

/**
 * True when `acronym` is made of the initials of `words` ("CNRP" ↔ "Cambodia
 * National Rescue Party", "CPP" ↔ "Cambodian People’s Party"). Connectors
 * ("of", "for") may be skipped or counted, as organizations differ.
 */
export function acronymMatches(acronym: string, words: string[]): boolean {
  const letters = acronym.replace(/[^\p{L}]/gu, '').toUpperCase();
  if (letters.length < 2 || words.length < 2) return false;
  const all = words.map((w) => (w[0] ?? '').toUpperCase()).join('');
  const content = words
    .filter((w) => !NAME_CONNECTORS.has(w.toLowerCase()))
    .map((w) => (w[0] ?? '').toUpperCase())
    .join('');
  return letters === content || letters === all;
}

/** Finds "Long Name (ACR)" or "ACR (Long Name)" definitions: acronym → expansion text. */
export function parentheticalAcronyms(text: string): Map<string, string> {
  const found = new Map<string, string>();
  // Every definition has " (ACR)" in it: most texts have none, and the full pattern,
  // tried at every capital letter, is costly.
  if (!/ \(\p{Lu}{2}/u.test(text)) return found;
  const longThenShort =
    /((?:\p{Lu}[\p{L}'’-]* +(?:(?:of|for|the|and|on) +)?){1,8}\p{Lu}[\p{L}'’-]*) +\((\p{Lu}{2,}[\p{Lu}\d]*)\)/gu;
  for (const m of text.matchAll(longThenShort)) {
    if (m[1] && m[2]) found.set(m[2], m[1]);
  }
  return found;
}

/** Levenshtein distance, for spelling variants of short keys. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * True when two alias keys are spellings of one name ("kork chak" / "kokchak"):
 * same first letter and at most one edit (two from ten letters) once spaces go.
 * Callers also require the same kind and agreeing context.
 */
export function isSpellingVariant(keyA: string, keyB: string): boolean {
  const a = keyA.replace(/\s+/g, '').toLowerCase();
  const b = keyB.replace(/\s+/g, '').toLowerCase();
  if (a === b) return true;
  if (a[0] !== b[0] || Math.min(a.length, b.length) < 5) return false;
  const allowed = Math.min(a.length, b.length) >= 10 ? 2 : 1;
  return Math.abs(a.length - b.length) <= allowed && editDistance(a, b) <= allowed;
}

/**
 * Whether a single-word alias is too ordinary to link alone: three letters or
 * fewer ("Sen", "So", "Nee"), an everyday English word ("Than", "Song"), or a
 * word found in the names of two or more entities (`sharedTokens`).
 *
 * Acronyms are the exception: their keys stay in capitals, so "CPP" cannot be
 * confused with a lower-case word and is safe to link alone, which is how most
 * articles use it after the first reference. Only an acronym that spells an
 * ordinary word ("US", "WHO") is ambiguous, because headlines set in capitals
 * use those words as words.
 */
export function isAmbiguousAlias(text: string, sharedTokens: ReadonlySet<string>): boolean {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length !== 1) return false;
  const word = (tokens[0] ?? '').replace(/['’]s$/, '');
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (isAcronymToken(word)) return isCommonWord(letters);
  if (letters.length <= 3) return true;
  return isCommonWord(letters) || sharedTokens.has(letters.toLowerCase());
}

/** The display slug of a name: folded, lowercase, hyphen-separated ("Mu Sochua" → "mu-sochua"). */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * One key for the two ways newsrooms name a body: "Interior Ministry" and
 * "Ministry of Interior" (or "of the Interior") both give "ministry:interior".
 * Null for a name without an organization head word at either end.
 */
export function organizationKey(name: string): string | null {
  const words = name
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/\s+/)
    .filter((w) => w !== 'the');
  if (words.length < 2) return null;
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  if (ORG_HEADS.has(first) && (words[1] === 'of' || words[1] === 'for'))
    return `${first}:${words.slice(2).join(' ')}`;
  if (ORG_HEADS.has(last)) return `${last}:${words.slice(0, -1).join(' ')}`;
  return null;
}
