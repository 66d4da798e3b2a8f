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
import { CONNECTORS, MAX_CONNECTOR_LENGTH } from './connectors';
import { aliasKey, canonicalizeChars } from './normalize';
import { Tokenizer } from './tokens';
import type { Candidate } from './types';

/** The longest candidate, in capitalized tokens; longer names are rare and runs beyond it are title-case headlines. */
export const MAX_CANDIDATE_TOKENS = 6;

/** At most this many connectors in a row ("Ministry of the Interior"); more means prose, not a name. */
const MAX_CONNECTOR_RUN = 2;

/**
 * Abbreviations whose full stop does not end a name: honorifics and titles written
 * before a name ("Mr. Hun Sen", "Gen. Tea Banh"). "Sen" is deliberately absent:
 * in this corpus it ends sentences ("… said Hun Sen.") far more often than it
 * abbreviates Senator.
 */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'st',
  'gen',
  'lt',
  'col',
  'gov',
  'rep',
  'rev',
  'sgt',
  'capt',
]);

/**
 * White space between two words of one name: spaces of any kind (NBSP, thin
 * space, zero-width space) and at most one line break, since a page or a
 * hard-wrapped file may break a name across lines; a blank line ends it.
 */
const SPACE_GAP = /^[^\S\r\n]*(?:\r\n|\r|\n)?[^\S\r\n]*$/;
const ZERO_WIDTH = /\u200B/g;
const SPACE = 0x20;
const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;

/** English words written after a name and a hyphen ("Ostraven-based", "Roe-led"): not part of the name. */
const HYPHEN_WORDS = new Set([
  'based', 'born', 'bred', 'led', 'run', 'owned', 'made', 'style', 'era', 'held', 'bound', 'wide',
  'only', 'free', 'like', 'type', 'level', 'area', 'zone', 'side', 'backed', 'era', 'year', 'old',
  'week', 'day', 'day', 'long', 'size', 'class', 'grown', 'sized', 'heavy', 'proof', 'facing',
]); // prettier-ignore

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

function classifyGap(canon: string, previous: Token, next: number): Gap | null {
  // Nearly every gap inside a name is one plain space.
  if (next - previous.end === 1 && canon.charCodeAt(previous.end) === SPACE) return 'space';
  const gap = canon.slice(previous.end, next);
  if (gap === '-') return 'hyphen';
  const spaces = gap.replace(ZERO_WIDTH, ' ');
  if (isSpaceGap(spaces)) return 'space';
  const first = spaces.charAt(0);
  // "Cambodian People's Party": a possessive inside a name, when a capitalized word follows.
  if (first === "'" && (spaces[1] === 's' || spaces[1] === 'S') && isSpaceGap(spaces.slice(2)))
    return 'possessive';
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
  const keys = sharedKeyCache();
  let run: Token[] = [];
  let connectorsInRow = 0;

  const flush = (): void => {
    while (run.length > 0 && !run[run.length - 1]!.cap) run.pop();
    if (run.length > 0) emitSubSpans(text, run, keys, candidates);
    run = [];
    connectorsInRow = 0;
  };

  const tokens = new Tokenizer(canon);
  while (tokens.next()) {
    const { start, end } = tokens;
    const cap = tokens.capitalized;
    const length = end - start;
    // The "s" of a possessive belongs to the gap, where classifyGap reads it.
    if (
      length === 1 &&
      (canon.charCodeAt(start) | 0x20) === 0x73 &&
      canon.charCodeAt(start - 1) === APOSTROPHE
    )
      continue;
    // "Sun-hwa", "Ki-moon": a short lower-case syllable after a hyphen is the same word of a name;
    // "CPP-aligned", "Ostraven-based" are words of their own.
    const last = run[run.length - 1];
    if (
      !cap &&
      last?.cap &&
      length <= 5 &&
      start - last.end === 1 &&
      canon.charCodeAt(last.end) === HYPHEN &&
      !HYPHEN_WORDS.has(canon.slice(start, end)) &&
      canon.slice(last.start, last.end - 1) !== canon.slice(last.start, last.end - 1).toUpperCase()
    ) {
      last.end = end;
      continue;
    }
    if (!cap && (length > MAX_CONNECTOR_LENGTH || !CONNECTORS.has(canon.slice(start, end)))) {
      if (run.length > 0) flush();
      continue;
    }
    const previous = run[run.length - 1];
    if (previous) {
      const gap = classifyGap(canon, previous, start);
      const joins =
        gap !== null &&
        (gap !== 'possessive' || cap) &&
        (cap || connectorsInRow < MAX_CONNECTOR_RUN);
      if (!joins) flush();
    }
    if (run.length === 0 && !cap) continue; // a name never starts with "of"
    const abbreviation =
      cap &&
      (length === 1 || (length <= 4 && ABBREVIATIONS.has(canon.slice(start, end).toLowerCase())));
    run.push({ start, end, cap, abbreviation });
    connectorsInRow = cap ? 0 : connectorsInRow + 1;
  }
  flush();
  return candidates;
}

/**
 * News copy repeats names within a page and across the blocks of one page, so
 * the same slice recurs; aliasKey is the costly step. The cache outlives one
 * call (a page is scanned block by block) and is emptied when it grows large,
 * so a long-lived page cannot make it grow without bound.
 */
const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 20_000;

/** Empties the key cache, so a benchmark measures a page scanned for the first time. */
export function clearCandidateKeyCache(): void {
  keyCache.clear();
}

function sharedKeyCache(): Map<string, string> {
  if (keyCache.size > KEY_CACHE_LIMIT) keyCache.clear();
  return keyCache;
}

/** Adds every span of a run that starts and ends on a capitalized token, up to {@link MAX_CANDIDATE_TOKENS} of them. */
function emitSubSpans(
  text: string,
  run: readonly Token[],
  keys: Map<string, string>,
  out: Candidate[],
): void {
  const caps = run.filter((token) => token.cap);
  for (let first = 0; first < caps.length; first++) {
    const last = Math.min(caps.length, first + MAX_CANDIDATE_TOKENS);
    for (let end = first; end < last; end++) {
      const start = caps[first]!.start;
      // "Jane Roe Jr.": a name suffix keeps its full stop, which belongs to it, in the mention.
      const stop = caps[end]!.end + (suffixStop(text, caps[end]!) ? 1 : 0);
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

/** True when `token` is "Jr" or "Sr" with its full stop right after it. */
function suffixStop(text: string, token: Token): boolean {
  return (
    token.end - token.start === 2 &&
    text.charCodeAt(token.end) === 0x2e &&
    /^[JS]r$/.test(text.slice(token.start, token.end))
  );
}

/** The distinct keys of some candidates: what the content script sends the background in one message. */
export function candidateKeys(candidates: readonly Candidate[]): string[] {
  return [...new Set(candidates.map((candidate) => candidate.key))];
}
