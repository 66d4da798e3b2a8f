/**
 * The background's half of marking a page: the candidates of many texts in one
 * store query, only the known ones sent back.
 */
import { describe, expect, it, vi } from 'vitest';
import { answerKeys, buildAliasIndex } from '@/lib/match';
import { matchPageTexts } from '@/lib/match/page-text';
import { SEED_ENTITIES } from './helpers';

const index = buildAliasIndex(SEED_ENTITIES);

describe('matchPageTexts', () => {
  it('answers each text with its known candidates and the hits for their keys, in one query', async () => {
    const lookup = vi.fn(async (keys: string[]) => answerKeys(index, keys));
    const result = await matchPageTexts(
      ['Governor So Platong met Mu Sochua.', 'Nothing Here matters.', 'The CNRP’s leaders'],
      lookup,
    );
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(result.candidates.map((found) => found.map((candidate) => candidate.text))).toEqual([
      ['So', 'So Platong', 'Platong', 'Mu Sochua', 'Sochua'], // "So": So Platong's flagged short form
      [],
      ['CNRP'],
    ]);
    const keys = new Set(result.hits.map((hit) => hit.key));
    for (const found of result.candidates)
      for (const candidate of found) expect(keys.has(candidate.key)).toBe(true);
  });

  it('asks nothing for texts without capitalized words', async () => {
    const lookup = vi.fn(async (keys: string[]) => answerKeys(index, keys));
    expect(await matchPageTexts(['only lower case here', ''], lookup)).toEqual({
      candidates: [[], []],
      hits: [],
    });
    expect(lookup).not.toHaveBeenCalled();
  });
});
