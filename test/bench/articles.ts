/**
 * Synthetic news copy written the way the Phnom Penh Post writes: headline,
 * date and reporter lines, roles before names, quotes attributed on second
 * reference by the short form, acronyms with curly possessives, honorifics.
 */
import type { RawSource } from '@/lib/model/source';
import type { BenchEntity } from './names';
import type { Random } from './random';

const CLAUSES = [
  'officials had been summoned to the town hall to hear the speech',
  'the party would face dissolution before the national elections',
  'council members were being pressed to defect in exchange for keeping their posts',
  'the ministry had filed a complaint with the court last week',
  'the campaign was part of a nationwide strategy',
  'local officials were only campaigning in line with the leader’s speech',
  'the sanctions would hurt garment workers first',
  'the commune council would meet again on Friday',
  'nobody had been threatened and the allegations were baseless',
  'the dispute over the land had dragged on for more than three years',
];
const QUOTES = [
  'We are willing to do farming instead',
  'They said that if we do not join, the party will be dissolved',
  'I will not leave the people who voted for us',
  'We do not intimidate or scare, we just articulate the meaning of the decision',
  'In the past it was worse than this, now it is only a psychological threat',
  'It is like a salesman who does not believe in his own product',
];
const ROLES = [
  'spokesperson',
  'political analyst',
  'Deputy President',
  'commune chief',
  'provincial governor',
  'lawmaker',
  'secretary of state',
  'director',
];
const CONNECTIVES = [
  'Meanwhile,',
  'However,',
  'On Monday,',
  'Separately,',
  'Last year,',
  'According to the statement,',
];
const REPORTERS = [
  'Leonie Kijewski',
  'Ananth Baliga',
  'Mech Dara',
  'Niem Chheng',
  'Andrew Nachemson',
  'Ben Paviour',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The entities one story is about. */
export interface Cast {
  people: BenchEntity[];
  organizations: BenchEntity[];
  places: BenchEntity[];
}

/** Picks a story's cast from a pool of profiles. */
export function pickCast(rng: Random, pool: readonly BenchEntity[]): Cast {
  const of = (kind: string, count: number) => {
    const matching = pool.filter((entity) => entity.kind === kind);
    return Array.from({ length: count }, () => rng.pick(matching));
  };
  return {
    people: of('person', rng.int(2, 4)),
    organizations: of('organization', rng.int(1, 3)),
    places: of('place', rng.int(1, 2)),
  };
}

/** One sentence about the cast. `first` means the person has not been named yet in the story. */
export function sentence(rng: Random, cast: Cast, first: boolean): string {
  const person = rng.pick(cast.people);
  const org = rng.pick(cast.organizations);
  const place = rng.pick(cast.places);
  const orgShort = org.acronym ?? org.name;
  const clause = rng.pick(CLAUSES);
  if (first) {
    switch (rng.int(0, 2)) {
      case 0:
        return `${orgShort} ${rng.pick(ROLES)} ${person.name} said ${clause}.`;
      case 1:
        return `${person.name}, ${rng.pick(ROLES)} of the ${org.name}, told The Post that ${clause}.`;
      default:
        return `In ${place.name}, ${rng.pick(ROLES)} ${person.name} said ${clause}.`;
    }
  }
  switch (rng.int(0, 4)) {
    case 0:
      return `“${rng.pick(QUOTES)},” ${person.short ?? person.name} said.`;
    case 1:
      return `${rng.pick(CONNECTIVES)} ${person.short ?? person.name} argued that ${clause}.`;
    case 2:
      return `The ${orgShort}’s officials in ${place.name} said ${clause}.`;
    case 3:
      return `Mr ${person.name} declined to comment on the ${org.name}’s plans.`;
    default:
      return `${rng.pick(CONNECTIVES)} ${clause.charAt(0).toUpperCase()}${clause.slice(1)}, ${rng.pick(REPORTERS).split(' ')[0]} noted.`;
  }
}

/** A whole article as a source file, about 250–700 words. */
export function generateArticle(
  rng: Random,
  pool: readonly BenchEntity[],
  index: number,
): RawSource {
  const cast = pickCast(rng, pool);
  const named = new Set<BenchEntity>();
  const paragraphs: string[] = [];
  for (let p = rng.int(8, 18); p > 0; p--) {
    const sentences: string[] = [];
    for (let s = rng.int(1, 3); s > 0; s--) {
      const fresh = cast.people.find((person) => !named.has(person));
      if (fresh) named.add(fresh);
      sentences.push(
        sentence(rng, fresh ? { ...cast, people: [fresh] } : cast, fresh !== undefined),
      );
    }
    paragraphs.push(sentences.join(' '));
  }
  const lead = cast.organizations[0]!;
  const headline = `${lead.acronym ?? lead.name} alleges local push to coerce officials in ${cast.places[0]!.name}`;
  const date = `${rng.int(1, 28)} ${rng.pick(MONTHS)} ${rng.int(2012, 2019)}`;
  const content = [
    headline,
    `Publication date\n${date} | 06:41 ICT`,
    `Reporter : ${rng.pick(REPORTERS)}`,
    ...paragraphs,
  ].join('\n\n');
  return {
    origin: `article-${String(index).padStart(4, '0')}.txt`,
    format: 'txt',
    content: `${content}\n`,
  };
}

/** Number of white-space separated words. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}
