/**
 * Grouping one document's name mentions into entities: full names first, then
 * acronyms onto their expansions, single words onto the one person whose name
 * they shorten, and spelling variants onto each other.
 */
import { aliasKey, isAcronymToken } from '@/lib/match/normalize';
import type { AliasForm, EntityKind } from '@/lib/model/bundle-format';
import type { Candidate, Token } from './names';
import { isTitleWord } from './tokens';
import { addCues, decideKind, mentionCues, noCues, type Cues } from './classify';
import {
  acronymMatches,
  isSpellingVariant,
  organizationKey,
  parentheticalAcronyms,
} from './aliases';
import { PLACE_WORDS } from './lexicon';
import { isNameLikeWord } from './name-evidence';
import { remembered } from './remembered';

/**
 * The alias key of a name's text, kept: a name recurs, every alias added is
 * compared by key with the group's others, and extractDocument keys each
 * mention and alias again.
 */
export const keyOf = remembered(aliasKey, 50_000);

/** One way a group was written, first occurrence. */
export interface GroupAlias {
  text: string;
  form: AliasForm;
  start: number;
  end: number;
}

/** An entity of one document while it is being built. */
export interface Group {
  kind: EntityKind | null;
  name: string;
  key: string;
  cues: Cues;
  /** Indices into the candidate list. */
  mentions: number[];
  aliases: GroupAlias[];
  /** Lowercase place word written after the name ("commune"), for variant checks. */
  placeWord: string | null;
  /** Set when merged into another group. */
  mergedInto: Group | null;
}

function newGroup(c: Candidate, index: number, cues: Cues): Group {
  return {
    kind: null,
    name: c.fullName ?? c.text,
    key: keyOf(c.fullName ?? c.text),
    cues,
    mentions: [index],
    aliases: [
      {
        text: c.text,
        form: isAcronymToken(c.text) && !c.text.includes(' ') ? 'acronym' : 'name',
        start: c.start,
        end: c.end,
      },
    ],
    placeWord: null,
    mergedInto: null,
  };
}

function addAlias(g: Group, c: Candidate, form: AliasForm, text: string, start: number): void {
  if (!g.aliases.some((a) => keyOf(a.text) === keyOf(text) && a.form === form)) {
    g.aliases.push({ text, form, start, end: c.end });
  }
}

/**
 * "Professor Jane Roe", "Professor Roe": an academic title the text uses as a form of
 * address is kept with the name, like an honorific, so the page marks the form as written.
 */
function addAcademicForm(g: Group, c: Candidate, text: string): void {
  if (!c.title || c.honorific || text.slice(c.title.end, c.start) !== ' ') return;
  if (!/^Prof(?:essor|\.)?$/.test(text.slice(c.title.start, c.title.end))) return;
  addAlias(g, c, 'honorific', text.slice(c.title.start, c.end), c.title.start);
}

