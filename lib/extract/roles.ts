/**
 * Roles as the article states them. News style puts a person's role either
 * before the name as a title ("CPP spokesperson Sok Eysan", "town Governor So
 * Platong") or after it as an apposition ("Mao Vibol, head of the …
 * committee, said"). The role is kept as written.
 */
import type { Candidate, Token } from './names';
import { bare, isTitleWord } from './tokens';
import { appositionFollows, skipAge } from './classify';
import { isNameLikeWord } from './name-evidence';
import { placeKind } from './gazetteer';
import { listRoleBefore } from './role-lists';
import {
  isRoleNoun,
  HONORIFICS,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  SAID_VERBS,
  STOP_WORDS,
  TITLE_ABBREVIATIONS,
} from './lexicon';

/** A role found next to a name: its text span, and the evidence span (role and name together). */
export interface FoundRole {
  title: string;
  start: number;
  end: number;
  evidenceStart: number;
  evidenceEnd: number;
}

const MAX_TITLE_WORDS = 8;
const MAX_APPOSITION_WORDS = 16;

function tokenIndexEndingAt(tokens: Token[], from: number, end: number): number {
  for (let i = from; i >= 0 && i > from - 12; i--) if ((tokens[i] as Token).end === end) return i;
  return -1;
}

/** The title written before the name, walking back over the words of the role phrase. */
function titleBefore(c: Candidate, text: string, tokens: Token[]): FoundRole | null {
  let end: number;
  if (c.title) end = c.title.end;
  else {
    const prev = tokens[c.first - 1];
    if (
      !prev ||
      // "goalkeeper Jane Roe", and "Goalkeeper Jane Roe" opening a sentence.
      !(
        ROLE_HEADS.has(prev.lower) ||
        (isRoleNoun(prev.lower) && (/^\p{Ll}/u.test(prev.text) || prev.initial))
      ) ||
      text.slice(prev.end, c.start) !== ' '
    )
      return null;
    end = prev.end;
  }
  const last = tokenIndexEndingAt(tokens, c.first - 1, end);
  if (last < 0) return null;
  let first = last;
  // A title found with the name ("Secretary of Agriculture") is walked back from its own start.
  while (c.title && first > 0 && (tokens[first] as Token).start > c.title.start) first--;
  // Walk back while only spaces join the words, stopping at function words and verbs:
  // "…said that | town Governor", "But | CPP spokesperson", "However, | political analyst".
  while (first > 0 && last - first < MAX_TITLE_WORDS - 1) {
    const t = tokens[first] as Token;
    const before = tokens[first - 1] as Token;
    if (!t.joined || t.initial) break;
    if (
      STOP_WORDS.has(before.lower) ||
      SAID_VERBS.has(before.lower) ||
      (/ed$/.test(before.lower) && !/^\p{Lu}/u.test(before.text))
    )
      break;
    // "… media shows | Hamas bureau head": before a capitalized word, only a word of the role
    // itself ("former", "town") joins it.
    const lowerBefore = /^\p{Ll}/u.test(before.text) && /^\p{Lu}/u.test(t.text);
    if (
      lowerBefore &&
      !before.possessive &&
      !ROLE_MODIFIERS.has(before.lower) &&
      !ROLE_HEADS.has(before.lower) &&
      !isRoleNoun(before.lower)
    )
      break;
    first--;
  }
  const start = (tokens[first] as Token).start;
  const title = text.slice(start, end);
  const words = title
    .toLowerCase()
    .replace(/\./g, '')
    .split(/[\s-]+/);
  if (words.every((w) => HONORIFICS.has(w))) return null;
  // "Secretary of State", "Minister of Defence": the head may come before the title's object.
  if (!words.some((w) => ROLE_HEADS.has(w) || TITLE_ABBREVIATIONS.has(w) || isRoleNoun(w)))
    return null;
  return { title: spelledOut(title), start, end, evidenceStart: start, evidenceEnd: c.end };
}

/**
 * A title whose object follows "to", or is two parts joined by "and": "Special
 * Envoy to the Harbour Board Tan Sri Jane Roe", "Minister of Harbours and Food
 * Security John Doe". The title is the capitalized title words before "to" or
 * "of", and the object after it.
 */
