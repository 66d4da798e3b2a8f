/**
 * The words of a document for name finding: offsets, possessives, sentence
 * starts, compound suffixes, and what each word can be (capitalized, a title
 * word, a particle). Split from names.ts, which builds candidates from them.
 */
import { WEB_ENDINGS } from '@/lib/match/tokens';
import { isHonorificWord } from './name-evidence';
import {
  CALENDAR_WORDS,
  HONORIFICS,
  NON_TERMINAL_ABBREVIATIONS,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  TITLE_ABBREVIATIONS,
} from './lexicon';

/** A word of the document with its offsets. */
export interface Token {
  /** The word without a trailing sentence period or possessive. */
  text: string;
  lower: string;
  start: number;
  end: number;
  /** True for "CNRP’s": the possessive was removed from `text` and `end`. */
  possessive: boolean;
  /** "based" for "Brackwater-based": the compound's suffix was removed from `text` and `end`. */
  suffix: string | undefined;
  /** True when only spaces separate this token from the previous one. */
  joined: boolean;
  /** True when the token opens its sentence (or follows an opening quote mark). */
  initial: boolean;
}

/**
 * A token as {@link tokenize} builds it. A class rather than an object literal:
 * V8 follows each literal's allocation site and, as every token lives through
 * the whole extraction, came to allocate the literal's objects the slow way,
 * which made it the costliest line of tokenizing (bench:extract rose by a
 * tenth with the class). Every token also gets the same fields, `suffix`
 * included, so the many functions that read tokens see one object shape.
 */
class WordToken implements Token {
  lower: string;
  end: number;

  constructor(
    public text: string,
    public start: number,
    public possessive: boolean,
    public suffix: string | undefined,
    public joined: boolean,
    public initial: boolean,
  ) {
    this.lower = text.toLowerCase();
    this.end = start + text.length;
  }
}

