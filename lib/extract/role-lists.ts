/**
 * Lists of names that a noun for people introduces: "critics such as Jane Roe
 * and John Doe", "artists like Ostrova", "rivals including Jane Roe", "police
 * inspectors Jane Roe and John Doe", "the two deputy ministers – Jane Roe and
 * John Doe –", "Kestrel MPs Jane Roe and John Doe", "Sens. Jane Roe of Ostraven,
 * John Doe of Brackwater", "members of the Harbour Union, including …". Every
 * name in such a list is a person with that role, whatever its shape: stage
 * names and one-word names included.
 */
import { isRoleNoun, ROLE_HEADS, ROLE_MODIFIERS, STOP_WORDS, TITLE_ABBREVIATIONS } from './lexicon';

/** A capitalized word of a name or body. */
const WORD = String.raw`\p{Lu}[\p{L}\p{N}.'’-]*`;
/** Capitalized words in a row: "Jane Roe", "Harbour Union". */
const WORDS = String.raw`${WORD}(?:\s${WORD})*`;
/** One name of the list, maybe with where the person is from: "Jane Roe", "Jane Roe of North Ostraven". */
const NAME = String.raw`${WORD}(?:,?\s${WORD})*?(?:\s+of\s+(?:the\s+)?${WORDS})?`;
/** A capitalized word before the noun, never one that ends a sentence ("Kestrel", not "Ostraven."). */
const DESCRIBING = String.raw`\p{Lu}[\p{L}\p{N}'’-]*`;
/** Between two names: a comma, "and", "or", or both. */
const SEPARATOR = String.raw`(?:,\s+|\s+(?:and|or)\s+|,\s+(?:and|or)\s+)`;

/**
 * The list's head: capitalized words that may describe the noun ("Kestrel MPs",
 * "Two Harbour Party senators"), the plural noun (a lower-case word, a plural
 * of initials, or an abbreviation such as "Sens."), and the body it may belong
 * to ("members of the Harbour Union,"); then maybe "such as|like|including".
 */
const LIST_BEFORE = new RegExp(
  String.raw`(?:^|[\s(])((?:(?:${DESCRIBING}|\p{Ll}+)\s+){0,4}?)(?:(\p{L}[\p{Ll}-]+?)s|(\p{Lu}{2,4})s|(\p{Lu}\p{Ll}+)\.)` +
    String.raw`(\s+of\s+(?:the\s+)?${WORDS}(?=,?\s*(?:such as|like|including|[–—:])))?` +
    String.raw`(?:,?\s+(?:such as|like|including)\s+|\s*(?:[–—:]\s*)?)` +
    String.raw`(?:${NAME}${SEPARATOR})*$`,
  'du',
);

/** A word before the noun that only counts or points ("Two", "The", "Both"), not a body's name. */
function countsOrPoints(word: string): boolean {
  return (
    STOP_WORDS.has(word) ||
    /^(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|several|both|some|other)$/.test(
      word,
    )
  );
}

/** A word that describes the list's noun: a capitalized name word, or a word of a role ("deputy"). */
function describes(word: string): boolean {
  const lower = word.toLowerCase();
  if (countsOrPoints(lower)) return false;
  // "supporting act", "visiting professor": a participle describing the noun.
  const participle = /^\p{Ll}{3,}ing$/u.test(word);
  // "presidential candidate", "parliamentary aide": an adjective of office.
  const ofOffice = /^\p{Ll}{4,}(?:ial|ary|orial)$/u.test(word);
  return (
    /^\p{Lu}/u.test(word) ||
    participle ||
    ofOffice ||
    ROLE_MODIFIERS.has(lower) ||
    ROLE_HEADS.has(lower) ||
    isRoleNoun(lower)
  );
}

/**
 * The words right before a list's noun that describe it: capitalized ones
 * ("Kestrel Party"), and lower-case words of a role ("deputy chief"); a count
 * or pointer ("the two") ends them.
 */
function describingWords(lead: string | undefined): string[] {
  const words = (lead ?? '').split(/\s+/).filter(Boolean);
  let keep = words.length;
  while (keep > 0 && describes(words[keep - 1] as string)) keep--;
  return words.slice(keep);
}

