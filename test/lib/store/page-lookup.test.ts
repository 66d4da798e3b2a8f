/**
 * The two-step lookup must mark a page exactly as answering every row did,
 * while answering a surname shared by hundreds of profiles only with the
 * entities the page confirms. The page mixes full names, shared surnames and
 * acronyms, and is marked as the content script marks it: in requests, one
 * after another or all at once, then sending again the texts that waited.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { hashAliasKey } from '@/lib/match/key-hashes';
import { aliasKey } from '@/lib/match/normalize';
import { matchPageTexts } from '@/lib/match/page-text';
import type { PageKeyLookup } from '@/lib/match/types';
import type { Entity, EntityKind } from '@/lib/model/bundle-format';
import { correctEntity } from '@/lib/store/corrections';
import { aliasKeyRows } from '@/lib/store/alias-key-rows';
import { DramatisDB } from '@/lib/store/db';
import { appendProfiles, profileTables } from '@/lib/store/profile-shards';
import { lookupPageKeys } from '@/lib/store/page-lookup';
import { lookupAliasKeys } from '@/lib/store/queries';
import { entity, freshDb, READER_STORES_SINCE_V2 } from './fixtures';

let db: DramatisDB;
afterEach(async () => {
  await db?.delete();
});

const FIRST_NAMES = ['Ardal', 'Brisen', 'Corvane', 'Dellit', 'Evanor', 'Faolin', 'Garrow'];

/** A profile named `name` whose aliases are `short` forms, ambiguous unless said otherwise. */
function profile(kind: EntityKind, name: string, short: Array<[string, boolean?]> = []): Entity {
  return entity(kind, name, [
    [name, aliasKey(name)],
    ...short.map(([text, ambiguous = true]): [string, string, boolean] => [
      text,
      aliasKey(text),
      ambiguous,
    ]),
  ]);
}

/**
 * Hundreds of people sharing the surnames "Lee" and "Okonkwo-Vale", a few
 * organizations known by acronyms (one of them shared), and a person whose
 * short form is unambiguous.
 */
function inventedStore(): Entity[] {
  const people: Entity[] = [];
  for (let index = 0; index < 420; index++) {
    const first = `${FIRST_NAMES[index % FIRST_NAMES.length]}${index}`;
    people.push(profile('person', `${first} Lee`, [['Lee']]));
    if (index % 2 === 0)
      people.push(profile('person', `${first} Okonkwo-Vale`, [['Okonkwo-Vale']]));
  }
  return [
    ...people,
    profile('person', 'Ann Lee', [['Lee']]),
    profile('person', 'Tobin Marrell', [['Marrell', false]]),
    profile('organization', 'Northern Rail Board', [['NRB']]),
    profile('organization', 'National Rowing Bureau', [['NRB']]),
    profile('organization', 'Coastal Ferry Authority', [['CFA', false]]),
  ].sort((a, b) => (a.id < b.id ? -1 : 1));
}

async function store(entities: Entity[]): Promise<void> {
  db = freshDb();
  await db.transaction('rw', profileTables(db), () => appendProfiles(db, entities));
}

/** The page, block by block: short forms before and after their full names, shared ones never named in full. */
const BLOCKS = [
  'Lee arrived late, and NRB officials waited.',
  'Okonkwo-Vale was not there. Marrell said the CFA would answer.',
  'Ann Lee, who chairs the Northern Rail Board, spoke first.',
  'Later Lee took questions while the NRB staff listened.',
  'Garrow14 Lee and Okonkwo-Vale were elsewhere.',
];

const everyRow: PageKeyLookup = (keys) => lookupAliasKeys(db, keys);
const twoSteps: PageKeyLookup = (keys, known) => lookupPageKeys(db, keys, known);

/**
 * Marks `BLOCKS` sent in `requests` (lists of block indexes) as the page
 * scanner does: each request carries the confirmed set as it stood when sent
 * (`together`: every request sent before any answer), then the blocks waiting
 * for something the page confirmed are sent again until none is.
 */
async function markPage(lookup: PageKeyLookup, requests: number[][], together: boolean) {
  const confirmed = new Set<string>();
  const marks = new Map<number, string[]>();
  const waiting = new Map<number, string[]>();
  const send = async (blocks: number[], known: readonly string[]) => {
    const result = await matchPageTexts(
      blocks.map((index) => BLOCKS[index]!),
      known,
      lookup,
    );
    return () => {
      for (const id of result.confirmed) confirmed.add(id);
      blocks.forEach((index, at) => {
        const flat = result.mentions[at]!;
        const found: string[] = [];
        for (let i = 0; i < flat.length; i += 3)
          found.push(`${flat[i]}-${flat[i + 1]}:${result.entities[flat[i + 2]!]!.entityId}`);
        marks.set(index, found);
        waiting.set(index, result.waiting[at]!);
      });
    };
  };
  if (together) {
    const answers = await Promise.all(requests.map((blocks) => send(blocks, [])));
    for (const record of answers) record();
  } else for (const blocks of requests) (await send(blocks, [...confirmed]))();
  for (let round = 0; round < 5; round++) {
    const stale = [...waiting].filter(([, ids]) => ids.some((id) => confirmed.has(id)));
    if (stale.length === 0) break;
    for (const [index] of stale) waiting.delete(index);
    (
      await send(
        stale.map(([index]) => index),
        [...confirmed],
      )
    )();
  }
  return BLOCKS.map((_, index) => marks.get(index));
}

