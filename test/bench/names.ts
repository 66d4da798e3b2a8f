/**
 * Synthetic profiles: people with Khmer-style and Vietnamese names (family name
 * first, some with diacritics), organizations with acronyms, and places. The
 * same seed always yields the same list, and a smaller store is a prefix of a
 * larger one, so every store knows the names planted in the scan text. Draws
 * are retried until a key is new, which suits stores up to 100,000; the scale
 * bench's million-profile stores come from scale-names.ts, built on these lists.
 */
import type { EntityKind } from '@/lib/model/bundle-format';
import { aliasKey } from '@/lib/match/normalize';
import type { IndexableEntity } from '@/lib/match';
import { Random } from './random';

export const FAMILY = [
  'Sok',
  'Chea',
  'Heng',
  'Meas',
  'Yim',
  'Phom',
  'Mao',
  'Keo',
  'Chan',
  'Lim',
  'Ouk',
  'Prak',
  'Sam',
  'Seng',
  'Tep',
  'Touch',
  'Var',
  'Vong',
  'Nhem',
  'Kem',
  'Khieu',
  'Ros',
  'Sar',
  'Tith',
  'Ung',
  'Im',
  'Pen',
  'Long',
  'Nuon',
  'Pich',
  'Hang',
  'Mu',
  'San',
  'Khem',
  'Hor',
  'Ly',
  'Bun',
  'Chhim',
  'Eng',
  'Kong',
];
export const GIVEN_START = [
  'So',
  'Pha',
  'Vi',
  'Bo',
  'Tha',
  'Ni',
  'Sa',
  'Chu',
  'Ey',
  'Ra',
  'Da',
  'Ki',
  'Mo',
  'Pi',
  'Vu',
  'Le',
  'Na',
  'Ro',
  'Ka',
  'Sre',
  'Pe',
  'Sei',
  'Ma',
  'Tu',
  'Ho',
  'Ke',
  'Vo',
  'Sy',
  'Chi',
  'Ny',
];
export const GIVEN_END = [
  'lly',
  'chua',
  'san',
  'bol',
  'rith',
  'vann',
  'ny',
  'kha',
  'ra',
  'seth',
  'ak',
  'ry',
  'phea',
  'tha',
  'mang',
  'nha',
  'vy',
  'leng',
  'pov',
  'rin',
  'dy',
  'thy',
  'ly',
  'nak',
  'mol',
  'sna',
  'vuth',
  'heng',
  'rom',
  'platong',
];
export const VIET_FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Huỳnh'];
export const VIET_MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Quốc'];
export const VIET_GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Hải',
  'Hùng',
  'Lâm',
  'Phúc',
  'Thảo',
  'Tâm',
  'Việt',
  'Xuân',
];
export const ORG_ADJECTIVE = [
  'National',
  'Democratic',
  'Cambodian',
  'Khmer',
  'Royal',
  'United',
  'Independent',
  'Provincial',
  'Central',
  'Free',
  'Civic',
  'Social',
  'Federal',
  'Liberal',
  'Progressive',
  'Rural',
  'Urban',
  'Coastal',
  'Northern',
  'Southern',
  'Eastern',
  'Western',
  'Mekong',
  'Angkor',
  'Asian',
  'Global',
  'Regional',
  'Public',
  'Modern',
  'General',
];
export const ORG_NOUN = [
  'Rescue',
  'Youth',
  'Labour',
  'Farmers',
  'Workers',
  'Teachers',
  'Media',
  'Rights',
  'Justice',
  'Election',
  'Land',
  'Water',
  'Forest',
  'Mining',
  'Garment',
  'Rice',
  'Trade',
  'Development',
  'Reform',
  'Recovery',
  'Unity',
  'Freedom',
  'Solidarity',
  'Heritage',
  'Transport',
  'Health',
  'Housing',
  'Education',
  'Energy',
  'Press',
  'Legal',
  'Fisheries',
];
export const ORG_TYPE = [
  'Party',
  'Association',
  'Union',
  'Committee',
  'Council',
  'Institute',
  'Foundation',
  'Alliance',
  'Network',
  'Federation',
  'Movement',
  'Centre',
  'Group',
  'Coalition',
  'Bank',
  'Company',
  'Commission',
  'Agency',
  'Authority',
  'Society',
];
export const ORG_REGION = [
  'Phnom Penh',
  'Siem Reap',
  'Battambang',
  'Kampot',
  'Takeo',
  'Kratie',
  'Pursat',
  'Kep',
];
export const PLACE_PREFIX = [
  'Kampong',
  'Svay',
  'Prey',
  'Phnom',
  'Stung',
  'Tuol',
  'Boeung',
  'Chbar',
  'Kandal',
  'Ta',
  'Kork',
  'Chamkar',
];

