/**
 * How a run of capitalized words is trimmed to a name: sentence openers and
 * describing words before it, the name-like words at the end of a title, and
 * all-capital words that are no organization. Split from names.ts.
 */
import { isAcronymToken } from '@/lib/match/normalize';
import { isCommonWord } from './common-words';
import { givenNameGender, placeKind } from './gazetteer';
import { closesHonorific, isClearGivenName, isNameLikeWord } from './name-evidence';
import {
  isRoleNoun,
  NAME_CONNECTORS,
  ORG_HEADS,
  PLACE_WORDS,
  ROLE_HEADS,
  STOP_WORDS,
} from './lexicon';
import { bare, isTitleWord, NAME_PARTICLES, type Token } from './tokens';

/**
 * Lowercase words written in the document: a capital seen elsewhere in lower
 * case is a sentence's. Built on first need, as most runs never ask.
 */
export function lowercaseWords(tokens: Token[]): { has(word: string): boolean } {
  let seen: Set<string> | null = null;
  return {
    has(word) {
      if (!seen) {
        seen = new Set();
        for (const t of tokens) if (t.text === t.lower) seen.add(t.lower);
      }
      return seen.has(word);
    },
  };
}

/** A headline set in capitals ("MAN CHARGED AFTER STORM"): three or more all-capital words. */
export function isCapitalsHeadline(run: number[], tokens: Token[]): boolean {
  const words = run.map((i) => (tokens[i] as Token).text).filter((w) => /\p{L}{2}/u.test(w));
  return words.length >= 3 && words.every((w) => w === w.toUpperCase());
}

/** Words that describe a holder or a body when they open a sentence, never part of its name. */
const DESCRIBING_OPENERS = new Set([
  'senior', 'junior', 'former', 'current', 'acting', 'interim', 'outgoing', 'incoming', 'veteran',
]); // prettier-ignore

/**
 * Drops the words a run has only because a sentence starts there: function and
 * discourse words ("Meanwhile", "The"), and an ordinary word before a name
 * ("Newcomer Jane Doe", "Striker John Roe") when the document writes it in
 * lower case elsewhere or a given name follows it. Names of organizations and
 * places keep their first word ("National Rescue Party", "Town Hall").
 */
/** Counts that open a sentence before a name: "Two", "Twenty-three", "Dozens". */
const COUNT_WORDS =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|dozens|hundreds|thousands|several|many)$/;

export function stripSentenceOpeners(
  run: number[],
  tokens: Token[],
  lowerSeen: { has(word: string): boolean },
): number[] {
  let idx = run.slice();
  while (idx.length > 0) {
    const t = tokens[idx[0] ?? 0] as Token;
    const discourse =
      t.initial && (STOP_WORDS.has(t.lower) || (/ing$|ly$/.test(t.lower) && isCommonWord(t.lower)));
    // After "Residents of Hoa Binh" loses "Residents", the "of" it leaves is no part of a name.
    // "Dancers of the Ostraven Ballet": a plural everyday noun opening a sentence is whose, not a name.
    const next = tokens[idx[1] ?? -1];
    const plural =
      t.initial &&
      /s$/.test(t.lower) &&
      (isCommonWord(t.lower) || isRoleNoun(t.lower.slice(0, -1))) &&
      !ORG_HEADS.has(t.lower) &&
      next !== undefined &&
      NAME_CONNECTORS.has(next.lower);
    // "Senior Cabinet members", "Current Ostraven Party boss": a describing word opening a sentence.
    const describing = t.initial && DESCRIBING_OPENERS.has(t.lower) && idx.length > 1;
    // "Two Kestrel Party senators", "Dozens of …": a count opening a sentence.
    const count = t.initial && COUNT_WORDS.test(t.lower) && idx.length > 1;
    if (
      discourse ||
      plural ||
      describing ||
      count ||
      t.lower === 'the' ||
      NAME_CONNECTORS.has(t.lower)
    )
      idx = idx.slice(1);
    else break;
  }
  const first = tokens[idx[0] ?? 0];
  const second = tokens[idx[1] ?? 0];
  const last = tokens[idx[idx.length - 1] ?? 0];
  if (!first || !second || !last || idx.length < 2 || !first.initial) return idx;
  if (ORG_HEADS.has(bare(last)) || PLACE_WORDS.has(bare(last)) || isTitleWord(first)) return idx;
  // "Goalkeeper Jane Roe" opening a sentence: a noun for what someone does is no part of a name.
  const ordinary =
    (isCommonWord(first.lower) || isRoleNoun(first.lower)) &&
    givenNameGender(first.lower) === null &&
    !placeKind(first.text);
  const nameFollows = isClearGivenName(second.text) || isTitleWord(second);
  if (ordinary && (nameFollows || (lowerSeen.has(first.lower) && isNameLikeWord(second.text))))
    return idx.slice(1);
  return idx;
}

