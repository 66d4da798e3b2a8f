import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/extract/article-pipeline';
import { articleSource, articleUrl, type ReadArticle } from '@/lib/model/article';
import { buildBundle } from '@/lib/profiles/build-bundle';
import type { ProfileBundle } from '@/lib/model/bundle-format';
import { mergeAddedDocuments } from '@/lib/extract/merge-added';
import { readSourceFolder } from '@/lib/profiles/read-sources';
import { addSource, removeSource, type SourceToAdd } from '@/lib/store/added-sources';
import { DramatisDB } from '@/lib/store/db';
import { importBundle } from '@/lib/store/import-bundle';
import { createEntitySearch } from '@/lib/store/entity-search';
import { lookupAliasKeys } from '@/lib/store/queries';
import { listSources, listSourcesOutsideImports } from '@/lib/store/source-list';
import { writeImportState } from '@/lib/store/queries';
import { extractFile } from '../extract/helpers';
import { fixtureArticle } from './added-article';
import { getProfile } from '@/lib/store/profile-shards';
import { storedAliasKeys, storedEntities } from './fixtures';

let db: DramatisDB;
let bundle: ProfileBundle;

beforeEach(async () => {
  bundle = buildBundle(await readSourceFolder('assets/sources'));
  db = new DramatisDB(`added-sources-${Math.random()}`);
  await importBundle(db, bundle);
});
afterEach(async () => {
  await db.delete();
});

/** The article as the popup's click adds it. */
function articleToAdd(article: ReadArticle = fixtureArticle()): SourceToAdd {
  const extraction = extractArticle(article);
  if (!extraction.ok) throw new Error(extraction.problem);
  return { extracted: extraction.extracted, url: articleUrl(article) };
}

/** Everything the bundled tables and the added-source bookkeeping hold, in a stable order. */
async function snapshot(target: DramatisDB) {
  const byId = <T extends { id: string }>(rows: T[]) =>
    rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    entities: byId(await storedEntities(target)),
    aliasKeys: await storedAliasKeys(target),
    documents: byId(await target.documents.toArray()),
    originals: byId(await target.bundleOriginals.toArray()),
    added: (await target.addedSources.toArray()).map((row) => row.id),
  };
}

const names = async (target: DramatisDB) => (await storedEntities(target)).map((e) => e.name);

