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
}

const BYLINE =
  /^(?:by|reporters?|authors?|written by|words by|story by|posted by)\s*[:\-–—]?\s+(.+)$/i;
const FOOTER_MARKER =
  /^(?:contact\b|copyright\b|©|\(c\)|all rights reserved|tel\b|tel\.|phone\b|fax\b|e-?mail\b|follow us|subscribe|sign up|share this|read more|advertisement|related\b|more from)/i;
const CONTACT_DETAIL =
  /[\w.+-]+@[\w-]+\.[\w.]+|\[email[^\]]*protected\]|©|\+\d{1,3}[\s\d-]{7,}|^'?#\d+|\bp\.?\s?o\.? box\b/i;
/** A credit after a caption's last sentence: "… city governor. Facebook", "… Monday. AFP/Jane Doe". */
const TRAILING_CREDIT =
  /(?<=[.!?)”"])\s+(?:(?:[Pp]hoto(?:graph)?s?|[Pp]icture|[Ii]mage)(?:\s+by)?:?\s*)?((?:[\p{Lu}][\p{L}'’.-]*|\/)(?:\s*(?:[\p{Lu}][\p{L}'’.-]*|\/|&|for))*)$/u;
const PAREN_CREDIT = /\s*\((?:photo|photograph|picture|image|credit)[^)]*\)\s*$/i;
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
  const paren = block.replace(PAREN_CREDIT, '');
  if (paren !== block) return paren;
  const m = TRAILING_CREDIT.exec(block);
  if (!m || !m[1]) return block;
  const tokens = m[1].split(/\s+/).filter(Boolean);
  // A credit is a name or agency of at most four words with no sentence of its own.
  if (tokens.length > 4 || TERMINAL.test(m[1])) return block;
  return block.slice(0, m.index).trimEnd();
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
  const result: CleanedBlocks = { body: [], published: null, byline: [], bylineLine: null };
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
    let text = stripCredit(block);
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
