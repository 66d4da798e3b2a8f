/**
 * A damaged profile bundle reaching the store through the real gate
 * (`parseBundle`) and loader: each is refused with a message that names what is
 * wrong and where, the import state records it for the options page, and the
 * store keeps exactly what it had — the previous bundle and the reader's notes,
 * corrections and settings.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBundle, parseBundleText } from '@/lib/model/parse-bundle';
import type { DramatisDB } from '@/lib/store/db';
import { loadBundle, type BundleSource } from '@/lib/store/load-bundle';
import { readImportState } from '@/lib/store/queries';
import { sampleBundle, sampleJson, type BundleJson } from '../profiles/sample-bundle';
import { freshDb } from './fixtures';

let db: DramatisDB;
afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
});

/** Serves `json` and validates it as the background does. */
function gate(json: unknown): BundleSource {
  return { fetchJson: async () => json, parse: (value) => parseBundle(value) };
}

/** Everything in the store, table by table, to compare before and after. */
async function snapshot(target: DramatisDB): Promise<Record<string, unknown[]>> {
  const tables = [
    'profileShards',
    'keyShards',
    'profileIndex',
    'documents',
    'annotations',
    'corrections',
    'settings',
  ];
  const rows = await Promise.all(tables.map((name) => target.table(name).toArray()));
  const meta = (await target.meta.toArray()).filter((row) => row.key !== 'import');
  return { ...Object.fromEntries(tables.map((name, i) => [name, rows[i]!])), meta };
}

async function storeWithReaderData(): Promise<DramatisDB> {
  const target = freshDb();
  expect(await loadBundle(target, gate(sampleJson()))).toMatchObject({ state: 'done' });
  await target.annotations.add({
    id: 'quote-1',
    url: 'https://example.com/a',
    title: 'A',
    site: 'example.com',
    created: 1,
    updated: 1,
    quote: { type: 'TextQuoteSelector', exact: 'does nothing', prefix: 'CPP ', suffix: ' without' },
    position: null,
    note: 'Ask the spokesman',
    tags: ['cpp'],
    entityIds: ['person:mu-sochua'],
  });
  await target.corrections.put({
    entityId: 'person:mu-sochua',
    correction: { name: 'Mu Sochua (CNRP)' },
    updated: 2,
  });
  await target.settings.put({ key: 'hoverDelayMs', value: 0 });
  return target;
}

type Damage = (json: BundleJson) => unknown;
const sochua = (json: BundleJson) => json.entities[1] as Record<string, Record<string, unknown>[]>;

const DAMAGES: [string, Damage, string][] = [
  [
    'an unknown version',
    (json) => ({ ...json, version: 7 }),
    'bundle: bundle version 7 is not supported; this build reads version 1',
  ],
  [
    'a version of the wrong type',
    (json) => ({ ...json, version: '1' }),
    'bundle: bundle version "1" is not supported; this build reads version 1',
  ],
  [
    'an alias pointing at a missing document',
    (json) => {
      (sochua(json).aliases![1]!.source as { doc: string }).doc = 'doc-gone';
      return json;
    },
    'bundle: entities[1] (person:mu-sochua).aliases[1].source.doc "doc-gone" points at no document in the bundle',
  ],
  [
    'a quote pointing at a missing document',
    (json) => {
      const span = { doc: 'doc-gone', start: 0, end: 4 };
      sochua(json).quotes!.push({ text: 'CNRP', source: span, context: { ...span } });
      return json;
    },
    'bundle: not a usable profile bundle:\n' +
      '  - entities[1] (person:mu-sochua).quotes[0].source.doc "doc-gone" points at no document in the bundle\n' +
      '  - entities[1] (person:mu-sochua).quotes[0].context.doc "doc-gone" points at no document in the bundle',
  ],
  [
    'a relation and a role pointing at a missing entity',
    (json) => {
      sochua(json).related![0]!.entityId = 'organization:cpp';
      sochua(json).roles![0]!.organizationId = 'organization:cpp';
      return json;
    },
    'bundle: not a usable profile bundle:\n' +
      '  - entities[1] (person:mu-sochua).roles[0].organizationId "organization:cpp" points at no entity in the bundle\n' +
      '  - entities[1] (person:mu-sochua).related[0].entityId "organization:cpp" points at no entity in the bundle',
  ],
  [
    'a mention count in a missing document',
    (json) => {
      sochua(json).mentions![0]!.doc = 'doc-gone';
      return json;
    },
    'bundle: entities[1] (person:mu-sochua).mentions[0].doc "doc-gone" points at no document in the bundle',
  ],
  [
    'fields of the wrong type',
    (json) => {
      (json.documents as Record<string, unknown>[])[0]!.wordCount = -3;
      sochua(json).aliases = 'Mu Sochua' as unknown as Record<string, unknown>[];
      (json.entities[0] as Record<string, unknown>).name = 42;
      return json;
    },
    'bundle: not a usable profile bundle:\n' +
      '  - documents[0].wordCount must be a whole number ≥ 0, found -3\n' +
      '  - entities[0].name must be a string, found 42\n' +
      '  - entities[1].aliases must be a list, found "Mu Sochua"',
  ],
  [
    'documents that are not a list',
    (json) => ({ ...json, documents: { id: 'doc' } }),
    'bundle: documents must be a list, found an object',
  ],
];

describe('a damaged bundle at the store’s gate', () => {
  it.each(DAMAGES)('refuses %s, names it and changes nothing', async (_name, damage, message) => {
    db = await storeWithReaderData();
    const before = await snapshot(db);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const state = await loadBundle(db, gate(damage(sampleJson())), () => 99);

    expect(state).toEqual({ state: 'failed', failedAt: 99, error: message });
    expect(await readImportState(db)).toEqual(state);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a bundle file cut short before any of it is read', () => {
    const text = JSON.stringify(sampleBundle());
    for (const cut of [1, text.length / 3, text.length - 1]) {
      expect(() => parseBundleText(text.slice(0, cut), 'profiles.json')).toThrow(
        /^profiles\.json: is not valid JSON, perhaps cut short \(.+\); rebuild it with `npm run profiles -- build`$/,
      );
    }
  });
});
