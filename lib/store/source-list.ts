/**
 * The source documents the profile store was built from, bundled and added,
 * each with what it contributed: for the options page's Sources section.
 */
import type { EntityKind, SourceDocument } from '@/lib/model/bundle-format';
import { countKinds } from './added-sources';
import { type KindCounts } from '@/lib/model/views';
import type { DramatisDB } from './db';
import { allProfiles } from './profile-shards';
import { readImportState } from './queries';

/** One source document and what it brings to the store. */
export interface SourceListing {
  document: Pick<
    SourceDocument,
    'id' | 'title' | 'publisher' | 'published' | 'url' | 'origin' | 'wordCount'
  >;
  /** When the reader added it (milliseconds since the epoch); null for a document that ships with Dramatis. */
  added: number | null;
  /** The canonical an added page declared on another site: its claim, shown as such. */
  claimedUrl: string | null;
  /** The profiles that cite it, by kind. */
  profiles: KindCounts;
  /** Quotes taken from it. */
  quotes: number;
}

/**
 * Every source document with its contribution, bundled ones first (by title),
 * then added ones, newest first. Counts come from the profiles as stored, so
 * they show what each document supports after merging.
 */
export async function listSources(db: DramatisDB): Promise<SourceListing[]> {
  return db.transaction('r', [db.documents, db.addedSources, db.profileShards], async () => {
    const [documents, added, entities] = await Promise.all([
      db.documents.toArray(),
      db.addedSources.toArray(),
      allProfiles(db),
    ]);
    const addedAt = new Map(added.map((row) => [row.id, row.added]));
    const claimed = new Map(added.map((row) => [row.id, row.claimedUrl ?? null]));
    const citing = new Map<string, { kind: EntityKind }[]>();
    const quotes = new Map<string, number>();
    for (const entity of entities) {
      for (const mention of entity.mentions) {
        const list = citing.get(mention.doc) ?? [];
        list.push({ kind: entity.kind });
        citing.set(mention.doc, list);
      }
      for (const quote of entity.quotes) {
        quotes.set(quote.source.doc, (quotes.get(quote.source.doc) ?? 0) + 1);
      }
    }
    const listings = documents.map(
      ({ id, title, publisher, published, url, origin, wordCount }) => ({
        document: { id, title, publisher, published, url, origin, wordCount },
        added: addedAt.get(id) ?? null,
        claimedUrl: claimed.get(id) ?? null,
        profiles: countKinds(citing.get(id) ?? []),
        quotes: quotes.get(id) ?? 0,
      }),
    );
    return listings.sort(bundledThenNewest);
  });
}

/**
 * {@link listSources} for a list kept live (liveQuery): while a bundle import
 * runs it answers `previous` (when there is one) without reading the profiles,
 * and reads them again once the import has finished. Reading every profile
 * after each of the import's chunks made an import quadratic while the
 * options page was open (100,000 profiles are 20 chunks, each re-reading all
 * that landed before).
 */
export async function listSourcesOutsideImports(
  db: DramatisDB,
  previous: SourceListing[] | null,
): Promise<SourceListing[]> {
  // Read first, so that the live query watches the import state and runs again when it ends.
  const state = await readImportState(db);
  if (state.state === 'importing' && previous) return previous;
  return listSources(db);
}

/** Bundled documents first, by title; then added ones, newest first. */
function bundledThenNewest(a: SourceListing, b: SourceListing): number {
  if (a.added === null && b.added === null) return a.document.title.localeCompare(b.document.title);
  if (a.added === null) return -1;
  if (b.added === null) return 1;
  return b.added - a.added;
}
