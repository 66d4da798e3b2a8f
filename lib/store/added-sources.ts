/**
 * Articles the reader adds to the sources while reading ("Add this article to
 * sources" in the popup), and taking them out again.
 *
 * The profile shards always hold the bundle's profiles merged with every added
 * article by the build's merge (lib/extract/merge-added.ts), as if the
 * articles had been in assets/sources. Each added article keeps its whole
 * extraction, and `bundleOriginals` keeps the bundle's version of every entity
 * they changed, so the bundle's profiles can be recovered exactly: adding is
 * merging the bundle with one more article, removing (or Undo) is merging it
 * with one fewer, and a new bundle is merged with all of them. Every change is
 * one transaction over the bundled tables and the alias index, so a page never
 * sees half an article. The reader's corrections, notes and annotations live in
 * their own tables and are never touched here: a profile that comes back picks
 * its corrections up again.
 */
import type { ExtractedDocument } from '@/lib/model/source';
import type { Entity, EntityKind, ProfileBundle } from '@/lib/model/bundle-format';
import { canonicalJson } from '@/lib/model/bundle-hash';
import type { MergeAdded } from '@/lib/extract/merge-added';
import type { DramatisDB } from './db';
import { allProfiles, deleteProfiles, profileTables, putProfiles } from './profile-shards';
import type { AddedSourceRecord } from '@/lib/model/records';
import { UserError } from '@/lib/model/user-error';
import type { AddSummary, KindCounts } from '@/lib/model/views';
import type { AddSourceResult, RemoveSourceResult } from '@/lib/model/views';

/** An article to add: its extraction and the URL it is known by. */
export interface SourceToAdd {
  extracted: ExtractedDocument;
  /** The canonical URL, or the page's address without fragment when it states none. */
  url: string;
  /** A canonical the page declared on another site (lib/model/article.ts), or null. */
  claimedUrl?: string | null;
}

const TABLES = (db: DramatisDB) => [
  ...profileTables(db),
  db.documents,
  db.addedSources,
  db.bundleOriginals,
];

/**
 * Adds an article: merges its entities into the store, stores its document for
 * provenance and records it as added, in one transaction. An article whose
 * text or URL is already a source (added or bundled) changes nothing.
 */
export async function addSource(
  db: DramatisDB,
  source: SourceToAdd,
  merge: MergeAdded,
  now: () => number = Date.now,
): Promise<AddSourceResult> {
  const { document } = source.extracted;
  return db.transaction('rw', TABLES(db), async () => {
    const already = await findExisting(db, document.id, source.url);
    if (already)
      return {
        changed: false,
        documentId: already.id,
        title: already.title,
        already: already.kind,
      };
    const { current, base } = await readBaseEntities(db);
    const added = await db.addedSources.toArray();
    const next = merge(base, [...added.map((row) => row.extracted), source.extracted]);
    await writeMerged(db, current, base, next);
    await db.documents.add(document);
    const record: AddedSourceRecord = {
      id: document.id,
      url: source.url,
      ...(source.claimedUrl ? { claimedUrl: source.claimedUrl } : {}),
      added: now(),
      extracted: source.extracted,
    };
    await db.addedSources.add(record);
    return {
      changed: true,
      documentId: document.id,
      title: document.title,
      summary: addSummary(current, next, document.id),
    };
  });
}

/**
 * Removes an added article (Undo in the popup, Remove on the options page): its
 * document goes, and every entity it touched is merged again from the bundle
 * and the other added articles, which restores exactly what it was before the
 * article came when no other article touches it. A bundled document cannot be
 * removed (a new bundle would bring it back); that throws with a message that
 * says so. Removing an article that is already gone changes nothing.
 */
export async function removeSource(
  db: DramatisDB,
  documentId: string,
  merge: MergeAdded,
): Promise<RemoveSourceResult> {
  return db.transaction('rw', TABLES(db), async () => {
    const record = await db.addedSources.get(documentId);
    if (!record) {
      const bundled = await db.documents.get(documentId);
      if (bundled) {
        throw new UserError(
          'bundledSourceNotRemovable',
          [bundled.title],
          `"${bundled.title}" ships with Dramatis and cannot be removed.`,
        );
      }
      return { changed: false, removed: countKinds([]), updated: 0 };
    }
    const { current, base } = await readBaseEntities(db);
    const others = (await db.addedSources.toArray()).filter((row) => row.id !== documentId);
    const next = merge(
      base,
      others.map((row) => row.extracted),
    );
    const nextIds = new Set(next.map((entity) => entity.id));
    const changed = await writeMerged(db, current, base, next);
    await db.documents.delete(documentId);
    await db.addedSources.delete(documentId);
    const gone = [...current.values()].filter((entity) => !nextIds.has(entity.id));
    return { changed: true, removed: countKinds(gone), updated: changed - gone.length };
  });
}

