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
  CLUB_WORDS,
  HONORIFICS,
  NAME_CONNECTORS,
  isRoleNoun,
  ORG_HEADS,
  ROLE_HEADS,
  PLACE_WORDS,
  VENUE_HEADS,
  STOP_WORDS,
} from './lexicon';
import {
  bare,
  isCapitalized,
  isTitleHead,
  isTitleWord,
  NAME_PARTICLES,
  type Token,
} from './tokens';
import {
  dropWordsBeforeGivenName,
  isAcronymWorth,
  isCapitalsHeadline,
  lowercaseWords,
  nameAtEnd,
  stripSentenceOpeners,
} from './name-spans';

export { isTitleWord, tokenize, type Token } from './tokens';

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
  /** Followed by "of" and a place or body ("Jane Roe of Ostraven"): where a person is from. */
  ofWhere?: boolean;
  /** The whole name when the text leaves part of it implied ("Harbour" of "the Harbour and Rail Committees"). */
  fullName?: string;
}

/** Splits tokens into runs of capitalized words joined by spaces (and "of", "for"… inside). */
function capitalizedRuns(tokens: Token[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  const close = (): void => {
    while (run.length > 0 && !namePart(tokens, run[run.length - 1] ?? 0)) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    // A name never runs across a sentence or paragraph start ("… for Jane Roe | Asked what …").
    const continues =
      run.length > 0 && t.joined && !t.initial && prev !== undefined && !prev.possessive;
    if (!continues) close();
    if (namePart(tokens, i)) run.push(i);
    else if (run.length > 0 && continues && NAME_CONNECTORS.has(t.lower)) run.push(i);
    else close();
    // "People’s Party": a possessive common noun inside an organization name continues the run.
    if (t.possessive && isCapitalized(t)) {
      const next = tokens[i + 1];
      // "St Anselm’s College", "King’s College": a saint's or common noun's possessive in a body's name.
      const saint = /^(?:st\.?|saint)$/.test(prev?.lower ?? '');
      const inName =
        next &&
        isCapitalized(next) &&
        (isCommonWord(t.lower) || saint) &&
        runEndsInOrgHead(tokens, i + 1);
      if (inName) t.possessive = false;
      else close();
    }
  });
  close();
  return runs;
}

/** A number written out: "fifty-three", "twenty", "thousand". */
const UNIT = 'one|two|three|four|five|six|seven|eight|nine';
const NUMBER_WORD = new RegExp(
  `^(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:${UNIT}))?|${UNIT}|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|hundred|thousand|million|billion)$`,
);

/** Bodies a country has one of, so a capitalized "Parliament" or "Senate" names it. */
const LEGISLATURES = new Set(['parliament', 'senate', 'congress', 'cabinet']);

/** Words before a month that make it a date: "in May", "since April", "mid-June". */
const MONTH_LEADS =
  /^(?:in|on|since|until|till|by|from|during|before|after|last|next|of|early|late|mid-?)$/;

/**
 * A capitalized word of a name: also a month that is a surname ("Jane May",
 * "Brian August") right after a known given name, when no day number follows
 * it, or one opening a name before a surname ("Jan Novak").
 */
