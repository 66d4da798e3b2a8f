/**
 * Labels that open a paragraph without belonging to its first sentence: a live
 * blog's timestamp ("10:42", "9.05am"), a transcript's speaker ("Q:", "SMITH:")
 * and a dateline ("LONDON (Reuters) —"). The word after one starts a sentence,
 * as if the label were a line of its own.
 */
import { findDateline } from './dateline';

/** A clock time opening a live-blog entry, with an optional am/pm: "10:42", "9: 58", "9.05 am". */
export const TIMESTAMP = /^\d{1,2}\s?[:.]\s?[0-5]\d(?:\s?[ap]\.?m\.?)?(?=\s)/i;
/** A transcript's speaker label: "Q:", "A:", or a name in capitals ("LORIMER:", "MS. VANCE:"). */
export const SPEAKER_LABEL =
  /^(?:Q|A|\p{Lu}[\p{Lu}'’.-]+(?:\s\p{Lu}[\p{Lu}'’.-]+){0,2})\s?:(?=\s)/u;

/** Length of the label opening `paragraph` with the space after it, or 0 when there is none. */
export function leadingLabelLength(paragraph: string): number {
  const label = TIMESTAMP.exec(paragraph) ?? SPEAKER_LABEL.exec(paragraph);
  if (label) {
    const rest = paragraph.slice(label[0].length);
    // "10:42 Forecasters …" and "Q: Minister, …" but not "10.5 million …" nor "A: 4".
    if (!/^\s+["“‘(]?\p{Lu}/u.test(rest)) return 0;
    return label[0].length + (rest.length - rest.trimStart().length);
  }
  return findDateline(paragraph)?.length ?? 0;
}