/**
 * After a new bundle was written (inside importBundle's transaction): merges
 * the added articles into it. An added article that the new bundle itself
 * ships is a bundled document from now on. `merge` may be left out only when
 * no article was added (the background loads it lazily).
 */
export async function reapplyAddedSources(
  db: DramatisDB,
  bundle: Pick<ProfileBundle, 'documents' | 'entities'>,
  merge: MergeAdded | undefined,
): Promise<void> {
  await db.bundleOriginals.clear();
  const bundled = new Set(bundle.documents.map((document) => document.id));
  const all = await db.addedSources.toArray();
  await db.addedSources.bulkDelete(all.filter((row) => bundled.has(row.id)).map((row) => row.id));
  const added = all.filter((row) => !bundled.has(row.id));
  if (added.length === 0) return;
  if (!merge) {
    throw new Error(
      `${added.length} added article(s) must be merged into the new bundle, but no merge was given (a bug in the caller of importBundle)`,
    );
  }
  await db.documents.bulkPut(added.map((row) => row.extracted.document));
  const current = new Map(bundle.entities.map((entity) => [entity.id, entity]));
  const next = merge(
    bundle.entities,
    added.map((row) => row.extracted),
  );
  await writeMerged(db, current, bundle.entities, next);
}

/** How many articles were added; the background loads the merge for a bundle import only when there are any. */
export function countAddedSources(db: DramatisDB): Promise<number> {
  return db.addedSources.count();
}

/** The source already holding this text or URL, if any. */
async function findExisting(
  db: DramatisDB,
  documentId: string,
  url: string,
): Promise<{ id: string; title: string; kind: 'added' | 'bundled' } | null> {
  const addedRow =
    (await db.addedSources.get(documentId)) ??
    (await db.addedSources.where('url').equals(url).first());
  if (addedRow) return { id: addedRow.id, title: addedRow.extracted.document.title, kind: 'added' };
  const bundled =
    (await db.documents.get(documentId)) ??
    (await db.documents.filter((document) => document.url === url).first());
  return bundled ? { id: bundled.id, title: bundled.title, kind: 'bundled' } : null;
}

/** The entities as stored, and the bundle's entities recovered from them with `bundleOriginals`. */
async function readBaseEntities(
  db: DramatisDB,
): Promise<{ current: Map<string, Entity>; base: Entity[] }> {
  const [entities, originals] = await Promise.all([allProfiles(db), db.bundleOriginals.toArray()]);
  const current = new Map(entities.map((entity) => [entity.id, entity]));
  const base = new Map(current);
  for (const { id, entity } of originals) {
    if (entity) base.set(id, entity);
    else base.delete(id);
  }
  return { current, base: [...base.values()] };
}

/**
 * Writes the merged entities `next` over `current`: only entities that changed
 * are rewritten, with their alias-key rows (the key shards pages are answered
 * from), and `bundleOriginals` is set to the bundle's version of every entity
 * that now differs from it. Answers how many entities changed or went.
 */
async function writeMerged(
  db: DramatisDB,
  current: Map<string, Entity>,
  base: readonly Entity[],
  next: readonly Entity[],
): Promise<number> {
  const nextById = new Map(next.map((entity) => [entity.id, entity]));
  const changed = next.filter((entity) => !sameEntity(current.get(entity.id), entity));
  const gone = [...current.keys()].filter((id) => !nextById.has(id));
  const touched = [...changed.map((entity) => entity.id), ...gone];
  // Each shard is rewritten whole with its alias keys.
  await deleteProfiles(db, gone);
  await putProfiles(db, changed);
  const baseById = new Map(base.map((entity) => [entity.id, entity]));
  const originals = [...new Set([...baseById.keys(), ...nextById.keys()])]
    .filter((id) => !sameEntity(baseById.get(id), nextById.get(id)))
    .map((id) => ({ id, entity: baseById.get(id) ?? null }));
  await db.bundleOriginals.clear();
  await db.bundleOriginals.bulkAdd(originals);
  return touched.length;
}

/** Same content whatever order the keys were written in (records come back from IndexedDB and from the merge). */
function sameEntity(a: Entity | undefined, b: Entity | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

/** New profiles the article created, by kind, and known profiles it mentions. */
function addSummary(
  current: Map<string, Entity>,
  next: readonly Entity[],
  documentId: string,
): AddSummary {
  const mentioned = next.filter((entity) => entity.mentions.some((m) => m.doc === documentId));
  return {
    created: countKinds(mentioned.filter((entity) => !current.has(entity.id))),
    updated: mentioned.filter((entity) => current.has(entity.id)).length,
  };
}

const KIND_FIELD: Record<EntityKind, keyof KindCounts> = {
  person: 'people',
  organization: 'organizations',
  place: 'places',
};

/** Entities counted by kind. */
export function countKinds(entities: readonly Pick<Entity, 'kind'>[]): KindCounts {
  const counts: KindCounts = { people: 0, organizations: 0, places: 0 };
  for (const entity of entities) counts[KIND_FIELD[entity.kind]]++;
  return counts;
}
