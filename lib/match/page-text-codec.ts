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
 */
import { CONNECTORS } from './connectors';

/** What a dropped stretch is sent as. */
const DROPPED = '\u007f';
/** What a page's own DEL characters are sent as: like DEL, neither letter nor space. */
const STAND_IN = '\u001f';
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

/** `text` as sent to the background: each stretch of lower-case prose replaced by one DEL. */
export function compactPageText(text: string): string {
  const own = text.includes(DROPPED) ? text.replaceAll(DROPPED, STAND_IN) : text;
  return own.replace(DROPPABLE, DROPPED);
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
 * `compacted` finds it in `text` with as many native `indexOf` calls.
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
