/**
 * The sentence around a fact's span, for the card's "Source" disclosure.
 *
 * The bundle stores spans, not sentences (the text is already in the document,
 * so storing it again would double the bundle). Deriving it at read time costs
 * one paragraph's worth of work: find the paragraph that holds the span, split
 * only that paragraph into sentences with the extractor's own splitter (so the
 * card shows the sentence the fact was read from, with the same rules for "Mr."
 * and ". . ."), and keep the sentences the span touches.
 */
import { splitSentences } from '@/lib/extract/sentences';
import type { SourceExcerpt } from '@/lib/model/profile';

/** Paragraphs in {@link SourceDocument.text} are joined by a blank line. */
const PARAGRAPH_BREAK = '\n\n';

/**
 * Longest excerpt the card shows. A "sentence" longer than this is usually a
 * run-on paragraph the splitter could not cut (a list, a table row), and the
 * card is small, so it is trimmed to a window around the span.
 */
export const MAX_EXCERPT_LENGTH = 480;

/**
 * The sentence (or sentences) of `text` that hold `[start, end)`, trimmed to
 * {@link MAX_EXCERPT_LENGTH} around the span. Null when the span does not lie
 * inside the text (a bundle/document mismatch the caller should report, not hide).
 */
export function sentenceAroundSpan(
  text: string,
  start: number,
  end: number,
  maxLength: number = MAX_EXCERPT_LENGTH,
): SourceExcerpt | null {
  if (!(start >= 0 && end >= start && end <= text.length)) return null;
  const paraStart = paragraphStart(text, start);
  const paraEnd = paragraphEnd(text, end);
  const sentences = splitSentences(text, [{ start: paraStart, end: paraEnd, header: false }]);
  // The first and last sentences the span touches; a span across a boundary keeps both.
  const touching = sentences.filter((s) => s.end > start && s.start < Math.max(end, start + 1));
  const from = Math.min(touching[0]?.start ?? paraStart, start);
  const to = Math.max(touching.at(-1)?.end ?? paraEnd, end);
  return trimAround(text, from, to, start, end, maxLength);
}

/**
 * `text[from, to)` (a span the bundle already records as the context, like a
 * quote's sentence) with `[start, end)` highlighted, trimmed like
 * {@link sentenceAroundSpan}. Null when the spans do not fit the text or the
 * highlight is not inside the context.
 */
export function excerptBetween(
  text: string,
  from: number,
  to: number,
  start: number,
  end: number,
  maxLength: number = MAX_EXCERPT_LENGTH,
): SourceExcerpt | null {
  const fits = 0 <= from && from <= start && start <= end && end <= to && to <= text.length;
  return fits ? trimAround(text, from, to, start, end, maxLength) : null;
}

function paragraphStart(text: string, offset: number): number {
  const br = text.lastIndexOf(PARAGRAPH_BREAK, Math.max(0, offset - 1));
  return br === -1 || br + PARAGRAPH_BREAK.length > offset ? 0 : br + PARAGRAPH_BREAK.length;
}

function paragraphEnd(text: string, offset: number): number {
  const br = text.indexOf(PARAGRAPH_BREAK, offset);
  return br === -1 ? text.length : br;
}

/** `text[from, to)` with the span marked, cut to `maxLength` around the span at word boundaries. */
function trimAround(
  text: string,
  from: number,
  to: number,
  start: number,
  end: number,
  maxLength: number,
): SourceExcerpt {
  if (to - from <= maxLength) {
    return {
      text: text.slice(from, to),
      highlight: { start: start - from, end: end - from },
    };
  }
  // Share the room either side of the span; a span longer than the room is kept whole.
  const room = Math.max(0, maxLength - (end - start));
  let cutFrom = Math.max(from, start - Math.floor(room / 2));
  // Room the start side could not use (the sentence began nearer) goes to the end side, and back.
  let cutTo = Math.min(to, cutFrom + Math.max(maxLength, end - cutFrom));
  cutFrom = Math.max(from, Math.min(cutFrom, cutTo - maxLength));
  cutFrom = wordStart(text, cutFrom, from, start);
  cutTo = wordEnd(text, cutTo, to, end);
  const head = cutFrom > from ? '… ' : '';
  const tail = cutTo < to ? ' …' : '';
  return {
    text: head + text.slice(cutFrom, cutTo).trim() + tail,
    highlight: {
      start: head.length + start - cutFrom - leadingSpace(text, cutFrom, start),
      end: head.length + end - cutFrom - leadingSpace(text, cutFrom, start),
    },
  };
}

/** Moves a cut start forward to the next word start, never past the span. */
function wordStart(text: string, offset: number, min: number, limit: number): number {
  if (offset <= min) return min;
  let i = offset;
  while (i < limit && !/\s/.test(text[i - 1] ?? ' ')) i++;
  return i;
}

/** Moves a cut end back to the previous word end, never before the span. */
function wordEnd(text: string, offset: number, max: number, limit: number): number {
  if (offset >= max) return max;
  let i = offset;
  while (i > limit && !/\s/.test(text[i] ?? ' ')) i--;
  return i;
}

/** Whitespace `trim()` removed from the front of the cut, which shifts the highlight. */
function leadingSpace(text: string, cutFrom: number, start: number): number {
  let n = 0;
  while (cutFrom + n < start && /\s/.test(text[cutFrom + n] ?? '')) n++;
  return n;
}
