/**
 * Re-finding a saved quote in a page's text, the way Hypothesis anchors
 * annotations: exact text first, then approximate (the page was edited), each
 * candidate scored on how much the quote, its context and its position agree.
 * A quote that scores too low is orphaned — the caller shows it as such and
 * keeps it — rather than highlighted in the wrong place.
 */
import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '@/lib/model/records';
import {
  normalizeForMatching,
  normalizeSnippet,
  toNormalizedOffset,
  toOriginalRange,
  type NormalizedText,
} from './normalize';

/** The selectors a saved quote carries. */
export interface QuoteSelectors {
  quote: TextQuoteSelector;
  /** Where the quote was; optional, it only breaks ties. */
  position?: TextPositionSelector | null;
}

/** Options of {@link anchorQuote}. */
export interface AnchorOptions {
  /**
   * Below this score (0–1) the quote is orphaned, except an exact match of at
   * least 32 characters. Default {@link DEFAULT_MIN_SCORE}.
   */
  minScore?: number;
}

/** Where a quote was found, in offsets of the page text given to {@link anchorQuote}. */
export interface QuoteMatch {
  start: number;
  end: number;
  /** 0–1: quote, context and position agreement, weighted. */
  score: number;
  /** True when the quote's words were found unchanged (whitespace and typography aside). */
  exact: boolean;
}

/**
 * The default threshold. With context scored above chance (see
 * {@link contextSimilarity}), a quote found with some of its context scores
 * 0.75 and up; the same words amid unrelated text score about 0.55–0.65 (exact)
 * or lower (approximate), and are orphaned rather than highlighted in the wrong
 * place — unless the exact words are long enough to vouch for themselves
 * ({@link SELF_EVIDENT_LENGTH}).
 */
export const DEFAULT_MIN_SCORE = 0.7;

/**
 * An exact match at least this long is accepted whatever its context: editors
 * move paragraphs, and 32 identical characters do not recur by chance — while
 * "she said." or "declined to comment" recur in every article.
 */
const SELF_EVIDENT_LENGTH = 32;

/**
 * Edit-distance similarity of two unrelated 32-character snippets of English
 * news text is about 0.28 (median; 0.375 at the 90th percentile, measured on
 * the seed article): context similarity is rescaled so that chance scores 0.
 */
const CHANCE_SIMILARITY = 0.3;

/** Most approximate errors ever allowed; more makes long quotes match unrelated text. */
const MAX_ERRORS = 32;

/** Candidates scored at most; a quote found thousands of times ("the") is context-decided among the first. */
const MAX_CANDIDATES = 1000;

// Weights: the quote's own words dominate; context tells repeats apart; the
// position only breaks ties (pages grow and shrink above an article).
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * How similar the saved context `expected` is to the page's `actual` context,
 * 0–1, where unrelated text scores about 0. No saved context means the quote was at an edge of the page: a
 * candidate at the same edge agrees fully, elsewhere it is undecided.
 */
function contextSimilarity(expected: string, actual: string): number {
  if (expected.length === 0) return actual.length === 0 ? 1 : 0.5;
  if (actual.length === 0) return 0;
  const matches = search(actual, expected, expected.length);
  const errors = Math.min(expected.length, ...matches.map((match) => match.errors));
  const raw = 1 - errors / expected.length;
  return Math.max(0, (raw - CHANCE_SIMILARITY) / (1 - CHANCE_SIMILARITY));
}

/** Finds every exact occurrence of `quote` in `text`, up to {@link MAX_CANDIDATES}. */
function exactCandidates(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at >= 0 && found.length < MAX_CANDIDATES;) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
    at = text.indexOf(quote, at + 1);
  }
  return found;
}

/**
 * Finds where `selectors` now are in `text`: the page's current text (a
 * TextIndex's text), or the result of {@link normalizeForMatching} on it when
 * many quotes are anchored on one page. Returns the best match in offsets of
 * the original text, or null when nothing scores {@link AnchorOptions.minScore}
 * (the quote is orphaned).
 */
export function anchorQuote(
  text: string | NormalizedText,
  selectors: QuoteSelectors,
  options: AnchorOptions = {},
): QuoteMatch | null {
  const page = typeof text === 'string' ? normalizeForMatching(text) : text;
  const quote = normalizeSnippet(selectors.quote.exact).trim();
  if (quote.length === 0) return null;
  const prefix = normalizeSnippet(selectors.quote.prefix);
  const suffix = normalizeSnippet(selectors.quote.suffix);
  const hint = selectors.position ? toNormalizedOffset(page, selectors.position.start) : null;

  let candidates = exactCandidates(page.text, quote);
  const exact = candidates.length > 0;
  if (!exact) {
    const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.length / 4));
    if (maxErrors === 0) return null;
    candidates = search(page.text, quote, maxErrors).slice(0, MAX_CANDIDATES);
  }

  let best: { candidate: Candidate; score: number } | null = null;
  for (const candidate of candidates) {
    const score = scoreCandidate(page.text, candidate, { quote, prefix, suffix, hint });
    if (
      !best ||
      score > best.score ||
      (score === best.score && fitsBetter(candidate, best.candidate, quote))
    ) {
      best = { candidate, score };
    }
  }
  if (!best) return null;
  const selfEvident = exact && quote.length >= SELF_EVIDENT_LENGTH;
  if (!selfEvident && best.score < (options.minScore ?? DEFAULT_MIN_SCORE)) return null;
  const { start, end } = toOriginalRange(page, best.candidate.start, best.candidate.end);
  return { start, end, score: best.score, exact };
}

/**
 * Between equally scored approximate matches (the matcher reports every end
 * with the fewest errors: "cost" and "cos" for "case"), the one as long as the
 * quote covers the edited word whole.
 */
function fitsBetter(candidate: Candidate, than: Candidate, quote: string): boolean {
  const length = (c: Candidate) => Math.abs(c.end - c.start - quote.length);
  return length(candidate) < length(than);
}

/** The weighted agreement of one candidate with the saved selectors, 0–1. */
function scoreCandidate(
  text: string,
  candidate: Candidate,
  saved: { quote: string; prefix: string; suffix: string; hint: number | null },
): number {
  // A little slack either side lets the context match across an inserted or deleted word.
  const prefixSlack = Math.ceil(saved.prefix.length / 4);
  const suffixSlack = Math.ceil(saved.suffix.length / 4);
  const before = text.slice(
    Math.max(0, candidate.start - saved.prefix.length - prefixSlack),
    candidate.start,
  );
  const after = text.slice(candidate.end, candidate.end + saved.suffix.length + suffixSlack);
  const quoteScore = 1 - candidate.errors / saved.quote.length;
  const prefixScore = contextSimilarity(saved.prefix, before);
  const suffixScore = contextSimilarity(saved.suffix, after);
  const positionScore =
    saved.hint === null
      ? 0.5
      : 1 - Math.min(1, Math.abs(candidate.start - saved.hint) / Math.max(1, text.length));
  return (
    (QUOTE_WEIGHT * quoteScore +
      PREFIX_WEIGHT * prefixScore +
      SUFFIX_WEIGHT * suffixScore +
      POSITION_WEIGHT * positionScore) /
    TOTAL_WEIGHT
  );
}
