/**
 * A generated corpus of news articles on disk, for building big stores with
 * the CLI (`npm run profiles -- build`). Every name is invented: people and
 * organizations come from the bench's name generator (test/bench/names.ts),
 * reporters from the list below, sentences from the templates here.
 *
 *   tsx test/bench/corpus.ts <dir> [documents=100000] [profiles=documents]
 *
 * writes `<dir>/article-NNNNNN.txt`; the same arguments always give the same files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RawSource } from '@/lib/model/source';
import { generateEntities, type BenchEntity } from './names';
import { Random } from './random';

/** Invented bylines. */
const REPORTERS = [
  'Vanna Rithisak',
  'Sophea Malyneth',
  'Dara Kosalvireak',
  'Aldo Penmarch',
  'Ines Brokaert',
  'Tomas Vellacourt',
];
const ROLES = ['spokesperson', 'analyst', 'commune chief', 'lawmaker', 'director', 'governor'];
const CLAUSES = [
  'the council would meet again after the harvest',
  'the new road had cut travel times to the market',
  'the ministry had opened an inquiry into the land sale',
  'the vote had been postponed until the spring',
  'the budget for rural schools would grow next year',
  'the complaint had been filed with the provincial court',
];
const QUOTES = [
  'We will keep asking until someone answers',
  'The farmers were never told about the plan',
  'Nothing has changed since the last election',
];

function sentence(
  rng: Random,
  person: BenchEntity,
  org: BenchEntity,
  place: BenchEntity,
  first: boolean,
): string {
  const orgShort = org.acronym ?? org.name;
  const clause = rng.pick(CLAUSES);
  if (first)
    return rng.chance(0.5)
      ? `${person.name}, ${rng.pick(ROLES)} of the ${org.name}, said ${clause}.`
      : `In ${place.name}, ${orgShort} ${rng.pick(ROLES)} ${person.name} said ${clause}.`;
  switch (rng.int(0, 2)) {
    case 0:
      return `“${rng.pick(QUOTES)},” ${person.short ?? person.name} said.`;
    case 1:
      return `Officials of the ${orgShort} in ${place.name} said ${clause}.`;
    default:
      return `Mr ${person.name} declined to comment on the ${org.name}’s plans.`;
  }
}

/** A pool of profiles split by kind once, so picking a cast does not scan the whole pool. */
export type CorpusPool = Record<'person' | 'organization' | 'place', readonly BenchEntity[]>;

/** Splits `entities` by kind. */
export function corpusPool(entities: readonly BenchEntity[]): CorpusPool {
  const of = (kind: string) => entities.filter((entity) => entity.kind === kind);
  return { person: of('person'), organization: of('organization'), place: of('place') };
}

/** One article about a few profiles of `pool`, 150–400 words. */
export function corpusArticle(rng: Random, pool: CorpusPool, index: number): RawSource {
  const pick = (kind: keyof CorpusPool, count: number) =>
    Array.from({ length: count }, () => rng.pick(pool[kind]));
  const cast = {
    people: pick('person', rng.int(2, 4)),
    organizations: pick('organization', rng.int(1, 3)),
    places: pick('place', rng.int(1, 2)),
  };
  const paragraphs: string[] = [];
  cast.people.forEach((person) =>
    paragraphs.push(sentence(rng, person, rng.pick(cast.organizations), cast.places[0]!, true)),
  );
  for (let count = rng.int(6, 14); count > 0; count--)
    paragraphs.push(
      sentence(
        rng,
        rng.pick(cast.people),
        rng.pick(cast.organizations),
        rng.pick(cast.places),
        false,
      ),
    );
  const lead = cast.organizations[0]!;
  const content = [
    `${lead.acronym ?? lead.name} questioned over plans in ${cast.places[0]!.name}`,
    `Publication date\n${rng.int(1, 28)} March ${rng.int(2012, 2024)} | 08:15 ICT`,
    `Reporter : ${rng.pick(REPORTERS)}`,
    ...paragraphs,
  ].join('\n\n');
  return {
    origin: `article-${String(index).padStart(6, '0')}.txt`,
    format: 'txt',
    content: `${content}\n`,
  };
}

/** The first `documents` articles of the corpus for `seed`, over a pool of `profiles` invented profiles. */
export function* corpusArticles(
  documents: number,
  profiles = documents,
  seed = 29,
): Generator<RawSource> {
  const pool = corpusPool(generateEntities(Math.max(profiles, 20), seed));
  const rng = new Random(seed);
  for (let index = 0; index < documents; index++) yield corpusArticle(rng, pool, index);
}

/** Writes the corpus into `dir` (created when missing). */
export async function writeCorpus(
  dir: string,
  documents: number,
  profiles = documents,
  seed = 29,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  let batch: Promise<void>[] = [];
  for (const article of corpusArticles(documents, profiles, seed)) {
    batch.push(writeFile(join(dir, article.origin), article.content));
    if (batch.length >= 256) {
      await Promise.all(batch);
      batch = [];
    }
  }
  await Promise.all(batch);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, documents = '100000', profiles] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: tsx test/bench/corpus.ts <dir> [documents] [profiles]');
    process.exit(2);
  }
  await writeCorpus(dir, Number(documents), profiles ? Number(profiles) : Number(documents));
  console.log(`wrote ${documents} articles to ${dir}`);
}