function nameWords(g: Group): string[] {
  return g.name.split(/\s+/).map((w) => w.replace(/['’]s$/, ''));
}

/**
 * Builds the groups of a document. `candidates` must be in text order;
 * `mentionGroup[i]` is set to the group of candidate i (or null when dropped).
 */
export function groupCandidates(
  text: string,
  tokens: Token[],
  candidates: Candidate[],
  boost: ReadonlyMap<number, Partial<Cues>> = new Map(),
): { groups: Group[]; mentionGroup: (Group | null)[] } {
  const cues = candidates.map((c, i) => {
    const found = mentionCues(c, text, tokens);
    addCues(found, { ...noCues(), ...boost.get(i) });
    return found;
  });
  const byKey = new Map<string, Group>();
  const groups: Group[] = [];
  const single: number[] = [];
  const acronyms: number[] = [];
  candidates.forEach((c, i) => {
    const key = keyOf(c.fullName ?? c.text);
    if (!key) return;
    const alone = c.tokens.length === 1 && !c.fullName;
    if (alone && isAcronymToken(c.text)) acronyms.push(i);
    else if (alone) single.push(i);
    else {
      let g = byKey.get(key);
      if (!g) {
        g = newGroup(c, i, noCues());
        byKey.set(key, g);
        groups.push(g);
      } else g.mentions.push(i);
      addCues(g.cues, cues[i] as Cues);
      if (c.honorific)
        addAlias(g, c, 'honorific', text.slice(c.honorificStart, c.end), c.honorificStart);
      addAcademicForm(g, c, text);
    }
  });
  for (const g of groups) g.kind = decideKind(g.cues, nameWords(g).length, false);

  // Single words: a reference to one full person name of the document (a headline or
  // caption may use the surname before the body gives the full name), or a name of their own.
  for (const i of single) {
    const c = candidates[i] as Candidate;
    const word = keyOf(c.text);
    const owners = groups.filter(
      (g) => g.kind === 'person' && g.mergedInto === null && g.key.split(' ').includes(word),
    );
    if (owners.length === 1) {
      const g = owners[0] as Group;
      g.mentions.push(i);
      addCues(g.cues, cues[i] as Cues);
      addAlias(
        g,
        c,
        c.honorific ? 'honorific' : 'short',
        c.honorific ? text.slice(c.honorificStart, c.end) : c.text,
        c.honorific ? c.honorificStart : c.start,
      );
      addAcademicForm(g, c, text);
      continue;
    }
    if (owners.length > 1) continue; // "Sen" after two people named Sen: cannot tell which
    let g = byKey.get(word);
    // "Pearlman said" after "Jane Perlman": a misspelt surname of the one person it is close to.
    const misspelt = g ? undefined : misspeltSurnameOf(word, groups, cues[i] as Cues);
    if (misspelt) {
      misspelt.mentions.push(i);
      addCues(misspelt.cues, cues[i] as Cues);
      addAlias(misspelt, c, 'variant', c.text, c.start);
      continue;
    }
    if (!g) {
      g = newGroup(c, i, noCues());
      byKey.set(word, g);
      groups.push(g);
    } else g.mentions.push(i);
    addCues(g.cues, cues[i] as Cues);
    g.kind = decideKind(g.cues, 1, false);
  }

  // Acronyms: defined in parentheses, or the initials of a capitalized name in the document.
  const defined = parentheticalAcronyms(text);
  for (const i of acronyms) {
    const c = candidates[i] as Candidate;
    const letters = c.text.replace(/\./g, '');
    const definedAs = defined.get(letters);
    const expansion = groups.find(
      (g) =>
        g.mergedInto === null &&
        g.kind !== 'person' &&
        nameWords(g).length > 1 &&
        (definedAs ? keyOf(definedAs) === g.key : acronymMatches(letters, nameWords(g))),
    );
    // "Ostraven Vikas Samiti (OVS)": a name defined with initials is a body's, unless a title or an
    // honorific made it a person's.
    const definedPerson =
      definedAs && !expansion && letters.length >= 3
        ? groups.find(
            (g) =>
              g.mergedInto === null &&
              g.kind === 'person' &&
              g.cues.strongPerson === 0 &&
              // The definition's capitals may run on from a title before it ("Chief Minister and …").
              (keyOf(definedAs) === g.key ||
                (keyOf(definedAs).endsWith(` ${g.key}`) &&
                  acronymMatches(letters, nameWords(g)))) &&
              nameWords(g).length >= 3,
          )
        : undefined;
    if (definedPerson) definedPerson.kind = 'organization';
    // "RKV" for R Kiran Vardhan: three initials or more of one person's whole name.
    const initialsOf =
      !expansion && !definedAs && letters.length >= 3
        ? groups.filter(
            (g) =>
              g.mergedInto === null &&
              g.kind === 'person' &&
              nameWords(g).length === letters.length &&
              acronymMatches(letters, nameWords(g)),
          )
        : [];
    if (initialsOf.length === 1 && !byKey.get(keyOf(c.text))) {
      const person = initialsOf[0] as Group;
      person.mentions.push(i);
      addAlias(person, c, 'acronym', c.text, c.start);
      continue;
    }
    const target = expansion ?? definedPerson ?? byKey.get(keyOf(c.text));
    if (target) {
      target.mentions.push(i);
      addCues(target.cues, cues[i] as Cues);
      if (target !== byKey.get(keyOf(c.text))) addAlias(target, c, 'acronym', c.text, c.start);
      if (expansion && (target.kind === null || definedAs))
        target.kind = target.kind ?? 'organization';
      continue;
    }
    const g = newGroup(c, i, { ...(cues[i] as Cues) });
    byKey.set(keyOf(c.text), g);
    groups.push(g);
  }
  coordinateWithPeople(text, tokens, candidates, groups);
  for (const g of groups) {
    if (g.aliases[0]?.form === 'acronym' && g.name === g.aliases[0].text)
      g.kind = decideKind(g.cues, 1, true, g.name.replace(/[^\p{L}]/gu, '').length);
  }

  // The place word written after a place name tells "Kork Chak commune" from "Kork Chak district".
  for (const g of groups) {
    for (const m of g.mentions) {
      const c = candidates[m] as Candidate;
      const next = tokens[c.first + c.tokens.length];
      if (next && PLACE_WORDS.has(next.lower)) g.placeWord ??= next.lower;
    }
  }
  mergeVariants(groups);
  const live = groups.filter((g) => g.mergedInto === null && g.kind !== null);
  const mentionGroup: (Group | null)[] = candidates.map(() => null);
  for (const g of groups) {
    let root: Group = g;
    while (root.mergedInto) root = root.mergedInto;
    if (root.kind === null) continue;
    for (const m of g.mentions) mentionGroup[m] = root;
  }
  return { groups: live, mentionGroup };
}

/**
 * The one person of the document whose surname `word` is a spelling variant of
 * ("Pearlman" of Jane Perlman), when the word itself reads as a person (it
 * speaks or acts); or undefined. Short words and words close to two people's
 * surnames are never taken.
 */
function misspeltSurnameOf(word: string, groups: Group[], cues: Cues): Group | undefined {
  if (word.length < 6 || word.includes(' ')) return undefined;
  if (cues.speaker === 0 && cues.strongPerson === 0 && cues.actor === 0) return undefined;
  const close = groups.filter((g) => {
    if (g.kind !== 'person' || g.mergedInto !== null) return false;
    const words = g.key.split(' ');
    const surname = words[words.length - 1] ?? '';
    return words.length > 1 && surname !== word && isSpellingVariant(surname, word);
  });
  return close.length === 1 ? close[0] : undefined;
}

/** What joins two names of one list: a comma, "and", "or", "&". */
const COORDINATION = /^(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$/;

/**
 * "Roe and Doe", "with Jane Roe, Doe and others": a lone word of no kind yet,
 * listed beside a person, is a person too. Only a word that could be a name
 * (no everyday word, no place, no title) is taken.
 */
function coordinateWithPeople(
  text: string,
  tokens: Token[],
  candidates: Candidate[],
  groups: Group[],
): void {
  const groupOf = new Map<number, Group>();
  for (const g of groups) for (const m of g.mentions) groupOf.set(m, g);
  // A person by their own evidence (a given name, a title, speech), not merely by shape, or one
  // this pass found in the same list ("Roe, Velkaar, Ostrin and Dace": the list runs on).
  const listedPeople = new Set<Group>();
  const isPerson = (i: number): boolean => {
    const g = groupOf.get(i);
    return (
      g !== undefined &&
      g.kind === 'person' &&
      g.mergedInto === null &&
      (g.cues.given > 0 || g.cues.strongPerson > 0 || g.cues.speaker > 0 || listedPeople.has(g))
    );
  };
  // "Kestrelford MP Jane Roe", "Brackwater and The Fens MP Jane Roe": a title soon after the
  // word makes it the title's object (a seat, a body), not a name of the list.
  const titleFollows = (c: Candidate): boolean => {
    for (
      let k = c.first + c.tokens.length;
      k < tokens.length && k < c.first + c.tokens.length + 5;
      k++
    ) {
      const t = tokens[k] as Token;
      if (!t.joined) return false;
      if (isTitleWord(t)) return true;
      // The seat's name runs on in capitals and joining words only; a verb ends the look.
      if (t.text === t.lower && !['and', 'of', 'the', '&'].includes(t.lower)) return false;
    }
    return false;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const g of groups) {
      if (coordinated(g)) {
        g.kind = 'person';
        listedPeople.add(g);
        changed = true;
      }
    }
  }

  function coordinated(g: Group): boolean {
    if (g.kind !== null || g.mergedInto !== null || nameWords(g).length !== 1) return false;
    if (g.cues.gazPlace > 0 || g.cues.org > 0 || g.cues.place > 0 || g.cues.law > 0) return false;
    if (!isNameLikeWord(g.name)) return false;
    return g.mentions.some((i) => {
      const c = candidates[i] as Candidate;
      if (titleFollows(c)) return false;
      const before = candidates[i - 1];
      const after = candidates[i + 1];
      return (
        (before !== undefined &&
          isPerson(i - 1) &&
          COORDINATION.test(text.slice(before.end, c.start))) ||
        (after !== undefined &&
          isPerson(i + 1) &&
          COORDINATION.test(text.slice(c.end, after.start)))
      );
    });
  }
}

/** Merges spelling variants of one place, organization or person within a document. */
function mergeVariants(groups: Group[]): void {
  for (let a = 0; a < groups.length; a++) {
    const ga = groups[a] as Group;
    if (ga.mergedInto || ga.kind === null) continue;
    for (let b = a + 1; b < groups.length; b++) {
      const gb = groups[b] as Group;
      if (
        gb.mergedInto ||
        gb.kind !== ga.kind ||
        ga.aliases[0]?.form === 'acronym' ||
        gb.aliases[0]?.form === 'acronym'
      )
        continue;
      if (ga.placeWord && gb.placeWord && ga.placeWord !== gb.placeWord) continue;
      if (ga.kind === 'person' && ga.key.split(' ').length !== gb.key.split(' ').length) continue;
      const orgKey = ga.kind === 'organization' ? organizationKey(ga.name) : null;
      const sameBody = orgKey !== null && orgKey === organizationKey(gb.name);
      if (ga.key === gb.key || !(sameBody || isSpellingVariant(ga.key, gb.key))) continue;
      // The fuller, earlier-seen spelling stays the name; the other becomes a variant alias.
      const [keep, drop] = ga.mentions.length >= gb.mentions.length ? [ga, gb] : [gb, ga];
      drop.mergedInto = keep;
      keep.mentions.push(...drop.mentions);
      keep.mentions.sort((x, y) => x - y);
      addCues(keep.cues, drop.cues);
      for (const alias of drop.aliases)
        keep.aliases.push({ ...alias, form: alias.form === 'name' ? 'variant' : alias.form });
    }
  }
}
