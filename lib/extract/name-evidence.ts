/**
 * Whether a capitalized word reads as part of a person's name, and what a
 * whole span says about itself: the word-level evidence that candidate
 * cutting (names.ts) and kind decisions (classify.ts) weigh.
 */
import { isCommonWord } from './common-words';
import { givenNameGender, placeKind } from './gazetteer';
import { remembered } from './remembered';
import {
  HONORIFICS,
  NAME_CONNECTORS,
  ORG_HEADS,
  PLACE_WORDS,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  SAID_VERBS,
  STOP_WORDS,
  TITLE_ABBREVIATIONS,
} from './lexicon';

const bareOf = (word: string): string => word.toLowerCase().replace(/\.$/, '');

/** Honorifics of two words, both written capitalized: "Tan Sri", "Datuk Seri", "Puan Sri". */
const TWO_WORD_HONORIFICS = new Set(['tan sri', 'puan sri', 'toh puan', 'datuk seri', 'dato sri']);

/** True when `word` (followed by `next`) opens or is an honorific: "Mr", "Sheikh", "Tan" of "Tan Sri". */
export function isHonorificWord(word: string, next?: string): boolean {
  const b = bareOf(word).replace(/['’]$/, '');
  if (HONORIFICS.has(b)) return true;
  return next !== undefined && TWO_WORD_HONORIFICS.has(`${b} ${bareOf(next)}`);
}

/** True when `word` closes a two-word honorific opened by `previous` ("Sri" of "Tan Sri"). */
export function closesHonorific(previous: string | undefined, word: string): boolean {
  return previous !== undefined && TWO_WORD_HONORIFICS.has(`${bareOf(previous)} ${bareOf(word)}`);
}

/** True for a word of a job title or rank rather than of a name ("Minister", "Deputy", "Sen."). */
export function isTitleVocabulary(word: string): boolean {
  const b = bareOf(word);
  return ROLE_HEADS.has(b) || ROLE_MODIFIERS.has(b) || TITLE_ABBREVIATIONS.has(b);
}

/** True when `word` is a known given name that is not also an everyday English word. */
export function isClearGivenName(word: string): boolean {
  return givenNameGender(word) !== null && !isCommonWord(word);
}

/**
 * True when a capitalized word can be part of a person's name: not a title
 * word, not an organization or place head, not a country or region, and either
 * no everyday English word or a known given name ("Will", "Grace"). Asked of
 * every word of every candidate, and words recur: answers are kept.
 */
export const isNameLikeWord = remembered(readsAsNamePart);

/** {@link isNameLikeWord} without the kept answers. */
function readsAsNamePart(word: string): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  const b = bareOf(word);
  if (isTitleVocabulary(word) || ORG_HEADS.has(b) || PLACE_WORDS.has(b)) return false;
  if (NAME_CONNECTORS.has(b) || HONORIFICS.has(b)) return false;
  const place = placeKind(word);
  if (place === 'country' || place === 'region') return false;
  // Nationalities ("Canadian", "Chinese", "Frenchman") describe a person; they are no part of the name.
  if (givenNameGender(b) === null && /(?:ian|ese|ish|[^u]ch(?:wo)?man)$/.test(b)) return false;
  // Capitals inside a word mark a brand ("PayPal", "eBay"), not a name ("McKay" has one).
  if (/\p{Ll}\p{Lu}{2,}|^\p{Ll}+\p{Lu}/u.test(word)) return false;
  // All-capital words are acronyms, not name parts ("CEO", "NASA").
  if (word.length > 1 && word === word.toUpperCase() && !/\./.test(word)) return false;
  // The given-name lists hold function words ("Said", "The"): those are never name parts here.
  if (STOP_WORDS.has(b) || SAID_VERBS.has(b)) return false;
  return !isCommonWord(b) || givenNameGender(b) !== null;
}

/** How much a span's own words say it is a person's name, from the name gazetteers. */
export interface NameShape {
  /** The first word is a known given name that is no everyday word ("Jorund", "Bożena"). */
  givenFirst: boolean;
  /** The first word is a given name that is also an everyday word ("Will", "Bill"). */
  weakGivenFirst: boolean;
  /** Words found in the given-name lists. */
  knownParts: number;
  /** Every word reads as a name part. */
  allNameLike: boolean;
  /** "of", "the" or "and" joins the words: the name of a thing ("Medal of Freedom"). */
  thingConnector: boolean;
}

/** The gazetteer evidence of a span's words. The answer is shared: read it, never change it. */
export function nameShape(words: readonly string[]): Readonly<NameShape> {
  // A name recurs through an article and across a corpus, and each mention asks again.
  // NUL parts the words: no word holds one (readDocument refuses sources with NUL bytes).
  return shapeOfKey(words.join('\u0000'));
}

const shapeOfKey = remembered((key: string) => Object.freeze(shapeOf(key.split('\u0000'))));

/** {@link nameShape} without the kept answers. */
function shapeOf(words: readonly string[]): NameShape {
  const first = words[0] ?? '';
  const core = words.filter((w) => !NAME_CONNECTORS.has(bareOf(w)));
  // "Order of Merit", "Cup of Nations": "of" and "the" join the words of things, not of people.
  const thingConnector = words.some((w) => ['of', 'for', 'the', 'on', 'and'].includes(w));
  return {
    givenFirst: isClearGivenName(first),
    weakGivenFirst: givenNameGender(first) !== null && isCommonWord(first),
    knownParts: core.filter((w) => givenNameGender(w) !== null).length,
    thingConnector,
    allNameLike:
      !thingConnector &&
      core.length > 0 &&
      core.every((w) => isNameLikeWord(w) || /^\p{Lu}\.$/u.test(w)),
  };
}