/** The singular noun the list's head gives, or null when it names no people. */
function headNoun(m: RegExpExecArray): string | null {
  const [, , plural, initials, abbreviation] = m;
  if (plural) {
    const noun = plural.toLowerCase();
    return ROLE_HEADS.has(noun) || isRoleNoun(noun) ? noun : null;
  }
  // "MPs", "MEPs": a plural of a title written in initials.
  if (initials) return ROLE_HEADS.has(initials.toLowerCase()) ? initials : null;
  // "Sens.", "Reps.": a plural abbreviation of a title.
  const full = abbreviation ? TITLE_ABBREVIATIONS.get(abbreviation.toLowerCase()) : undefined;
  if (!full?.endsWith('s')) return null;
  return full.charAt(0).toUpperCase() + full.slice(1, -1);
}

/**
 * A list that pairs each name with its body, items parted by semicolons: "the
 * candidates of the Kestrel Party, Jane Roe; the Harbour League, John Doe; and
 * Union Party, Ann Lee". The head and the body of the name's own item.
 */
const PAIRED_LIST_BEFORE = new RegExp(
  String.raw`(?:^|\s)((?:\p{Ll}+\s+){0,2})(\p{L}[\p{Ll}-]+?)s\s+of\s+` +
    String.raw`(?:(?:the\s+)?${WORDS},\s+${NAME};\s+(?:and\s+)?)*` +
    String.raw`((?:the\s+)?${WORDS}),\s+$`,
  'du',
);

/**
 * A list after a verb that equates it with a plural noun for people: "the two
 * keepers with a goal there were Jane Roe in 2010 and John Doe", "the
 * finalists are Jane Roe and John Doe". An item may carry a short phrase of
 * time or place after its name.
 */
const COPULA_LIST_BEFORE = new RegExp(
  String.raw`(?:^|[\s(])(\p{L}[\p{Ll}-]+?)s\b(?:(?!\s(?:were|are)\s)[^.;:!?“”",\n]){0,80}?\s(?:were|are)\s+` +
    String.raw`(?:${NAME}(?:\s(?:in|from|at|of|on)\s[\p{L}\d ]{1,25}?)?(?:,\s+|,?\s+and\s+))*$`,
  'du',
);

/** The role a list after "were"/"are" gives the name at `start`, or null. */
function copulaListRole(text: string, start: number): ListRole | null {
  const before = text.slice(Math.max(0, start - 200), start);
  if (!/(?:\bwere|\bare|,|\band)\s+$/.test(before) || !/\s(?:were|are)\s/.test(before)) return null;
  // The leftmost plural may be no noun for people ("records … the goalkeepers were"): try on.
  let from = 0;
  let m = COPULA_LIST_BEFORE.exec(before);
  const people = (found: RegExpExecArray | null) =>
    found?.[1] && (ROLE_HEADS.has(found[1].toLowerCase()) || isRoleNoun(found[1].toLowerCase()));
  for (let tries = 0; m && !people(m) && tries < 4; tries++) {
    from += m.index + 1;
    m = COPULA_LIST_BEFORE.exec(before.slice(from));
  }
  if (!m?.[1] || !people(m)) return null;
  const noun = m[1].toLowerCase();
  const offset = start - before.length + from;
  const [nounStart, nounEnd] = (m.indices as NonNullable<RegExpExecArray['indices']>)[1] as [
    number,
    number,
  ];
  return { title: noun, noun, start: offset + nounStart, end: offset + nounEnd + 1 };
}

/** The role a semicolon list pairing bodies and names gives the name at `start`, or null. */
function pairedListRole(text: string, start: number): ListRole | null {
  const before = text.slice(Math.max(0, start - 300), start);
  // The name's own item ends "<body>, " and, past the first item, semicolons part them.
  if (!/,\s+$/.test(before) || !before.includes(';') || !/\bof\s/.test(before)) return null;
  const m = PAIRED_LIST_BEFORE.exec(before);
  if (!m?.[2] || !m[3]) return null;
  const noun = m[2].toLowerCase();
  if (!ROLE_HEADS.has(noun) && !isRoleNoun(noun)) return null;
  const offset = start - before.length;
  const indices = m.indices as NonNullable<RegExpExecArray['indices']>;
  const describing = describingWords(m[1]);
  const body = m[3];
  const title = [...describing, noun].join(' ') + ` of ${body}`;
  const [bodyStart, bodyEnd] = indices[3] as [number, number];
  return { title, noun, start: offset + bodyStart, end: offset + bodyEnd };
}

/**
 * The role the list the name at `start` is in gives it, with where that role
 * is written; or null. The role is the noun made singular, with the words that
 * describe it and the body it belongs to: "Kestrel MP", "member of the Harbour Union".
 */
