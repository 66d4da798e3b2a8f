/**
 * Finding an entity by a name the reader types (the popup's "add a person or
 * organization" field): fuse.js over every entity's name and aliases.
 *
 * Why fuse.js here: names are short strings, where its approximate matcher is
 * strong (it finds "Sochau" for "Sochua"), and the vocabulary is the store's
 * names, not the reader's annotations, so its cost grows with the store once,
 * when the index is built, and a query takes milliseconds.
 */
import Fuse from 'fuse.js';
import type { DramatisDB } from './db';

import { allProfiles } from './profile-shards';
import { readBundleMeta } from './queries';

import type { EntitySuggestion } from '@/lib/model/views';

interface Searchable extends EntitySuggestion {
  aliases: string[];
}

/** Below this fuse.js score (0 perfect, 1 anything) a name is offered; above, it is noise. */
const MAX_SCORE = 0.4;

/**
 * A search over `db`'s entities. The index is built on the first query and
 * rebuilt when the bundle in the store changes (its hash), so a bundle upgrade
 * is searchable without restarting the background.
 */
export function createEntitySearch(
  db: DramatisDB,
): (query: string, limit: number) => Promise<EntitySuggestion[]> {
  let built: { hash: string; fuse: Fuse<Searchable> } | null = null;
  const index = async (): Promise<Fuse<Searchable>> => {
    // The bundle and the articles added to it decide the entities.
    const bundle = (await readBundleMeta(db))?.hash ?? null;
    const hash = `${bundle}|${(await db.addedSources.toCollection().primaryKeys()).join(',')}`;
    if (built && built.hash === hash) return built.fuse;
    const entities = await allProfiles(db);
    const records = entities.map((entity) => ({
      id: entity.id,
      name: entity.name,
      kind: entity.kind,
      aliases: [...new Set(entity.aliases.map((alias) => alias.text))],
    }));
    const fuse = new Fuse(records, {
      keys: [
        { name: 'name', weight: 2 },
        { name: 'aliases', weight: 1 },
      ],
      includeScore: true,
      ignoreDiacritics: true,
      threshold: MAX_SCORE,
    });
    built = { hash, fuse };
    return fuse;
  };
  return async (query, limit) => {
    const typed = query.trim();
    if (typed.length === 0) return [];
    const fuse = await index();
    return fuse
      .search(typed, { limit })
      .map(({ item }) => ({ id: item.id, name: item.name, kind: item.kind }));
  };
}
