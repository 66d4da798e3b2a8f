/**
 * One entity's profile as the card shows it: the bundled facts with the
 * sentence and document each came from, the reader's corrections applied, the
 * related entities worth a button, and the reader's notes.
 *
 * Everything is read in one read transaction, so a bundle import running at
 * the same time is seen either wholly or not at all.
 */
import type { Entity, Quote, SourceDocument, SourceSpan } from '@/lib/model/bundle-format';
import type { DramatisDB } from './db';

import { notesAbout } from './notes';
import { getProfile, getProfiles } from './profile-shards';

import type { CorrectionRecord } from '@/lib/model/records';

import { excerptBetween, sentenceAroundSpan } from './source-sentence';

import type { DocumentSummary, EntityProfile, FactSource } from '@/lib/model/profile';

/** Most quotes the card shows. */
export const MAX_CARD_QUOTES = 3;
/** Most related entities the card shows. */
export const MAX_CARD_RELATED = 8;
/** Most notes the card lists; the side panel is the place for a long history. */
export const MAX_CARD_NOTES = 20;
/**
 * A quote shorter than this many words ("certain") is a scare-quoted word in the
 * reporter's sentence, not something the person said in full; the card prefers
 * real quotes and uses short ones only to fill its slots.
 */
const MIN_QUOTE_WORDS = 4;
/** Related entities considered for tie-breaking; bounds the rows read for a very connected entity. */
const RELATED_CANDIDATES = 200;

/** The profile of `entityId`, or null when the store has no such entity. */
export async function getEntityProfile(
  db: DramatisDB,
  entityId: string,
  /** How many merges were followed to get here; a cycle stops after a few. */
  depth = 0,
): Promise<EntityProfile | null> {
  const tables = [db.profileShards, db.documents, db.annotations, db.corrections];
  return db.transaction('r', tables, async () => {
    const entity = await getProfile(db, entityId);
    if (!entity) return null;
    // A profile the reader merged into another opens as that one (the alias lookup links it so).
    const mergedInto = (await db.corrections.get(entityId))?.correction.mergedInto;
    if (mergedInto && mergedInto !== entityId && depth < 5) {
      return getEntityProfile(db, mergedInto, depth + 1);
    }
    const quotes = pickQuotes(entity.quotes);
    const candidates = [...entity.related]
      .sort((a, b) => b.documents - a.documents)
      .slice(0, RELATED_CANDIDATES);
    const linkedIds = [
      ...entity.roles.flatMap((role) => (role.organizationId ? [role.organizationId] : [])),
      ...entity.affiliations.map((a) => a.entityId),
    ];
    const otherIds = [...new Set([...linkedIds, ...candidates.map((r) => r.entityId)])];
    const spans = [
      ...entity.roles.map((r) => r.source),
      ...entity.affiliations.map((a) => a.source),
      ...quotes.map((q) => q.context),
    ];
    const [others, corrections, documents, notes] = await Promise.all([
      getProfiles(db, otherIds),
      db.corrections.bulkGet([entityId, ...otherIds]),
      db.documents.bulkGet([...new Set(spans.map((s) => s.doc))]),
      notesAbout(db, entityId, MAX_CARD_NOTES),
    ]);
    const fix = correctionsById(corrections);
    const names = new Map<string, Entity>();
    for (const other of others) if (other) names.set(other.id, other);
    const docs = new Map<string, SourceDocument>();
    for (const doc of documents) if (doc) docs.set(doc.id, doc);
    const nameOf = (id: string, fallback: string | null) =>
      fix.get(id)?.name ?? names.get(id)?.name ?? fallback;
    const own = fix.get(entityId);

    const linked = new Set(linkedIds);
    const related = candidates
      .flatMap((r) => {
        const other = names.get(r.entityId);
        return other && other.id !== entityId ? [{ r, other }] : [];
      })
      .sort(
        (a, b) =>
          b.r.documents - a.r.documents ||
          Number(linked.has(b.other.id)) - Number(linked.has(a.other.id)) ||
          totalMentions(b.other) - totalMentions(a.other) ||
          a.other.name.localeCompare(b.other.name),
      )
      .slice(0, MAX_CARD_RELATED)
      .map(({ r, other }) => ({
        id: other.id,
        name: nameOf(other.id, other.name) ?? other.name,
        kind: fix.get(other.id)?.kind ?? other.kind,
        documents: r.documents,
      }));

    return {
      id: entity.id,
      kind: own?.kind ?? entity.kind,
      name: own?.name ?? entity.name,
      bundleName: own?.name !== undefined && own.name !== entity.name ? entity.name : null,
      hidden: own?.hidden === true,
      correctionNote: own?.note?.trim() ? own.note : null,
      roles: entity.roles.map((role) => ({
        title: own?.roleTitles?.[role.title] ?? role.title,
        organizationId: role.organizationId,
        organizationName: role.organizationId ? nameOf(role.organizationId, null) : null,
        source: factSource(docs, role.source, role.source),
      })),
      affiliations: entity.affiliations.map((a) => ({
        entityId: a.entityId,
        name: nameOf(a.entityId, a.name) ?? a.name,
        source: factSource(docs, a.source, a.source),
      })),
      quotes: quotes.map((q) => ({ text: q.text, source: factSource(docs, q.context, q.source) })),
      quoteCount: entity.quotes.length,
      documentCount: entity.mentions.filter((m) => m.count > 0).length,
      related,
      notes: notes.notes,
      noteCount: notes.total,
    };
  });
}

/** Up to {@link MAX_CARD_QUOTES} quotes: full quotes in source order first, then short ones. */
export function pickQuotes(quotes: readonly Quote[]): Quote[] {
  const words = (q: Quote) => q.text.split(/\s+/).filter(Boolean).length;
  const full = quotes.filter((q) => words(q) >= MIN_QUOTE_WORDS);
  const short = quotes.filter((q) => words(q) < MIN_QUOTE_WORDS);
  return [...full, ...short].slice(0, MAX_CARD_QUOTES);
}

function totalMentions(entity: Entity): number {
  return entity.mentions.reduce((sum, m) => sum + m.count, 0);
}

function correctionsById(
  rows: readonly (CorrectionRecord | undefined)[],
): Map<string, CorrectionRecord['correction']> {
  const map = new Map<string, CorrectionRecord['correction']>();
  for (const row of rows) if (row) map.set(row.entityId, row.correction);
  return map;
}

/**
 * The provenance of a fact read from `around` (a role's own span, or a quote's
 * context) with `mark` highlighted. A role's span is only the words of the
 * role, so the sentence around it is derived; a quote's context already is its
 * sentence.
 */
function factSource(
  docs: ReadonlyMap<string, SourceDocument>,
  around: SourceSpan,
  mark: SourceSpan,
): FactSource | null {
  const doc = docs.get(around.doc);
  if (!doc) return null;
  const excerpt =
    around === mark
      ? sentenceAroundSpan(doc.text, mark.start, mark.end)
      : excerptBetween(doc.text, around.start, around.end, mark.start, mark.end);
  if (!excerpt) {
    console.warn(`Dramatis: a span of ${doc.id} lies outside its text`, around);
  }
  return { document: summarize(doc), excerpt };
}

function summarize(doc: SourceDocument): DocumentSummary {
  return {
    id: doc.id,
    title: doc.title,
    publisher: doc.publisher,
    published: doc.published,
    url: doc.url,
    attribution: doc.attribution,
  };
}
