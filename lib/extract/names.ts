/**
 * Candidate names: runs of capitalized words and acronyms, with the title
 * ("Prime Minister", "Sen.") and honorific ("Mr") split off the front so the
 * run "CNRP Deputy President Mu Sochua" yields the name "Mu Sochua", the title
 * "CNRP Deputy President" and the organization candidate "CNRP".
 */
import { isAcronymToken } from '@/lib/match/normalize';
import { isCommonWord } from './common-words';
import {
  CALENDAR_WORDS,
  HONORIFICS,
  NAME_CONNECTORS,
  NON_TERMINAL_ABBREVIATIONS,
  ORG_HEADS,
  PLACE_WORDS,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  STOP_WORDS,
  TITLE_ABBREVIATIONS,
} from './lexicon';

/** A word of the document with its offsets. */
export interface Token {
  /** The word without a trailing sentence period or possessive. */
  text: string;
  lower: string;
  start: number;
  end: number;
  /** True for "CNRP’s": the possessive was removed from `text` and `end`. */
  possessive: boolean;
  /** True when only spaces separate this token from the previous one. */
  joined: boolean;
  /** True when the token opens its sentence (or follows an opening quote mark). */
  initial: boolean;
}

/** A name candidate found in the text. */
export interface Candidate {
  text: string;
  start: number;
  end: number;
  tokens: Token[];
  /** Index of the first token in the document token list. */
  first: number;
  /** Honorific written before the name ("Mr"), if any. */
  honorific: string | null;
  /** Where the honorific starts, so "Mr Hun Sen" can be kept as written. */
  honorificStart: number;
  /** Capitalized title written before the name in the same run ("Prime Minister", "Sen."). */
  title: { start: number; end: number } | null;
  possessive: boolean;
}

const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’-](?=\p{L})|\.(?=\p{L}\.))*\.?/gu;

/** Tokenizes `text` between `from` and `to`, marking sentence-initial tokens. */
export function tokenize(
  text: string,
  from: number,
  to: number,
  sentenceStarts: Set<number>,
): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  let previousEnd = -1;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    let word = m[0];
    if (word.endsWith('.')) {
      const bare = word.slice(0, -1);
      const keep =
        /^\p{Lu}$/u.test(bare) ||
        bare.includes('.') ||
        NON_TERMINAL_ABBREVIATIONS.has(bare.toLowerCase());
      if (!keep) word = bare;
    }
    let possessive = false;
    if (/['’]s$/.test(word)) {
      word = word.slice(0, -2);
      possessive = true;
    }
    const start = m.index;
    const gap = previousEnd < 0 ? '' : text.slice(previousEnd, start);
    const initial =
      sentenceStarts.has(start) || /["“‘([]\s*$/.test(text.slice(Math.max(0, start - 2), start));
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end: start + word.length,
      possessive,
      joined: previousEnd >= 0 && /^ $/.test(gap),
      initial,
    });
    previousEnd = m.index + m[0].length;
  }
  return tokens;
}

function isCapitalized(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) && !CALENDAR_WORDS.has(t.lower.replace(/\.$/, ''));
}

function bare(t: Token): string {
  return t.lower.replace(/\.$/, '');
}

/** A word that can be part of a title before a name: "Prime", "Minister", "Deputy", "Sen.". */
export function isTitleWord(t: Token): boolean {
  const b = bare(t);
  return (
    ROLE_HEADS.has(b) || ROLE_MODIFIERS.has(b) || TITLE_ABBREVIATIONS.has(b) || HONORIFICS.has(b)
  );
}

/** True for the title word that can directly precede a name ("Minister", "Sen.", "Mr"). */
function isTitleHead(t: Token): boolean {
  const b = bare(t);
  return ROLE_HEADS.has(b) || TITLE_ABBREVIATIONS.has(b) || HONORIFICS.has(b);
}

/** Splits tokens into runs of capitalized words joined by spaces (and "of", "for"… inside). */
function capitalizedRuns(tokens: Token[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  const close = (): void => {
    while (run.length > 0 && !isCapitalized(tokens[run[run.length - 1] ?? 0] as Token)) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const continues = run.length > 0 && t.joined && prev !== undefined && !prev.possessive;
    if (!continues) close();
    if (isCapitalized(t)) run.push(i);
    else if (run.length > 0 && continues && NAME_CONNECTORS.has(t.lower)) run.push(i);
    else close();
    // "People’s Party": a possessive common noun inside an organization name continues the run.
    if (t.possessive && isCapitalized(t)) {
      const next = tokens[i + 1];
      const inName =
        next && isCapitalized(next) && isCommonWord(t.lower) && runEndsInOrgHead(tokens, i + 1);
      if (inName) t.possessive = false;
      else close();
    }
  });
  close();
  return runs;
}

