/**
 * The alias index: alias key → the entities it names. The CLI and the background
 * hold it (the background as a Dexie table of the same rows); the content script
 * only ever sees the few hits for the keys it asked about.
 */
import type { Alias, Entity } from '@/lib/model/bundle-format';
import { aliasKey } from './normalize';
import type { AliasHit, AliasLookup } from './types';

/** The parts of an entity the index needs, so the store can pass slimmer records. */
export type IndexableEntity = Pick<Entity, 'id' | 'name' | 'kind'> & {
  aliases: readonly Pick<Alias, 'text' | 'key' | 'ambiguous'>[];
};

/** The index itself: a plain `Map`, so it is also an {@link AliasLookup}. */
export type AliasIndex = Map<string, AliasHit[]>;

/**
 * The hits one entity contributes, one per distinct key (the rows of the store's
 * alias-key table). A key is ambiguous for the entity if any of its aliases with
 * that key is flagged ambiguous: precision over recall, so one ambiguous spelling
 * makes the key wait for the full name. The display name is indexed, as
 * unambiguous, only when no alias carries its key (a bundle always should).
 * An alias with an empty stored key is keyed from its text.
 */
export function aliasHitsForEntity(entity: IndexableEntity): AliasHit[] {
  // Plain loops and a list, not a Map: an entity has a handful of aliases and this runs once per profile.
  const hits: AliasHit[] = [];
  let nameIndexed = false;
  for (const alias of entity.aliases) {
    addHit(hits, entity, alias.key || aliasKey(alias.text), alias.ambiguous);
    if (alias.text === entity.name) nameIndexed = true;
  }
  // aliasKey is the costly step of a large index build; skip it when the name is an alias already.
  if (!nameIndexed) {
    const nameKey = aliasKey(entity.name);
    if (!hits.some((hit) => hit.key === nameKey)) addHit(hits, entity, nameKey, false);
  }
  return hits;
}

function addHit(hits: AliasHit[], entity: IndexableEntity, key: string, ambiguous: boolean): void {
  if (key === '') return;
  for (const hit of hits) {
    if (hit.key === key) {
      hit.ambiguous ||= ambiguous;
      return;
    }
  }
  hits.push({ key, entityId: entity.id, name: entity.name, kind: entity.kind, ambiguous });
}

/** Builds the key → hits index over a whole store. Cost is linear in the number of aliases. */
export function buildAliasIndex(entities: Iterable<IndexableEntity>): AliasIndex {
  const index: AliasIndex = new Map();
  for (const entity of entities) addHits(index, aliasHitsForEntity(entity));
  return index;
}

function addHits(index: AliasIndex, hits: Iterable<AliasHit>): void {
  for (const hit of hits) {
    const list = index.get(hit.key);
    if (list) list.push(hit);
    else index.set(hit.key, [hit]);
  }
}

/**
 * The background's answer to a content script's batch of candidate keys: every
 * hit for any of them, flat, ready to send back as one message.
 */
export function answerKeys(lookup: AliasLookup, keys: Iterable<string>): AliasHit[] {
  const hits: AliasHit[] = [];
  for (const key of new Set(keys)) hits.push(...(lookup.get(key) ?? []));
  return hits;
}

/** Turns a flat list of hits (a background reply) back into an {@link AliasLookup}. */
export function groupHitsByKey(hits: Iterable<AliasHit>): AliasIndex {
  const index: AliasIndex = new Map();
  addHits(index, hits);
  return index;
}
