/**
 * The background's half of marking a page: the content script sends the text
 * of the page's blocks in page order, this finds their names (candidates, the
 * store's answers for their keys, resolution) and answers with the mentions.
 *
 * Why here and not in the content script: finding names is the costly part of
 * a scan (a tokenizer over every character, an alias key for every capitalized
 * run, resolution), and on the page it ran cold, in a fresh JavaScript world
 * per load, on the page's main thread. The background is warm across pages and
 * its time is not the page's. The content script keeps what needs the page:
 * walking the text, the page-level set of confirmed entities, and the ranges.
 * Cost still follows the text sent, never the store's size (docs/ARCHITECTURE.md, principle 4).
 */
import type { EntityKind } from '@/lib/model/bundle-format';
import { findCandidates } from './candidates';
import { splitPageTexts, TEXT_SEPARATOR } from './page-text-codec';
import { resolveMentions } from './resolve';
import type { AliasHit, PageKeyAnswer, PageKeyLookup } from './types';

/** An entity some mentions name, listed once per answer. */
export interface MatchedEntity {
  entityId: string;
  name: string;
  kind: EntityKind;
}

/** The mentions in the texts of one request, in the order the texts were sent. */
export interface PageTextMatches {
  /**
   * Per text, its mentions as flat triples `start, end, entity` (offsets in the
   * text, end exclusive; `entity` indexes {@link entities}), ordered by start.
   * Flat numbers keep the reply small: a long page has thousands of mentions.
   */
  mentions: number[][];
  entities: MatchedEntity[];
  /**
   * Entities these texts name by an unambiguous alias: the page's set grows by
   * them. With them, a {@link KEY_TOKEN} for each of their ambiguous keys, which
   * wakes texts whose key was answered in part.
   */
  confirmed: string[];
  /**
   * Per text, entities whose ambiguous short forms it holds but could not link
   * ("Phally" before any "Yim Phally"): once the page confirms one, send the
   * text again. A {@link KEY_TOKEN} stands for the entities of a key answered
   * in part (types.ts {@link PageKeyAnswer}): the text waits for any of them.
   */
  waiting: string[][];
}

/**
 * What the background answers to one request: {@link PageTextMatches} for the
 * texts joined into one string (page-text-codec.ts), as flat as it gets. A
 * message's arrays and strings each cost the content script a conversion.
 */
export interface PageTextAnswer {
  /**
   * Every mention as flat triples `start, end, entity`, offsets in the joined
   * string (separators counted), ordered by start.
   */
  mentions: number[];
  entities: MatchedEntity[];
  confirmed: string[];
  /** Only the texts (by index) whose short forms wait for their entity, with those entities. */
  waiting: { text: number; entityIds: string[] }[];
}

/**
 * Stands, in the page's confirmed and waiting sets, for "an entity with an
 * ambiguous alias of this key" (`key:` and the key): no entity id starts so,
 * their kind comes first. A key shared by thousands of profiles is answered
 * only with the entities the page may confirm, so a text holding it cannot
 * list the others it waits for; it waits for the token, and a later answer
 * confirming any entity with that key carries the token. The content script
 * needs no change: it sends the text again when what it waits for is confirmed.
 */
export const KEY_TOKEN = 'key:';

/** {@link matchPageTexts} for the texts a request's string carries, answered flat. */
export async function matchJoinedPageTexts(
  joined: string,
  confirmedBefore: readonly string[],
  lookup: PageKeyLookup,
): Promise<PageTextAnswer> {
  const texts = splitPageTexts(joined);
  const matches = await matchPageTexts(texts, confirmedBefore, lookup);
  const mentions: number[] = [];
  const waiting: PageTextAnswer['waiting'] = [];
  let offset = 0;
  texts.forEach((text, index) => {
    const flat = matches.mentions[index]!;
    for (let at = 0; at + 2 < flat.length; at += 3)
      mentions.push(flat[at]! + offset, flat[at + 1]! + offset, flat[at + 2]!);
    const entityIds = matches.waiting[index]!;
    if (entityIds.length > 0) waiting.push({ text: index, entityIds });
    offset += text.length + TEXT_SEPARATOR.length;
  });
  return { mentions, entities: matches.entities, confirmed: matches.confirmed, waiting };
}

/**
 * Finds the mentions in `texts`, resolved as one stretch of a page whose
 * earlier parts confirmed `confirmedBefore`. `lookup` answers which of a list
 * of distinct keys are aliases (one store query for all texts).
 */
export async function matchPageTexts(
  texts: readonly string[],
  confirmedBefore: readonly string[],
  lookup: PageKeyLookup,
): Promise<PageTextMatches> {
  const found = texts.map((text) => findCandidates(text));
  const keys = new Set<string>();
  for (const candidates of found) for (const candidate of candidates) keys.add(candidate.key);
  // Tokens are no entities: one in `known` would link its key to nothing.
  const known = new Set(confirmedBefore.filter((id) => !id.startsWith(KEY_TOKEN)));
  const answer = keys.size > 0 ? wholeAnswer(await lookup([...keys], known)) : NO_ANSWER;
  const hitsByKey = new Map<string, AliasHit[]>();
  // A key answered in part waits for its other entities through its token, an
  // ambiguous hit never confirmed: resolve.ts judges the key exactly as with every row.
  const tokens = answer.partial.map((key): AliasHit => ({
    key,
    entityId: KEY_TOKEN + key,
    name: '',
    kind: 'person',
    ambiguous: true,
  }));
  for (const hit of [...answer.hits, ...tokens]) {
    const hits = hitsByKey.get(hit.key);
    if (hits) hits.push(hit);
    else hitsByKey.set(hit.key, [hit]);
  }

  const confirmed = new Set<string>();
  const resolveText = (index: number) => {
    const candidates = found[index]!.filter((candidate) => hitsByKey.has(candidate.key));
    const resolution = resolveMentions(candidates, hitsByKey, { confirmedEntityIds: known });
    for (const id of resolution.confirmedEntityIds) {
      known.add(id);
      confirmed.add(id);
    }
    return resolution;
  };
  const resolutions = texts.map((_, index) => resolveText(index));
  // A short form before its full name within this request: resolve its text again.
  resolutions.forEach((resolution, index) => {
    if ([...resolution.waitingEntityIds].some((id) => known.has(id)))
      resolutions[index] = resolveText(index);
  });

  const entities: MatchedEntity[] = [];
  const entityIndex = new Map<string, number>();
  const indexOf = ({ entityId, name, kind }: MatchedEntity): number => {
    let index = entityIndex.get(entityId);
    if (index === undefined) {
      index = entities.push({ entityId, name, kind }) - 1;
      entityIndex.set(entityId, index);
    }
    return index;
  };
  const confirmedKeys = confirmed.size > 0 ? await answer.ambiguousKeysOf([...confirmed]) : [];
  return {
    mentions: resolutions.map(({ mentions }) =>
      mentions.flatMap((mention) => [mention.start, mention.end, indexOf(mention)]),
    ),
    entities,
    confirmed: [...confirmed, ...confirmedKeys.map((key) => KEY_TOKEN + key)],
    waiting: resolutions.map(({ waitingEntityIds }) =>
      [...waitingEntityIds].filter((id) => !known.has(id)),
    ),
  };
}

const NO_ANSWER: PageKeyAnswer = { hits: [], partial: [], ambiguousKeysOf: async () => [] };

/** A lookup's answer; a plain list of hits answers every key whole. */
function wholeAnswer(answer: AliasHit[] | PageKeyAnswer): PageKeyAnswer {
  return Array.isArray(answer) ? { ...NO_ANSWER, hits: answer } : answer;
}
