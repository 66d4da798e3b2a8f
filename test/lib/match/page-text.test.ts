/**
 * The background's half of marking a page: the mentions of many texts found
 * with one store query, resolved as one stretch of a page, and sent back as
 * flat numbers.
 */
import { describe, expect, it, vi } from 'vitest';
import { answerKeys, buildAliasIndex } from '@/lib/match';
import { matchJoinedPageTexts, matchPageTexts, type PageTextMatches } from '@/lib/match/page-text';
import { joinPageTexts } from '@/lib/match/page-text-codec';
import { SEED_ENTITIES } from './helpers';

const index = buildAliasIndex(SEED_ENTITIES);
const lookup = vi.fn(async (keys: string[]) => answerKeys(index, keys));

/** The mentions of each text as "text→entity name", as a reader would check them. */
function named(texts: readonly string[], result: PageTextMatches): string[][] {
  return result.mentions.map((flat, i) => {
    const out: string[] = [];
    for (let at = 0; at < flat.length; at += 3)
      out.push(
        `${texts[i]!.slice(flat[at], flat[at + 1])}→${result.entities[flat[at + 2]!]!.name}`,
      );
    return out;
  });
}

describe('matchPageTexts', () => {
  it('finds the mentions of every text with one store query', async () => {
    lookup.mockClear();
    const texts = [
      'Governor So Platong met Mu Sochua.',
      'Nothing Here matters.',
      'The CNRP’s leaders',
    ];
    const result = await matchPageTexts(texts, [], lookup);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(named(texts, result)).toEqual([
      ['So Platong→So Platong', 'Mu Sochua→Mu Sochua'],
      [],
      ['CNRP→Cambodia National Rescue Party'],
    ]);
    expect(result.entities).toHaveLength(3);
    expect(result.confirmed.sort()).toEqual(
      result.entities.map((entity) => entity.entityId).sort(),
    );
  });

  it('links a short form whose full name comes in a later text of the same request', async () => {
    const texts = ['“I will not leave,” said Phally.', 'Yim Phally, chief of Kokchak commune.'];
    const result = await matchPageTexts(texts, [], lookup);
    expect(named(texts, result)).toEqual([['Phally→Yim Phally'], ['Yim Phally→Yim Phally']]);
    expect(result.waiting).toEqual([[], []]);
  });

  it('leaves a short form waiting until the page confirms its entity', async () => {
    const texts = ['Nee declined to speculate.'];
    const alone = await matchPageTexts(texts, [], lookup);
    expect(named(texts, alone)).toEqual([[]]);
    expect(alone.waiting[0]).toHaveLength(1);
    const later = await matchPageTexts(texts, alone.waiting[0]!, lookup);
    expect(named(texts, later)).toEqual([['Nee→Meas Nee']]);
    expect(later.confirmed).toEqual([]);
  });

  it('asks nothing for texts without capitalized words', async () => {
    lookup.mockClear();
    expect(await matchPageTexts(['only lower case here', ''], [], lookup)).toEqual({
      mentions: [[], []],
      entities: [],
      confirmed: [],
      waiting: [[], []],
    });
    expect(lookup).not.toHaveBeenCalled();
  });
});

describe('matchJoinedPageTexts', () => {
  it('answers the texts of one joined string flat, offsets in that string, waiting only where it is', async () => {
    const texts = ['Governor So Platong met Mu Sochua.', 'Nee declined.', 'The CNRP’s leaders'];
    const joined = joinPageTexts(texts);
    const answer = await matchJoinedPageTexts(joined, [], lookup);
    const names: string[] = [];
    for (let at = 0; at < answer.mentions.length; at += 3)
      names.push(joined.slice(answer.mentions[at], answer.mentions[at + 1]));
    expect(names).toEqual(['So Platong', 'Mu Sochua', 'CNRP']);
    expect(answer.waiting).toEqual([{ text: 1, entityIds: ['person:meas-nee'] }]);
  });
});