function titleToObject(c: Candidate, text: string, tokens: Token[]): FoundRole | null {
  const at = c.honorific ? c.honorificStart : c.start;
  let k = c.first - 1;
  while (k >= 0 && (tokens[k] as Token).end > at - 1) k--;
  if (k < 0 || text.slice((tokens[k] as Token).end, at) !== ' ') return null;
  const capitalsBack = (from: number): number => {
    let j = from;
    while (j >= 0 && from - j < 5 && /^\p{Lu}/u.test((tokens[j] as Token).text)) j--;
    return j;
  };
  let j = capitalsBack(k);
  if (j === k) return null;
  // "Minister of Harbours and Food Security Jane Roe": an object of two parts joined by "and".
  if (['and', '&'].includes(tokens[j]?.lower ?? '')) {
    const before = capitalsBack(j - 1);
    if (before === j - 1 || !['of', 'for'].includes(tokens[before]?.lower ?? '')) return null;
    j = before;
  } else {
    if (tokens[j]?.lower === 'the') j--;
    // "Director General of the Harbour Directorate Jane Roe": "of the" parts the name finder's run.
    if (tokens[j]?.lower !== 'to' && tokens[j]?.lower !== 'of') return null;
  }
  const head = tokens[j - 1];
  if (!head || !ROLE_HEADS.has(bare(head)) || !isTitleWord(head)) return null;
  let first = j - 1;
  while (
    first > 0 &&
    isTitleWord(tokens[first - 1] as Token) &&
    /^\p{Lu}/u.test((tokens[first - 1] as Token).text)
  )
    first--;
  const start = (tokens[first] as Token).start;
  const end = (tokens[k] as Token).end;
  return { title: text.slice(start, end), start, end, evidenceStart: start, evidenceEnd: c.end };
}

/**
 * A title with its wire-copy abbreviations written out ("Sen." → "Senator",
 * "Lt. Gov." → "Lieutenant Governor"): the card shows a role, not a code. A
 * plural before a list ("Sens. Jane Roe and John Doe") is each one's singular.
 */
function spelledOut(title: string): string {
  return title.replace(/\b(\p{L}+)\.(?=\s|$)/gu, (word, letters: string) => {
    const full = TITLE_ABBREVIATIONS.get(letters.toLowerCase());
    if (!full) return word;
    const one = full.replace(/s$/, '');
    return one.charAt(0).toUpperCase() + one.slice(1);
  });
}

/**
 * A role written right after the name with no comma between, as lists do:
 * "Jane Roe presidential candidate, Kestrel Party and her running mate, …".
 * The phrase opens on a word of office, holds a noun for a person within four
 * words, and a comma ends it.
 */
function roleRightAfter(c: Candidate, text: string): FoundRole | null {
  if (c.possessive) return null;
  const m = /^ ((?:\p{Ll}[\p{Ll}-]*\s){0,3}\p{Ll}[\p{Ll}-]*),/u.exec(text.slice(c.end, c.end + 60));
  if (!m?.[1]) return null;
  const words = m[1].split(/\s+/);
  const first = words[0] as string;
  const office = ROLE_MODIFIERS.has(first) || /^\p{Ll}{4,}(?:ial|ary|orial)$/u.test(first);
  const last = words[words.length - 1] as string;
  if (!office || !(ROLE_HEADS.has(last) || isRoleNoun(last))) return null;
  const start = c.end + 1;
  const end = start + m[1].length;
  return { title: m[1], start, end, evidenceStart: c.start, evidenceEnd: end };
}

