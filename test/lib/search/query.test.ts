import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery, type ParsedQuery } from '@/lib/search';

const q = (partial: Partial<ParsedQuery>): ParsedQuery => ({
  words: [],
  phrases: [],
  filters: [],
  prefixLast: false,
  ...partial,
});

describe('parseQuery', () => {
  it.each<[string, ParsedQuery]>([
    ['', q({})],
    ['   ', q({})],
    ['Sochua', q({ words: ['Sochua'], prefixLast: true })],
    ['Sochua ', q({ words: ['Sochua'] })],
    ['Kem Sokha treason', q({ words: ['Kem', 'Sokha', 'treason'], prefixLast: true })],
    ['entity:"Mu Sochua"', q({ filters: [{ field: 'entity', value: 'Mu Sochua' }] })],
    [
      'entity:Sochua land',
      q({ words: ['land'], filters: [{ field: 'entity', value: 'Sochua' }], prefixLast: true }),
    ],
    [
      'TAG:land Site:phnompenhpost.com',
      q({
        filters: [
          { field: 'tag', value: 'land' },
          { field: 'site', value: 'phnompenhpost.com' },
        ],
      }),
    ],
    [
      'tag:land tag:courts',
      q({
        filters: [
          { field: 'tag', value: 'land' },
          { field: 'tag', value: 'courts' },
        ],
      }),
    ],
    [
      '"rescue party" dissolved',
      q({ words: ['dissolved'], phrases: ['rescue party'], prefixLast: true }),
    ],
    ['“curly  quotes”', q({ phrases: ['curly quotes'] })],
    ['"unclosed phrase', q({ phrases: ['unclosed phrase'] })],
    ['tag:', q({})],
    ['entity:"', q({})],
    ['foo:bar', q({ words: ['foo', 'bar'], prefixLast: true })],
    ['Sochua’s party,', q({ words: ['Sochua’s', 'party'] })],
    ['!!! ??', q({})],
    ['co-operation', q({ words: ['co', 'operation'], prefixLast: true })],
  ])('%j', (input, expected) => {
    expect(parseQuery(input)).toEqual(expected);
  });

  it('never throws and yields only non-empty parts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (input) => {
        const parsed = parseQuery(input);
        expect(parsed.words.every((word) => word.length > 0)).toBe(true);
        expect(parsed.phrases.every((phrase) => phrase.trim() === phrase && phrase !== '')).toBe(
          true,
        );
        expect(parsed.filters.every((filter) => filter.value !== '')).toBe(true);
      }),
    );
  });
});
