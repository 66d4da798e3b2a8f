/**
 * Candidate names: runs of capitalized words and acronyms, with the title
 * ("Prime Minister", "Sen.") and honorific ("Mr") split off the front so the
 * run "CNRP Deputy President Mu Sochua" yields the name "Mu Sochua", the title
 * "CNRP Deputy President" and the organization candidate "CNRP".
 */
import { isAcronymToken } from '@/lib/match/normalize';
import { isCommonWord } from './common-words';
import { givenNameGender, placeKind } from './gazetteer';
import {
  closesHonorific,
  isClearGivenName,
  isHonorificWord,
  isNameLikeWord,
} from './name-evidence';
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
  /** "based" for "Toowoomba-based": the compound's suffix was removed from `text` and `end`. */
  suffix?: string;
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

/** Compound suffixes after a capitalized name: "London-based", "Kremlin-backed", "Texas-born". */
const COMPOUND_SUFFIX =
  /-(based|born|bred|led|backed|owned|run|made|bound|headquartered|registered)$/;

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
  // A period read as a sentence end parts the next word from this one: "the election. Following".
  let previousEndedSentence = false;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    let word = m[0];
    let endsSentence = false;
    if (word.endsWith('.')) {
      const bare = word.slice(0, -1);
      const keep =
        /^\p{Lu}$/u.test(bare) ||
        bare.includes('.') ||
        NON_TERMINAL_ABBREVIATIONS.has(bare.toLowerCase());
      if (!keep) {
        word = bare;
        endsSentence = true;
      }
    }
    // "Toowoomba-based", "Australia-led": the place or body before the suffix is a name of its own.
    // Tested only on capitalized hyphenated words: the pattern is costly on every word of a corpus.
    const first = word[0] ?? '';
    const compound =
      word.includes('-') && first !== first.toLowerCase() ? COMPOUND_SUFFIX.exec(word) : null;
    const suffix = compound ? compound[1] : undefined;
    if (compound) word = word.slice(0, compound.index);
    let possessive = false;
    if (/['’]s$/.test(word)) {
      word = word.slice(0, -2);
      possessive = true;
    }
    const start = m.index;
    const gap = previousEnd < 0 ? '' : text.slice(previousEnd, start);
    // A live blog's entry opens its line after a time stamp ("9:02 Newcomer …"): a sentence start too.
    const initial =
      sentenceStarts.has(start) ||
      /["“‘([]\s*$/.test(text.slice(Math.max(0, start - 2), start)) ||
      (/\d/.test(text[start - 2] ?? '') &&
        /(?:^|\n)[\d:.\s]*\d[\d:.\s]*$/.test(text.slice(Math.max(0, start - 12), start)));
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end: start + word.length,
      possessive,
      joined: previousEnd >= 0 && /^ $/.test(gap) && !previousEndedSentence,
      initial,
    });
    if (suffix) (tokens[tokens.length - 1] as Token).suffix = suffix;
    previousEnd = m.index + m[0].length;
    previousEndedSentence = endsSentence;
  }
  return tokens;
}

