/**
 * The collection's vocabulary: every distinct folded term, how many annotations
 * hold it, and the expansion of a query word to the terms it should find — the
 * word itself, terms it begins (search-as-you-type) and close misspellings.
 *
 * fuse.js decides what is a close misspelling: its Bitap score on short strings
 * is graded and forgiving of transpositions ("sochau" finds "sochua", which a
 * 1-edit Levenshtein budget misses). But fuse.js scans every string it holds:
 * over a 55,000-term vocabulary it took 58 ms per word on this machine (33 ms with
 * one Fuse per term length), too slow for a keystroke. So a bigram index picks the
 * few dozen terms that share enough letter pairs with the word, and fuse.js scores
 * only those. Both structures grow with each new term; nothing is rebuilt per query.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';

/** How a query word reached a term: ranked exact > prefix > fuzzy. */
export type ExpansionKind = 'exact' | 'prefix' | 'fuzzy';

/** One term a query word matches, with how much a hit on it is worth (0–1). */
export interface Expansion {
  termId: number;
  term: string;
  kind: ExpansionKind;
  quality: number;
}

/**
 * Fuse's Bitap score here is errors ÷ word length, and Bitap counts a swap of two
 * letters as two errors: 0.4 lets a 5-letter word carry one swap. The edit budget
 * below is the stricter bound; this only keeps Fuse from grading hopeless candidates.
 */
export const FUZZY_THRESHOLD = 0.4;
/** Shortest word matched fuzzily: a 3-letter word is one edit from dozens of others. */
export const MIN_FUZZY_LENGTH = 4;
/** Shortest word matched as a prefix: one letter would expand to a tenth of the vocabulary. */
export const MIN_PREFIX_LENGTH = 2;
/** Most terms one word expands to per kind, most frequent (prefix) or closest (fuzzy) first. */
const MAX_PREFIX_TERMS = 40;
const MAX_FUZZY_CANDIDATES = 48;

const FUSE_OPTIONS: IFuseOptions<string> = {
  includeScore: true,
  threshold: FUZZY_THRESHOLD,
  ignoreLocation: true,
  isCaseSensitive: true,
};

/**
 * Edits (insert, delete, substitute, swap two neighbours) a word may be from a
 * term. One up to 8 letters: two would let "eviction" find "election". Counting
 * a swap as one edit is what finds "Sochau".
 */
export function editBudget(length: number): number {
  return length < MIN_FUZZY_LENGTH ? 0 : length <= 8 ? 1 : 2;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions),
 * or `budget + 1` as soon as it must exceed `budget`.
 */
export function editDistance(a: string, b: string, budget: number): number {
  if (Math.abs(a.length - b.length) > budget) return budget + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > budget) return budget + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Bigram lists are kept per term length: a word can only be `budget` edits from
 * terms within `budget` letters of its length, so the lookup skips most of the
 * vocabulary (this made fuzzy expansion about four times faster at 10,000 notes).
 */
function gramKey(pair: string, length: number): string {
  return `${length}${pair}`;
}

/** The distinct letter pairs of a term padded with ^ and $, so first and last letters count. */
function bigrams(term: string): string[] {
  const padded = `^${term}$`;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < padded.length; i++) pairs.add(padded.slice(i, i + 2));
  return [...pairs];
}

/** Terms, their document frequencies and the lookups that expand a query word. */
export class Vocabulary {
  /** Term text by id; ids are never reused, so postings can refer to them. */
  readonly terms: string[] = [];
  /** Live document frequency by term id; 0 once no annotation holds the term. */
  readonly df: number[] = [];
  private readonly ids = new Map<string, number>();
  private readonly grams = new Map<string, number[]>();
  /** Live terms in code-unit order, for prefix ranges; new terms wait in `pending`. */
  private sorted: string[] = [];
  private readonly pending = new Set<string>();
  private deadInSorted = 0;
  private counts = new Uint16Array(1024);

  /** The id of a term, or undefined when no annotation ever held it. */
  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** Records one more annotation holding `term`; returns the term's id. */
  addDocument(term: string): number {
    let id = this.ids.get(term);
    let known = true;
    if (id === undefined) {
      known = false;
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.df.push(0);
      for (const pair of bigrams(term)) {
        const key = gramKey(pair, term.length);
        const list = this.grams.get(key);
        if (list) list.push(id);
        else this.grams.set(key, [id]);
      }
    }
    if (this.df[id] === 0) {
      // New, or back after every holder was removed: sorted lazily before the next prefix lookup.
      if (known && this.isInSorted(term)) this.deadInSorted--;
      else this.pending.add(term);
    }
    this.df[id]! += 1;
    return id;
  }