export function listRoleBefore(text: string, start: number): ListRole | null {
  // Asked for every name, twice (its kind, then its role): answers are kept for the document.
  if (cache.text !== text) {
    cache.text = text;
    cache.found.clear();
  }
  let found = cache.found.get(start);
  if (found === undefined) {
    found = findListRole(text, start);
    cache.found.set(start, found);
  }
  return found;
}

/** A list's role for a name, and where it is written. */
export interface ListRole {
  title: string;
  noun: string;
  start: number;
  end: number;
}

const cache: { text: string; found: Map<number, ListRole | null> } = { text: '', found: new Map() };

/**
 * What may come right before a name inside a list: a separator, an
 * introducer, a plural noun or abbreviation, a dash or colon, or "were"/"are".
 * Most names follow none of these, so the costly patterns never run for them.
 */
const LIST_TAIL = /(?:,|\band|\bor|\bas|\blike|\bincluding|[–—:;(]|\p{L}s|\.|\bwere|\bare)\s*$/u;

/** Where the sentence holding `start` begins, at most `reach` back: after a line break or a full stop (not "Sens."). */
function sentenceStartBefore(text: string, start: number, reach: number): number {
  const from = Math.max(0, start - reach);
  let at = Math.max(from, text.lastIndexOf('\n', start - 1) + 1);
  for (
    let stop = text.lastIndexOf('. ', start - 1);
    stop > at;
    stop = text.lastIndexOf('. ', stop - 1)
  ) {
    const word = /\p{L}+$/u.exec(text.slice(Math.max(0, stop - 6), stop))?.[0] ?? '';
    if (word.length > 1 && !TITLE_ABBREVIATIONS.has(word.toLowerCase())) {
      at = stop + 2;
      break;
    }
  }
  return at;
}

/**
 * A word that can stand after a list's noun: a name's or body's capitalized word,
 * maybe opened by a dash or colon ("–Jane"), a word of the introducer, a
 * separator or "of the", or a lone dash or colon.
 */
const AFTER_NOUN = /^(?:[–—:]*\p{Lu}.*|and|or|of|the|such|as|like|including|[–—:]+)$/u;

/**
 * Where in `window` a list's head can start at the earliest. After the noun a
 * list holds only words of {@link AFTER_NOUN}, so the noun is the last word of
 * another kind or after it, and at most four describing words come before the
 * noun. The pattern, tried at every space of the window, cost most of finding
 * lists; from this point on it finds the same match. The point is a space,
 * which the pattern's "^|[\s(]" consumes as it did in the whole window.
 */
function listSearchFrom(window: string): number {
  const words = [...window.matchAll(/\S+/g)];
  let noun = words.length - 1;
  while (noun >= 0 && AFTER_NOUN.test(words[noun]![0])) noun--;
  // The noun is at `noun` or after it; keep the four describing words any noun may have, and one to spare.
  const first = words[noun - 6];
  return first ? first.index + first[0].length : 0;
}

function findListRole(text: string, start: number): ListRole | null {
  if (!LIST_TAIL.test(text.slice(Math.max(0, start - 16), start))) return null;
  const window = text.slice(sentenceStartBefore(text, start, 200), start);
  // The leftmost head may be no noun for people ("the likes of Lords …"): try the next one.
  let before = window.slice(listSearchFrom(window));
  let m = LIST_BEFORE.exec(before);
  let noun = m && headNoun(m);
  for (let tries = 0; m && !noun && tries < 4; tries++) {
    before = before.slice(m.index + 1);
    m = LIST_BEFORE.exec(before);
    noun = m && headNoun(m);
  }
  if (!m || !noun) return pairedListRole(text, start) ?? copulaListRole(text, start);
  const offset = start - before.length;
  const indices = m.indices as NonNullable<RegExpExecArray['indices']>;
  const describing = describingWords(m[1]);
  let from = (indices[1] as [number, number])[1];
  for (const word of [...describing].reverse()) from = before.lastIndexOf(word, from - 1);
  const body = (m[5] ?? '').trim();
  const title = [...describing, noun].join(' ') + (body ? ` ${body}` : '');
  const nounEnd = (indices[5] ?? indices[4] ?? indices[3] ?? indices[2] ?? [0, 0])[1];
  const end = indices[5] ? nounEnd : nounEnd + 1;
  return { title, noun, start: offset + from, end: offset + end };
}
