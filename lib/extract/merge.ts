/**
 * Merging the entities of many documents into one profile store. The same
 * entity seen in several documents becomes one profile: first by id (same kind
 * and name), then by a shared unambiguous alias key of the same kind ("CNRP" in
 * a document that never spells it out), then by the body a name of an
 * organization names ("Interior Ministry", "Ministry of the Interior"), then by
 * spelling variant.
 */
import type { Entity, MentionCount, SourceDocument } from '@/lib/model/bundle-format';
import type { ExtractedDocument } from '@/lib/model/source';
import { isAmbiguousAlias, isSpellingVariant, organizationKey } from './aliases';

const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function clone(e: Entity): Entity {
  return {
    ...e,
    aliases: e.aliases.map((a) => ({ ...a })),
    roles: [...e.roles],
    affiliations: [...e.affiliations],
    quotes: [...e.quotes],
    mentions: e.mentions.map((m) => ({ ...m })),
    related: [],
  };
}

/**
 * What an entity already holds, by key, so folding a frequent entity's
 * thousandth document does not search its thousand mentions. Built on first
 * need for each entity of one merge; `absorb` keeps it up to date.
 */
interface Held {
  aliases: Set<string>;
  roles: Set<string>;
  affiliations: Set<string>;
  mentions: Map<string, MentionCount>;
}

type HeldIndex = WeakMap<Entity, Held>;

function heldBy(index: HeldIndex, e: Entity): Held {
  let held = index.get(e);
  if (!held) {
    held = {
      aliases: new Set(e.aliases.map((a) => `${a.key}\u0000${a.form}`)),
      roles: new Set(e.roles.map((r) => `${r.title.toLowerCase()}\u0000${r.source.doc}`)),
      affiliations: new Set(e.affiliations.map((a) => `${a.entityId}\u0000${a.source.doc}`)),
      mentions: new Map(e.mentions.map((m) => [m.doc, m])),
    };
    index.set(e, held);
  }
  return held;
}

/** Folds `from` into `into`; `into` keeps its id and the fuller name. */
function absorb(into: Entity, from: Entity, variant: boolean, index: HeldIndex): void {
  if (from.name.length > into.name.length && !variant) into.name = from.name;
  const held = heldBy(index, into);
  for (const a of from.aliases) {
    const form = variant && a.form === 'name' ? 'variant' : a.form;
    const key = `${a.key}\u0000${form}`;
    if (held.aliases.has(key)) continue;
    held.aliases.add(key);
    into.aliases.push({ ...a, form });
  }
  for (const r of from.roles) {
    const key = `${r.title.toLowerCase()}\u0000${r.source.doc}`;
    if (held.roles.has(key)) continue;
    held.roles.add(key);
    into.roles.push(r);
  }
  for (const a of from.affiliations) {
    const key = `${a.entityId}\u0000${a.source.doc}`;
    if (held.affiliations.has(key)) continue;
    held.affiliations.add(key);
    into.affiliations.push(a);
  }
  into.quotes.push(...from.quotes);
  for (const m of from.mentions) {
    const have = held.mentions.get(m.doc);
    if (have) have.count += m.count;
    else {
      const mention = { ...m };
      held.mentions.set(m.doc, mention);
      into.mentions.push(mention);
    }
  }
}

/**
 * Merges extracted documents: documents sorted by id, entities merged across
 * documents, references rewritten to surviving ids, `related` counted from
 * shared documents, everything sorted by id so the output is deterministic.
 */