  /** Records that one annotation holding the term with this id is gone. */
  removeDocument(id: number): void {
    const df = this.df[id];
    if (df === undefined || df === 0) return;
    this.df[id] = df - 1;
    if (df === 1) this.deadInSorted++;
  }

  /** The terms `word` (already folded) matches: itself, as prefix when `prefix`, and fuzzily. */
  expand(word: string, prefix: boolean): Expansion[] {
    const expansions: Expansion[] = [];
    const seen = new Set<number>();
    const exact = this.ids.get(word);
    if (exact !== undefined && this.df[exact]! > 0) {
      expansions.push({ termId: exact, term: word, kind: 'exact', quality: 1 });
      seen.add(exact);
    }
    if (prefix && word.length >= MIN_PREFIX_LENGTH) {
      for (const id of this.prefixTerms(word)) {
        if (seen.has(id)) continue;
        seen.add(id);
        const term = this.terms[id]!;
        // A longer completion is a weaker guess at what is being typed.
        const quality = 0.55 + 0.35 * (word.length / term.length);
        expansions.push({ termId: id, term, kind: 'prefix', quality });
      }
    }
    if (word.length >= MIN_FUZZY_LENGTH) {
      for (const { id, score } of this.fuzzyTerms(word)) {
        if (seen.has(id)) continue;
        seen.add(id);
        const quality = 0.5 * (1 - score);
        expansions.push({ termId: id, term: this.terms[id]!, kind: 'fuzzy', quality });
      }
    }
    return expansions;
  }

  /** Live terms starting with `word`, most frequent first. */
  private prefixTerms(word: string): number[] {
    this.settleSorted();
    const found: number[] = [];
    for (let i = lowerBound(this.sorted, word); i < this.sorted.length; i++) {
      const term = this.sorted[i]!;
      if (!term.startsWith(word)) break;
      const id = this.ids.get(term)!;
      if (term !== word && this.df[id]! > 0) found.push(id);
    }
    found.sort((a, b) => this.df[b]! - this.df[a]!);
    return found.slice(0, MAX_PREFIX_TERMS);
  }

  /** Live terms close to `word` by fuse.js, among those sharing enough bigrams with it. */
  private fuzzyTerms(word: string): { id: number; score: number }[] {
    const budget = editBudget(word.length);
    const pairs = bigrams(word);
    // Each edit (a transposition too) breaks at most three padded bigrams.
    const needed = Math.max(2, pairs.length - 3 * budget);
    if (this.counts.length < this.terms.length) {
      this.counts = new Uint16Array(Math.max(this.terms.length, this.counts.length * 2));
    }
    const counts = this.counts;
    const touched: number[] = [];
    for (let length = word.length - budget; length <= word.length + budget; length++) {
      for (const pair of pairs) {
        const list = this.grams.get(gramKey(pair, length));
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const id = list[i]!;
          if (counts[id] === 0) touched.push(id);
          counts[id]! += 1;
        }
      }
    }
    const candidates: { id: number; shared: number }[] = [];
    for (const id of touched) {
      const shared = counts[id]!;
      counts[id] = 0;
      const term = this.terms[id]!;
      if (shared < needed || this.df[id] === 0 || term === word) continue;
      candidates.push({ id, shared });
    }
    candidates.sort((a, b) => b.shared - a.shared);
    const shortlist = candidates.slice(0, MAX_FUZZY_CANDIDATES);
    const fuse = new Fuse(
      shortlist.map((candidate) => this.terms[candidate.id]!),
      FUSE_OPTIONS,
    );
    // Fuse grades the closeness; the edit budget keeps out what its substring
    // matching lets in ("sokha" inside "sokhanpheap") and far-apart neighbours.
    return fuse
      .search(word)
      .map((result) => ({ id: shortlist[result.refIndex]!.id, score: result.score ?? 1 }))
      .filter(({ id }) => editDistance(word, this.terms[id]!, budget) <= budget);
  }

  /** Brings the sorted list up to date: insert a few new terms, or re-sort after many. */
  private settleSorted(): void {
    if (this.deadInSorted > 1000 && this.deadInSorted > this.sorted.length / 4) {
      this.sorted = this.sorted.filter((term) => this.df[this.ids.get(term)!]! > 0);
      this.deadInSorted = 0;
    }
    if (this.pending.size === 0) return;
    if (this.pending.size > 64) {
      for (const term of this.pending) this.sorted.push(term);
      this.sorted.sort(compareCodeUnits);
    } else {
      for (const term of this.pending) this.sorted.splice(lowerBound(this.sorted, term), 0, term);
    }
    this.pending.clear();
  }

  private isInSorted(term: string): boolean {
    return this.sorted[lowerBound(this.sorted, term)] === term || this.pending.has(term);
  }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Index of the first entry ≥ `value` in a sorted list. */
function lowerBound(list: readonly string[], value: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