function runEndsInOrgHead(tokens: Token[], from: number): boolean {
  for (let i = from; i < tokens.length && i < from + 4; i++) {
    const t = tokens[i] as Token;
    if (!isCapitalized(t) || (i > from && !t.joined)) return false;
    if (ORG_HEADS.has(bare(t))) return true;
    if (t.possessive) return false;
  }
  return false;
}

/**
 * Finds name candidates in `tokens`. Leading function words of a sentence
 * ("Meanwhile", "The"), titles and honorifics are removed; an acronym is split
 * from title-case words next to it ("CNRP Tuol Sdey") unless the run is one
 * organization name ("ABC News").
 */
export function findCandidates(text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  for (const run of capitalizedRuns(tokens)) {
    let idx = run.slice();
    // Sentence-initial discourse words and articles are capitalized only by position.
    while (idx.length > 0) {
      const t = tokens[idx[0] ?? 0] as Token;
      const discourse =
        t.initial &&
        (STOP_WORDS.has(t.lower) || (/ing$|ly$/.test(t.lower) && isCommonWord(t.lower)));
      // After "Residents of Hoa Binh" loses "Residents", the "of" it leaves is no part of a name.
      if (discourse || t.lower === 'the' || NAME_CONNECTORS.has(t.lower)) idx = idx.slice(1);
      else break;
    }
    if (idx.length === 0) continue;
    // Title and honorific before the name: everything up to the last title head.
    let cut = -1;
    for (let k = 0; k < idx.length - 1; k++) {
      const t = tokens[idx[k] ?? 0] as Token;
      if (isTitleHead(t)) cut = k;
    }
    const lastTok = tokens[idx[idx.length - 1] ?? 0] as Token;
    if (cut >= 0 && (ORG_HEADS.has(bare(lastTok)) || PLACE_WORDS.has(bare(lastTok)))) cut = -1;
    let honorific: string | null = null;
    let honorificStart = -1;
    let title: Candidate['title'] = null;
    if (cut >= 0) {
      const head = tokens[idx[cut] ?? 0] as Token;
      if (HONORIFICS.has(bare(head))) {
        honorific = head.text;
        honorificStart = head.start;
      }
      // The title starts at the first title word; what comes before it is a name of its own ("Siem Reap").
      let titleStart = cut;
      while (titleStart > 0 && isTitleWord(tokens[idx[titleStart - 1] ?? 0] as Token)) titleStart--;
      if (!honorific || titleStart < cut) {
        title = { start: (tokens[idx[titleStart] ?? 0] as Token).start, end: head.end };
      }
      if (titleStart > 0) pushSplit(out, text, tokens, idx.slice(0, titleStart));
      idx = idx.slice(cut + 1);
    } else if (idx.every((i) => isTitleWord(tokens[i] as Token))) {
      continue; // "the Prime Minister", "Deputy President": a title without a name
    }
    const cand = pushSplit(out, text, tokens, idx);
    if (cand) {
      cand.honorific = honorific;
      cand.honorificStart = honorificStart;
      cand.title = title;
    }
  }
  return out;
}

/** Splits acronyms off title-case neighbours, then records each part as a candidate. */
function pushSplit(
  out: Candidate[],
  text: string,
  tokens: Token[],
  idx: number[],
): Candidate | null {
  const last = tokens[idx[idx.length - 1] ?? 0] as Token;
  const oneOrg = ORG_HEADS.has(bare(last));
  const parts: number[][] = [];
  for (const i of idx) {
    const t = tokens[i] as Token;
    const prev = parts[parts.length - 1];
    const prevTok = prev ? (tokens[prev[prev.length - 1] ?? 0] as Token) : null;
    const acronymEdge =
      prevTok !== null && isAcronymToken(t.text) !== isAcronymToken(prevTok.text) && !oneOrg;
    if (!prev || acronymEdge) parts.push([i]);
    else prev.push(i);
  }
  let made: Candidate | null = null;
  for (const part of parts) {
    const ts = part.map((i) => tokens[i] as Token);
    const first = ts[0] as Token;
    const end = ts[ts.length - 1] as Token;
    // A lone head word ("the Army", "the Authority", "the province") names nothing in particular.
    if (ts.length === 1 && (ORG_HEADS.has(bare(first)) || PLACE_WORDS.has(bare(first)))) continue;
    // A lone pronoun or function word ("I", "I’m", "If") is never a name.
    if (ts.length === 1 && (STOP_WORDS.has(first.lower) || /^i(?:['’]\p{L}+)?$/u.test(first.lower)))
      continue;
    made = {
      text: text.slice(first.start, end.end),
      start: first.start,
      end: end.end,
      tokens: ts,
      first: part[0] ?? 0,
      honorific: null,
      honorificStart: -1,
      title: null,
      possessive: end.possessive,
    };
    out.push(made);
  }
  return made;
}
