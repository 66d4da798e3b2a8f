/**
 * Describing a selection so it can be found again: the W3C Web Annotation
 * TextQuoteSelector (the words, with some context either side) and
 * TextPositionSelector (where they were), the two selectors Hypothesis and
 * other annotation servers understand.
 */
import type { SelectionExcerpt, SelectionQuote } from '@/lib/model/page-state';
import type { TextPositionSelector, TextQuoteSelector } from '@/lib/model/records';
import { isBlank } from './normalize';

/** How much context is kept either side of a quote, in characters after whitespace is collapsed. */
export const CONTEXT_LENGTH = 32;

/** Context is cut back to a word boundary only if at least this much of it remains. */
const MIN_TRIMMED_CONTEXT = 16;

/** A quote described for saving. */
export interface QuoteDescription {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Collapses whitespace runs to one space: how a page's text reads, whatever its markup's indentation. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The last `length` collapsed characters before `end` (reading further back across whitespace runs). */
function collapsedBefore(text: string, end: number, length: number): string {
  let window = length * 4;
  for (;;) {
    const from = Math.max(0, end - window);
    const collapsed = collapse(text.slice(from, end));
    if (collapsed.length > length || from === 0) return collapsed;
    window *= 2;
  }
}

/** The first `length` collapsed characters from `start` on. */
function collapsedAfter(text: string, start: number, length: number): string {
  let window = length * 4;
  for (;;) {
    const to = Math.min(text.length, start + window);
    const collapsed = collapse(text.slice(start, to));
    if (collapsed.length > length || to === text.length) return collapsed;
    window *= 2;
  }
}

/**
 * The prefix: up to {@link CONTEXT_LENGTH} characters ending at the quote. When
 * the cut falls inside a word, the broken word is dropped (a whole-word prefix
 * reads better in an export and matches as well) — unless that leaves too
 * little, as in Chinese or Khmer, written without spaces, where it is kept.
 */
function prefixOf(text: string, start: number): string {
  const collapsed = collapsedBefore(text, start, CONTEXT_LENGTH);
  if (collapsed.length <= CONTEXT_LENGTH) return collapsed;
  const prefix = collapsed.slice(-CONTEXT_LENGTH);
  const cutInWord =
    WORD_CHAR.test(collapsed[collapsed.length - CONTEXT_LENGTH - 1] ?? '') &&
    WORD_CHAR.test(prefix[0] ?? '');
  if (!cutInWord) return prefix;
  const space = prefix.indexOf(' ');
  return space >= 0 && prefix.length - space - 1 >= MIN_TRIMMED_CONTEXT
    ? prefix.slice(space + 1)
    : prefix;
}

/** The suffix: up to {@link CONTEXT_LENGTH} characters from the quote's end, cut like {@link prefixOf}. */
function suffixOf(text: string, end: number): string {
  const collapsed = collapsedAfter(text, end, CONTEXT_LENGTH);
  if (collapsed.length <= CONTEXT_LENGTH) return collapsed;
  const suffix = collapsed.slice(0, CONTEXT_LENGTH);
  const cutInWord =
    WORD_CHAR.test(collapsed[CONTEXT_LENGTH] ?? '') && WORD_CHAR.test(suffix.at(-1) ?? '');
  if (!cutInWord) return suffix;
  const space = suffix.lastIndexOf(' ');
  return space >= MIN_TRIMMED_CONTEXT ? suffix.slice(0, space) : suffix;
}

/**
 * Describes the text [start, end) of `pageText` (a {@link TextIndex}'s text)
 * as selectors to save. Whitespace at the edges of the selection (a
 * double-click often takes the trailing space) is left out, so the position
 * can be narrower than asked; whitespace runs in the quote and its context are
 * collapsed to one space. A selection of only whitespace gives an empty
 * `exact`, which the store refuses with a message for the reader.
 *
 * Throws a RangeError when the offsets are not within the text.
 */
export function describeQuote(pageText: string, start: number, end: number): QuoteDescription {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Bad quote offsets [${start}, ${end})`);
  }
  if (end > pageText.length) {
    throw new RangeError(`Quote end ${end} is past the page text (${pageText.length})`);
  }
  while (start < end && isBlank(pageText[start] as string)) start++;
  while (end > start && isBlank(pageText[end - 1] as string)) end--;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: collapse(pageText.slice(start, end)),
      prefix: prefixOf(pageText, start),
      suffix: suffixOf(pageText, end),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/**
 * The selectors of a reported selection: lib/anchor's `describeQuote` on the
 * excerpt, positions moved back to page-text offsets. Null when only
 * whitespace was selected.
 */
export function describeExcerpt(selection: SelectionExcerpt): SelectionQuote | null {
  const { text, offset, start, end, entities } = selection;
  const { quote, position } = describeQuote(text, start - offset, end - offset);
  if (quote.exact === '') return null;
  return {
    quote,
    position: { ...position, start: position.start + offset, end: position.end + offset },
    entities,
  };
}
