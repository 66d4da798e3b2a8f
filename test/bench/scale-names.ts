/**
 * The scale bench's stores, up to millions of profiles, generated in seconds.
 * The names are those of names.ts (Khmer names family first, Vietnamese names
 * with diacritics, organizations with acronyms, Cambodian places), but each
 * profile is a pure function of its index instead of a draw that is retried
 * until its key is new: retrying with a set of every key used slows down as
 * the short names run out, and never ends once the organizations' names do
 * (about 173,000 of them, fewer than a million-profile store needs).
 *
 * Every name pattern is a mixed-radix number over lists of distinct words; a
 * seeded Feistel permutation spreads consecutive profiles over the pattern's
 * space, so distinct indices get distinct names without remembering any. As in
 * names.ts, short patterns come first and longer ones take over as a store
 * outgrows them, a store is a prefix of every larger one from the same seed,
 * and no two profiles share a key: patterns differ in their number of words
 * or in the list their first word comes from (test/bench/scale-names.test.ts).
 */
import type { EntityKind } from '@/lib/model/bundle-format';
import { aliasKey } from '@/lib/match/normalize';
import {
  acronymOf,
  FAMILY,
  GIVEN_END,
  GIVEN_START,
  kindAt,
  ORG_ADJECTIVE,
  ORG_NOUN,
  ORG_REGION,
  ORG_TYPE,
  PLACE_PREFIX,
  VIET_FAMILY,
  VIET_GIVEN,
  VIET_MIDDLE,
  type BenchEntity,
} from './names';
import { spreadSampleOf } from './page-html';
import { Random } from './random';

/** Khmer given names: the syllable pairs of names.ts, each spelling once. */
const GIVEN = [...new Set(GIVEN_START.flatMap((start) => GIVEN_END.map((end) => start + end)))];
/**
 * Vietnamese parts beyond names.ts's, for a store with tens of thousands of
 * Vietnamese names. None starts with Đ, which folds to no ASCII letter and so
 * would make an id begin with a dash.
 */
const VIET_FAMILY_ALL = [
  ...VIET_FAMILY,
  'Phan',
  'Vũ',
  'Bùi',
  'Cao',
  'Hồ',
  'Ngô',
  'Dương',
  'Trịnh',
  'Lương',
];
const VIET_MIDDLE_ALL = [...VIET_MIDDLE, 'Công', 'Ngọc', 'Thanh', 'Hoài', 'Kim'];
const VIET_GIVEN_ALL = [
  ...VIET_GIVEN,
  'Anh',
  'Cường',
  'Giang',
  'Hà',
  'Hạnh',
  'Hiếu',
  'Hòa',
  'Hương',
  'Khánh',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Nhung',
  'Phương',
  'Quang',
  'Sơn',
  'Thắng',
  'Trang',
  'Trung',
  'Tuấn',
  'Vân',
  'Yến',
];
/** The country's provinces; none is the first words of another, so "<province> <body>" reads one way. */
const PROVINCE = [
  ...ORG_REGION,
  'Kampong Cham',
  'Kampong Thom',
  'Kampong Speu',
  'Kampong Chhnang',
  'Prey Veng',
  'Svay Rieng',
  'Koh Kong',
  'Mondulkiri',
  'Ratanakiri',
  'Stung Treng',
  'Preah Vihear',
  'Oddar Meanchey',
  'Banteay Meanchey',
  'Pailin',
  'Tbong Khmum',
  'Kandal',
  'Preah Sihanouk',
];

/**
 * A bijection of [0, size) onto itself that looks random: a four-round Feistel
 * network on the smallest even number of bits that holds `size`, repeated on
 * values that land outside (cycle walking), so it stays a bijection.
 */
class Permutation {
  private readonly half: number;
  private readonly mask: number;
  private readonly keys: number[];

