/**
 * Cues that tell what a name is, read from the words around it the way a
 * reader of news does: a title or role before a person ("CPP spokesperson
 * Sok Eysan"), an apposition after ("X, head of …"), a speech verb, an
 * honorific; organization head words ("Party", "Ministry of …"); place words
 * ("X province", "in X"). A name with no cue is dropped: precision over recall.
 */
import { isAcronymToken } from '@/lib/match/normalize';
import type { EntityKind } from '@/lib/model/bundle-format';
import type { Candidate, Token } from './names';
import { isTitleWord } from './names';
import {
  LAW_HEADS,
  NAME_CONNECTORS,
  ORG_HEADS,
  ORG_MEMBER_NOUNS,
  PLACE_ADJECTIVES,
  PLACE_WORDS,
  ROLE_HEADS,
  SAID_VERBS,
} from './lexicon';

/** Evidence for each kind, summed over a name's mentions. */
export interface Cues {
  /** A title, role, apposition or honorific: enough on its own for a person. */
  strongPerson: number;
  /** A speech verb next to the name: a person unless the name reads as an organization. */
  speaker: number;
  org: number;
  place: number;
  /** A weak place cue: "in X", "from X". */
  inPlace: number;
  law: number;
}

/** No evidence yet. */
export function noCues(): Cues {
  return { strongPerson: 0, speaker: 0, org: 0, place: 0, inPlace: 0, law: 0 };
}

/** Adds `b` into `a`. */
export function addCues(a: Cues, b: Cues): void {
  a.strongPerson += b.strongPerson;
  a.speaker += b.speaker;
  a.org += b.org;
  a.place += b.place;
  a.inPlace += b.inPlace;
  a.law += b.law;
}

const bare = (t: Token | undefined): string => (t ? t.lower.replace(/\.$/, '') : '');

/** True when the lowercase words after a name name a role ("X, head of …", "X, a spokesman for …"). */
export function appositionFollows(
  text: string,
  tokens: Token[],
  after: number,
  end: number,
): boolean {
  if (!/^,\s/.test(text.slice(end, end + 2))) return false;
  for (let i = after; i < tokens.length && i < after + 4; i++) {
    const t = tokens[i] as Token;
    if (i > after && !t.joined) return false; // a comma or other mark ends the apposition's head
    // The role noun ends its phrase ("head of", "chief,", "a spokesman for"); "executive committee" is no role.
    const following = tokens[i + 1];
    const ends =
      !following ||
      !following.joined ||
      t.possessive ||
      ['of', 'for', 'at', 'in', 'with', 'to', 'on', 'and'].includes(following.lower);
    if (ROLE_HEADS.has(bare(t)) && /^\p{Ll}/u.test(t.text) && ends) return true;
    if (
      ![
        'a',
        'an',
        'the',
        'its',
        'his',
        'her',
        'their',
        'former',
        'deputy',
        'acting',
        'senior',
        'party',
      ].includes(t.lower) &&
      !/^\p{Ll}/u.test(t.text) &&
      !isAcronymToken(t.text)
    ) {
      return false;
    }
  }
  return false;
}

/** Cues of one mention. `tokens` is the document's token list. */
export function mentionCues(c: Candidate, text: string, tokens: Token[]): Cues {
  const cues = noCues();
  const n = c.tokens.length;
  const first = c.tokens[0] as Token;
  const last = c.tokens[n - 1] as Token;
  const prev = tokens[c.first - 1];
  const next = tokens[c.first + n];
  const nextJoined =
    next !== undefined && (next.joined || c.possessive) && /^\p{Ll}/u.test(next.text);
  const acronym = n === 1 && isAcronymToken(first.text);

  if (n > 1 && (LAW_HEADS.has(first.lower) || ['law', 'act'].includes(last.lower))) cues.law++;
  if (
    ORG_HEADS.has(bare(last)) ||
    (n > 2 && ORG_HEADS.has(first.lower) && NAME_CONNECTORS.has(bare(c.tokens[1])))
  )
    cues.org += 2;
  if (PLACE_WORDS.has(last.lower) && n > 1) cues.place += 2;
  if (nextJoined && (PLACE_WORDS.has(next.lower) || PLACE_ADJECTIVES.has(next.lower)))
    cues.place += 2;
  if (
    prev &&
    ['in', 'from', 'near', 'across', 'throughout', 'outside'].includes(prev.lower) &&
    !c.possessive &&
    !acronym
  ) {
    cues.inPlace++;
  }
  if (acronym) {
    // "CPP spokesperson", "CNRP officials", "CNRP Deputy President": an organization's people.
    if (nextJoined && (ORG_MEMBER_NOUNS.has(next.lower) || ROLE_HEADS.has(next.lower))) cues.org++;
    if (next && next.joined && isTitleWord(next) && /^\p{Lu}/u.test(next.text)) cues.org++;
    return cues;
  }
  if (c.honorific || c.title) cues.strongPerson += 2;
  // A lowercase role right before the name: "spokesperson Sok Eysan", "analyst Meas Nee".
  const rolePrev = prev && ROLE_HEADS.has(prev.lower) && /^\p{Ll}/u.test(prev.text);
  if (rolePrev && text.slice(prev.end, first.start) === ' ') cues.strongPerson += 2;
  if (appositionFollows(text, tokens, c.first + n, c.end)) cues.strongPerson += 2;
  // "Residents of Hoa Binh said": the place after "of" is not the speaker.
  const ofSomething = prev !== undefined && ['of', 'in', 'from'].includes(prev.lower);
  if (next && next.joined && SAID_VERBS.has(next.lower) && !ofSomething) cues.speaker++;
  if (
    prev &&
    ['said', 'says', 'told'].includes(prev.lower) &&
    text.slice(prev.end, first.start) === ' '
  )
    cues.speaker++;
  if (prev && prev.lower === 'to' && tokens[c.first - 2]?.lower === 'according') cues.speaker++;
  return cues;
}

/**
 * The kind a name's evidence supports, or null to drop it. Head words decide
 * first (a "Party" is an organization whoever speaks for it); a person needs a
 * role, title, honorific or speech verb; a single word needs more than a verb.
 */
export function decideKind(cues: Cues, tokenCount: number, acronym: boolean): EntityKind | null {
  if (cues.law > 0) return null;
  if (cues.org >= 2 && cues.org >= cues.place) return 'organization';
  if (cues.place >= 2) return 'place';
  if (acronym) return cues.org > 0 ? 'organization' : null;
  if (cues.strongPerson > 0) return 'person';
  if (cues.speaker > 0 && tokenCount > 1) return 'person';
  if (cues.inPlace > 0 && tokenCount > 1 && cues.speaker === 0) return 'place';
  return null;
}
