/**
 * The 50,000-word text the scan bench reads: news sentences about the first
 * profiles of every store, with each name written in the ways a page writes it
 * (curly and straight possessives, NBSP, a line break, an honorific, added
 * diacritics, acronyms, short forms), and with capitalized words no store knows.
 */
import { aliasKey } from '@/lib/match/normalize';
import { countWords, pickCast, sentence } from './articles';
import type { BenchEntity } from './names';
import type { Random } from './random';

/** Where a name was written, and which entity it must link to. */
export interface PlantedName {
  start: number;
  entityId: string;
  /** How it was written: plain, curly possessive, NBSP, … */
  variant: string;
}

/** The generated text and the names planted in it. */
export interface ScanText {
  text: string;
  words: number;
  planted: PlantedName[];
}

const ACCENTS: Record<string, string> = { a: 'á', e: 'é', o: 'ó', u: 'ú', i: 'í' };

/** Ways of writing a multi-word name; each returns the text and the offset of the name inside it. */
const VARIANTS: [string, (name: string) => [string, number]][] = [
  ['plain', (name) => [name, 0]],
  ['curly possessive', (name) => [`${name}’s`, 0]],
  ['straight possessive', (name) => [`${name}'s`, 0]],
  ['NBSP', (name) => [name.replace(' ', '\u00A0'), 0]],
  ['line break', (name) => [name.replace(' ', '\n'), 0]],
  ['honorific', (name) => [`Mr ${name}`, 3]],
  ['diacritics', (name) => [name.replace(/[aeiou]/, (vowel) => ACCENTS[vowel] ?? vowel), 0]],
];

/** About `targetWords` words of copy naming entities from `known` (which every store holds). */
export function generateScanText(
  rng: Random,
  known: readonly BenchEntity[],
  targetWords: number,
): ScanText {
  let text = '';
  let words = 0;
  const planted: PlantedName[] = [];
  const append = (
    piece: string,
    name?: { offset: number; entity: BenchEntity; variant: string },
  ) => {
    if (name)
      planted.push({
        start: text.length + name.offset,
        entityId: name.entity.id,
        variant: name.variant,
      });
    text += piece;
    words += countWords(piece);
  };
  // A short form two people on the page share stays unlinked by design, so only unshared ones are planted.
  const shortCounts = new Map<string, number>();
  for (const entity of known)
    if (entity.short)
      shortCounts.set(aliasKey(entity.short), (shortCounts.get(aliasKey(entity.short)) ?? 0) + 1);
  while (words < targetWords) {
    const person = rng.pick(known.filter((entity) => entity.kind === 'person'));
    const org = rng.pick(
      known.filter((entity) => entity.kind === 'organization' && entity.acronym !== null),
    );
    const [variant, write] = rng.pick(VARIANTS);
    const [written, offset] = write(person.name);
    append('Political analyst ');
    append(written, { offset, entity: person, variant });
    append(' said that the ');
    append(org.acronym!, { offset: 0, entity: org, variant: 'acronym' });
    append('’s officials were under pressure. ');
    if (person.short && shortCounts.get(aliasKey(person.short)) === 1 && rng.chance(0.5)) {
      append('“We will not join,” ');
      append(person.short, { offset: 0, entity: person, variant: 'short form after full name' });
      append(' said. ');
    }
    // Filler: story sentences about entities no store holds (a disjoint seed), sentence-initial capitals, dates.
    const filler = `${sentence(rng, pickCast(rng, FILLER_CAST), true)} ${sentence(rng, pickCast(rng, FILLER_CAST), false)}\n\n`;
    append(filler);
  }
  return { text, words, planted };
}

/** Names no generated store contains: western names and made-up bodies. */
const FILLER_CAST: BenchEntity[] = [
  ...[
    'Daniel Marx',
    'Julia Wallace',
    'Stuart White',
    'Shaun Turton',
    'Erin Handley',
    'Martin de Bourmont',
  ].map((name) => ({
    id: `person:${name}`,
    kind: 'person' as const,
    name,
    aliases: [],
    short: name.split(' ')[1]!,
    acronym: null,
  })),
  ...['International Monetary Fund', 'European Union', 'World Bank', 'Human Rights Watch'].map(
    (name) => ({
      id: `organization:${name}`,
      kind: 'organization' as const,
      name,
      aliases: [],
      short: null,
      acronym: null,
    }),
  ),
  ...['Brussels', 'Washington', 'Bangkok'].map((name) => ({
    id: `place:${name}`,
    kind: 'place' as const,
    name,
    aliases: [],
    short: null,
    acronym: null,
  })),
];
