/**
 * Small hand-checked bundles for store tests. Real bundles come from
 * lib/profiles; these only need the shapes, with spans that point at real text.
 */
import {
  BUNDLE_FORMAT_NAME,
  BUNDLE_FORMAT_VERSION,
  type Entity,
  type EntityKind,
  type ProfileBundle,
  type SourceDocument,
} from '@/lib/model/bundle-format';
import { DramatisDB } from '@/lib/store/db';
import { allProfiles } from '@/lib/store/profile-shards';
import type { AliasKeyRecord } from '@/lib/model/records';

const TEXT =
  'Mu Sochua of the Cambodia National Rescue Party met Yim Phally in Siem Reap. Sochua said the CNRP would not give up.';

/** The one source document the fixtures' spans point into. */
export const DOCUMENT: SourceDocument = {
  id: 'doc-1',
  origin: 'seed.txt',
  title: 'CNRP alleges local push',
  publisher: 'The Phnom Penh Post',
  published: '2017-11-07',
  byline: ['Leonie Kijewski'],
  url: null,
  attribution: null,
  text: TEXT,
  wordCount: TEXT.split(/\s+/).length,
};

/** An entity whose aliases are the given (text, key, ambiguous) triples, spans found in {@link TEXT}. */
export function entity(
  kind: EntityKind,
  name: string,
  aliases: Array<[text: string, key: string, ambiguous?: boolean]>,
): Entity {
  const slug = name.toLowerCase().replace(/\s+/g, '-');
  return {
    id: `${kind}:${slug}`,
    kind,
    name,
    aliases: aliases.map(([text, key, ambiguous = false]) => {
      const start = Math.max(0, TEXT.indexOf(text));
      return {
        text,
        key,
        form: text === name ? 'name' : 'short',
        ambiguous,
        source: { doc: DOCUMENT.id, start, end: start + text.length },
      };
    }),
    roles: [],
    affiliations: [],
    quotes: [],
    mentions: [{ doc: DOCUMENT.id, count: 1 }],
    related: [],
  };
}

/** The people, organizations and places of the first fixture bundle. */
export const ENTITIES: Entity[] = [
  entity('person', 'Mu Sochua', [
    ['Mu Sochua', 'mu sochua'],
    ['Sochua', 'sochua'],
  ]),
  entity('person', 'Yim Phally', [['Yim Phally', 'yim phally']]),
  entity('organization', 'Cambodia National Rescue Party', [
    ['Cambodia National Rescue Party', 'cambodia national rescue party'],
    ['CNRP', 'CNRP'],
  ]),
  entity('place', 'Siem Reap', [['Siem Reap', 'siem reap']]),
];

/** A valid bundle; `hash` defaults to one fixed value. */
export function bundle(overrides: Partial<ProfileBundle> = {}): ProfileBundle {
  return {
    format: BUNDLE_FORMAT_NAME,
    version: BUNDLE_FORMAT_VERSION,
    hash: 'a'.repeat(64),
    documents: [DOCUMENT],
    entities: ENTITIES,
    ...overrides,
  };
}

let databases = 0;

/** A database no other test uses (fake-indexeddb keeps databases for the whole file). */
export function freshDb(): DramatisDB {
  databases += 1;
  return new DramatisDB(`dramatis-test-${databases}-${Math.random().toString(36).slice(2)}`);
}

/** Every stored profile, by id (as the old one-row-a-profile table listed them). */
export async function storedEntities(db: DramatisDB): Promise<Entity[]> {
  return allProfiles(db);
}

/** Every stored alias-key row, by key then entity (as the old alias table listed them). */
export async function storedAliasKeys(db: DramatisDB): Promise<AliasKeyRecord[]> {
  const rows = (await db.keyShards.toArray()).flatMap(
    (shard) => JSON.parse(shard.rows) as AliasKeyRecord[],
  );
  const order = (row: AliasKeyRecord) => `${row.key}\u0000${row.entityId}`;
  return rows.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/**
 * The stores every schema since version 2 has held for the reader's own data,
 * as an older database declared them (upgrade tests open such a database first).
 */
export const READER_STORES_SINCE_V2 = {
  documents: 'id',
  annotations: 'id, url, site, created, updated, *tags, *entityIds',
  corrections: 'entityId, updated',
  settings: 'key',
  meta: 'key',
  addedSources: 'id, &url, added',
  bundleOriginals: 'id',
} as const;
