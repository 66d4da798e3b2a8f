/**
 * A profile bundle of generated profiles for the page bench, and the unpacked
 * copy of the extension build that ships it as its profiles.json.
 *
 * Why not `buildBundle`: extracting 100,000 profiles from generated articles
 * takes minutes. The entities are written directly instead, with the same alias
 * keys the generators compute (lib/match/normalize `aliasKey`), every span
 * pointing into one small synthetic document, and the real `bundleHash`, so the
 * extension's `parseBundle` accepts the bundle exactly as it accepts a built one.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BUNDLE_FORMAT_NAME,
  BUNDLE_FORMAT_VERSION,
  type Alias,
  type Entity,
  type ProfileBundle,
  type SourceDocument,
  type SourceSpan,
} from '@/lib/model/bundle-format';
import { bundleHash } from '@/lib/model/bundle-hash';
import type { BenchEntity } from './names';

const DOC_TEXT =
  'Synthetic profiles for the page benchmark. Political analyst Sok Sochua said the council would meet.';

const DOC: SourceDocument = {
  id: 'doc-page-bench',
  origin: 'page-bench.txt',
  title: 'Page benchmark profiles',
  publisher: 'Dramatis bench',
  published: '2017-09-01',
  byline: ['Dramatis bench'],
  url: null,
  attribution: null,
  text: DOC_TEXT,
  wordCount: DOC_TEXT.split(/\s+/).length,
};

/** The whole document as evidence: valid for the reader, meaningless as a fact, which a bench does not need. */
const SPAN: SourceSpan = { doc: DOC.id, start: 0, end: DOC_TEXT.length };
/** The sentence with the role, so a card has one fact with a source to render. */
const ROLE_SPAN: SourceSpan = {
  doc: DOC.id,
  start: DOC_TEXT.indexOf('Political'),
  end: DOC_TEXT.length,
};

/** One bundle entity from a generated profile: its aliases, one role, one mention count. */
function toEntity(entity: BenchEntity): Entity {
  const aliases: Alias[] = [
    {
      text: entity.name,
      key: entity.aliases[0]!.key,
      form: 'name',
      ambiguous: false,
      source: SPAN,
    },
  ];
  for (const alias of entity.aliases.slice(1)) {
    aliases.push({
      text: alias.text,
      key: alias.key,
      form: alias.text === entity.acronym ? 'acronym' : 'short',
      ambiguous: alias.ambiguous,
      source: SPAN,
    });
  }
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    aliases,
    roles:
      entity.kind === 'person'
        ? [{ title: 'political analyst', organizationId: null, source: ROLE_SPAN }]
        : [],
    affiliations: [],
    quotes: [],
    mentions: [{ doc: DOC.id, count: 1 }],
    related: [],
  };
}

/** A valid bundle of `entities`, hashed as `profiles build` would hash it. */
export function benchBundle(entities: readonly BenchEntity[]): ProfileBundle {
  const content = { documents: [DOC], entities: entities.map(toEntity) };
  return {
    format: BUNDLE_FORMAT_NAME,
    version: BUNDLE_FORMAT_VERSION,
    hash: bundleHash(content),
    ...content,
  };
}

/**
 * An unpacked copy of the build, taken once per bench run: others rebuild
 * `.output` while the bench runs, and every store must load the same content
 * script. `remove` deletes it.
 */
export function snapshotBuild(buildDir: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dramatis-bench-build-'));
  cpSync(buildDir, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Makes `bundle` the profiles.json the copy in `dir` imports on install. */
export function shipBundle(dir: string, bundle: ProfileBundle): void {
  writeFileSync(join(dir, 'profiles.json'), JSON.stringify(bundle));
}
