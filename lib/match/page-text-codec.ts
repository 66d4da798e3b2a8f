/**
 * Shortens page text on its way from the content script to the background
 * without changing which names the background finds in it.
 *
 * Why: the background finds names in every character it is sent, and most of
 * a news page is lower-case prose, where no name can be. So each stretch of
 * lower-case words that holds at least one word other than a connector ("of",
 * "de", …; see connectors.ts) is sent as one DEL character, in a single
 * native `replace` per block (no JavaScript runs per stretch). Measured on the
 * 50,000-word bench page: 306,584 characters are sent as 116,902, and the scan
 * takes about 80 ms less wall time at 10,000 profiles (584 → 503 ms median).
 * On the page's main thread it is about even: the replace costs roughly what
 * serializing the dropped characters in `runtime.sendMessage` did.
 *
 * Why the names found are the same (test/lib/match/page-text-codec.test.ts
 * checks it on random text): a dropped stretch starts after white space, an
 * opening quote or bracket, and ends before white space, a closing one or
 * punctuation, so no word crosses its edges. Inside it, a word that is not a
 * connector ends any name being read (candidates.ts flushes on a lower-case
 * non-connector), and connectors after it cannot start one. DEL is neither
 * letter nor space, so no name is read across it either. A page's own DEL
 * characters become U+001F, which the matcher treats alike.
 *
 * The background answers with offsets in the text it was sent;
 * {@link restoreOffsets} turns them into offsets in the page's text.
 *
 * The texts of one request travel as one string, joined by
 * {@link TEXT_SEPARATOR}: `runtime.sendMessage` converts each string of a
 * message separately. For the bench page's 1,014 paragraphs (116,902
 * characters compacted), sending them as an array cost the sender's main
 * thread 3–29 ms per send, as one string 0.6–8 ms (16 sends each from an
 * extension page, Chromium 156).
 */
import { CONNECTORS } from './connectors';

/** What a dropped stretch is sent as. */
const DROPPED = '\u007f';
/** What a page's own DEL and separator characters are sent as: like DEL, neither letter nor space. */
const STAND_IN = '\u001f';
/** Between the texts of one request; a page's own are sent as {@link STAND_IN}, so it only ever separates. */
export const TEXT_SEPARATOR = '\u001e';
const OWN_SPECIAL = new RegExp(`[${DROPPED}${TEXT_SEPARATOR}]`, 'g');
/**
 * Lower-case ASCII words separated by spaces and light punctuation, at least
 * one of them not a connector; after white space, an opening double quote or
 * bracket, and before white space, a closing one, a sentence's punctuation or
 * the end: characters that are never part of a word and that the matcher
 * changes into nothing else (unlike single quotes, which it reads as apostrophes).
 */
const DROPPABLE = new RegExp(
  '(?<=[\\s“"(])' +
    '(?:[a-z]+[ ,;:]+)*?' +
    `(?!(?:${[...CONNECTORS].join('|')})(?![a-z]))[a-z]+` +
    '(?:[ ,;:]+[a-z]+)*' +
    '(?=[\\s”").,;:!?]|$)',
  'g',
);

/**
 * `text` as sent to the background: each stretch of lower-case prose replaced
 * by one DEL, and no {@link TEXT_SEPARATOR} left in it.
 */
export function compactPageText(text: string): string {
  const own =
    text.includes(DROPPED) || text.includes(TEXT_SEPARATOR)
      ? text.replace(OWN_SPECIAL, STAND_IN)
      : text;
  return own.replace(DROPPABLE, DROPPED);
}

/** The texts of one request as the one string it carries (each compacted first, so none holds the separator). */
export function joinPageTexts(texts: readonly string[]): string {
  return texts.join(TEXT_SEPARATOR);
}

/** The texts a request's string carries, in order (the background's half of {@link joinPageTexts}). */
export function splitPageTexts(joined: string): string[] {
  return joined.split(TEXT_SEPARATOR);
}

/** How many texts a request's string carries, without splitting it. */
export function countPageTexts(joined: string): number {
  let count = 1;
  for (
    let at = joined.indexOf(TEXT_SEPARATOR);
    at >= 0;
    at = joined.indexOf(TEXT_SEPARATOR, at + 1)
  )
    count++;
  return count;
}

/**
 * The background's mentions of `compacted` (flat `start, end, entity` triples,
 * ordered and not overlapping) at their offsets in `text`, the page's text it
 * was made from; a mention that cannot be placed is left out.
 *
 * A mention's text never crosses a dropped stretch (a name holds no lower-case
 * word but connectors, and starts and ends with a capitalized word), so its
 * occurrences in `text` and in `compacted` are the same ones, in the same
 * order: counting how many come before it since the previous mention in
 * `compacted` finds it in `text` with as many native `indexOf` calls. The
 * same holds for texts joined into one request, compacted and not: a name
 * holds no separator, so no occurrence crosses from one text into the next.
 */
export function restoreOffsets(text: string, compacted: string, mentions: number[]): number[] {
  if (text === compacted) return mentions;
  const restored: number[] = [];
  let fromCompacted = 0;
  let fromText = 0;
  for (let at = 0; at + 2 < mentions.length; at += 3) {
    const start = mentions[at]!;
    const end = mentions[at + 1]!;
    const name = compacted.slice(start, end);
    let skipped = 0;
    for (let found = compacted.indexOf(name, fromCompacted); found >= 0 && found < start; skipped++)
      found = compacted.indexOf(name, found + 1);
    let place = text.indexOf(name, fromText);
    for (; skipped > 0 && place >= 0; skipped--) place = text.indexOf(name, place + 1);
    if (place < 0 || name.length === 0) continue;
    restored.push(place, place + name.length, mentions[at + 2]!);
    fromCompacted = end;
    fromText = place + name.length;
  }
  return restored;
}
