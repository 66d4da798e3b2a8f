/**
 * The word tokenizer under candidate extraction. Hand-written rather than one
 * Unicode RegExp because it runs over every character of every page: the
 * RegExp (with `\p{…}` classes) and its match objects cost three times the rest
 * of the scan. ASCII is classified from a table; other characters by Unicode
 * property, cached per code point.
 *
 * A token is either a dotted acronym ("U.S.", not directly followed by a letter)
 * or a run of letters, marks and digits starting with a letter or digit, with
 * inner apostrophes ("O'Brien") but never a possessive "'s", which stays outside
 * so "CNRP's" yields "CNRP". Input must already be canonicalized (apostrophe
 * look-alikes turned into "'").
 */

/** Can start a word: a letter or a digit. */
const START = 1;
/** Can continue a word: a letter, a digit or a combining mark. */
const PART = 2;
/** An upper-case letter (for dotted acronyms). */
const UPPER = 4;
/** Upper- or title-case: the word is capitalized. */
const CAPITAL = 8;

const ASCII = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  if (/[A-Z]/.test(char)) ASCII[code] = START | PART | UPPER | CAPITAL;
  else if (/[a-z0-9]/.test(char)) ASCII[code] = START | PART;
}

const cache = new Map<number, number>();

function classify(codePoint: number): number {
  if (codePoint < 128) return ASCII[codePoint]!;
  let flags = cache.get(codePoint);
  if (flags === undefined) {
    const char = String.fromCodePoint(codePoint);
    flags = 0;
    if (/[\p{L}\p{N}]/u.test(char)) flags |= START | PART;
    if (/\p{M}/u.test(char)) flags |= PART;
    if (/\p{Lu}/u.test(char)) flags |= UPPER | CAPITAL;
    if (/\p{Lt}/u.test(char)) flags |= CAPITAL;
    cache.set(codePoint, flags);
  }
  return flags;
}

/**
 * The endings of web addresses that name outlets ("Vexlow.org"), as a pattern's
 * alternatives: the page's tokenizer and extraction's (lib/extract) keep them in the name.
 */
export const WEB_ENDINGS = 'com|org|net|news|io|info';

/** A web ending where it is tried (lastIndex), with no letter after it. */
const WEB_ENDING_AT = new RegExp(`(?:${WEB_ENDINGS})(?![\\p{L}\\p{N}\\p{M}])`, 'uy');

const APOSTROPHE = 0x27;
const DOT = 0x2e;

/** Walks the tokens of a string; after `next()` returns true, `start`/`end` delimit the token. */
export class Tokenizer {
  start = 0;
  end = 0;
  /** True when the token starts with an upper- or title-case letter. */
  capitalized = false;
  private position = 0;

  constructor(private readonly text: string) {}

  /** Flags of the code point at `index` (0 past the end). */
  private flagsAt(index: number): number {
    const codePoint = this.text.codePointAt(index);
    return codePoint === undefined ? 0 : classify(codePoint);
  }

  private widthAt(index: number): number {
    return (this.text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  }

  /** Advances to the next token; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    let i = this.position;
    while (i < text.length && (this.flagsAt(i) & START) === 0) i += this.widthAt(i);
    if (i >= text.length) return false;
    const flags = this.flagsAt(i);
    this.start = i;
    this.capitalized = (flags & CAPITAL) !== 0;
    this.end = (flags & UPPER) !== 0 ? this.dottedAcronymEnd(i) : -1;
    if (this.end < 0) this.end = this.wordEnd(i);
    this.position = this.end;
    return true;
  }

  /** End of "U.S." starting at `i`, or -1 when there is none (then it is read as a word). */
  private dottedAcronymEnd(i: number): number {
    const text = this.text;
    const ends: number[] = [];
    let j = i + this.widthAt(i);
    while (text.charCodeAt(j) === DOT && (this.flagsAt(j + 1) & UPPER) !== 0) {
      j += 1 + this.widthAt(j + 1);
      ends.push(j);
    }
    // Longest first, like the regex it replaces: an optional final dot, never followed by a letter.
    for (let k = ends.length - 1; k >= 0; k--) {
      const end = ends[k]!;
      if (
        k === ends.length - 1 &&
        text.charCodeAt(end) === DOT &&
        (this.flagsAt(end + 1) & PART) === 0
      )
        return end + 1;
      if ((this.flagsAt(end) & PART) === 0) return end;
    }
    return -1;
  }

  private wordEnd(i: number): number {
    const text = this.text;
    let j = this.skipWordChars(i);
    // Inner apostrophes ("O'Brien"), but a possessive "'s" ends the word.
    while (text.charCodeAt(j) === APOSTROPHE && (this.flagsAt(j + 1) & PART) !== 0) {
      const after = text.charCodeAt(j + 1);
      if ((after === 0x73 || after === 0x53) && (this.flagsAt(j + 2) & PART) === 0) break;
      j = this.skipWordChars(j + 1);
    }
    // A web address's ending belongs to the name ("Vexlow.org"), as extraction reads it.
    // Most full stops end a sentence, a space after them: only a lowercase letter is tried.
    const after = text.charCodeAt(j + 1);
    if (text.charCodeAt(j) === DOT && after >= 0x61 && after <= 0x7a) {
      WEB_ENDING_AT.lastIndex = j + 1;
      const ending = WEB_ENDING_AT.exec(text);
      if (ending) return j + 1 + ending[0].length;
    }
    return j;
  }

  private skipWordChars(i: number): number {
    let j = i;
    while (j < this.text.length && (this.flagsAt(j) & PART) !== 0) j += this.widthAt(j);
    return j;
  }
}
