/**
 * Search over the reader's saved annotations, kept up to date as they save.
 *
 * An inverted index maps each folded term to the annotations holding it, with
 * how often per field. A query word expands through the {@link Vocabulary}
 * (exact, prefix of the word being typed, fuzzy via fuse.js), the postings of
 * the expanded terms are scored BM25F-style, and every word must be found
 * somewhere in the annotation, in any field, in any order ("Kem Sokha treason").
 * Phrases and filters are then checked against the candidates' own text.
 */
import type { AnnotationRecord } from '@/lib/model/records';
import { parseQuery, type ParsedQuery } from './query';
import {
  fieldTexts,
  findMatches,
  filterHighlightTerms,
  hasPhrase,
  passesFilter,
  prepareFilter,
  SEARCH_FIELDS,
  type FieldMatch,
  type IndexedRecord,
  type PreparedFilter,
} from './record-fields';
import { foldTerm, terms } from './tokenize';
import { Vocabulary, type Expansion } from './vocabulary';

/** One annotation found, best first. */
export interface SearchResult {
  id: string;
  /** Relevance; only comparable within one search. 0 when the query had no words. */
  score: number;
  /** Words to emphasize, by field, as offsets into the original field text. */
  matches: FieldMatch[];
}

/** How many results to return (default 50). */
export interface SearchOptions {
  limit?: number;
}

/** The live index the side panel keeps while it is open. */
export interface SearchIndex {
  /** Indexes a new annotation (or replaces one with the same id). */
  add(record: AnnotationRecord): void;
  /** Re-indexes an edited annotation; entity names are resolved again. */
  update(record: AnnotationRecord): void;
  /** Forgets an annotation; unknown ids are ignored. */
  remove(id: string): void;
  /**
   * Annotations matching every word, phrase and filter, best first; ties go to the
   * most recently updated. With no words, phrases or filters: everything, newest first.
   */
  search(query: ParsedQuery | string, options?: SearchOptions): SearchResult[];
  /** How many annotations are indexed. */
  readonly size: number;
}

const FIELD_COUNT = SEARCH_FIELDS.length;
/** Quotes and entity names are what readers search for; the site is a weak hint. */
const FIELD_WEIGHTS = [3, 2, 2, 3, 1.5, 0.5];
const TF_BITS = 5;
const TF_MAX = (1 << TF_BITS) - 1;
const K1 = 1.2;
const B = 0.75;
const DEFAULT_LIMIT = 50;
/** More query words than this are ignored (the match mask is a 32-bit integer). */
const MAX_GROUPS = 30;

/**
 * Builds the index over `records`. `resolveEntityName` gives an entity's display
 * name (so "Sochua" finds annotations about her); it is asked again on `update`.
 */
export function createSearchIndex(
  records: Iterable<AnnotationRecord>,
  resolveEntityName: (entityId: string) => string | undefined,
): SearchIndex {
  const index = new InvertedIndex(resolveEntityName);
  for (const record of records) index.add(record);
  return index;
}

class InvertedIndex implements SearchIndex {
  private readonly vocabulary = new Vocabulary();
  /** By term id: [doc, packed per-field counts, doc, packed, …]; removed docs linger until compaction. */
  private readonly postings: number[][] = [];
  /** By doc number; undefined once removed. Doc numbers are never reused. */
  private readonly docs: (IndexedRecord | undefined)[] = [];
  private readonly docOf = new Map<string, number>();
  /** Term count of each field of each doc: doc * FIELD_COUNT + field. */
  private readonly fieldLengths: number[] = [];
  private readonly lengthSums = new Array<number>(FIELD_COUNT).fill(0);
  private dead = 0;
  private total = new Float64Array(0);
  private best = new Float64Array(0);
  private hits = new Uint32Array(0);

  constructor(private readonly resolveEntityName: (entityId: string) => string | undefined) {}

  get size(): number {
    return this.docOf.size;
  }