  constructor(
    readonly size: number,
    seed: number,
  ) {
    let bits = Math.max(2, Math.ceil(Math.log2(size)));
    if (bits % 2 === 1) bits++;
    this.half = bits / 2;
    this.mask = (1 << this.half) - 1;
    const rng = new Random(seed);
    this.keys = [0, 1, 2, 3].map(() => Math.floor(rng.next() * 2 ** 32));
  }

  at(index: number): number {
    let value = index;
    do value = this.encrypt(value);
    while (value >= this.size);
    return value;
  }

  private encrypt(value: number): number {
    let left = value >>> this.half;
    let right = value & this.mask;
    for (const key of this.keys) {
      const next = left ^ (mix(right ^ key) & this.mask);
      left = right;
      right = next;
    }
    return (left << this.half) | right;
  }
}

/** A 32-bit integer hash (the finalizer of MurmurHash3). */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A name pattern: one word from each list, in a permuted order of all their combinations. */
class Pattern {
  private readonly order: Permutation;

  constructor(
    private readonly lists: readonly (readonly string[])[],
    seed: number,
  ) {
    this.order = new Permutation(
      lists.reduce((size, list) => size * list.length, 1),
      seed,
    );
  }

  get size(): number {
    return this.order.size;
  }

  /** The words of the `rank`-th name of the pattern. */
  words(rank: number, what: string): string[] {
    if (rank >= this.size)
      throw new Error(`the scale bench's generator has only ${this.size} ${what} names`);
    let position = this.order.at(rank);
    const words: string[] = [];
    for (let at = this.lists.length - 1; at >= 0; at--) {
      const list = this.lists[at]!;
      words[at] = list[position % list.length]!;
      position = Math.floor(position / list.length);
    }
    return words;
  }
}

/** Each kind's patterns, seeded apart. */
function patterns(seed: number) {
  const next = (() => {
    let n = 0;
    return () => seed * 16 + n++;
  })();
  return {
    khmer: new Pattern([FAMILY, GIVEN], next()),
    khmerLong: new Pattern([FAMILY, GIVEN, GIVEN], next()),
    viet: new Pattern([VIET_FAMILY_ALL, VIET_MIDDLE_ALL, VIET_GIVEN_ALL], next()),
    vietLong: new Pattern(
      [VIET_FAMILY_ALL, VIET_MIDDLE_ALL, VIET_GIVEN_ALL, VIET_GIVEN_ALL],
      next(),
    ),
    body: new Pattern([ORG_ADJECTIVE, ORG_NOUN, ORG_TYPE], next()),
    provincialBody: new Pattern([PROVINCE, ORG_ADJECTIVE, ORG_NOUN, ORG_TYPE], next()),
    place: new Pattern([PLACE_PREFIX, GIVEN], next()),
    placeLong: new Pattern([PLACE_PREFIX, GIVEN, GIVEN], next()),
  };
}

type Patterns = ReturnType<typeof patterns>;

/**
 * The `rank`-th of a run of names that takes `short` names while they last,
 * then odd ranks of `long` (whose even ranks another run takes whole).
 */
function shortThenLong(short: Pattern, long: Pattern, rank: number, what: string): string[] {
  return rank < short.size
    ? short.words(rank, what)
    : long.words(2 * (rank - short.size) + 1, what);
}

/**
 * A person: in every twenty, two Vietnamese names (family, middle, given),
 * three Khmer names with a two-word given name and fifteen with one, the second
 * reference being the (first) given name.
 */
function person(p: Patterns, rank: number): { name: string; short: string } {
  const slot = rank % 20;
  const block = Math.floor(rank / 20);
  if (slot < 2) {
    const words = shortThenLong(p.viet, p.vietLong, block * 2 + slot, 'Vietnamese');
    return { name: words.join(' '), short: words.at(-1)! };
  }
  const words =
    slot < 5
      ? p.khmerLong.words(2 * (block * 3 + slot - 2), 'Khmer')
      : shortThenLong(p.khmer, p.khmerLong, block * 15 + slot - 5, 'Khmer');
  return { name: words.join(' '), short: words[1]! };
}