/** The name-like words ending a run ("… Defence Datuk Seri | Ahmad Rizal"), name particles included. */
export function nameAtEnd(rest: number[], tokens: Token[]): number[] {
  let from = rest.length;
  while (from > 0) {
    const t = tokens[rest[from - 1] ?? 0] as Token;
    const particle = NAME_PARTICLES.has(t.lower) && from < rest.length;
    const before = tokens[rest[from - 2] ?? -1]?.text;
    if (closesHonorific(before, t.text)) break; // "… Datuk Seri | Ahmad Rizal"
    if (!particle && !isNameLikeWord(t.text)) break;
    from--;
  }
  while (from < rest.length && NAME_PARTICLES.has((tokens[rest[from] ?? 0] as Token).lower)) from++;
  // "… of Agriculture Marta Roe": a rare word of the title's object is no given name, "Marta" is.
  const given = rest.findIndex((i, k) => k >= from && isClearGivenName((tokens[i] as Token).text));
  const afterConnector = NAME_CONNECTORS.has((tokens[rest[from - 1] ?? -1]?.lower ?? '') as string);
  const firstIsGiven = isClearGivenName((tokens[rest[from] ?? 0] as Token).text);
  if (given > from && afterConnector && !firstIsGiven && rest.length - given >= 2) from = given;
  const name = rest.slice(from);
  // "Mayor of Brackwater": a lone place after the title is its object, not a person.
  const only = name.length === 1 ? (tokens[name[0] ?? 0] as Token) : null;
  if (only && (placeKind(only.text) || givenNameGender(only.text) === null)) return [];
  return name;
}

/** Acronyms of things, illnesses and trades that news writes in capitals: never a body's name. */
const THING_ACRONYMS = new Set([
  'covid', 'cctv', 'pr', 'gdp', 'ai', 'tv', 'dna', 'hiv', 'aids', 'gps', 'suv', 'vip', 'ufo',
  'iq', 'id', 'pin', 'vat', 'atm', 'ceo', 'cfo', 'coo', 'cto', 'ipo', 'lgbt', 'lgbtq', 'covid-19',
  'sars', 'mers', 'ptsd', 'adhd', 'icu', 'er', 'pc', 'usb', 'led', 'lcd', 'vr', 'ar', 'faq',
  'diy', 'rip', 'asap', 'aka', 'eta', 'mvp', 'ok', 'tba', 'tbc', 'bc', 'ad', 'ce', 'bce',
]); // prettier-ignore

/**
 * False for a lone all-capital word that is no organization's acronym: a job
 * ("CEO", "MP"), a time ("PM"), an everyday word or a long word set in
 * capitals for emphasis ("DRAGON", "SHACKLED"); acronyms that are words are kept
 * when short ("UN", "WHO").
 */
export function isAcronymWorth(part: number[], tokens: Token[]): boolean {
  if (part.length !== 1) return true;
  const t = tokens[part[0] ?? 0] as Token;
  const letters = t.text.replace(/[^\p{L}]/gu, '');
  const lower = letters.toLowerCase();
  const singular = lower.replace(/s$/, '');
  if (isTitleWord(t) || ROLE_HEADS.has(lower) || ROLE_HEADS.has(singular)) return false; // "MPs"
  if (!isAcronymToken(t.text)) return true;
  if (lower === 'am' || lower === 'pm' || THING_ACRONYMS.has(lower)) return false;
  if (/\./.test(t.text) || placeKind(letters) === 'country') return true; // "U.S.", "US", "D.C."
  if (letters.length > 5) return false;
  return !isCommonWord(lower) && !STOP_WORDS.has(lower);
}

/**
 * "Canadian Jane Roe", "Food Security Jane Roe": words that are no name parts
 * before a known given name that opens a run of name-like words belong to
 * something else; the name starts at the given name.
 */
export function dropWordsBeforeGivenName(part: number[], tokens: Token[]): number[] {
  // Most parts are one or two words: return before making the helpers below.
  if (part.length < 3) return part;
  const word = (k: number) => (tokens[part[k] ?? 0] as Token).text;
  if (isNameLikeWord(word(0)) || isClearGivenName(word(0))) return part;
  // "chief A Ravi Mohan": a lone capital letter inside a sentence is an initial, even "A".
  if (/^\p{Lu}$/u.test(word(0)) && !(tokens[part[0] ?? 0] as Token).initial) return part;
  const nameLike = (i: number) =>
    isNameLikeWord((tokens[i] as Token).text) || NAME_PARTICLES.has((tokens[i] as Token).lower);
  // "Intelligence Directorate Jane Roe": the name starts at a known given name.
  for (let k = 1; k < part.length - 1; k++) {
    const rest = part.slice(k);
    if (isClearGivenName(word(k)) && rest.every(nameLike)) return rest;
  }
  // "Canadian Jane Roe": one describing word before a name of two name-like words or more.
  const first = tokens[part[0] ?? 0] as Token;
  const describing =
    isCommonWord(first.lower) || /(?:ian|ese|ish|[^u]ch(?:wo)?man)$/.test(first.lower);
  if (describing && part.slice(1).every(nameLike)) return part.slice(1);
  return part;
}
