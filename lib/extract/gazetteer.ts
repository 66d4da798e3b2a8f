/**
 * Name and place gazetteers, all from npm packages that bundle their data:
 * given names with their usual gender across six languages
 * (gender-detection-from-name), given and family names across cultures
 * (humannames, ~200,000 entries), countries with their aliases and capitals
 * (countries-list), first-level subdivisions of every country (iso-3166-2) and
 * world cities (cities-list).
 *
 * The lists are noisy by nature (humannames holds "Court" and "Said", the city
 * list holds "Reading" and "Murray"), so each is one piece of evidence that
 * classify.ts weighs against the others, never a verdict on its own. They are
 * built into sets on first use: extraction runs in Node and in the background's
 * lazily loaded chunk, never in the content script (lib/match must not import this).
 */
import humannames from 'humannames';
import cityList from 'cities-list';
import { getGender } from 'gender-detection-from-name';
import { countries } from 'countries-list';
import iso3166 from 'iso-3166-2';

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

let nameParts: Set<string> | null = null;
let places: Map<string, PlaceKind> | null = null;

/** What a place gazetteer knows a name as; cities are the weakest evidence. */
export type PlaceKind = 'country' | 'region' | 'city';

/** The gender a given name usually has, or null when it is not a known given name. */
export function givenNameGender(word: string): 'male' | 'female' | null {
  const folded = foldName(word);
  if (folded.length < 2) return null;
  const found = getGender(folded);
  return found === 'unknown' ? null : found;
}

/** True when `word` is a known given or family name in any of the cultures humannames covers. */
export function isKnownNamePart(word: string): boolean {
  nameParts ??= new Set(Object.keys(humannames).map(foldName));
  return nameParts.has(foldName(word));
}

function buildPlaces(): Map<string, PlaceKind> {
  const found = new Map<string, PlaceKind>();
  const add = (name: string, kind: PlaceKind): void => {
    const key = foldName(name).replace(/\./g, '');
    const have = found.get(key);
    // A name that is both a country and a city ("Singapore") is the stronger kind.
    if (key && (!have || rank(kind) < rank(have))) found.set(key, kind);
  };
  for (const city of Object.keys(cityList)) add(city, 'city');
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

/** The kind of place `name` is in the gazetteers ("Kenya" → country, "Ohio" → region), or null. */
export function placeKind(name: string): PlaceKind | null {
  places ??= buildPlaces();
  return places.get(foldName(name).replace(/\./g, '')) ?? null;
}