export function mergeDocuments(docs: ExtractedDocument[]): {
  documents: SourceDocument[];
  entities: Entity[];
} {
  const documents = [...new Map(docs.map((d) => [d.document.id, d.document])).values()].sort(byId);
  const held: HeldIndex = new WeakMap();
  const merged = new Map<string, Entity>();
  const renamed = new Map<string, string>();
  const ordered = [...docs].sort((a, b) => byId(a.document, b.document));
  for (const d of ordered) {
    for (const e of d.entities) {
      const have = merged.get(e.id);
      if (have) absorb(have, e, false, held);
      else merged.set(e.id, clone(e));
    }
  }

  // Same kind and one shared unambiguous key of a full name or acronym: one entity.
  const entities = [...merged.values()].sort(byId);
  const owner = new Map<string, Entity>();
  const ownerForm = new Map<string, string>();
  const gone = new Set<string>();
  for (const e of entities) {
    for (const a of e.aliases) {
      if (a.ambiguous || (a.form !== 'name' && a.form !== 'acronym' && a.form !== 'short'))
        continue;
      const k = `${e.kind}\u0000${a.key}`;
      const other = owner.get(k);
      // Two short forms alone prove nothing: "Smith" shortens both John and Jane Smith.
      const bothShort = a.form === 'short' && ownerForm.get(k) === 'short';
      if (other && other !== e && !bothShort && !gone.has(other.id) && !gone.has(e.id)) {
        const [keep, drop] = other.name.length >= e.name.length ? [other, e] : [e, other];
        absorb(keep, drop, false, held);
        gone.add(drop.id);
        renamed.set(drop.id, keep.id);
        owner.set(k, keep);
      } else if (!other) {
        owner.set(k, e);
        ownerForm.set(k, a.form);
      }
    }
  }
  // "Interior Ministry" in one document and "Ministry of Interior" in another: one body.
  const bodies = new Map<string, Entity>();
  for (const e of entities) {
    if (gone.has(e.id) || e.kind !== 'organization') continue;
    const key = organizationKey(e.name);
    if (!key) continue;
    const other = bodies.get(key);
    if (!other) {
      bodies.set(key, e);
      continue;
    }
    const [keep, drop] = other.name.length >= e.name.length ? [other, e] : [e, other];
    absorb(keep, drop, true, held);
    gone.add(drop.id);
    renamed.set(drop.id, keep.id);
    bodies.set(key, keep);
  }
  // Spelling variants of one place or organization across documents ("Kork Chak" / "Kokchak").
  // A variant shares its first letter and differs in length by at most two
  // (see isSpellingVariant), so only entities in the same (kind, first letter)
  // bucket and a close length are compared: a pairwise pass over a 100,000-entity
  // store would never finish.
  const buckets = new Map<string, { entity: Entity; key: string; length: number }[]>();
  for (const e of entities) {
    if (gone.has(e.id) || e.kind === 'person') continue;
    const key = e.aliases.find((x) => x.form === 'name')?.key ?? '';
    const squeezed = key.replace(/\s+/g, '').toLowerCase();
    if (!squeezed) continue;
    const bucket = `${e.kind}\u0000${squeezed[0]}`;
    const list = buckets.get(bucket) ?? [];
    list.push({ entity: e, key, length: squeezed.length });
    buckets.set(bucket, list);
  }
  for (const list of buckets.values()) {
    // Stable by id within a length, so the surviving entity does not depend on input order.
    list.sort((x, y) => x.length - y.length || byId(x.entity, y.entity));
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      for (let j = i + 1; j < list.length && list[j]!.length - a.length <= 2; j++) {
        const b = list[j]!;
        if (gone.has(a.entity.id) || gone.has(b.entity.id)) continue;
        if (a.key === b.key || !isSpellingVariant(a.key, b.key)) continue;
        const count = (e: Entity) => e.mentions.reduce((n, m) => n + m.count, 0);
        const [keep, drop] =
          count(a.entity) > count(b.entity) ||
          (count(a.entity) === count(b.entity) && byId(a.entity, b.entity) <= 0)
            ? [a.entity, b.entity]
            : [b.entity, a.entity];
        absorb(keep, drop, true, held);
        gone.add(drop.id);
        renamed.set(drop.id, keep.id);
      }
    }
  }

  const result = entities.filter((e) => !gone.has(e.id));
  const resolve = (id: string): string => {
    let cur = id;
    for (let n = 0; n < 10 && renamed.has(cur); n++) cur = renamed.get(cur) ?? cur;
    return cur;
  };
  // Words shared by several entities' names are ambiguous across the whole store, too.
  const owners = new Map<string, Set<string>>();
  for (const e of result) {
    for (const w of e.name.toLowerCase().split(/\s+/))
      owners.set(w, (owners.get(w) ?? new Set()).add(e.id));
  }
  const shared = new Set([...owners].filter(([, s]) => s.size >= 2).map(([w]) => w));
  for (const e of result) {
    for (const r of e.roles) if (r.organizationId) r.organizationId = resolve(r.organizationId);
    e.affiliations = e.affiliations.map((a) => ({ ...a, entityId: resolve(a.entityId) }));
    for (const a of e.aliases) a.ambiguous = a.ambiguous || isAmbiguousAlias(a.text, shared);
    e.mentions.sort((x, y) => (x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : 0));
    e.quotes.sort((x, y) =>
      x.source.doc === y.source.doc
        ? x.source.start - y.source.start
        : x.source.doc < y.source.doc
          ? -1
          : 1,
    );
  }
  // Co-mentions from a document → entities index: the cost follows the number
  // of entity pairs that really share a document, not the square of the store.
  const entitiesOfDoc = new Map<string, string[]>();
  for (const e of result) {
    for (const m of e.mentions) {
      const list = entitiesOfDoc.get(m.doc) ?? [];
      list.push(e.id);
      entitiesOfDoc.set(m.doc, list);
    }
  }
  for (const e of result) {
    const shared = new Map<string, number>();
    for (const m of e.mentions) {
      for (const other of entitiesOfDoc.get(m.doc) ?? []) {
        if (other !== e.id) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    e.related = [...shared]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([entityId, documents]) => ({ entityId, documents }));
  }
  return { documents, entities: result };
}
