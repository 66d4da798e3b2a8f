/**
 * The shapes that cross between the matcher's halves: the content script (or the
 * CLI) finds {@link Candidate}s in text, something that holds the store answers
 * which candidate keys are aliases ({@link AliasHit}s), and the resolver turns
 * the two into {@link Mention}s. All are plain data so they survive
 * `postMessage` / extension messaging unchanged.
 */
import type { EntityKind } from '@/lib/model/bundle-format';

/**
 * A span of text that could be a name: a run of capitalized tokens, or a
 * contiguous part of one. Offsets are UTF-16 code units of the scanned text,
 * end exclusive, and always sit on word boundaries.
 */
export interface Candidate {
  /** The alias key of `text` (lib/match/normalize.ts `aliasKey`). */
  key: string;
  start: number;
  end: number;
  /** `text.slice(start, end)` of the scanned text, as written. */
  text: string;
}

/** One entity an alias key points at: what the store answers for a candidate key. */
export interface AliasHit {
  key: string;
  entityId: string;
  /** The entity's display name, so a mention can be shown without another lookup. */
  name: string;
  kind: EntityKind;
  /**
   * True when every alias of this entity with this key is flagged ambiguous
   * (an ordinary word or common name part such as "Than" or "Sen"): such a hit
   * links only when the entity is confirmed by an unambiguous alias on the page.
   */
  ambiguous: boolean;
}

/**
 * Anything that answers "which entities does this key name?". A `Map` built by
 * `buildAliasIndex` (CLI, background) or by `groupHitsByKey` from a background
 * reply (content script) both fit.
 */
export interface AliasLookup {
  get(key: string): readonly AliasHit[] | undefined;
}

/** A name found in text and linked to one entity. Offsets in UTF-16 code units, end exclusive. */
export interface Mention {
  start: number;
  end: number;
  /** The text as written on the page or in the file. */
  text: string;
  entityId: string;
  name: string;
  kind: EntityKind;
}

/**
 * What the store answers for the distinct keys of one request: every
 * unambiguous row, but for a key that is ambiguous everywhere ("Lee", shared
 * by thousands of profiles in a large store) only the rows of entities the
 * request may confirm. The others could never link on this request: an
 * ambiguous alias links only for an entity the page confirms.
 */
export interface PageKeyAnswer {
  hits: AliasHit[];
  /** Keys whose rows of other entities were left out. */
  partial: string[];
  /** The keys of the ambiguous rows of `entityIds`: what texts answered in part may wait for. */
  ambiguousKeysOf(entityIds: readonly string[]): Promise<string[]>;
}

/**
 * Looks up a request's distinct keys for a page that has confirmed
 * `confirmed`; a plain list of hits is a whole answer.
 */
export type PageKeyLookup = (
  keys: string[],
  confirmed: ReadonlySet<string>,
) => Promise<AliasHit[] | PageKeyAnswer>;
