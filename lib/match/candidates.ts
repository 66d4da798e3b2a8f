/**
 * Candidate extraction: the half of the matcher that runs on every page, so it
 * looks only at the text (never at the store) and its cost grows with the page.
 *
 * A name in news copy is a run of capitalized tokens, possibly with lower-case
 * connectors inside ("Ministry of Interior", "Law on Political Parties"). Every
 * contiguous part of a run is offered as a candidate, because a run often glues
 * a title or a sentence-initial word to the name ("Governor So Platong",
 * "Meanwhile Sochua"); the resolver keeps the longest part the store knows.
 */
import { aliasKey, canonicalizeChars } from './normalize';
import type { Candidate } from './types';

/** The longest candidate, in capitalized tokens; longer names are rare and runs beyond it are title-case headlines. */
export const MAX_CANDIDATE_TOKENS = 6;

/** Lower-case words that may sit inside a name: "Ministry of Interior", "Charles de Gaulle". */
const CONNECTORS = new Set([
  'of', 'on', 'for', 'and', 'the', 'de', 'del', 'della', 'da', 'di', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'bin',
]);

/** At most this many connectors in a row ("Ministry of the Interior"); more means prose, not a name. */
const MAX_CONNECTOR_RUN = 2;

/**
 * Abbreviations whose full stop does not end a name: honorifics and titles written
 * before a name ("Mr. Hun Sen", "Gen. Tea Banh"). "Sen" is deliberately absent:
 * in this corpus it ends sentences ("… said Hun Sen.") far more often than it
 * abbreviates Senator.
 */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'gen', 'lt', 'col', 'gov', 'rep', 'rev', 'sgt', 'capt']);

/**
 * A token, matched on the canonicalized text (apostrophes, dashes and odd spaces
 * already plain, same length as the original):
 * - a dotted acronym "U.S." (never directly followed by a letter, so tokens stay
 *   on word boundaries), or
 * - a word of letters, marks and digits, with inner apostrophes ("O'Brien") but
 *   not a possessive "'s", which is left outside so "CNRP’s" yields "CNRP".
 */
const TOKEN = /\p{Lu}(?:\.\p{Lu})+\.?(?![\p{L}\p{M}\p{N}])|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:'(?![sS](?![\p{L}\p{M}\p{N}]))[\p{L}\p{M}\p{N}]+)*/gu;

const CAPITALIZED = /^[\p{Lu}\p{Lt}]/u;

/**
 * White space between two words of one name: spaces of any kind (NBSP, thin
 * space, zero-width space) and at most one line break, since a page or a
 * hard-wrapped file may break a name across lines; a blank line ends it.
 */
const SPACE_GAP = /^[^\S\r\n]*(?:\r\n|\r|\n)?[^\S\r\n]*$/;
const ZERO_WIDTH = /\u200B/g;

interface Token {
  start: number;
  end: number;
  /** Capitalized; false for a connector. */
  cap: boolean;
  /** An initial ("J") or an abbreviation ("Mr") whose full stop may sit inside a name. */
  abbreviation: boolean;
}

/** How the text between two tokens lets them belong to one name; null when it does not. */
type Gap = 'space' | 'hyphen' | 'possessive' | 'ampersand';

function classifyGap(gap: string, previous: Token): Gap | null {
  if (gap === '-') return 'hyphen';
  const spaces = gap.replace(ZERO_WIDTH, ' ');
  if (spaces.length > 0 && SPACE_GAP.test(spaces)) return 'space';
  const first = spaces.charAt(0);
  // "Cambodian People's Party": a possessive inside a name, when a capitalized word follows.
  if (first === "'" && (spaces[1] === 's' || spaces[1] === 'S') && isSpaceGap(spaces.slice(2))) return 'possessive';
  if (first === '.' && previous.abbreviation && isSpaceGap(spaces.slice(1))) return 'space';
  if (/^\s*&\s*$/.test(spaces)) return 'ampersand';
  return null;
}

function isSpaceGap(gap: string): boolean {
  return gap.length > 0 && SPACE_GAP.test(gap);
}

/**
 * Finds every span of `text` that could be a name, with its alias key and its
 * UTF-16 offsets in `text`.
 *
 * Lower-case words are never candidates. A possessive ("’s", "'s", "s'") is left
 * outside the span; a leading honorific ("Mr Hun Sen") gives candidates with and
 * without it; a name may continue across one line break, NBSP or other spaces.
 * Candidates are ordered by start, then by end.
 */
export function findCandidates(text: string): Candidate[] {
  const canon = canonicalizeChars(text);
  const candidates: Candidate[] = [];
  // News copy repeats names, so the same slice recurs; aliasKey is the costly step.
  const keys = new Map<string, string>();
  let run: Token[] = [];
  let connectorsInRow = 0;

  const flush = (): void => {
    while (run.length > 0 && !run[run.length - 1]!.cap) run.pop();
    if (run.length > 0) emitSubSpans(text, run, keys, candidates);
    run = [];
    connectorsInRow = 0;
  };

  for (const match of canon.matchAll(TOKEN)) {
    const word = match[0];
    const start = match.index;
    // The "s" of a possessive belongs to the gap, where classifyGap reads it.
    if ((word === 's' || word === 'S') && canon[start - 1] === "'") continue;
    const cap = CAPITALIZED.test(word);
    if (!cap && !CONNECTORS.has(word)) {
      flush();
      continue;
    }
    const previous = run[run.length - 1];
    if (previous) {
      const gap = classifyGap(canon.slice(previous.end, start), previous);
      const joins = gap !== null && (gap !== 'possessive' || cap) && (cap || connectorsInRow < MAX_CONNECTOR_RUN);
      if (!joins) flush();
    }
    if (run.length === 0 && !cap) continue; // a name never starts with "of"
    const abbreviation = cap && (word.length === 1 || ABBREVIATIONS.has(word.toLowerCase()));
    run.push({ start, end: start + word.length, cap, abbreviation });
    connectorsInRow = cap ? 0 : connectorsInRow + 1;
  }
  flush();
  return candidates;
}

/** Adds every span of a run that starts and ends on a capitalized token, up to {@link MAX_CANDIDATE_TOKENS} of them. */
function emitSubSpans(text: string, run: readonly Token[], keys: Map<string, string>, out: Candidate[]): void {
  const caps = run.filter((token) => token.cap);
  for (let first = 0; first < caps.length; first++) {
    const last = Math.min(caps.length, first + MAX_CANDIDATE_TOKENS);
    for (let end = first; end < last; end++) {
      const start = caps[first]!.start;
      const stop = caps[end]!.end;
      const slice = text.slice(start, stop);
      let key = keys.get(slice);
      if (key === undefined) {
        key = aliasKey(slice);
        keys.set(slice, key);
      }
      if (key !== '') out.push({ key, start, end: stop, text: slice });
    }
  }
}

/** The distinct keys of some candidates: what the content script sends the background in one message. */
export function candidateKeys(candidates: readonly Candidate[]): string[] {
  return [...new Set(candidates.map((candidate) => candidate.key))];
}