/** A generated profile: what the alias index needs, plus the forms the text generator writes. */
export interface BenchEntity extends IndexableEntity {
  /** Second-reference short form (people): the given name, flagged ambiguous. */
  short: string | null;
  /** Acronym (organizations), unique across the store. */
  acronym: string | null;
}

function capitalizeWord(rng: Random): string {
  return rng.pick(GIVEN_START) + rng.pick(GIVEN_END);
}

function personName(rng: Random, attempt: number): { name: string; short: string } {
  if (rng.chance(0.1)) {
    const given = rng.pick(VIET_GIVEN);
    return { name: `${rng.pick(VIET_FAMILY)} ${rng.pick(VIET_MIDDLE)} ${given}`, short: given };
  }
  const given = capitalizeWord(rng);
  // Two-word given names once the short ones run out, as the corpus grows.
  const full = attempt > 2 || rng.chance(0.15) ? `${given} ${capitalizeWord(rng)}` : given;
  return { name: `${rng.pick(FAMILY)} ${full}`, short: given };
}

function organizationName(rng: Random, attempt: number): string {
  const core = `${rng.pick(ORG_ADJECTIVE)} ${rng.pick(ORG_NOUN)} ${rng.pick(ORG_TYPE)}`;
  return attempt > 1 || rng.chance(0.3) ? `${rng.pick(ORG_REGION)} ${core}` : core;
}

function placeName(rng: Random, attempt: number): string {
  const name = `${rng.pick(PLACE_PREFIX)} ${capitalizeWord(rng)
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase())}`;
  return attempt > 1 ? `${name} ${capitalizeWord(rng)}` : name;
}

/** The initials of a name's words ("National Rescue Party" → "NRP"). */
export function acronymOf(name: string): string {
  return name
    .split(' ')
    .map((word) => word[0])
    .join('');
}

/** The kind of the i-th profile: seven people, two organizations and one place in every ten. */
export function kindAt(index: number): EntityKind {
  const slot = index % 10;
  return slot < 7 ? 'person' : slot < 9 ? 'organization' : 'place';
}

/** `count` distinct profiles from `seed`; a prefix of a longer list from the same seed. */
export function generateEntities(count: number, seed = 2017): BenchEntity[] {
  const rng = new Random(seed);
  const usedKeys = new Set<string>();
  const usedAcronyms = new Set<string>();
  const entities: BenchEntity[] = [];
  for (let index = 0; index < count; index++) {
    const kind = kindAt(index);
    for (let attempt = 0; ; attempt++) {
      const person = kind === 'person' ? personName(rng, attempt) : null;
      const name =
        person?.name ??
        (kind === 'organization' ? organizationName(rng, attempt) : placeName(rng, attempt));
      const key = aliasKey(name);
      if (usedKeys.has(key)) continue;
      usedKeys.add(key);
      let acronym = kind === 'organization' ? acronymOf(name) : null;
      if (acronym !== null && (usedAcronyms.has(acronym) || usedKeys.has(acronym))) acronym = null;
      if (acronym !== null) usedAcronyms.add(acronym);
      const aliases = [{ text: name, key, ambiguous: false }];
      if (person)
        aliases.push({ text: person.short, key: aliasKey(person.short), ambiguous: true });
      if (acronym) aliases.push({ text: acronym, key: acronym, ambiguous: false });
      const id = `${kind}:${key.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
      entities.push({ id, kind, name, aliases, short: person?.short ?? null, acronym });
      break;
    }
  }
  return entities;
}
