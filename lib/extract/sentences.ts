/**
 * Sentence boundaries with offsets into `document.text`. A period ends a
 * sentence only when the next word starts one; the abbreviations of news
 * style ("Mr.", "Sen.", "Jan.", "U.S.", initials like "J.") do not.
 */
import { NON_TERMINAL_ABBREVIATIONS, STOP_WORDS } from './lexicon';
import type { Paragraph } from './document';
import { leadingLabelLength } from './paragraph-lead';

/** A sentence: a span of `document.text` inside one paragraph. */
export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

/** True when the period ending `word` belongs to an abbreviation rather than ending a sentence. */
function isAbbreviation(word: string, nextWord: string): boolean {
  const bare = word.replace(/^[("“‘'[]+/, '').replace(/\.$/, '');
  if (/^\p{Lu}$/u.test(bare)) return true; // an initial: "J. Smith"
  if (NON_TERMINAL_ABBREVIATIONS.has(bare.toLowerCase())) return true;
  // "U.S." ends a sentence only when a common sentence opener follows it.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare)) return STOP_WORDS.has(nextWord.toLowerCase()) === false;
  return false;
}

/** Splits every paragraph of `text` into sentences. */
export function splitSentences(text: string, paragraphs: Paragraph[]): Sentence[] {
  const sentences: Sentence[] = [];
  paragraphs.forEach((p, index) => {
    const para = text.slice(p.start, p.end);
    // Candidate ends: terminal punctuation, closing quotes/brackets, then space and a capital or opening quote.
    const boundary = /[.!?]+["”’')\]]*(?=\s+["“‘([]?[\p{Lu}\d])/gu;
    let from = 0;
    // A timestamp, speaker label or dateline is a sentence of its own, so the word after it opens one.
    const label = p.header ? 0 : leadingLabelLength(para);
    if (label > 0) {
      sentences.push({
        start: p.start,
        end: p.start + para.slice(0, label).trimEnd().length,
        paragraph: index,
      });
      from = label;
      boundary.lastIndex = label;
    }
    for (let m = boundary.exec(para); m; m = boundary.exec(para)) {
      const end = m.index + m[0].length;
      const before =
        para
          .slice(from, m.index + 1)
          .split(/\s+/)
          .pop() ?? '';
      const after = /^\s+["“‘([]?([\p{L}\d]+)/u.exec(para.slice(end))?.[1] ?? '';
      if (m[0].startsWith('.') && m[0].length === 1 && isAbbreviation(before, after)) continue;
      // ". . ." inside a quote is an ellipsis, not an end.
      if (/\.\s\.\s?$/.test(para.slice(Math.max(0, m.index - 4), m.index + 1))) continue;
      const start = from + (para.slice(from).length - para.slice(from).trimStart().length);
      if (end > start)
        sentences.push({ start: p.start + start, end: p.start + end, paragraph: index });
      from = end;
    }
    const start = from + (para.slice(from).length - para.slice(from).trimStart().length);
    if (start < para.length)
      sentences.push({ start: p.start + start, end: p.end, paragraph: index });
  });
  return sentences;
}

/** The sentence containing `offset`, by binary search over sorted sentences. */
export function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (!s) break;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