  add(record: AnnotationRecord): void {
    if (this.docOf.has(record.id)) this.remove(record.id);
    const indexed: IndexedRecord = {
      record,
      entityNames: record.entityIds.map((id) => this.resolveEntityName(id) ?? ''),
    };
    const doc = this.docs.length;
    this.docs.push(indexed);
    this.docOf.set(record.id, doc);
    const packedByTerm = new Map<number, number>();
    const lengths = new Array<number>(FIELD_COUNT).fill(0);
    for (const { field, text } of fieldTexts(indexed)) {
      const f = SEARCH_FIELDS.indexOf(field);
      for (const term of terms(text)) {
        lengths[f]! += 1;
        let id = this.vocabulary.idOf(term);
        if (id === undefined || !packedByTerm.has(id)) {
          id = this.vocabulary.addDocument(term);
          packedByTerm.set(id, 0);
        }
        const packed = packedByTerm.get(id)!;
        if (((packed >>> (TF_BITS * f)) & TF_MAX) < TF_MAX) {
          packedByTerm.set(id, packed + (1 << (TF_BITS * f)));
        }
      }
    }
    for (const [id, packed] of packedByTerm) {
      const list = this.postings[id];
      if (list) list.push(doc, packed);
      else this.postings[id] = [doc, packed];
    }
    lengths.forEach((length, f) => {
      this.fieldLengths[doc * FIELD_COUNT + f] = length;
      this.lengthSums[f]! += length;
    });
  }

  update(record: AnnotationRecord): void {
    this.add(record);
  }

  remove(id: string): void {
    const doc = this.docOf.get(id);
    if (doc === undefined) return;
    const indexed = this.docs[doc]!;
    const held = new Set<number>();
    for (const { text } of fieldTexts(indexed)) {
      for (const term of terms(text)) held.add(this.vocabulary.idOf(term)!);
    }
    for (const termId of held) this.vocabulary.removeDocument(termId);
    for (let f = 0; f < FIELD_COUNT; f++) {
      this.lengthSums[f]! -= this.fieldLengths[doc * FIELD_COUNT + f]!;
    }
    this.docs[doc] = undefined;
    this.docOf.delete(id);
    this.dead++;
    if (this.dead > 1000 && this.dead > this.docOf.size) this.compact();
  }

  search(query: ParsedQuery | string, options: SearchOptions = {}): SearchResult[] {
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
    const groups = this.expandQuery(parsed);
    const phrases = parsed.phrases.map(terms).filter((phrase) => phrase.length > 0);
    const filters = parsed.filters.map(prepareFilter);
    const scored = groups.length > 0 ? this.scoreGroups(groups) : this.unscored(filters, phrases);
    const passing = scored.filter(({ doc }) => {
      const indexed = this.docs[doc]!;
      return (
        phrases.every((phrase) => hasPhrase(indexed, phrase)) &&
        filters.every((filter) => passesFilter(indexed, filter))
      );
    });
    passing.sort(
      (a, b) =>
        b.score - a.score || this.docs[b.doc]!.record.updated - this.docs[a.doc]!.record.updated,
    );
    const matched = new Set(groups.flatMap((group) => group.map((expansion) => expansion.term)));
    const filterTerms = filterHighlightTerms(filters);
    return passing.slice(0, limit).map(({ doc, score }) => {
      const indexed = this.docs[doc]!;
      return { id: indexed.record.id, score, matches: findMatches(indexed, matched, filterTerms) };
    });
  }

  /** One group of expansions per word and per phrase word; every group must be hit. */
  private expandQuery(query: ParsedQuery): Expansion[][] {
    const groups: Expansion[][] = [];
    query.words.forEach((word, i) => {
      const folded = foldTerm(word);
      if (folded === '') return;
      const prefix = query.prefixLast && i === query.words.length - 1;
      groups.push(this.vocabulary.expand(folded, prefix));
    });
    // Phrase words are required exactly; hasPhrase() then checks their order.
    for (const term of query.phrases.flatMap(terms)) {
      const id = this.vocabulary.idOf(term);
      const live = id !== undefined && this.vocabulary.df[id]! > 0;
      groups.push(live ? [{ termId: id, term, kind: 'exact', quality: 1 }] : []);
    }
    return groups.slice(0, MAX_GROUPS);
  }

