/**
 * The matcher: finds the names a profile store knows in a text. Shared by the
 * CLI's `scan` and the content script; dependency-free so it stays small in the
 * content script bundle.
 *
 * Page flow: the content script sends its blocks' text → the background runs
 * `matchPageTexts` (page-text.ts: `findCandidates`, then the store's answers for
 * their keys) → the content script runs `resolveMentions(candidates, hitsByKey,
 * { confirmedEntityIds: pageSet })`, which needs the whole page.
 */
import { findCandidates } from './candidates';
import { resolveMentions, type ResolveOptions, type Resolution } from './resolve';
import type { AliasLookup } from './types';

export { findCandidates, candidateKeys, MAX_CANDIDATE_TOKENS } from './candidates';
export { resolveMentions, type ResolveOptions, type Resolution } from './resolve';
export {
  aliasHitsForEntity,
  answerKeys,
  buildAliasIndex,
  groupHitsByKey,
  type AliasIndex,
  type IndexableEntity,
} from './alias-index';
export { aliasKey } from './normalize';
export type { AliasHit, AliasLookup, Candidate, Mention } from './types';

/**
 * Finds and resolves the mentions in one text against a lookup that can answer
 * any key synchronously (the CLI's in-memory index). The text is its own page:
 * an ambiguous short form links only if its entity is confirmed within it (or in
 * `options.confirmedEntityIds`).
 */
export function matchText(text: string, lookup: AliasLookup, options?: ResolveOptions): Resolution {
  return resolveMentions(findCandidates(text), lookup, options);
}
