/**
 * Shortens page text on its way from the content script to the background
 * without changing which names the background finds in it.
 *
 * Why: sending text through `runtime.sendMessage` costs the page's main thread
 * about a tenth of a millisecond per thousand characters (the message is
 * serialized there), which made it the largest part of marking a long page.
 * Most of a news page is lower-case prose, where no name can be. So each
 * stretch of lower-case words that holds at least one word other than a
 * connector ("of", "de", …; see connectors.ts) is sent as its length only, and
 * the background puts back a filler of that length. Offsets stay those of the
 * page's text, so the content script needs no map.
 *
 * Why the names found are the same (test/lib/match/page-text-codec.test.ts
 * checks it on random text): a dropped stretch starts after white space and
 * ends before white space, punctuation or the end, so no word crosses its
 * edges. Inside it, a word that is not a connector ends any name being
 * read (candidates.ts flushes on a lower-case non-connector), and connectors
 * after it cannot start one. The filler is DEL characters, which are neither letters nor spaces, so
 * no name is read across them either, as across that word. A page's own DEL
 * characters become U+001F, which the matcher treats alike, so a filler is
 * never confused with the page's text.
 */
import { CONNECTORS } from './connectors';

/** Marks a dropped stretch (`FILL + length in base 36 + FILL`) and, repeated, the filler put back. */
const FILL = '\u007f';
/** What a page's own DEL characters are sent as: like DEL, neither letter nor space. */
const STAND_IN = '\u001f';
/**
 * Lower-case ASCII words separated by spaces and light punctuation, after white
 * space or an opening double quote or bracket, and before white space, a closing
 * one, a sentence's punctuation or the end: characters that are never part of a
 * word, and that the matcher changes into nothing else (unlike single quotes).
 */
const LOWER_STRETCH = /(?<=[\s“"(])[a-z]+(?:[ ,;:]+[a-z]+)*(?=[\s”").,;:!?]|$)/g;
/** A lower-case word that is not a connector: whatever name was being read ends at it. */
const NAME_BREAKER = new RegExp(`\\b(?!(?:${[...CONNECTORS].join('|')})\\b)[a-z]`);
/** Shorter stretches are sent as they are: their marker would save little. */
const MIN_DROPPED = 6;
const MARKER = /\u007f([0-9a-z]+)\u007f/g;

/** `text` as sent to the background: lower-case prose replaced by its length. */
export function compactPageText(text: string): string {
  const own = text.includes(FILL) ? text.replaceAll(FILL, STAND_IN) : text;
  return own.replace(LOWER_STRETCH, (stretch) =>
    stretch.length >= MIN_DROPPED && NAME_BREAKER.test(stretch)
      ? FILL + stretch.length.toString(36) + FILL
      : stretch,
  );
}

/**
 * The texts the background matches: each of `compacted` with its dropped
 * stretches put back as filler of their length, so offsets are those of the
 * page's text. Throws a RangeError naming the limit when they would hold more
 * than `maxChars` characters in all (a marker could otherwise ask for any length).
 */
export function expandPageTexts(compacted: readonly string[], maxChars: number): string[] {
  let chars = 0;
  for (const text of compacted) chars += text.length;
  return compacted.map((text) =>
    text.replace(MARKER, (marker, digits: string) => {
      const length = parseInt(digits, 36);
      chars += length - marker.length;
      if (chars > maxChars)
        throw new RangeError(`the page's texts expand to more than ${maxChars} characters`);
      return FILL.repeat(length);
    }),
  );
}