// A dot joins initials ("A.B.") and a web address's ending ("Vexlow.org").
const TOKEN = new RegExp(
  String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’-](?=\p{L})|\.(?=\p{L}\.)|\.(?=(?:${WEB_ENDINGS})\b))*\.?`,
  'gu',
);

/** Compound suffixes after a capitalized name: "London-based", "Kremlin-backed", "Texas-born". */
const COMPOUND_SUFFIX =
  /-(based|born|bred|led|backed|owned|run|made|bound|headquartered|registered)$/;

/** Tokenizes `text` between `from` and `to`, marking sentence-initial tokens. */
export function tokenize(
  text: string,
  from: number,
  to: number,
  sentenceStarts: Set<number>,
): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  let previousEnd = -1;
  // A period read as a sentence end parts the next word from this one: "the election. Following".
  let previousEndedSentence = false;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    let word = m[0];
    let endsSentence = false;
    if (word.endsWith('.')) {
      const bare = word.slice(0, -1);
      const keep =
        /^\p{Lu}$/u.test(bare) ||
        bare.includes('.') ||
        NON_TERMINAL_ABBREVIATIONS.has(bare.toLowerCase());
      if (!keep) {
        word = bare;
        endsSentence = true;
      }
    }
    // "Brackwater-based", "Ruritania-led": the place or body before the suffix is a name of its own.
    // Tested only on capitalized hyphenated words: the pattern is costly on every word of a corpus.
    const first = word[0] ?? '';
    const compound =
      word.includes('-') && first !== first.toLowerCase() ? COMPOUND_SUFFIX.exec(word) : null;
    const suffix = compound ? compound[1] : undefined;
    if (compound) word = word.slice(0, compound.index);
    let possessive = false;
    if (/['’]s$/.test(word)) {
      word = word.slice(0, -2);
      possessive = true;
    }
    const start = m.index;
    tokens.push(
      new WordToken(
        word,
        start,
        possessive,
        suffix,
        previousEnd >= 0 && isOneSpace(text, previousEnd, start) && !previousEndedSentence,
        sentenceStarts.has(start) || opensLine(text, start),
      ),
    );
    previousEnd = m.index + m[0].length;
    previousEndedSentence = endsSentence;
  }
  return tokens;
}

/** True when exactly one plain space lies between `from` and `to`. */
function isOneSpace(text: string, from: number, to: number): boolean {
  return to - from === 1 && text[from] === ' ';
}

/**
 * True when the word at `start` follows an opening quote mark or bracket (maybe
 * with a space between), or a live blog's time stamp at the start of a line
 * ("9:02 Newcomer …"): it opens a sentence though no full stop came before.
 * The characters are tested one by one: slicing the text before every word was
 * a large part of tokenizing.
 */
function opensLine(text: string, start: number): boolean {
  const before = text[start - 1] ?? '';
  if (OPENERS.has(before)) return true;
  if (/\s/.test(before) && OPENERS.has(text[start - 2] ?? '')) return true;
  return (
    /\d/.test(text[start - 2] ?? '') &&
    /(?:^|\n)[\d:.\s]*\d[\d:.\s]*$/.test(text.slice(Math.max(0, start - 12), start))
  );
}

/** Characters after which a word opens a sentence: quote marks and opening brackets. */
const OPENERS = new Set(['"', '“', '‘', '(', '[']);

/** Arabic and French particles joined to a capitalized name part: "al-Nouri", "d’Estaing". */
export const JOINED_PARTICLE = /^(?:al|el|ad|ar|as|at|an|az|ash|ul|d|l)[-'’]\p{Lu}/u;

/** True for a word that can be part of a name: capitalized, or a joined particle, and no weekday or month. */
export function isCapitalized(t: Token): boolean {
  const first = t.text[0] ?? '';
  const upper = first !== first.toLowerCase();
  // The particle test runs only on words with a mark after their first letters ("al-", "d’").
  const particle = !upper && /^\p{Ll}{1,3}[-'’]/u.test(t.text) && JOINED_PARTICLE.test(t.text);
  return (upper || particle) && !CALENDAR_WORDS.has(t.lower.replace(/\.$/, ''));
}

/** The word in lower case without its abbreviation period. */
export function bare(t: Token): string {
  return t.lower.replace(/\.$/, '');
}

/** A word that can be part of a title before a name: "Prime", "Minister", "Deputy", "Sen.". */
export function isTitleWord(t: Token): boolean {
  const b = bare(t);
  return (
    ROLE_HEADS.has(b) || ROLE_MODIFIERS.has(b) || TITLE_ABBREVIATIONS.has(b) || HONORIFICS.has(b)
  );
}

/** True for the title word that can directly precede a name ("Minister", "Sen.", "MPs", "Mr", "Tan Sri"). */
export function isTitleHead(t: Token, next?: Token): boolean {
  const b = bare(t);
  // Plural titles before a list of names: "Sens. Jane Roe and …", "MPs John Doe and …".
  const singular = b.replace(/s$/, '');
  return (
    ROLE_HEADS.has(b) ||
    // "Inspector-General", "Secretary-General": a hyphenated title with a role head in it.
    (b.includes('-') && b.split('-').some((part) => ROLE_HEADS.has(part))) ||
    TITLE_ABBREVIATIONS.has(b) ||
    (b.length > 2 &&
      (TITLE_ABBREVIATIONS.has(singular) ||
        ROLE_HEADS.has(singular) ||
        HONORIFICS.has(singular))) ||
    isHonorificWord(t.text, next?.text)
  );
}

/** Particles inside a name: "Khalid bin Ali", "Ludwig van Beethoven", "Charles de Gaulle". */
export const NAME_PARTICLES = new Set([
  'bin',
  'binti',
  'ibn',
  'van',
  'von',
  'der',
  'den',
  'de',
  'da',
  'del',
  'della',
  'di',
  'du',
  'la',
  'le',
  'al',
  'y',
  'dos',
  'das',
]);
