/**
 * Plain-text sources. Text copied out of a page, a wire feed or an OCR'd
 * archive separates paragraphs in one of two ways: a blank line, or a single
 * line break with one paragraph per line. Hard-wrapped copy breaks lines inside
 * a paragraph too, so each line break is judged on its own: it is a soft wrap
 * when the sentence plainly runs on (the next line starts in lower case, the
 * line ends on a hyphen, a comma or a word no sentence ends on, or the line is
 * as wide as the text's other wrapped lines), and a paragraph break otherwise.
 */
import { emptyParsed, takeTitleLine, tidyLine, type ParsedSource } from './parsed-source';
import { parseDate } from './dates';
import { leadingLabelLength } from './paragraph-lead';

/** A line that ends a sentence: terminal punctuation, then closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["”’'»)\]]*$/;
/** Abbreviations that end a line without ending its sentence ("… said Mr." / "Smith"). */
const ABBREVIATION_END =
  /(?:^|[\s(])(?:\p{Lu}|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|Hon|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$/u;
/**
 * Words a sentence does not end on: articles, prepositions, conjunctions, honorifics.
 * Case counts: "may" runs on, "May" the month can end a subhead.
 */
const RUNS_ON_WORD =
  /(?:^|\s)(?:a|an|the|and|or|but|nor|of|to|in|on|at|by|for|from|with|into|onto|over|under|about|after|before|between|against|as|than|that|which|who|whose|whom|is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|not|his|her|its|their|our|my|your|this|these|those|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|St)$/;
/** Punctuation that leaves a sentence open at the end of a line. */
const RUNS_ON_MARK = /[,;(“‘"\-–—/&]$/;
/**
 * The start of a new item, never a wrapped line's continuation: a live blog's
 * timestamp, a transcript's speaker, a dateline or a bullet.
 */
function startsItem(line: string): boolean {
  return leadingLabelLength(line) > 0 || /^[-*•·–—]\s/.test(line);
}
/** A leading metadata line some exports prepend: "date 2023-11-14 Headline …". */
const LEADING_DATE =
  /^(?:date|published|posted|updated)?\s*:?\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)\s*/i;
/** A word broken across lines by a hyphen ("govern-" / "ment"), as OCR and narrow columns leave it. */
const BROKEN_WORD = /\p{Ll}-$/u;

/** True when the line break after `line` cannot end a paragraph, whatever the next line holds. */
function runsOn(line: string): boolean {
  return RUNS_ON_MARK.test(line) || RUNS_ON_WORD.test(line) || ABBREVIATION_END.test(line);
}

function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line) && !ABBREVIATION_END.test(line);
}

/**
 * The width the text is hard-wrapped at, measured on the lines that are surely
 * wrapped (the next line continues them in lower case); null when fewer than
 * two such lines show that the text is wrapped at all.
 */
function wrapWidth(lines: readonly string[]): { low: number; high: number } | null {
  const widths: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!endsSentence(line) && /^\p{Ll}/u.test(lines[i + 1] ?? '')) widths.push(line.length);
  }
  if (widths.length < 2) return null;
  widths.sort((a, b) => a - b);
  const median = widths[widths.length >> 1] ?? 0;
  return { low: Math.floor(median * 0.8), high: (widths.at(-1) ?? median) + 10 };
}

/**
 * True when the break between `line` and `next` is a soft wrap inside a
 * paragraph. `first` marks the source's first line, which is a headline when
 * it ends without punctuation, so only a lower-case continuation joins it.
 */
function isSoftWrap(
  line: string,
  next: string,
  width: { low: number; high: number } | null,
  first: boolean,
): boolean {
  if (startsItem(next) || endsSentence(line)) return false;
  if (/^[\p{Ll},;:)\]]/u.test(next)) return true;
  if (first) return false;
  // "• Related: a headline" is one item; a capitalized line after it starts something else.
  if (/^[*•·]\s/.test(line) && !runsOn(line)) return false;
  if (runsOn(line)) return true;
  // A line as wide as the text's wrapped lines is wrapped too.
  if (width !== null && line.length >= width.low && line.length <= width.high) return true;
  // A shorter line without sentence punctuation is a heading, a label or a caption line,
  // unless it reads as running prose: most of its words in lower case, as headings' are not.
  return isRunningProse(line);
}

