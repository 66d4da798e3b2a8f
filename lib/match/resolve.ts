/**
 * Resolution: which candidates become mentions. Precision comes first (a wrong
 * card costs more trust than a missing one), so anything the store cannot pin
 * to one entity is dropped rather than guessed.
 */
import type { AliasHit, AliasLookup, Candidate, Mention } from './types';

/** What the caller knows beyond the text being resolved. */
export interface ResolveOptions {
  /**
   * Entities already named unambiguously elsewhere on the same page (earlier text
   * nodes or batches). Their ambiguous short forms may link in this text too.
   */
  confirmedEntityIds?: ReadonlySet<string>;
}

/** The outcome of resolving one text. */
export interface Resolution {
  /** Non-overlapping mentions ordered by start. */
  mentions: Mention[];
  /** Entities this text names through an unambiguous alias: add them to the page-level set. */
  confirmedEntityIds: Set<string>;
  /**
   * Entities whose ambiguous short forms occur in this text but were not linked
   * because nothing confirmed them. If a later batch confirms one, resolve this
   * text again with the grown page-level set.
   */
  waitingEntityIds: Set<string>;
}

/** How a candidate key reads against the store: one certain entity, a few conditional ones, or nothing usable. */
type Verdict = { strong: AliasHit } | { weak: AliasHit[] } | null;

interface Linked {
  candidate: Candidate;
  hit: AliasHit;
}

interface Conditional {
  candidate: Candidate;
  hits: AliasHit[];
}

/**
 * A key linked unambiguously to exactly one entity is certain. Linked
 * unambiguously to several it is dropped (two people share the name). Linked
 * only ambiguously, it waits for confirmation.
 */
function judge(hits: readonly AliasHit[] | undefined): Verdict {
  if (!hits || hits.length === 0) return null;
  const certain = distinctEntities(hits.filter((hit) => !hit.ambiguous));
  if (certain.length === 1) return { strong: certain[0]! };
  if (certain.length > 1) return null;
  return { weak: distinctEntities(hits) };
}

function distinctEntities(hits: readonly AliasHit[]): AliasHit[] {
  const seen = new Map<string, AliasHit>();
  for (const hit of hits) if (!seen.has(hit.entityId)) seen.set(hit.entityId, hit);
  return [...seen.values()];
}

/**
 * Turns candidates into mentions.
 *
 * Leftmost-longest, non-overlapping: "Phnom Penh Post" beats "Phnom Penh" and
 * "Hun Sen" beats "Sen". A span that only adds words which do not change the key
 * ("Mr Hun Sen" around "Hun Sen") gives way to the bare name. Certain matches are
 * placed first; an ambiguous alias ("Than", "Sen") then links only into the gaps,
 * and only if exactly one of its entities is confirmed by a certain match in this
 * text or in `options.confirmedEntityIds`.
 */
export function resolveMentions(
  candidates: readonly Candidate[],
  lookup: AliasLookup,
  options: ResolveOptions = {},
): Resolution {
  const verdicts = new Map<string, Verdict>();
  const certain: Linked[] = [];
  const conditional: Conditional[] = [];
  for (const candidate of candidates) {
    let verdict = verdicts.get(candidate.key);
    if (verdict === undefined) {
      verdict = judge(lookup.get(candidate.key));
      verdicts.set(candidate.key, verdict);
    }
    if (verdict === null) continue;
    if ('strong' in verdict) certain.push({ candidate, hit: verdict.strong });
    else conditional.push({ candidate, hits: verdict.weak });
  }

  const placed = selectLeftmostLongest(withoutRedundantWrappers(certain));
  const confirmedHere = new Set(placed.map((link) => link.hit.entityId));
  const confirmed = new Set([...(options.confirmedEntityIds ?? []), ...confirmedHere]);

  const waiting = new Set<string>();
  const linkable: Linked[] = [];
  for (const item of withoutRedundantWrappers(conditional)) {
    if (overlapsAny(placed, item.candidate)) continue;
    const known = item.hits.filter((hit) => confirmed.has(hit.entityId));
    if (known.length === 1) linkable.push({ candidate: item.candidate, hit: known[0]! });
    else if (known.length === 0) for (const hit of item.hits) waiting.add(hit.entityId);
    // Two confirmed entities share the short form: guessing would be wrong half the time.
  }
  const mentions = [...placed, ...selectLeftmostLongest(linkable)]
    .sort((a, b) => a.candidate.start - b.candidate.start)
    .map(toMention);
  return { mentions, confirmedEntityIds: confirmedHere, waitingEntityIds: waiting };
}

function toMention({ candidate, hit }: Linked): Mention {
  const { start, end, text } = candidate;
  return { start, end, text, entityId: hit.entityId, name: hit.name, kind: hit.kind };
}

/** Greedy leftmost-longest: by start, longer first, skipping anything that overlaps what was taken. */
function selectLeftmostLongest<T extends { candidate: Candidate }>(items: readonly T[]): T[] {
  const sorted = [...items].sort(
    (a, b) => a.candidate.start - b.candidate.start || b.candidate.end - a.candidate.end,
  );
  const taken: T[] = [];
  let reached = -1;
  for (const item of sorted) {
    if (item.candidate.start < reached) continue;
    taken.push(item);
    reached = item.candidate.end;
  }
  return taken;
}

/** True when `candidate` overlaps any of `placed` (sorted, non-overlapping): binary search for the last one starting before its end. */
function overlapsAny(placed: readonly Linked[], candidate: Candidate): boolean {
  let low = 0;
  let high = placed.length - 1;
  let last = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (placed[middle]!.candidate.start < candidate.end) {
      last = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return last >= 0 && placed[last]!.candidate.end > candidate.start;
}

/**
 * Drops a candidate that strictly contains another candidate with the same key:
 * the extra words (an honorific, "Mr Hun Sen") did not change what it names, so
 * the mention should cover only the name. A knighthood is part of how the person
 * is named ("Sir Tom Harlow", "Dame Ann"): the mark keeps it.
 */
/** A name styled with a knighthood or damehood. */
const KNIGHTED = /^(?:Sir|Dame)\s/;

function withoutRedundantWrappers<T extends { candidate: Candidate }>(items: readonly T[]): T[] {
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const group = byKey.get(item.candidate.key);
    if (group) group.push(item);
    else byKey.set(item.candidate.key, [item]);
  }
  const redundant = new Set<T>();
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    // Ordered by start then end, a contained candidate sits close to its container.
    group.sort(
      (a, b) => a.candidate.start - b.candidate.start || a.candidate.end - b.candidate.end,
    );
    for (let i = 0; i < group.length; i++) {
      const outer = group[i]!.candidate;
      if (KNIGHTED.test(outer.text)) continue;
      for (let j = i - 1; j >= 0 && group[j]!.candidate.start === outer.start; j--) {
        if (group[j]!.candidate.end < outer.end) redundant.add(group[i]!);
      }
      for (let j = i + 1; j < group.length && group[j]!.candidate.start < outer.end; j++) {
        if (group[j]!.candidate.end <= outer.end) redundant.add(group[i]!);
      }
    }
  }
  return redundant.size === 0 ? [...items] : items.filter((item) => !redundant.has(item));
}