  /** Docs hit by every group, with the sum over groups of their best expansion's BM25F score. */
  private scoreGroups(groups: Expansion[][]): { doc: number; score: number }[] {
    if (groups.some((group) => group.length === 0)) return [];
    this.ensureScratch();
    const { total, best, hits } = this;
    const live = this.docOf.size;
    const averages = this.lengthSums.map((sum) => Math.max(sum / Math.max(live, 1), 1));
    const reached: number[] = [];
    groups.forEach((group, g) => {
      const touched: number[] = [];
      for (const { termId, quality } of group) {
        const df = this.vocabulary.df[termId]!;
        const idf = Math.log(1 + (live - df + 0.5) / (df + 0.5));
        const list = this.postings[termId] ?? [];
        for (let i = 0; i < list.length; i += 2) {
          const doc = list[i]!;
          if (this.docs[doc] === undefined) continue;
          // Only docs hit by every earlier group can still qualify.
          if (g > 0 && hits[doc] !== (1 << g) - 1) continue;
          const score = quality * idf * this.saturatedTf(doc, list[i + 1]!, averages);
          if (best[doc] === 0) touched.push(doc);
          if (score > best[doc]!) best[doc] = score;
        }
      }
      for (const doc of touched) {
        if (g === 0) reached.push(doc);
        total[doc]! += best[doc]!;
        hits[doc]! |= 1 << g;
        best[doc] = 0;
      }
    });
    const full = (groups.length >= 31 ? 0 : 1 << groups.length) - 1;
    const results: { doc: number; score: number }[] = [];
    for (const doc of reached) {
      if (hits[doc] === full) results.push({ doc, score: total[doc]! });
      total[doc] = 0;
      hits[doc] = 0;
    }
    return results;
  }

  /** BM25F: field-weighted, length-normalized term count, saturated by k1. */
  private saturatedTf(doc: number, packed: number, averages: number[]): number {
    let tf = 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const count = (packed >>> (TF_BITS * f)) & TF_MAX;
      if (count === 0) continue;
      const length = this.fieldLengths[doc * FIELD_COUNT + f]!;
      tf += (FIELD_WEIGHTS[f]! * count) / (1 - B + (B * length) / averages[f]!);
    }
    return (tf * (K1 + 1)) / (tf + K1);
  }

  /** Candidates of a query without words: narrowed by the filter or phrase that leaves fewest. */
  private unscored(
    filters: PreparedFilter[],
    phrases: string[][],
  ): { doc: number; score: number }[] {
    const seeds = phrases.map((phrase) => this.docsHoldingAll(phrase));
    for (const filter of filters) {
      const docs = this.docsHoldingAll(filter.terms);
      // An entity filter may name the id rather than words of the name.
      if (filter.field === 'entity') {
        for (const doc of this.docOf.values()) {
          if (this.docs[doc]!.record.entityIds.includes(filter.raw)) docs.add(doc);
        }
      }
      seeds.push(docs);
    }
    const seed = seeds.reduce<Set<number> | undefined>(
      (smallest, docs) => (!smallest || docs.size < smallest.size ? docs : smallest),
      undefined,
    );
    return [...(seed ?? this.docOf.values())].map((doc) => ({ doc, score: 0 }));
  }

  /** Live docs holding the rarest of `wanted` (all of them, if any is unknown: none). */
  private docsHoldingAll(wanted: string[]): Set<number> {
    let rarest: number | undefined;
    for (const term of wanted) {
      const id = this.vocabulary.idOf(term);
      if (id === undefined || this.vocabulary.df[id] === 0) return new Set();
      if (rarest === undefined || this.vocabulary.df[id]! < this.vocabulary.df[rarest]!)
        rarest = id;
    }
    const docs = new Set<number>();
    if (rarest === undefined) return new Set(this.docOf.values());
    const list = this.postings[rarest] ?? [];
    for (let i = 0; i < list.length; i += 2) {
      if (this.docs[list[i]!] !== undefined) docs.add(list[i]!);
    }
    return docs;
  }

  private ensureScratch(): void {
    if (this.total.length >= this.docs.length) return;
    const size = Math.max(this.docs.length, this.total.length * 2, 1024);
    this.total = new Float64Array(size);
    this.best = new Float64Array(size);
    this.hits = new Uint32Array(size);
  }

  /** Drops removed docs from every postings list once they outnumber the live ones. */
  private compact(): void {
    for (let id = 0; id < this.postings.length; id++) {
      const list = this.postings[id];
      if (!list) continue;
      const kept: number[] = [];
      for (let i = 0; i < list.length; i += 2) {
        if (this.docs[list[i]!] !== undefined) kept.push(list[i]!, list[i + 1]!);
      }
      this.postings[id] = kept;
    }
    this.dead = 0;
  }
}
