/**
 * Who "he" and "she" are. Reporters write the full name once, then pronouns;
 * a pronoun points at the most recent person of its gender, or at the most
 * recent person whose gender the text has not told. Gender is read only from
 * the text: an honorific (Mr, Ms), or a pronoun that follows a person's name
 * in the same sentence with no other person between ("Hun Sen himself").
 */
import type { Sentence } from './sentences';
import type { Token } from './names';
import { HONORIFICS, PERSON_PRONOUNS } from './lexicon';
import type { PersonMention, PronounResolver } from './quotes';

type Gender = 'male' | 'female';

/** How far back (in characters) a pronoun may reach for its person. */
const REACH = 1500;

/**
 * Learns genders from honorifics and same-sentence pronouns, and returns a
 * resolver for "he"/"she" at an offset. `people` are mentions outside quotes,
 * in text order; `honorifics` maps entity → the honorific used with it.
 */
export function pronounResolver(
  people: PersonMention[],
  tokens: Token[],
  sentences: Sentence[],
  honorifics: ReadonlyMap<number, string>,
  insideQuote: (offset: number) => boolean,
): PronounResolver {
  const gender = new Map<number, Gender>();
  for (const [entity, honorific] of honorifics) {
    const g = HONORIFICS.get(honorific.toLowerCase().replace(/\.$/, ''));
    if (g) gender.set(entity, g);
  }
  let s = 0;
  for (const t of tokens) {
    const g = PERSON_PRONOUNS.get(t.lower);
    if (!g || insideQuote(t.start)) continue;
    while (s < sentences.length && (sentences[s] as Sentence).end <= t.start) s++;
    const sentence = sentences[s];
    if (!sentence || sentence.start > t.start) continue;
    const nearest = people.filter((m) => m.start >= sentence.start && m.end <= t.start).pop();
    if (nearest && !gender.has(nearest.entity)) gender.set(nearest.entity, g);
  }
  return (wanted, offset) => {
    for (let i = people.length - 1; i >= 0; i--) {
      const m = people[i] as PersonMention;
      if (m.start >= offset) continue;
      if (offset - m.start > REACH) break;
      const known = gender.get(m.entity);
      if (known && known !== wanted) continue;
      gender.set(m.entity, wanted);
      return m.entity;
    }
    return null;
  };
}