/** The apposition after the name: ", head of the CNRP’s Svay Rieng provincial executive committee,". */
function appositionAfter(c: Candidate, text: string, tokens: Token[]): FoundRole | null {
  if (!appositionFollows(text, tokens, c.first + c.tokens.length, c.end)) return null;
  const { end: nameEnd } = skipAge(text, tokens, c.first + c.tokens.length, c.end);
  const start = nameEnd + 2;
  const rest = text.slice(start);
  // The apposition ends at a comma or the sentence end, not at the dots of "U.S.".
  const stop = /[,;:()“”"]|(?<![\s.]\p{Lu})\.(?:\s|$)|\n|\s[-–—]\s/u.exec(rest);
  const phrase = rest.slice(0, stop ? stop.index : rest.length).trim();
  const words = phrase.split(/\s+/);
  // "X, Minister of Economy Jane Roe, …": a list of titled names, not X's role.
  const tail = words.slice(-2);
  if (words.length > 2 && tail.every((w) => /^\p{Lu}/u.test(w) && isNameLikeWord(w))) return null;
  if (
    words.length === 0 ||
    words.length > MAX_APPOSITION_WORDS ||
    /^(?:who|which|whose|aged?)\b/i.test(phrase)
  )
    return null;
  return {
    title: phrase,
    start,
    end: start + phrase.length,
    evidenceStart: c.start,
    evidenceEnd: start + phrase.length,
  };
}

/**
 * The title written before the name and a comma: "the Mayor of Brackwater, Jan
 * Nowak", "Its chief executive, Jane Roe". The phrase runs back to a function
 * word, a verb or a mark, and must hold a role noun.
 */
function titleBeforeComma(c: Candidate, text: string, tokens: Token[]): FoundRole | null {
  // "her husband, Tan Sri Dr John Doe": the comma comes before the honorific.
  const at = c.honorific ? c.honorificStart : c.start;
  if (c.title || !/^,\s$/.test(text.slice(at - 2, at))) return null;
  let last = c.first - 1;
  while (last >= 0 && (tokens[last] as Token).end > at - 2) last--;
  const lastTok = tokens[last];
  if (!lastTok || lastTok.end !== at - 2) return null;
  let first = last;
  while (first > 0 && last - first < MAX_TITLE_WORDS - 1) {
    const t = tokens[first] as Token;
    const before = tokens[first - 1] as Token;
    if (!t.joined || t.initial) break;
    // "Mayor of Brackwater", "witnesses for the Crown": a title's object, maybe with "the".
    const object =
      ['of', 'for'].includes(before.lower) ||
      (before.lower === 'the' &&
        /^\p{Lu}/u.test(t.text) &&
        ['of', 'for'].includes(tokens[first - 2]?.lower ?? ''));
    if (STOP_WORDS.has(before.lower) && !object) break;
    if (SAID_VERBS.has(before.lower) || /ed$/.test(before.lower)) break;
    first--;
  }
  const words = tokens.slice(first, last + 1);
  while (words.length > 0 && STOP_WORDS.has((words[0] as Token).lower)) words.shift();
  // "among the chief witnesses for the Guild, Jane Roe": a plural noun as well.
  const singular = (w: string) => w.replace(/(?<=ss|sh|ch|x)es$|s$/, '');
  const roleNoun = (w: Token) =>
    ROLE_HEADS.has(w.lower.replace(/\.$/, '')) ||
    isRoleNoun(w.lower) ||
    (/s$/.test(w.lower) && (ROLE_HEADS.has(singular(w.lower)) || isRoleNoun(singular(w.lower))));
  if (words.length === 0 || !words.some(roleNoun)) return null;
  // The phrase ends on its role noun or on the role's object ("Mayor of Brackwater"), never on
  // a name after the noun ("… bureau head Jane Roe, John Doe"): that is a list of titled names.
  const lastNoun = words.findLastIndex(roleNoun);
  const tail = words.slice(lastNoun + 1);
  if (tail.length > 0 && !tail.some((w) => ['of', 'for', 'at', 'to'].includes(w.lower)))
    return null;
  // "…, said the minister, Jane Roe" reads the same; a list of names ("Jane Roe, John Doe") holds no role noun.
  const start = (words[0] as Token).start;
  const end = lastTok.end;
  return { title: text.slice(start, end), start, end, evidenceStart: start, evidenceEnd: c.end };
}

/** A party or organization in parentheses after the name: "Jane Roe (ODM)", "John Doe (Labour)". */
function parentheticalAfter(c: Candidate, text: string): FoundRole | null {
  const m = /^ \(([\p{Lu}][\p{L}\p{N}.&' -]{1,40})\)/u.exec(text.slice(c.end, c.end + 45));
  if (!m?.[1] || /\d/.test(m[1])) return null;
  const start = c.end + 2;
  const end = start + m[1].length;
  return { title: m[1], start, end, evidenceStart: c.start, evidenceEnd: end + 1 };
}

/** True when `phrase` holds a noun for what someone does ("chief executive", "treasurer"). */
function holdsRoleNoun(phrase: string): boolean {
  return phrase
    .toLowerCase()
    .split(/[\s'’]+/)
    .some((w) => ROLE_HEADS.has(w.replace(/\.$/, '')) || isRoleNoun(w));
}

/** Where a role phrase after a verb ends: a mark, the sentence end, or a clause of time or reason. */
const PHRASE_END =
  /[,;:()“”"]|(?<![\s.]\p{Lu})\.(?:\s|$)|\n|\s[-–—]\s|\s(?:until|since|when|who|which|after|before|because|but|and|on|last|this|next|yesterday|today|from \d|in \d|for \d)\b|\sin\s(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/u;

/**
 * The role after a verb that states it: "Jane Roe is the chief executive of
 * Kestrel", "… was the port's treasurer until 2019", "named Jane Roe as its new
 * chairman". The phrase must hold a role noun ("X was the first to …" holds none).
 */
function roleAfterVerb(c: Candidate, text: string): FoundRole | null {
  if (c.possessive) return null;
  // "was appointed chief of staff", "has been named as head of …": a post given is held too.
  const lead =
    /^\s+(?:(?:was|is|has been|had been|were)\s+(?:appointed|named|elected|made|promoted\s+to|sworn\s+in\s+as)(?:\s+as)?|is|was|has been|had been|became|becomes|remains|remained|serves as|served as|as)\s+(?:(?:the|a|an|its|their|his|her)\s+)?/.exec(
      text.slice(c.end, c.end + 50),
    );
  if (!lead) return null;
  const start = c.end + lead[0].length;
  const rest = text.slice(start, start + 200);
  const stop = PHRASE_END.exec(rest);
  const phrase = rest.slice(0, stop ? stop.index : rest.length).trim();
  const words = phrase.split(/\s+/);
  if (phrase === '' || words.length > MAX_TITLE_WORDS + 2 || !holdsRoleNoun(phrase)) return null;
  // The phrase starts with a noun or its describing words, never a verb or a name ("is expected",
  // "as Jane"); a place's or body's possessive may come first ("as the Kestrel's ambassador").
  const possessiveFirst = /^\p{Lu}[\p{L}.]*['’]s\s+\p{Ll}/u.test(phrase);
  if ((!/^\p{Ll}/u.test(phrase) && !possessiveFirst) || /^\p{Ll}+(?:ed|ing)\b/u.test(phrase))
    return null;
  // Without "the" or "a" the role must come first ("was treasurer"), not a state ("was alone with …").
  const first = (words[0] as string).toLowerCase();
  const determined = /(?:the|a|an|its|their|his|her)\s+$/.test(lead[0]);
  if (!determined && !ROLE_HEADS.has(first) && !ROLE_MODIFIERS.has(first) && !isRoleNoun(first))
    return null;
  const end = start + phrase.length;
  return { title: phrase, start, end, evidenceStart: c.start, evidenceEnd: end };
}

/** Nouns for holding a post, before "as <role>": "her departure as coordinator of …". */
const POST_NOUNS =
  'departure|resignation|appointment|election|nomination|role|job|post|position|tenure|time|stint|career|return|reappointment|confirmation';

const POST_AS = new RegExp(
  String.raw`\b(?:his|her|their)\s+(?:(?:new|first|second|brief|long|former|current|recent|surprise)\s+)?(?:${POST_NOUNS})\s+as\s+(?:(?:the|a|an|its|their)\s+)?`,
  'u',
);

/**
 * The role a sentence's subject holds, written later as "his/her … as <role>":
 * "Jane Roe announced on Monday her departure as coordinator of the harbour
 * group". Only for a name opening its sentence, and only up to the sentence's end.
 */
function postLaterInSentence(c: Candidate, text: string, tokens: Token[]): FoundRole | null {
  const opener = tokens[c.first];
  const titled = c.title !== null || c.honorific !== null;
  if (!opener || (!opener.initial && !titled)) return null;
  if (titled) {
    // The title or honorific must itself open the sentence.
    const at = Math.min(c.title?.start ?? c.start, c.honorific ? c.honorificStart : c.start);
    let k = c.first;
    while (k > 0 && (tokens[k - 1] as Token).start >= at) k--;
    if (!tokens[k]?.initial) return null;
  }
  const sentenceEnd = /[.!?](?:["”’)]*)(?:\s|$)/.exec(text.slice(c.end, c.end + 400));
  const sentence = text.slice(c.end, c.end + (sentenceEnd ? sentenceEnd.index : 400));
  const m = POST_AS.exec(sentence);
  if (!m) return null;
  const start = c.end + m.index + m[0].length;
  const rest = text.slice(start, start + 200);
  const stop = PHRASE_END.exec(rest);
  const phrase = rest.slice(0, stop ? stop.index : rest.length).trim();
  if (phrase === '' || phrase.split(/\s+/).length > MAX_TITLE_WORDS + 2 || !holdsRoleNoun(phrase))
    return null;
  if (!/^\p{Ll}/u.test(phrase) && !/^\p{Lu}\p{Ll}+\s/u.test(phrase)) return null;
  const end = start + phrase.length;
  return { title: phrase, start, end, evidenceStart: c.start, evidenceEnd: end };
}

/**
 * "… told reporters in his interview with Jane Roe", "in an interview with Jane Roe, the
 * minister said": the one who asks is the interviewer. "The paper's interview
 * with Jane Roe" interviews her, so only "in an", "in her/his/their" or a
 * possessive pronoun opens it.
 */
function interviewer(c: Candidate, text: string): FoundRole | null {
  const at = c.honorific ? c.honorificStart : c.start;
  const m =
    /\b(?:in\s+(?:an|a|her|his|their)|(?:her|his|their))\s+(?:(?:recent|exclusive|new|radio|television|TV|podcast)\s+)?(interview)\s+with\s+$/u.exec(
      text.slice(Math.max(0, at - 60), at),
    );
  if (!m?.[1]) return null;
  const start = Math.max(0, at - 60) + m.index + m[0].indexOf(m[1]);
  return {
    title: 'interviewer',
    start,
    end: start + m[1].length,
    evidenceStart: start,
    evidenceEnd: c.end,
  };
}

/** "critics such as Jane Roe and John Doe": each one's role is the noun, singular (lib/extract/role-lists.ts). */
function roleOfList(c: Candidate, text: string): FoundRole | null {
  const list = listRoleBefore(text, c.honorific ? c.honorificStart : c.start);
  if (!list) return null;
  const { title, start, end } = list;
  return { title, start, end, evidenceStart: start, evidenceEnd: c.end };
}

/**
 * Where someone is from, written before the name as sports and wire copy do:
 * "Croatian Jane Roe", "unseeded Ostravian Jane Roe", "Frenchman John Doe",
 * "Ruritania's Jane Roe". The words are the role, as written.
 */
function originBefore(c: Candidate, text: string): FoundRole | null {
  if (c.title) return null;
  const before = text.slice(Math.max(0, c.start - 60), c.start);
  const demonym =
    /(?:^|[\s(“"])((?:(?:unseeded|seeded|fellow|veteran|young|top-seeded)\s+)?\p{Lu}\p{Ll}+(?:ian|ese|ish|an|i|ch|man|woman))\s$/u.exec(
      before,
    );
  const possessive = /(?:^|[\s(“"])((?:\p{Lu}[\p{L}-]+\s)?\p{Lu}[\p{L}-]+['’]s)\s$/u.exec(before);
  const found =
    demonym?.[1] && !isNameLikeWord(demonym[1].split(/\s+/).at(-1) as string)
      ? demonym[1]
      : possessive?.[1] && affiliationPossessive(possessive[1].slice(0, -2))
        ? possessive[1]
        : null;
  if (!found) return null;
  const start = c.start - 1 - found.length;
  return { title: found, start, end: c.start - 1, evidenceStart: start, evidenceEnd: c.end };
}

/**
 * True for a possessive before a name that says where or whom a person is
 * from: a place the gazetteers know ("Ruritania's", "Brackwater North's" of a
 * town), or a body in initials ("KPP's"). A person's possessive ("Roe's") is not.
 */
function affiliationPossessive(owner: string): boolean {
  if (/^\p{Lu}{2,5}$/u.test(owner)) return true;
  if (placeKind(owner) !== null) return true;
  const [first, ...rest] = owner.split(' ');
  return (
    rest.length === 1 && placeKind(first as string) !== null && COMPASS.test(rest[0] as string)
  );
}

const COMPASS = /^(?:North|South|East|West|Central|Northeast|Northwest|Southeast|Southwest)$/;

/** "Jane Roe, of Kestrel Capital Markets, said": the body someone speaks for, as their role. */
function ofAfter(c: Candidate, text: string): FoundRole | null {
  const m =
    /^,\s+(of\s+(?:the\s+)?\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?\p{Lu}[\p{L}\p{N}&.'’-]*){0,5}),/u.exec(
      text.slice(c.end, c.end + 120),
    );
  if (!m?.[1]) return null;
  const start = c.end + m[0].indexOf(m[1]);
  const end = start + m[1].length;
  return { title: m[1], start, end, evidenceStart: c.start, evidenceEnd: end };
}

/**
 * "Jane Roe of Kestrel Capital Markets asked …": the body a person is named
 * with, as their role. A known place after "of" is where they are from, not
 * what they do, so it gives no role.
 */
function ofBodyAfter(c: Candidate, text: string): FoundRole | null {
  if (!c.ofWhere) return null;
  const m =
    /^\s+(of\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+(?:&\s+)?\p{Lu}[\p{L}\p{N}&.'’-]*){0,5}))/u.exec(
      text.slice(c.end, c.end + 120),
    );
  if (!m?.[1] || !m[2] || placeKind(m[2].replace(/[.,]$/, '')) !== null) return null;
  const title = m[1].replace(/[.,]$/, '');
  const start = c.end + m[0].indexOf(m[1]);
  const end = start + title.length;
  return { title, start, end, evidenceStart: c.start, evidenceEnd: end };
}

const TITLE_BEFORE_BRACKET =
  /(?:^|[\s(“"])(?:[Tt]he\s+)?((?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*)\s+\[$/u;
const TITLE_BEFORE_PARENTHESIS =
  /(?:^|[\s“"])(?:[Tt]he\s+)?((?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*)\s+\($/u;

/**
 * An editor's brackets around a role or a name, as transcripts and quotes write
 * them: "[the port's chief executive] Jane Roe", "The Prime Minister [Jane Roe]".
 */
function bracketedRole(c: Candidate, text: string): FoundRole | null {
  const at = c.honorific ? c.honorificStart : c.start;
  const before = text.slice(Math.max(0, at - 80), at);
  const role = /\[(?:(?:the|a|an)\s+)?([^[\]]{2,70})\]\s$/u.exec(before);
  if (role?.[1] && holdsRoleNoun(role[1])) {
    const start = at - before.length + role.index + role[0].indexOf(role[1]);
    const end = start + role[1].length;
    return { title: role[1], start, end, evidenceStart: start, evidenceEnd: c.end };
  }
  // "The Prime Minister [Jane Roe]", and old newspapers' "The Crown Prosecutor (Mr. J. Roe)".
  const close = text.charAt(c.end);
  if (close !== ']' && close !== ')') return null;
  const title = (close === ']' ? TITLE_BEFORE_BRACKET : TITLE_BEFORE_PARENTHESIS).exec(before);
  if (!title?.[1] || !holdsRoleNoun(title[1])) return null;
  const start = at - before.length + title.index + title[0].indexOf(title[1]);
  const end = start + title[1].length;
  return { title: title[1], start, end, evidenceStart: start, evidenceEnd: c.end + 1 };
}

/** The roles an editor put in brackets beside a mention inside a quote: "[the port's chief] Jane Roe". */
export function editorialRolesAt(c: Candidate, text: string): FoundRole[] {
  const role = bracketedRole(c, text);
  return role ? [role] : [];
}

/** Every role stated next to this mention of a person. */
export function rolesAt(c: Candidate, text: string, tokens: Token[]): FoundRole[] {
  const roles: FoundRole[] = [];
  const before =
    titleBefore(c, text, tokens) ??
    titleToObject(c, text, tokens) ??
    titleBeforeComma(c, text, tokens) ??
    bracketedRole(c, text);
  if (before) roles.push(before);
  const party = parentheticalAfter(c, text);
  if (party) roles.push(party);
  const after =
    appositionAfter(c, text, tokens) ??
    ofAfter(c, text) ??
    ofBodyAfter(c, text) ??
    roleAfterVerb(c, text) ??
    roleRightAfter(c, text) ??
    postLaterInSentence(c, text, tokens);
  if (after) roles.push(after);
  if (!before) {
    const origin = originBefore(c, text);
    if (origin) roles.push(origin);
  }
  if (!before) {
    const list = roleOfList(c, text) ?? interviewer(c, text);
    if (list) roles.push(list);
  }
  return roles;
}