/** An organization: three in ten named after a province, the rest until those names run out. */
function organization(p: Patterns, rank: number): string {
  const slot = rank % 10;
  const block = Math.floor(rank / 10);
  const words =
    slot < 3
      ? p.provincialBody.words(2 * (block * 3 + slot), 'organization')
      : shortThenLong(p.body, p.provincialBody, block * 7 + slot - 3, 'organization');
  return words.join(' ');
}

function place(p: Patterns, rank: number): string {
  const words =
    rank < p.place.size
      ? p.place.words(rank, 'place')
      : p.placeLong.words(rank - p.place.size, 'place');
  return words.join(' ');
}

/** Rank of the `index`-th profile among those of its kind (kindAt: 7 people, 2 organizations, 1 place in ten). */
function rankOf(index: number, kind: EntityKind): number {
  const block = Math.floor(index / 10);
  const slot = index % 10;
  if (kind === 'person') return block * 7 + slot;
  if (kind === 'organization') return block * 2 + slot - 7;
  return block;
}

/** The profile at `index`, its acronym if `hasAcronym`. */
function entityAt(p: Patterns, index: number, hasAcronym: (name: string) => boolean): BenchEntity {
  const kind = kindAt(index);
  const rank = rankOf(index, kind);
  const who = kind === 'person' ? person(p, rank) : null;
  const name = who?.name ?? (kind === 'organization' ? organization(p, rank) : place(p, rank));
  const key = aliasKey(name);
  const acronym = kind === 'organization' && hasAcronym(name) ? acronymOf(name) : null;
  const aliases = [{ text: name, key, ambiguous: false }];
  if (who) aliases.push({ text: who.short, key: aliasKey(who.short), ambiguous: true });
  if (acronym) aliases.push({ text: acronym, key: acronym, ambiguous: false });
  const id = `${kind}:${key.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
  return { id, kind, name, aliases, short: who?.short ?? null, acronym };
}

/**
 * A generated store of `size` profiles and every smaller one (its prefixes).
 * Holds each profile's id and whether it carries an acronym (the first
 * organization with given initials does, as in names.ts), never the profiles:
 * they are made again when asked for.
 */
export class ScaleProfiles {
  private readonly patterns: Patterns;
  private readonly ids: string[] = [];
  private readonly acronyms = new Set<number>();
  /** Indices in id order. */
  private readonly byId: Uint32Array;

  constructor(
    readonly size: number,
    seed = 2017,
  ) {
    this.patterns = patterns(seed);
    const taken = new Set<string>();
    for (let index = 0; index < size; index++) {
      const entity = entityAt(this.patterns, index, (name) => {
        const initials = acronymOf(name);
        if (taken.has(initials)) return false;
        taken.add(initials);
        return true;
      });
      if (entity.acronym) this.acronyms.add(index);
      this.ids.push(entity.id);
    }
    const ids = this.ids;
    this.byId = Uint32Array.from({ length: size }, (_, index) => index).sort((a, b) =>
      ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0,
    );
  }

  /** The `index`-th profile. */
  at(index: number): BenchEntity {
    if (!(index >= 0 && index < this.size)) throw new RangeError(`no profile ${index}`);
    return entityAt(this.patterns, index, () => this.acronyms.has(index));
  }

  /** The first `count` profiles, in id order (the order a version 2 bundle lists them in). */
  *inIdOrder(count = this.size): Generator<BenchEntity> {
    for (const index of this.byId) if (index < count) yield this.at(index);
  }

  /** The first `count` profiles, in index order. */
  *first(count = this.size): Generator<BenchEntity> {
    for (let index = 0; index < Math.min(count, this.size); index++) yield this.at(index);
  }

  /** The profiles a page names for the store of the first `count` (see page-html's spreadSample). */
  sample(count = this.size): BenchEntity[] {
    return spreadSampleOf(Math.min(count, this.size), (index) => this.at(index));
  }
}
