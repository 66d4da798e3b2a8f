/**
 * Boilerplate removal: what a news page wraps around the article. Site chrome
 * is recognised by its shape (short labels without sentence punctuation, date
 * and byline lines, contact/copyright footers, photo credits after captions),
 * never by a particular site's wording, so it works on pages we have not seen.
 */
import { canonicalizeChars } from '@/lib/match/normalize';
import { findDate } from './dates';
import { splitNames } from './html';
import { leadingLabelLength } from './paragraph-lead';

/** What survives: the body paragraphs, plus metadata read off the chrome. */
export interface CleanedBlocks {
  body: string[];
  published: string | null;
  byline: string[];
  /** The byline line as written ("By Jane Doe"), when the byline came from the text. */
  bylineLine: string | null;
  /** Photo credits as written ("AFP/Jane Doe", "Kestrel Press"), taken off captions and lines of their own. */
  credits: string[];
}

const BYLINE =
  /^(?:by|reporters?|authors?|written by|words by|story by|posted by)\s*[:\-–—]?\s+(.+)$/i;
const FOOTER_MARKER =
  /^(?:contact\b|copyright\b|©|\(c\)|all rights reserved|tel\b|tel\.|phone\b|fax\b|e-?mail\b|follow us|subscribe|sign up|share this|read more|advertisement|related\b|more from)/i;
const CONTACT_DETAIL =
  /[\w.+-]+@[\w-]+\.[\w.]+|\[email[^\]]*protected\]|©|\+\d{1,3}[\s\d-]{7,}|^'?#\d+|\bp\.?\s?o\.? box\b/i;