const SPLITS: number[][][] = [
  [[0, 1, 2, 3, 4]],
  [[0], [1], [2], [3], [4]],
  [
    [0, 1],
    [2, 3, 4],
  ],
];

describe('lookupPageKeys', () => {
  it('marks a page exactly as answering every row does, however it is split into requests', async () => {
    await store(inventedStore());
    for (const requests of SPLITS)
      for (const together of [false, true]) {
        const expected = await markPage(everyRow, requests, together);
        expect(await markPage(twoSteps, requests, together)).toEqual(expected);
      }
    // The page does link short forms: the check above compares something.
    const marks = (await markPage(twoSteps, SPLITS[1]!, false)).flatMap((block) => block ?? []);
    expect(marks).toContain('0-3:person:ann-lee');
    expect(marks.filter((mark) => mark.endsWith('organization:northern-rail-board'))).toHaveLength(
      3,
    );
    expect(marks.some((mark) => mark.endsWith('person:tobin-marrell'))).toBe(true);
  });

  it('answers a shared surname only with the entities the page confirms', async () => {
    await store(inventedStore());
    const keys = ['lee', 'ann lee', 'okonkwo-vale', 'NRB', 'northern rail board'];
    const all = await lookupAliasKeys(db, keys);
    expect(all.filter((hit) => hit.key === 'lee').length).toBeGreaterThan(400);
    expect(all.filter((hit) => hit.key === 'okonkwo-vale').length).toBe(210);

    const answer = await lookupPageKeys(db, keys, new Set());
    const entitiesOf = (key: string) => answer.hits.filter((hit) => hit.key === key);
    expect(entitiesOf('lee').map((hit) => hit.entityId)).toEqual(['person:ann-lee']);
    expect(entitiesOf('okonkwo-vale')).toEqual([]);
    expect(entitiesOf('NRB').map((hit) => hit.entityId)).toEqual([
      'organization:northern-rail-board',
    ]);
    expect(answer.partial.sort()).toEqual(['NRB', 'lee', 'okonkwo-vale']);
    // An entity the page confirmed in an earlier request answers too.
    const later = await lookupPageKeys(db, ['lee'], new Set(['person:ardal0-lee']));
    expect(later.hits.map((hit) => hit.entityId)).toEqual(['person:ardal0-lee']);
    expect(await answer.ambiguousKeysOf(['person:ann-lee'])).toEqual(['lee']);
  });

  it('follows the reader’s corrections: hidden, merged and extra aliases', async () => {
    await store(inventedStore());
    // Hidden: the acronym is left to the other bureau. Merged: Ardal0 Lee's "Lee" answers as Tobin Marrell.
    await correctEntity(db, 'organization:northern-rail-board', { hidden: true });
    await correctEntity(db, 'person:ardal0-lee', { mergedInto: 'person:tobin-marrell' });
    await correctEntity(db, 'person:corvane2-okonkwo-vale', { extraAliases: ['Okonkwo-Vale'] });
    for (const requests of SPLITS)
      for (const together of [false, true]) {
        const expected = await markPage(everyRow, requests, together);
        expect(await markPage(twoSteps, requests, together)).toEqual(expected);
      }
    const answer = await lookupPageKeys(db, ['lee', 'tobin marrell'], new Set());
    expect(answer.hits.filter((hit) => hit.key === 'lee').map((hit) => hit.entityId)).toEqual([
      'person:tobin-marrell',
    ]);
  });

  it('finds the keys of a store written by version 4, whose filter had no bit', async () => {
    const name = `dramatis-v4-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(4).stores({
      ...READER_STORES_SINCE_V2,
      aliasKeyFilter: 'id',
      profileShards: 'n, first',
      keyShards: 'n',
      profileIndex: 'id',
    });
    const shard = [
      profile('person', 'Ann Lee', [['Lee']]),
      profile('person', 'Brisen Lee', [['Lee']]),
    ];
    const rows = shard.flatMap(aliasKeyRows);
    const keys = [...new Set(rows.map((row) => row.key))];
    await old
      .table('profileShards')
      .put({ n: 0, first: shard[0]!.id, profiles: JSON.stringify(shard) });
    await old.table('keyShards').put({ n: 0, keys, rows: JSON.stringify(rows) });
    // Version 4's entries: hash × 2²¹ + shard, no bit.
    const entries = keys.map((key) => hashAliasKey(key) * 2 ** 21).sort((a, b) => a - b);
    await old.table('aliasKeyFilter').put({ id: 'base', entries: Float64Array.from(entries) });
    old.close();

    db = new DramatisDB(name);
    const answer = await lookupPageKeys(db, ['ann lee', 'lee'], new Set());
    expect(answer.hits.map((hit) => `${hit.key}→${hit.entityId}`).sort()).toEqual([
      'ann lee→person:ann-lee',
      'lee→person:ann-lee',
    ]);
  });
});
