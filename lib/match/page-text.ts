/**
 * The background's half of marking a page: the content script sends the text
 * of the page's blocks, this finds their candidate names and keeps only those
 * the store knows, with the store's answers for their keys.
 *
 * Why here and not in the content script: candidate extraction is the costly
 * part of a scan (a tokenizer over every character, alias keys for every
 * capitalized run) and on the page it ran cold, in a fresh JavaScript world per
 * load, on the page's main thread. The background is warm across pages and its
 * time is not the page's. The content script keeps what needs the page: walking
 * the text, resolving short forms against the whole page, and the ranges.
 * Cost still follows the text sent, never the store's size (principle 4).
 */
import { findCandidates } from './candidates';
import type { AliasHit, Candidate } from './types';

/** Known candidates per text, in the order the texts were sent, and the store's answers for their keys. */
export interface PageTextMatches {
  /** For each text, the candidates whose key is an alias, ordered by start then end. */
  candidates: Candidate[][];
  /** Every hit for the keys in `candidates` (a key can name several entities). */
  hits: AliasHit[];
}

/**
 * Finds the known candidates in `texts`; `lookup` answers which of a list of
 * distinct keys are aliases (one index query for all texts).
 */
export async function matchPageTexts(
  texts: readonly string[],
  lookup: (keys: string[]) => Promise<AliasHit[]>,
): Promise<PageTextMatches> {
  const found = texts.map((text) => findCandidates(text));
  const keys = new Set<string>();
  for (const candidates of found) for (const candidate of candidates) keys.add(candidate.key);
  const hits = keys.size > 0 ? await lookup([...keys]) : [];
  const known = new Set(hits.map((hit) => hit.key));
  return {
    candidates: found.map((candidates) =>
      candidates.filter((candidate) => known.has(candidate.key)),
    ),
    hits,
  };
}