/** A credit after a caption's last sentence: "… city governor. Facebook", "… Monday. AFP/Jane Doe". */
/** The label a credit opens with, capitalized or not: "Photo", "Photographs", "Picture", "Image". */
const PHOTO_LABEL = String.raw`(?:[Pp]hoto(?:graph)?s?|[Pp]icture|[Ii]mage)`;
/** Group 1 is the label when there is one, group 2 the credit. */
const TRAILING_CREDIT = new RegExp(
  String.raw`(?<=[.!?)”"])\s+(${PHOTO_LABEL}(?:\s+by)?:?\s*)?((?:[\p{Lu}][\p{L}'’.-]*|\/)(?:\s*(?:[\p{Lu}][\p{L}'’.-]*|\/|&|for))*)$`,
  'u',
);
/** "… in the hall. Photo: Kestrel Press.": a labelled credit whose own full stop ends the caption. */
const TRAILING_LABELLED_CREDIT = new RegExp(
  String.raw`(?<=[.!?”"])\s+${PHOTO_LABEL}(?:\s+(?:by|credit))?\s*:\s*([^.!?]{1,60}?)\.$`,
  'u',
);
const PAREN_CREDIT = /\s*\((?:photo|photograph|picture|image|credit)[^)]*\)\s*$/i;
/** A credit of agencies and photographers in brackets after a caption: "… on Monday. (AFP / Kestrel Press)". */
const PAREN_SLASH_CREDIT =
  /(?<=[.!?”"])\s*\(((?:[\p{Lu}][\p{L}'’.-]*\s*)+(?:\/\s*(?:[\p{Lu}][\p{L}'’.-]*\s*)+)+)\)\s*$/u;
/** A line that is only a credit: "Photo: Jane Doe/AFP.", "Image credit: Kestrel Press". */
const CREDIT_LINE =
  /^(?:photo(?:graph)?s?|picture|image|credits?)(?:\s+(?:by|credit))?\s*:\s*([^.!?]{1,80}?)\.?$/i;
/** A block's last character when a sentence ends there; quotes may be straight single ones (British style). */
const TERMINAL = /[.!?:"”’')\]]$/;
/** A teaser cut short with a link to the rest: "… the season opens...more", "… the vote… Read more". */
const CUT_SHORT = /\s*(?:\.{3}|…)\s*(?:read\s+)?more\s*$/i;

/** The number of words with a letter in them: whitespace-separated runs, not figures or marks alone. */
function words(text: string): number {
  // One pass of one pattern, without splitting the block into an array of words first.
  // A global pattern's test() goes on from lastIndex, and resets it to 0 when it finds no more.
  WORD_WITH_LETTER.lastIndex = 0;
  let count = 0;
  while (WORD_WITH_LETTER.test(text)) count++;
  return count;
}

/**
 * A run of non-space characters with a letter in it, from its start to its first
 * letter: the run cannot cross a space, so each run is found once.
 */
const WORD_WITH_LETTER = /(?:^|\s)[^\s\p{L}]*\p{L}/gu;

/** A paragraph of running prose: enough words and sentence punctuation at the end. */
export function isProse(block: string): boolean {
  return words(block) >= 8 && TERMINAL.test(block) && /[.!?]/.test(block);
}

/**
 * A short line of a transcript or live blog ("Q: When?", "10:42 Polls close.") is
 * an item of the story, not a label: its speaker or timestamp says so.
 */
function isLabelledLine(block: string): boolean {
  return leadingLabelLength(block) > 0 && words(block) >= 2 && /[.!?]["”’')]?$/.test(block);
}

/** `block` up to the end of its last finished sentence, or the whole block when none ends inside it. */
function finishedPart(block: string): string {
  let end = 0;
  for (const m of block.matchAll(/[.!?]["”’')]*(?=\s+["“‘'(]?\p{Lu})/gu))
    end = m.index + m[0].length;
  return end > 0 ? block.slice(0, end) : block;
}

/**
 * A source cut off mid-sentence keeps that sentence's words but its last one,
 * which may be cut mid-word ("… before the harbour pil"): the names before the
 * cut are the article's too. It is closed with a period so later stages read it as a sentence.
 */
function withoutCutWord(block: string): string {
  const kept = block.replace(/[\s,;:—–-]*\S*$/u, '');
  return kept.length > 0 ? `${kept}.` : block;
}

/** The form two blocks are compared in: lower case, runs of anything but letters and digits one space. */
function sameText(a: string): string {
  // Without letters or digits beyond ASCII, the letters and digits are a-z and 0-9 once
  // lowercased, and the Unicode pattern costs several times more: most blocks qualify.
  if (ASCII_LETTERS_ONLY.test(a))
    return a
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return canonicalizeChars(a)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Printable ASCII, tabs and line breaks, and the General Punctuation block (curly
 * quotes, dashes, ellipsis, odd spaces), which holds no letter or digit.
 */
const ASCII_LETTERS_ONLY = /^[ -~\t\n\u2000-\u206f]*$/;

/** Removes a photo credit after a caption; returns the block unchanged when there is none. */
export function stripCredit(block: string): string {
  return splitCredit(block).text;
}

/**
 * A caption without its photo credit, and the credit as written ("AFP/Jane Doe"),
 * or null when the block has none (or a bracketed one that names no one).
 */
export function splitCredit(block: string): { text: string; credit: string | null } {
  const paren = block.replace(PAREN_CREDIT, '');
  if (paren !== block) return { text: paren, credit: null };
  const slashed = PAREN_SLASH_CREDIT.exec(block);
  if (slashed?.[1] && words(slashed[1]) <= 8)
    return { text: block.slice(0, slashed.index).trimEnd(), credit: slashed[1].trim() };
  const labelled = TRAILING_LABELLED_CREDIT.exec(block);
  if (labelled?.[1] && words(labelled[1]) <= 6)
    return { text: block.slice(0, labelled.index).trimEnd(), credit: labelled[1].trim() };
  const m = TRAILING_CREDIT.exec(block);
  const credit = m?.[2];
  if (!m || !credit) return { text: block, credit: null };
  const tokens = credit.split(/\s+/).filter(Boolean);
  // A credit is a name or agency of at most four words with no sentence of its own.
  if (tokens.length > 4 || TERMINAL.test(credit)) return { text: block, credit: null };
  // Only a label or "AGENCY/Photographer" says for sure it is a credit; a lone word after the
  // last sentence may be the start of one the source cut off ("… on Monday. Shortly").
  const sure = m[1] !== undefined || credit.includes('/');
  return { text: block.slice(0, m.index).trimEnd(), credit: sure ? credit.trim() : null };
}

/** Head words of an agency's name in a credit ("Kestrel Images", "Brackwater Press"). */
const AGENCY_HEADS = /\b(?:Press|Images|Photos?|Pictures|Pool|News|Agency|Media|Service)\b/;

/**
 * The agencies a photo credit names ("AFP/Jane Doe" → ["AFP"]): each part
 * between slashes, less the photographers, whose names are two to four
 * capitalized words with no initials in capitals and no agency head word.
 */
export function creditAgencies(credit: string): string[] {
  return credit
    .split(/\s*[/;]\s*/)
    .map((part) => part.trim())
    .filter((part) => {
      const words = part.split(/\s+/).filter(Boolean);
      if (words.length === 0) return false;
      if (words.length === 1 || AGENCY_HEADS.test(part)) return true;
      return words.some((w) => /^\p{Lu}{2,}$/u.test(w));
    });
}

/**
 * True when every block after `index` is short. Walks in place rather than
 * slicing: a long source has a footer marker per repeated section, and a copy
 * of the rest at each made a 10 MB file take minutes.
 */
function onlyShortBlocksAfter(blocks: readonly string[], index: number): boolean {
  for (let i = index + 1; i < blocks.length; i++) if (words(blocks[i] ?? '') >= 25) return false;
  return true;
}

/**
 * Drops chrome from the blocks of a source and reads the byline and
 * publication date off it. `titles` are the headline forms to drop when repeated.
 */
export function removeBoilerplate(blocks: string[], titles: string[]): CleanedBlocks {
  const result: CleanedBlocks = {
    body: [],
    published: null,
    byline: [],
    bylineLine: null,
    credits: [],
  };
  const titleKeys = new Set(titles.filter(Boolean).map(sameText));
  // Only a block about a title's length can repeat it: most paragraphs skip the comparison.
  const longestTitle = Math.max(0, ...titles.map((t) => t.length));
  const seen = new Set<string>();
  let bodyStarted = false;
  for (let i = 0; i < blocks.length; i++) {
    const block = (blocks[i] ?? '').trim();
    if (!block) continue;
    if (block.length <= longestTitle * 2 + 20 && titleKeys.has(sameText(block))) continue;
    const byline = BYLINE.exec(block);
    if (byline && byline[1] && words(byline[1]) <= 10 && !/[.!?]$/.test(byline[1])) {
      if (result.byline.length === 0) {
        result.byline = splitNames(byline[1]).filter((n) => /^\p{Lu}/u.test(n));
        result.bylineLine = block;
      }
      continue;
    }
    const date = findDate(block);
    if (date && words(block.replace(date.matched, '')) <= 5 && !isProse(block)) {
      result.published ??= date.iso;
      continue;
    }
    if (FOOTER_MARKER.test(block) || (CONTACT_DETAIL.test(block) && words(block) < 25)) {
      // Everything after a footer marker is footer while it stays short.
      if (bodyStarted && onlyShortBlocksAfter(blocks, i)) break;
      continue;
    }
    const creditLine = CREDIT_LINE.exec(block);
    if (creditLine?.[1] && words(creditLine[1]) <= 6) {
      result.credits.push(creditLine[1].trim());
      continue;
    }
    const split = splitCredit(block);
    if (split.credit) result.credits.push(split.credit);
    let text = split.text;
    // A caption or teaser cut off with "...more" keeps its finished sentences.
    if (CUT_SHORT.test(text)) {
      text = text.replace(CUT_SHORT, '');
      if (!TERMINAL.test(text)) text = finishedPart(text);
    }
    // A source cut off mid-sentence (a saved excerpt, a paywall) keeps its last
    // paragraph's finished sentences; so does a long one that is all the source has
    // (a Markdown file with one paragraph per line reads as a single block).
    const last = i === blocks.length - 1;
    if (last && (bodyStarted || words(text) >= 25) && !TERMINAL.test(text))
      text = withoutCutWord(text);
    if (!isProse(text) && !isLabelledLine(text)) {
      // Kickers, section labels and headline repeats before the story; subheads and
      // labels ("More Topic") inside it. Short lines without sentence punctuation.
      if (!bodyStarted || words(text) < 8 || !TERMINAL.test(text)) continue;
    }
    bodyStarted = true;
    // A caption repeated under the photo and in the story counts once; captions are short, so a
    // long paragraph is compared as written, without the fold.
    const key = text.length <= 400 ? sameText(text) : text;
    if (seen.has(key)) continue;
    seen.add(key);
    result.body.push(text);
  }
  return result;
}