/**
 * One unfinished sentence, most of its words in lower case: not a name list, and not
 * a caption whose sentence ended before its credit. A subhead in sentence case
 * ("How the new rules affect renters") is shorter than ten words and has no comma;
 * a live-blog entry is never a subhead.
 */
function isRunningProse(line: string): boolean {
  if (/[.!?…]["”’')\]]*\s/.test(line)) return false;
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const lower = words.filter((w) => /^[(“‘"']?\p{Ll}/u.test(w)).length;
  const notSubhead = words.length >= 10 || line.includes(',') || startsItem(line);
  return words.length >= 6 && lower * 2 > words.length && notSubhead;
}

/**
 * Mends the spacing OCR leaves around punctuation ("the river , on the ground"):
 * a comma, semicolon or full stop belongs to the word before it.
 */
function mendSpacing(line: string): string {
  // Most lines have no space before a comma or stop: skip the costly lookbehind for them.
  if (!/\s[,;.]/.test(line)) return line;
  return line.replace(/(?<=[\p{L}\d])\s+([,;]|\.(?![.\d]))(?=\s|$)/gu, '$1');
}

/** Joins two lines of one paragraph, mending a word the line break hyphenated. */
function joinLines(line: string, next: string): string {
  if (BROKEN_WORD.test(line) && /^\p{Ll}/u.test(next)) return line.slice(0, -1) + next;
  return `${line} ${next}`;
}

/**
 * Splits plain text into paragraph blocks. Blank lines always separate
 * paragraphs; a single line break does unless it is a soft wrap.
 */
export function plainTextBlocks(text: string): string[] {
  const blocks: string[] = [];
  // Each chunk's lines are tidied once, for the wrap width and for the blocks.
  const chunks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((chunk) => chunk.split('\n').map(tidyLine));
  const width = wrapWidth(chunks.flat().filter((l) => l.length > 0));
  let firstLine = true;
  for (const chunk of chunks) {
    const lines = chunk.map(mendSpacing).filter((l) => l.length > 0);
    const column = wrappedColumn(lines);
    let current: string | null = null;
    let previous = '';
    for (const line of lines) {
      const soft =
        current !== null &&
        (column !== null && !(firstLine && !/^\p{Ll}/u.test(line))
          ? !startsItem(line) && !(endsSentence(previous) && previous.length < column * 0.75)
          : isSoftWrap(previous, line, width, firstLine));
      if (current !== null && soft) current = joinLines(current, line);
      else {
        if (current !== null) {
          blocks.push(current);
          firstLine = false;
        }
        current = line;
      }
      previous = line;
    }
    if (current !== null) {
      blocks.push(current);
      firstLine = false;
    }
  }
  return blocks;
}

/**
 * The width of a block of hard-wrapped lines (every line but the last at least 40
 * characters, none past 100, as wire copy and e-mail are wrapped), or null. In such a
 * block every line runs on except one that ends a sentence well short of the width.
 */
function wrappedColumn(lines: readonly string[]): number | null {
  if (lines.length < 2) return null;
  const widest = Math.max(...lines.map((l) => l.length));
  const average = lines.reduce((n, l) => n + l.length, 0) / lines.length;
  const wrapped = widest <= 100 && average >= 50 && lines.slice(0, -1).every((l) => l.length >= 40);
  return wrapped ? widest : null;
}

/**
 * Reads a .txt source: the first line is the title line ("Headline | Publisher")
 * when it ends without sentence punctuation; a leading "date 2023-11-14" is the
 * publication date rather than part of the headline.
 */
export function parsePlainText(content: string): ParsedSource {
  const parsed = emptyParsed();
  const blocks = plainTextBlocks(content);
  let first = blocks[0];
  const date = first === undefined ? null : LEADING_DATE.exec(first);
  if (first !== undefined && date && date[1]) {
    parsed.published = parseDate(date[1]);
    first = first.slice(date[0].length);
    if (first) blocks[0] = first;
    else blocks.shift();
  }
  return takeTitleLine(parsed, blocks);
}
