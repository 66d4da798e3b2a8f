/** The quality report's scoring contract, on invented gold and outcomes. */
import { describe, expect, it } from 'vitest';
import type { Entity } from '@/lib/model/bundle-format';
import { normalizeName } from './normalize';
import { containsWords, scoreText } from './score';
import { figuresOf } from './figures';
import type { GoldText } from './corpus';

const person = (id: string, name: string, roles: string[] = []): Entity => ({
  id,
  kind: 'person',
  name,
  aliases: [],
  roles: roles.map((title) => ({
    title,
    organizationId: null,
    source: { doc: 'd', start: 0, end: 1 },
  })),
  affiliations: [],
  quotes: [],
  mentions: [{ doc: 'd', count: 1 }],
  related: [],
});

const gold: GoldText = {
  file: 'x.txt',
  style: 'wire',
  people: [
    { name: 'Jane Roe', role: 'harbour pilot', surfaces: ['Jane Roe', 'Roe'], credit: false },
    { name: 'Sam Poe', role: null, surfaces: ['Sam Poe'], credit: false },
    { name: 'Ann Credit', role: null, surfaces: ['Ann Credit'], credit: true },
  ],
  organizations: [],
  places: [],
};

describe('quality scoring', () => {
  it('normalizes names as the corpus README says', () => {
    expect(normalizeName('Mr  José Roe’s')).toBe('jose roe');
    expect(normalizeName('Dr. Ann Lee')).toBe('ann lee');
  });
  it('counts found, false and single-word people, roles and aliases', () => {
    const entities = [
      person('p:jane', 'Jane Roe', ['a retired harbour pilot']),
      person('p:roe', 'Roe'),
      person('p:ann', 'Ann Credit'),
      person('p:x', 'of State Jane Roe'),
    ];
    const mentions = [
      {
        start: 0,
        end: 8,
        text: 'Jane Roe',
        entityId: 'p:jane',
        name: 'Jane Roe',
        kind: 'person' as const,
      },
      {
        start: 9,
        end: 12,
        text: 'Roe',
        entityId: 'p:jane',
        name: 'Jane Roe',
        kind: 'person' as const,
      },
    ];
    const counts = scoreText(gold, { refused: false, entities, mentions });
    expect(counts.people).toEqual({ gold: 2, found: 1, extracted: 4, falsePositives: 1 });
    expect(counts.roles).toEqual({ gold: 1, matched: 1 });
    expect(counts.aliases).toEqual({ pairs: 3, linked: 2 });
    const f = figuresOf(counts);
    expect(f.peoplePrecision).toBeCloseTo(0.75);
    expect(f.peopleRecall).toBeCloseTo(0.5);
  });
  it('counts a refused text as all missed', () => {
    const counts = scoreText(gold, { refused: true, reason: 'no news article found' });
    expect(counts.refused).toBe(1);
    expect(counts.people.found).toBe(0);
    expect(counts.people.gold).toBe(2);
  });
  it('links a surface of two words inside a longer form, never a single word', () => {
    expect(containsWords('datuk seri anwar ibrahim', 'anwar ibrahim')).toBe(true);
    expect(containsWords('ban ki-moon', 'ban')).toBe(false);
  });
});