describe('adding an article to the sources', () => {
  it('creates its new people and updates the known ones it mentions', async () => {
    const result = await addSource(db, articleToAdd(), mergeAddedDocuments);
    expect(result.changed).toBe(true);
    if (!result.changed) return;
    expect(result.title).toBe('Observers report pressure on commune councillors ahead of vote');
    expect(result.summary.created.people).toBeGreaterThanOrEqual(2);
    expect(result.summary.created.organizations).toBeGreaterThanOrEqual(1);
    expect(result.summary.updated).toBeGreaterThanOrEqual(2);
    expect(await names(db)).toEqual(
      expect.arrayContaining([
        'Ouk Sreymom',
        'Lim Sovannary',
        'Khmer Election Monitoring Alliance',
      ]),
    );
    // The alias index the content script asks is part of the same write.
    const hits = await lookupAliasKeys(db, ['ouk sreymom', 'sreymom', 'lim sovannary']);
    expect(hits.map((hit) => hit.name)).toEqual(
      expect.arrayContaining(['Ouk Sreymom', 'Lim Sovannary']),
    );
    // A known person gains the article's quote, with provenance pointing at it.
    const eysan = await getProfile(db, 'person:sok-eysan');
    const quote = eysan?.quotes.find((q) =>
      q.text.includes('always find what they are looking for'),
    );
    expect(quote?.source.doc).toBe(result.documentId);
    const document = await db.documents.get(result.documentId);
    // The fixture is served from 127.0.0.1 with a canonical on the outlet's site: a claim, not its address.
    expect(document?.url).toBe(fixtureArticle().pageUrl);
    expect(document?.text.slice(quote!.source.start, quote!.source.end)).toBe(quote!.text);
  });

  it('gives the profiles a build with the article in the sources gives', async () => {
    await addSource(db, articleToAdd(), mergeAddedDocuments);
    const built = buildBundle([
      ...(await readSourceFolder('assets/sources')),
      articleSource(fixtureArticle()),
    ]);
    const summary = (entities: ProfileBundle['entities']) =>
      entities
        .map((e) => ({
          id: e.id,
          name: e.name,
          kind: e.kind,
          aliases: e.aliases.map((a) => `${a.key}/${a.form}/${a.ambiguous}`).sort(),
          roles: e.roles.map((r) => `${r.title}@${r.source.doc}:${r.source.start}`).sort(),
          quotes: e.quotes.map((q) => `${q.text}@${q.source.doc}:${q.source.start}`),
          mentions: e.mentions,
          related: e.related,
        }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(summary(await storedEntities(db))).toEqual(summary(built.entities));
  });

  it('changes nothing when the same article is added again, by text or by URL', async () => {
    const first = await addSource(db, articleToAdd(), mergeAddedDocuments);
    const after = await snapshot(db);
    const again = await addSource(db, articleToAdd(), mergeAddedDocuments);
    expect(again).toMatchObject({ changed: false, already: 'added', documentId: first.documentId });
    // The same URL with a revised text is the same article.
    const revised = fixtureArticle();
    revised.paragraphs = [
      ...revised.paragraphs,
      'This story was updated with a reply from the ministry.',
    ];
    expect(await addSource(db, articleToAdd(revised), mergeAddedDocuments)).toMatchObject({
      changed: false,
    });
    expect(await snapshot(db)).toEqual(after);
  });

  it('changes nothing for an article that ships with Dramatis', async () => {
    const before = await snapshot(db);
    const seed = extractFile(`assets/sources/${bundle.documents[0]!.origin}`);
    const result = await addSource(
      db,
      { extracted: seed, url: 'https://example.com/seed' },
      mergeAddedDocuments,
    );
    expect(result).toMatchObject({ changed: false, already: 'bundled' });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('the popup’s entity search', () => {
  it('finds the added people at once, and no longer after removal', async () => {
    const search = createEntitySearch(db);
    expect(await search('Sreymom', 5)).toEqual([]);
    const { documentId } = await addSource(db, articleToAdd(), mergeAddedDocuments);
    expect((await search('Sreymom', 5)).map((hit) => hit.name)).toContain('Ouk Sreymom');
    await removeSource(db, documentId, mergeAddedDocuments);
    expect(await search('Sreymom', 5)).toEqual([]);
  });
});

describe('removing an added article (Undo, or Remove on the options page)', () => {
  it('restores exactly the store it found, keeping the reader’s notes and corrections', async () => {
    const before = await snapshot(db);
    const { documentId } = await addSource(db, articleToAdd(), mergeAddedDocuments);
    await db.annotations.add({
      id: 'note-1',
      url: 'https://www.phnompenhpost.com/national/observers',
      title: 'Observers',
      site: 'www.phnompenhpost.com',
      created: 1,
      updated: 1,
      quote: null,
      position: null,
      note: 'Call the alliance',
      tags: [],
      entityIds: ['person:ouk-sreymom'],
    });
    await db.corrections.put({
      entityId: 'person:sok-eysan',
      correction: { note: 'Also party spokesman in 2018' },
      updated: 1,
    });

    const result = await removeSource(db, documentId, mergeAddedDocuments);
    expect(result.changed).toBe(true);
    expect(result.removed.people).toBeGreaterThanOrEqual(2);
    expect(await snapshot(db)).toEqual(before);
    expect(await db.annotations.get('note-1')).toMatchObject({ note: 'Call the alliance' });
    expect(await db.corrections.get('person:sok-eysan')).toBeDefined();
    expect(await lookupAliasKeys(db, ['ouk sreymom'])).toEqual([]);
    // Gone already: nothing to do.
    expect((await removeSource(db, documentId, mergeAddedDocuments)).changed).toBe(false);
  });

  it('keeps the other added articles as if the removed one never came', async () => {
    const strike = {
      extracted: extractFile('test/fixtures/documents/port-strike.md'),
      url: 'https://example.com/strike',
    };
    const { documentId } = await addSource(db, articleToAdd(), mergeAddedDocuments);
    await addSource(db, strike, mergeAddedDocuments);
    await removeSource(db, documentId, mergeAddedDocuments);

    const other = new DramatisDB(`added-sources-other-${Math.random()}`);
    try {
      await importBundle(other, bundle);
      await addSource(other, strike, mergeAddedDocuments);
      const [mine, theirs] = [await snapshot(db), await snapshot(other)];
      expect(mine.entities).toEqual(theirs.entities);
      expect(mine.aliasKeys).toEqual(theirs.aliasKeys);
      expect(mine.originals).toEqual(theirs.originals);
    } finally {
      await other.delete();
    }
  });

  it('refuses to remove a document that ships with Dramatis', async () => {
    await expect(removeSource(db, bundle.documents[0]!.id, mergeAddedDocuments)).rejects.toThrow(
      /ships with Dramatis and cannot be removed/,
    );
  });
});

/** The next version of the bundle: the seed and one more source. */
async function upgradedBundle(): Promise<ProfileBundle> {
  const wire = readFileSync('test/fixtures/documents/wire-senate-drones.txt', 'utf8');
  return buildBundle([
    ...(await readSourceFolder('assets/sources')),
    { origin: 'wire-senate-drones.txt', format: 'txt', content: wire },
  ]);
}

describe('a new bundle with added articles', () => {
  it('merges the added articles into the new bundle in the same import', async () => {
    await addSource(db, articleToAdd(), mergeAddedDocuments);
    const next = await upgradedBundle();
    await importBundle(db, next, Date.now, mergeAddedDocuments);
    expect(await names(db)).toEqual(expect.arrayContaining(['Ouk Sreymom', 'Lim Sovannary']));
    expect(await db.documents.count()).toBe(next.documents.length + 1);
  });

  it('fails whole, keeping the store, when the merge was not given', async () => {
    await addSource(db, articleToAdd(), mergeAddedDocuments);
    const before = await snapshot(db);
    const next = await upgradedBundle();
    await expect(importBundle(db, next)).rejects.toThrow(/no merge was given/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('listSources', () => {
  it('lists bundled and added documents with what each contributed', async () => {
    const { documentId } = await addSource(db, articleToAdd(), mergeAddedDocuments, () => 42);
    const listings = await listSources(db);
    expect(listings.map((l) => [l.document.id, l.added])).toEqual([
      [bundle.documents[0]!.id, null],
      [documentId, 42],
    ]);
    const added = listings[1]!;
    expect(added.profiles.people).toBeGreaterThanOrEqual(4);
    expect(added.quotes).toBeGreaterThanOrEqual(5);
  });
});

describe('listSourcesOutsideImports', () => {
  it('keeps the last listing while an import runs and reads the store again when it ends', async () => {
    const first = await listSourcesOutsideImports(db, null);
    expect(first.map((l) => l.document.id)).toEqual([bundle.documents[0]!.id]);
    await writeImportState(db, { state: 'importing', startedAt: 1 });
    await addSource(db, articleToAdd(), mergeAddedDocuments, () => 42);
    expect(await listSourcesOutsideImports(db, first)).toBe(first);
    // With nothing shown yet, the page reads what there is even mid-import.
    expect(await listSourcesOutsideImports(db, null)).toHaveLength(2);
    await writeImportState(db, { state: 'done', finishedAt: 2, changed: true });
    const after = await listSourcesOutsideImports(db, first);
    expect(after.map((l) => l.added)).toEqual([null, 42]);
  });
});