function namePart(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (isCapitalized(t)) return true;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  // "Jan Novak", "April Roe": a month or its short form opening a name, no day number after it.
  if (
    next?.joined &&
    CALENDAR_WORDS.has(t.lower) &&
    /^\p{Lu}\p{Ll}+$/u.test(t.text) &&
    isNameLikeWord(next.text) &&
    !isClearGivenName(next.text) &&
    !CALENDAR_WORDS.has(next.lower) &&
    !(prev && (/^\d/.test(prev.text) || MONTH_LEADS.test(prev.lower)))
  )
    return true;
  if (!prev || !t.joined || !/^\p{Lu}\p{Ll}+$/u.test(t.text) || /^\d/.test(next?.text ?? ''))
    return false;
  return CALENDAR_WORDS.has(t.lower) && isClearGivenName(prev.text);
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
 * Jane Roe", "Governor of the Bank of Ruritania John Doe") stays a title:
 * the person is the name-like words at its end, the object a candidate of its own.
 */
export function findCandidates(text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  const lowerSeen = lowercaseWords(tokens);
  for (const run of capitalizedRuns(tokens)) {
    if (isCapitalsHeadline(run, tokens)) continue;
    let idx = stripSentenceOpeners(run, tokens, lowerSeen);
    if (idx.length === 0) continue;
    // "House of Elders", "Chamber of Deputies": a chamber's whole name, whatever title words it holds.
    const chamber =
      idx.length >= 3 &&
      idx.length <= 5 &&
      ['house', 'chamber'].includes((tokens[idx[0] ?? 0] as Token).lower) &&
      (tokens[idx[1] ?? 0] as Token).lower === 'of';
    if (chamber) {
      pushSplit(out, text, tokens, idx);
      continue;
    }
    // "Sen. Jane Roe of Ostraven", "John Doe of Brackwater Capital Markets": a person and where they are from.
    const from = personOfWhere(idx, tokens, text);
    let ofWhere = false;
    if (from > 0) {
      pushSplit(out, text, tokens, idx.slice(from + 1));
      idx = idx.slice(0, from);
      ofWhere = true;
    }
    const mark = (c: Candidate | null): void => {
      if (c && ofWhere) c.ofWhere = true;
    };
    // Title and honorific before the name: everything up to the last title head.
    let cut = -1;
    for (let k = 0; k < idx.length - 1; k++) {
      const t = tokens[idx[k] ?? 0] as Token;
      const before = k > 0 ? tokens[idx[k - 1] ?? 0]?.text : undefined;
      if (isTitleHead(t, tokens[idx[k + 1] ?? 0]) || closesHonorific(before, t.text)) cut = k;
    }
    // "Minister of Works Datuk Seri X": the honorific after a title's object is no title head.
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
    // "the Bishop Tent", "the Marshal Stage": a venue named after someone, titles and all.
    if (VENUE_HEADS.has(bare(lastTok))) cut = -1;
    if (cut >= 0 && (ORG_HEADS.has(bare(lastTok)) || PLACE_WORDS.has(bare(lastTok)))) {
      // "Inspector-General of Police", "Senator Jane Roe of Ostraven State": the title's object is the
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
      // "the Prime Minister": no name; "Harbour Party" and "Senate" are bodies, not titles.
      const body = idx.length > 1 && ORG_HEADS.has(bare(lastTok));
      if (!body && idx.every((i) => isTitleWord(tokens[i] as Token))) continue;
      // "the Ostraven Governor race": a place or body before a title, and no name after it.
      let end = idx.length;
      while (end > 0 && isTitleHead(tokens[idx[end - 1] ?? 0] as Token)) end--;
      while (end > 0 && end < idx.length && isTitleWord(tokens[idx[end - 1] ?? 0] as Token)) end--;
      if (ORG_HEADS.has(bare(lastTok)) || PLACE_WORDS.has(bare(lastTok))) end = idx.length;
      // "the Sichuan Party chief": a place's party boss; the place is named, the party is the title's.
      if (end === idx.length && localPartyTitle(idx, tokens, text)) end = idx.length - 1;
      mark(pushSplit(out, text, tokens, end < idx.length && end > 0 ? idx.slice(0, end) : idx));
      continue;
    }
    // The title starts at the first title word; what comes before it is a name of its own ("Siem Reap").
    let titleStart = cut;
    const opensTitle = (k: number): boolean => {
      const t = tokens[idx[k] ?? 0] as Token;
      // "Brackwater County Magistrate": a place word after a name ends a place, not a title's first word;
      const before = tokens[idx[k - 1] ?? -1];
      // "Harbour Committee Chairman" likewise ends a body's name.
      if (
        (PLACE_WORDS.has(bare(t)) || ORG_HEADS.has(bare(t))) &&
        before &&
        !isTitleWord(before) &&
        (isNameLikeWord(before.text) || placeKind(before.text) !== null)
      )
        return false;
      return (
        isTitleWord(t) ||
        isHonorificWord(t.text, tokens[idx[k + 1] ?? 0]?.text) ||
        closesHonorific(before?.text, t.text) // "Sri" of "Tan Sri Dr …"
      );
    };
    while (titleStart > 0 && opensTitle(titleStart - 1)) titleStart--;
    if (titleStart > 0) pushSplit(out, text, tokens, idx.slice(0, titleStart));
    let rest = idx.slice(cut + 1);
    let titleEnd = cut;
    if (rest.every((i) => isTitleWord(tokens[i] as Token))) continue; // "Ostraven Chief Minister"
    // "the 2023 General Election": no name-like word after the title, so no person. After an
    // honorific alone any one capitalized word is a surname ("Mr Brown", "Ms Rice").
    const afterHonorific =
      rest.length === 1 &&
      idx
        .slice(titleStart, cut + 1)
        .every(
          (i, k, all) =>
            isHonorificWord((tokens[i] as Token).text, tokens[all[k + 1] ?? -1]?.text) ||
            closesHonorific(tokens[all[k - 1] ?? -1]?.text, (tokens[i] as Token).text),
        ) &&
      !STOP_WORDS.has((tokens[rest[0] ?? 0] as Token).lower);
    if (
      !afterHonorific &&
      !rest.some(
        (i) =>
          isNameLikeWord((tokens[i] as Token).text) || isAcronymToken((tokens[i] as Token).text),
      )
    )
      continue;
    // "Minister of Works Datuk Seri Ahmad Rizal": the title runs on through its object.
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
    // "… of the General Harbour Directorate Jane Roe": the words after the title word are a body's
    // name, then a person's; the title word opened the body's name.
    const bodyHead = rest.findIndex(
      (i, k) => k > 0 && k < rest.length - 2 && ORG_HEADS.has(bare(tokens[i] as Token)),
    );
    if (
      bodyHead > 0 &&
      cut === titleStart &&
      rest
        .slice(bodyHead + 1)
        .every(
          (i) =>
            isNameLikeWord((tokens[i] as Token).text) ||
            NAME_PARTICLES.has((tokens[i] as Token).lower),
        )
    ) {
      pushSplit(out, text, tokens, idx.slice(titleStart, idx.indexOf(rest[bodyHead] ?? -1) + 1));
      mark(pushSplit(out, text, tokens, rest.slice(bodyHead + 1)));
      continue;
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
    mark(cand);
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
  const bodies = splitNestedBodies(
    withOrdinals(withoutMembersAfter(out, text), text, tokens),
    text,
  );
  return joinStateAbbreviations(withInnerThe(bodies, text, tokens), text);
}

/**
 * "told The Daily Kestrel", "at noon, The Greens will …": "The" capitalized inside a
 * sentence opens the name, and no person's (see classify.ts). Left alone: a
 * title in quote marks ("“The Long Road”"), a name with a head word of its own
 * ("The Harbour Board", where "The" may open a line the source ran on), a
 * compound name ("Penrith and The Vale") and a stage name ("Tyler, The Maker").
 */
function withInnerThe(found: Candidate[], text: string, tokens: Token[]): Candidate[] {
  for (const c of found) {
    const before = tokens[c.first - 1];
    const first = c.tokens[0];
    const last = c.tokens[c.tokens.length - 1];
    const preceding = tokens[c.first - 2];
    const lead = text.slice(Math.max(0, (before?.start ?? 0) - 2), before?.start ?? 0);
    if (
      !before ||
      !first ||
      !last ||
      before.text !== 'The' ||
      before.initial ||
      !first.joined ||
      c.honorific ||
      c.title ||
      ORG_HEADS.has(bare(last)) ||
      /["“‘'(]\s*$/.test(lead) ||
      (preceding !== undefined && ['and', 'or', '&'].includes(preceding.lower) && before.joined) ||
      (/,\s$/.test(lead) && preceding !== undefined && isClearGivenName(preceding.text))
    )
      continue;
    takeWordBefore(c, before, text);
  }
  return found;
}

/** Makes the token right before a candidate ("The", "3rd") its first word. */
function takeWordBefore(c: Candidate, before: Token, text: string): void {
  c.text = text.slice(before.start, c.end);
  c.start = before.start;
  c.first -= 1;
  c.tokens = [before, ...c.tokens];
}

/** Members of a legislature written in capitals after their party or seat ("Harbour MPs"). */
const SEAT_MEMBERS = new Set(['mps', 'msps', 'meps', 'mlas', 'tds']);

/** "Harbour MPs": the members are no part of the name before them. */
function withoutMembersAfter(found: Candidate[], text: string): Candidate[] {
  for (const c of found) {
    const last = c.tokens[c.tokens.length - 1];
    const kept = c.tokens[c.tokens.length - 2];
    if (!last || !kept || !SEAT_MEMBERS.has(last.lower) || c.possessive) continue;
    c.tokens = c.tokens.slice(0, -1);
    c.end = kept.end;
    c.text = text.slice(c.start, c.end);
    c.possessive = kept.possessive;
  }
  return found;
}

/** "3rd", "101st": an ordinal that numbers a unit. */
const ORDINAL = /^\d{1,3}(?:st|nd|rd|th)$/;

/** "the 3rd Harbour Brigade": an ordinal before a body's name is part of it. */
function withOrdinals(found: Candidate[], text: string, tokens: Token[]): Candidate[] {
  for (const c of found) {
    const before = tokens[c.first - 1];
    const first = c.tokens[0];
    if (
      !before ||
      !first ||
      !first.joined ||
      first.initial ||
      !ORDINAL.test(before.text) ||
      !c.tokens.some((t) => ORG_HEADS.has(bare(t))) ||
      c.honorific ||
      c.title
    )
      continue;
    takeWordBefore(c, before, text);
  }
  return found;
}

/**
 * "Harbour Brigade of the Kestrel Army": a body of two words or more "of the" another
 * body is two names, each a body of its own. "Ministry of the Interior" stays whole.
 */
function splitNestedBodies(found: Candidate[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const c of found) {
    const of = c.tokens.findIndex(
      (t, k) => t.lower === 'of' && c.tokens[k + 1]?.lower === 'the' && k >= 2,
    );
    const left = of > 0 ? c.tokens.slice(0, of) : [];
    const right = of > 0 ? c.tokens.slice(of + 2) : [];
    const leftEnd = left[left.length - 1];
    const rightStart = right[0];
    const rightEnd = right[right.length - 1];
    if (
      !leftEnd ||
      !rightStart ||
      !rightEnd ||
      !ORG_HEADS.has(bare(leftEnd)) ||
      !ORG_HEADS.has(bare(rightEnd)) ||
      c.honorific ||
      c.title
    ) {
      out.push(c);
      continue;
    }
    out.push({
      ...c,
      text: text.slice(c.start, leftEnd.end),
      end: leftEnd.end,
      tokens: left,
      possessive: false,
    });
    out.push({
      ...c,
      text: text.slice(rightStart.start, c.end),
      start: rightStart.start,
      first: c.first + of + 2,
      tokens: right,
      honorificStart: rightStart.start,
    });
  }
  return out;
}

/** A state's abbreviation in initials: "D.C.", "N.Y." */
const STATE_INITIALS = /^(?:\p{Lu}\.){2,3}$/u;

/**
 * "Brackwater, N.Y.": a place and its state's initials after a comma are one
 * place, not a place and a body named by initials. The place's own word stays
 * the words the page marks; the whole is its name.
 */
function joinStateAbbreviations(found: Candidate[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const c of found) {
    const before = out[out.length - 1];
    if (
      before &&
      c.tokens.length === 1 &&
      STATE_INITIALS.test(c.text) &&
      text.slice(before.end, c.start) === ', ' &&
      !before.possessive &&
      placeKind(before.text) !== null
    ) {
      before.fullName = text.slice(before.start, c.end);
    } else out.push(c);
  }
  return out;
}

/**
 * True for "<place> Party" before a lower-case role noun ("Sichuan Party
 * chief", "Ostraven Party secretary"): the title of a party's boss in that
 * place, not a party named after it.
 */
function localPartyTitle(idx: number[], tokens: Token[], text: string): boolean {
  const last = tokens[idx[idx.length - 1] ?? 0] as Token;
  const next = tokens[(idx[idx.length - 1] ?? 0) + 1];
  if (idx.length < 2 || bare(last) !== 'party' || !next?.joined || !/^\p{Ll}/u.test(next.text))
    return false;
  if (!ROLE_HEADS.has(next.lower) && !isRoleNoun(next.lower)) return false;
  const first = tokens[idx[0] ?? 0] as Token;
  const before = tokens[idx[idx.length - 2] ?? 0] as Token;
  return placeKind(text.slice(first.start, before.end)) !== null;
}

/**
 * The index in `idx` of an "of" that joins a person's name to a place or body
 * ("Jane Roe of Ostraven", "John Doe of the Brackwater Press"), or -1. The name
 * before it has two name-like words or more opening on a known given name, so
 * "Bank of Ruritania" and "House of Elders" stay whole; a title before "of"
 * ("Mayor of Brackwater") is left to the title rules.
 */
function personOfWhere(idx: number[], tokens: Token[], text: string): number {
  const of = idx.findIndex((i, k) => k >= 2 && (tokens[i] as Token).lower === 'of');
  if (of < 0) return -1;
  const before = idx.slice(0, of).map((i) => tokens[i] as Token);
  let after = idx.slice(of + 1).map((i) => tokens[i] as Token);
  while (after[0] && NAME_CONNECTORS.has(after[0].lower)) after = after.slice(1);
  const last = after[after.length - 1];
  if (!last || after.some((t) => t.lower === 'of')) return -1;
  const place = placeKind(text.slice((after[0] as Token).start, last.end));
  // Whatever precedes the name must be its title or honorific ("Sens."), not part of a body's name.
  const titled = (t: Token) => isTitleWord(t) || isTitleHead(t) || isHonorificWord(t.text);
  let start = before.length;
  const namePart = (t: Token) => isNameLikeWord(t.text) || isClearGivenName(t.text);
  while (start > 0 && namePart(before[start - 1] as Token)) start--;
  while (start < before.length - 1 && titled(before[start] as Token)) start++;
  const name = before.slice(start);
  // A country or region after "of" vouches for a name no list knows ("Jorund Roe of Ostraven").
  if (name.length < 2) return -1;
  const title = before.slice(0, start);
  if (!title.every(titled)) return -1;
  // After a title any given name will do ("Sen. Paul Roe"); without one, only a clear one.
  const first = (name[0] as Token).text;
  const givenFirst =
    isClearGivenName(first) || (title.length > 0 && givenNameGender(first) !== null);
  const given = givenFirst || place === 'region' || place === 'country';
  if (!given) return -1;
  // What follows "of" must name a place or body, unless a title and a given name already make a
  // person: "Sen. Jane Roe of Kestrel" is from Kestrel whatever Kestrel is.
  const body = place !== null || ORG_HEADS.has(bare(last)) || PLACE_WORDS.has(bare(last));
  if (!body && !(title.length > 0 && givenFirst)) return -1;
  return of;
}

/** The object of a title ("the Bank of Ruritania", "Brackwater") becomes a candidate when it names something. */
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

/** True when the token at `i` is a connector inside a name ("of", "for", "the"). */
function isConnectorAt(tokens: Token[], i: number | undefined): boolean {
  return NAME_CONNECTORS.has((tokens[i ?? 0] as Token).lower);
}

/** "AS Genova", "Kestrel FC": a club's initials in capitals, which belong to its name. */
export function isClubInitials(t: Token): boolean {
  return /^\p{Lu}{2,3}$/u.test(t.text) && CLUB_WORDS.has(t.lower);
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
      prevTok !== null &&
      isAcronymToken(t.text) !== isAcronymToken(prevTok.text) &&
      !oneOrg &&
      !isClubInitials(t) &&
      !isClubInitials(prevTok);
    if (!prev || acronymEdge) parts.push([i]);
    else prev.push(i);
  }
  let made: Candidate | null = null;
  for (const whole of parts) {
    // "David Roe of | URP": the acronym split leaves the connector at the end of the name.
    let part = whole;
    while (part.length > 0 && isConnectorAt(tokens, part[part.length - 1]))
      part = part.slice(0, -1);
    while (part.length > 0 && isConnectorAt(tokens, part[0])) part = part.slice(1);
    if (part.length === 0 || !isAcronymWorth(part, tokens)) continue;
    part = dropWordsBeforeGivenName(part, tokens);
    const ts = part.map((i) => tokens[i] as Token);
    const first = ts[0] as Token;
    const end = ts[ts.length - 1] as Token;
    // A lone head word ("the Army", "the Authority", "the province") names nothing in particular,
    // but a country's legislature or cabinet, capitalized mid-sentence, is that one body.
    const body = LEGISLATURES.has(bare(first)) && !first.initial;
    if (ts.length === 1 && !body && (ORG_HEADS.has(bare(first)) || PLACE_WORDS.has(bare(first))))
      continue;
    // "Fifty-three senators", "Twenty Thousand": numbers written out are no name.
    if (ts.every((t) => NUMBER_WORD.test(t.lower))) continue;
    // "KX-257b", "F-35": capitals joined to a number name a thing (a planet, a plane), and initials
    // run into a letter ("A.B.C" of "A.B.C.D") are a broken word.
    if (
      ts.length === 1 &&
      isAcronymToken(first.text) &&
      /^(?:-\d|\p{L})/u.test(text.slice(end.end, end.end + 2))
    )
      continue;
    // "Tan Sri", "Datuk Seri": honorifics left over from a name are no name of their own.
    const honorificOnly = (t: Token, k: number) =>
      isHonorificWord(t.text, ts[k + 1]?.text) || closesHonorific(ts[k - 1]?.text, t.text);
    if (ts.every(honorificOnly)) continue;
    // A lone pronoun or function word ("I", "I’m", "If") is never a name.
    if (ts.length === 1 && (STOP_WORDS.has(bare(first)) || /^i(?:['’]\p{L}+)?$/u.test(first.lower)))
      continue;
    // "Kestrel Motor Co.", "Brackwater Holdings Inc.": a company's abbreviation keeps its full stop.
    const stop =
      ['co', 'inc', 'ltd', 'corp', 'bros'].includes(end.lower) && text[end.end] === '.' ? 1 : 0;
    made = {
      text: text.slice(first.start, end.end + stop),
      start: first.start,
      end: end.end + stop,
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