/** Arabic and French particles joined to a capitalized name part: "al-Hayya", "d’Estaing". */
const JOINED_PARTICLE = /^(?:al|el|ad|ar|as|at|an|az|ash|ul|d|l)[-'’]\p{Lu}/u;

function isCapitalized(t: Token): boolean {
  const first = t.text[0] ?? '';
  const upper = first !== first.toLowerCase();
  // The particle test runs only on words with a mark after their first letters ("al-", "d’").
  const particle = !upper && /^\p{Ll}{1,3}[-'’]/u.test(t.text) && JOINED_PARTICLE.test(t.text);
  return (upper || particle) && !CALENDAR_WORDS.has(t.lower.replace(/\.$/, ''));
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

/** True for the title word that can directly precede a name ("Minister", "Sen.", "MPs", "Mr", "Tan Sri"). */
function isTitleHead(t: Token, next?: Token): boolean {
  const b = bare(t);
  // Plural titles before a list of names: "Sens. Jane Roe and …", "MPs John Doe and …".
  const singular = b.replace(/s$/, '');
  return (
    ROLE_HEADS.has(b) ||
    // "Inspector-General", "Secretary-General": a hyphenated title with a role head in it.
    (b.includes('-') && b.split('-').some((part) => ROLE_HEADS.has(part))) ||
    TITLE_ABBREVIATIONS.has(b) ||
    (b.length > 2 &&
      (TITLE_ABBREVIATIONS.has(singular) ||
        ROLE_HEADS.has(singular) ||
        HONORIFICS.has(singular))) ||
    isHonorificWord(t.text, next?.text)
  );
}

/** Particles inside a name: "Khalid bin Ali", "Ludwig van Beethoven", "Charles de Gaulle". */
const NAME_PARTICLES = new Set([
  'bin',
  'binti',
  'ibn',
  'van',
  'von',
  'der',
  'den',
  'de',
  'da',
  'del',
  'della',
  'di',
  'du',
  'la',
  'le',
  'al',
  'y',
  'dos',
  'das',
]);

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
 * organization name ("ABC News"). A title with its object ("Secretary of State
 * Mike Pompeo", "Governor of the Bank of England Andrew Bailey") stays a title:
 * the person is the name-like words at its end, the object a candidate of its own.
 */
export function findCandidates(text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  const lowerSeen = lowercaseWords(tokens);
  for (const run of capitalizedRuns(tokens)) {
    if (isCapitalsHeadline(run, tokens)) continue;
    let idx = stripSentenceOpeners(run, tokens, lowerSeen);
    if (idx.length === 0) continue;
    // Title and honorific before the name: everything up to the last title head.
    let cut = -1;
    for (let k = 0; k < idx.length - 1; k++) {
      const t = tokens[idx[k] ?? 0] as Token;
      const before = k > 0 ? tokens[idx[k - 1] ?? 0]?.text : undefined;
      if (isTitleHead(t, tokens[idx[k + 1] ?? 0]) || closesHonorific(before, t.text)) cut = k;
    }
    // "Minister of Defence Datuk Seri X": the honorific after a title's object is no title head.
    const jobHead = idx.findLastIndex(
      (i, k) =>
        k < cut && isTitleHead(tokens[i] as Token) && !HONORIFICS.has(bare(tokens[i] as Token)),
    );
    const honorificsOnly = (from: number) =>
      idx.slice(from, cut + 1).every((i, k) => {
        const t = tokens[i] as Token;
        const before = tokens[idx[from + k - 1] ?? 0]?.text;
        return (
          isHonorificWord(t.text, tokens[idx[from + k + 1] ?? 0]?.text) ||
          closesHonorific(before, t.text)
        );
      });
    if (jobHead >= 0 && NAME_CONNECTORS.has((tokens[idx[jobHead + 1] ?? 0] as Token).lower)) {
      let from = cut;
      while (from > jobHead + 1 && honorificsOnly(from - 1)) from--;
      if (from < cut || honorificsOnly(from)) cut = jobHead;
    }
    const lastTok = tokens[idx[idx.length - 1] ?? 0] as Token;
    if (cut >= 0 && (ORG_HEADS.has(bare(lastTok)) || PLACE_WORDS.has(bare(lastTok)))) {
      // "Inspector-General of Police", "Senator Jane Roe of Delta State": the title's object is the
      // named body; a name between the title and "of" is a person of its own.
      const of = idx.findIndex((i, k) => k > cut && (tokens[i] as Token).lower === 'of');
      if (of > cut) {
        const between = idx.slice(cut + 1, of);
        const object = idx.slice(of);
        if (
          between.length === 0 ||
          between.every((i) => isNameLikeWord((tokens[i] as Token).text))
        ) {
          pushObject(out, text, tokens, object);
          if (between.length === 0) continue;
          idx = idx.slice(0, of);
        } else cut = -1;
      } else cut = -1;
    }
    if (cut < 0) {
      // "the Prime Minister": no name; "Labour Party" and "Senate" are bodies, not titles.
      const body = idx.length > 1 && ORG_HEADS.has(bare(lastTok));
      if (!body && idx.every((i) => isTitleWord(tokens[i] as Token))) continue;
      // "the Nairobi Governor race": a place or body before a title, and no name after it.
      let end = idx.length;
      while (end > 0 && isTitleHead(tokens[idx[end - 1] ?? 0] as Token)) end--;
      while (end > 0 && end < idx.length && isTitleWord(tokens[idx[end - 1] ?? 0] as Token)) end--;
      if (ORG_HEADS.has(bare(lastTok)) || PLACE_WORDS.has(bare(lastTok))) end = idx.length;
      pushSplit(out, text, tokens, end < idx.length && end > 0 ? idx.slice(0, end) : idx);
      continue;
    }
    // The title starts at the first title word; what comes before it is a name of its own ("Siem Reap").
    let titleStart = cut;
    const opensTitle = (k: number): boolean => {
      const t = tokens[idx[k] ?? 0] as Token;
      return isTitleWord(t) || isHonorificWord(t.text, tokens[idx[k + 1] ?? 0]?.text);
    };
    while (titleStart > 0 && opensTitle(titleStart - 1)) titleStart--;
    if (titleStart > 0) pushSplit(out, text, tokens, idx.slice(0, titleStart));
    let rest = idx.slice(cut + 1);
    let titleEnd = cut;
    if (rest.every((i) => isTitleWord(tokens[i] as Token))) continue; // "Telangana Chief Minister"
    // "the 2023 General Election": no name-like word after the title, so no person.
    if (
      !rest.some(
        (i) =>
          isNameLikeWord((tokens[i] as Token).text) || isAcronymToken((tokens[i] as Token).text),
      )
    )
      continue;
    // "Minister of Defence Datuk Seri Mohamad Hasan": the title runs on through its object.
    if (NAME_CONNECTORS.has((tokens[rest[0] ?? 0] as Token).lower)) {
      const name = nameAtEnd(rest, tokens);
      const object = rest.slice(0, rest.length - name.length);
      // "… of Police Tan Sri X": the honorific before the name is no part of the title's object.
      const honorific = object.findIndex((i, k) =>
        isHonorificWord((tokens[i] as Token).text, tokens[object[k + 1] ?? -1]?.text),
      );
      pushObject(out, text, tokens, honorific > 0 ? object.slice(0, honorific) : object);
      if (name.length === 0) continue;
      titleEnd = cut + object.length;
      rest = name;
    }
    // Honorifics right before the name ("Tan Sri", "Mr") are kept apart from the job title.
    let honorificAt = titleEnd + 1;
    const wordAt = (k: number): string | undefined =>
      k >= 0 && k < idx.length ? tokens[idx[k] ?? 0]?.text : undefined;
    while (
      honorificAt > titleStart &&
      (isHonorificWord(wordAt(honorificAt - 1) ?? '', wordAt(honorificAt)) ||
        closesHonorific(wordAt(honorificAt - 2), wordAt(honorificAt - 1) ?? ''))
    )
      honorificAt--;
    const cand = pushSplit(out, text, tokens, rest);
    if (!cand) continue;
    if (honorificAt <= titleEnd) {
      const first = tokens[idx[honorificAt] ?? 0] as Token;
      cand.honorific = text.slice(first.start, (tokens[idx[titleEnd] ?? 0] as Token).end);
      cand.honorificStart = first.start;
    }
    if (titleStart < honorificAt) {
      const end = tokens[idx[honorificAt - 1] ?? 0] as Token;
      cand.title = { start: (tokens[idx[titleStart] ?? 0] as Token).start, end: end.end };
    }
  }
  return out;
}

/**
 * Lowercase words written in the document: a capital seen elsewhere in lower
 * case is a sentence's. Built on first need, as most runs never ask.
 */
function lowercaseWords(tokens: Token[]): { has(word: string): boolean } {
  let seen: Set<string> | null = null;
  return {
    has(word) {
      if (!seen) {
        seen = new Set();
        for (const t of tokens) if (t.text === t.lower) seen.add(t.lower);
      }
      return seen.has(word);
    },
  };
}

/** A headline set in capitals ("MAN CHARGED AFTER STORM"): three or more all-capital words. */
function isCapitalsHeadline(run: number[], tokens: Token[]): boolean {
  const words = run.map((i) => (tokens[i] as Token).text).filter((w) => /\p{L}{2}/u.test(w));
  return words.length >= 3 && words.every((w) => w === w.toUpperCase());
}

/**
 * Drops the words a run has only because a sentence starts there: function and
 * discourse words ("Meanwhile", "The"), and an ordinary word before a name
 * ("Newcomer Jane Doe", "Striker John Roe") when the document writes it in
 * lower case elsewhere or a given name follows it. Names of organizations and
 * places keep their first word ("National Rescue Party", "White House").
 */
function stripSentenceOpeners(
  run: number[],
  tokens: Token[],
  lowerSeen: { has(word: string): boolean },
): number[] {
  let idx = run.slice();
  while (idx.length > 0) {
    const t = tokens[idx[0] ?? 0] as Token;
    const discourse =
      t.initial && (STOP_WORDS.has(t.lower) || (/ing$|ly$/.test(t.lower) && isCommonWord(t.lower)));
    // After "Residents of Hoa Binh" loses "Residents", the "of" it leaves is no part of a name.
    if (discourse || t.lower === 'the' || NAME_CONNECTORS.has(t.lower)) idx = idx.slice(1);
    else break;
  }
  const first = tokens[idx[0] ?? 0];
  const second = tokens[idx[1] ?? 0];
  const last = tokens[idx[idx.length - 1] ?? 0];
  if (!first || !second || !last || idx.length < 2 || !first.initial) return idx;
  if (ORG_HEADS.has(bare(last)) || PLACE_WORDS.has(bare(last)) || isTitleWord(first)) return idx;
  const ordinary =
    isCommonWord(first.lower) && givenNameGender(first.lower) === null && !placeKind(first.text);
  const nameFollows = isClearGivenName(second.text) || isTitleWord(second);
  if (ordinary && (nameFollows || (lowerSeen.has(first.lower) && isNameLikeWord(second.text))))
    return idx.slice(1);
  return idx;
}

/** The name-like words ending a run ("… Defence Datuk Seri | Mohamad Hasan"), name particles included. */
function nameAtEnd(rest: number[], tokens: Token[]): number[] {
  let from = rest.length;
  while (from > 0) {
    const t = tokens[rest[from - 1] ?? 0] as Token;
    const particle = NAME_PARTICLES.has(t.lower) && from < rest.length;
    const before = tokens[rest[from - 2] ?? -1]?.text;
    if (closesHonorific(before, t.text)) break; // "… Datuk Seri | Mohamad Hasan"
    if (!particle && !isNameLikeWord(t.text)) break;
    from--;
  }
  while (from < rest.length && NAME_PARTICLES.has((tokens[rest[from] ?? 0] as Token).lower)) from++;
  // "… of Agriculture Marta Roe": a rare word of the title's object is no given name, "Marta" is.
  const given = rest.findIndex((i, k) => k >= from && isClearGivenName((tokens[i] as Token).text));
  const afterConnector = NAME_CONNECTORS.has((tokens[rest[from - 1] ?? -1]?.lower ?? '') as string);
  const firstIsGiven = isClearGivenName((tokens[rest[from] ?? 0] as Token).text);
  if (given > from && afterConnector && !firstIsGiven && rest.length - given >= 2) from = given;
  const name = rest.slice(from);
  // "Mayor of Warsaw": a lone place after the title is its object, not a person.
  const only = name.length === 1 ? (tokens[name[0] ?? 0] as Token) : null;
  if (only && (placeKind(only.text) || givenNameGender(only.text) === null)) return [];
  return name;
}

/** The object of a title ("the Bank of England", "Warsaw") becomes a candidate when it names something. */
function pushObject(out: Candidate[], text: string, tokens: Token[], object: number[]): void {
  let idx = object;
  while (idx.length > 0 && NAME_CONNECTORS.has((tokens[idx[0] ?? 0] as Token).lower))
    idx = idx.slice(1);
  if (idx.length === 0) return;
  const words = idx.map((i) => tokens[i] as Token);
  const last = words[words.length - 1] as Token;
  const named =
    ORG_HEADS.has(bare(last)) ||
    words.some((w) => ORG_HEADS.has(bare(w))) ||
    placeKind(text.slice((words[0] as Token).start, last.end)) !== null;
  if (named && !isTitleWord(words[0] as Token)) pushSplit(out, text, tokens, idx);
}

/**
 * False for a lone all-capital word that is no organization's acronym: a job
 * ("CEO", "MP"), a time ("PM"), an everyday word or a long word set in
 * capitals for emphasis ("DRAGON", "SHACKLED"); acronyms that are words are kept
 * when short ("UN", "WHO").
 */
function isAcronymWorth(part: number[], tokens: Token[]): boolean {
  if (part.length !== 1) return true;
  const t = tokens[part[0] ?? 0] as Token;
  const letters = t.text.replace(/[^\p{L}]/gu, '');
  const lower = letters.toLowerCase();
  const singular = lower.replace(/s$/, '');
  if (isTitleWord(t) || ROLE_HEADS.has(lower) || ROLE_HEADS.has(singular)) return false; // "MPs"
  if (!isAcronymToken(t.text)) return true;
  if (lower === 'am' || lower === 'pm') return false;
  if (/\./.test(t.text) || placeKind(letters) === 'country') return true; // "U.S.", "US", "D.C."
  if (letters.length > 5) return false;
  return !isCommonWord(lower) && !STOP_WORDS.has(lower);
}

/**
 * "Canadian Jane Roe", "Food Security Jane Roe": words that are no name parts
 * before a known given name that opens a run of name-like words belong to
 * something else; the name starts at the given name.
 */
function dropWordsBeforeGivenName(part: number[], tokens: Token[]): number[] {
  const word = (k: number) => (tokens[part[k] ?? 0] as Token).text;
  if (part.length < 3) return part;
  if (isNameLikeWord(word(0)) || isClearGivenName(word(0))) return part;
  const nameLike = (i: number) =>
    isNameLikeWord((tokens[i] as Token).text) || NAME_PARTICLES.has((tokens[i] as Token).lower);
  // "Intelligence Directorate Jane Roe": the name starts at a known given name.
  for (let k = 1; k < part.length - 1; k++) {
    const rest = part.slice(k);
    if (isClearGivenName(word(k)) && rest.every(nameLike)) return rest;
  }
  // "Canadian Jane Roe": one describing word before a name of two name-like words or more.
  const first = tokens[part[0] ?? 0] as Token;
  const describing =
    isCommonWord(first.lower) || /(?:ian|ese|ish|[^u]ch(?:wo)?man)$/.test(first.lower);
  if (describing && part.slice(1).every(nameLike)) return part.slice(1);
  return part;
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
  for (const whole of parts) {
    // "David Roe of | URP": the acronym split leaves the connector at the end of the name.
    let part = whole;
    const connector = (i: number | undefined) =>
      NAME_CONNECTORS.has((tokens[i ?? 0] as Token).lower);
    while (part.length > 0 && connector(part[part.length - 1])) part = part.slice(0, -1);
    while (part.length > 0 && connector(part[0])) part = part.slice(1);
    if (part.length === 0 || !isAcronymWorth(part, tokens)) continue;
    part = dropWordsBeforeGivenName(part, tokens);
    const ts = part.map((i) => tokens[i] as Token);
    const first = ts[0] as Token;
    const end = ts[ts.length - 1] as Token;
    // A lone head word ("the Army", "the Authority", "the province") names nothing in particular.
    if (ts.length === 1 && (ORG_HEADS.has(bare(first)) || PLACE_WORDS.has(bare(first)))) continue;
    // A lone pronoun or function word ("I", "I’m", "If") is never a name.
    if (ts.length === 1 && (STOP_WORDS.has(bare(first)) || /^i(?:['’]\p{L}+)?$/u.test(first.lower)))
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
