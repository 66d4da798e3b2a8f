import { describe, expect, it } from 'vitest';
import { createSearchIndex, type SearchResult } from '@/lib/search';
import { annotation, collection, entityName } from './fixtures';

const ids = (results: SearchResult[]) => results.map((result) => result.id);
const index = () => createSearchIndex(collection(), entityName);

describe('search: finding', () => {
  it('finds words wherever they are, in any order and field ("Kem Sokha treason")', () => {
    // "Kem Sokha" is in the quote and the entity name, "treason" only in the note.
    expect(ids(index().search('Kem Sokha treason'))).toEqual(['sokha-arrest']);
    expect(ids(index().search('treason Sokha'))).toEqual(['sokha-arrest']);
  });

  it('requires every word', () => {
    expect(ids(index().search('Sochua treason'))).toEqual([]);
  });

  it('finds a transposed name ("Sochau" → Sochua), which a 1-edit budget misses', () => {
    expect(ids(index().search('Sochau '))).toEqual(['page-note', 'sochua-farming']);
  });

  it('finds other misspellings: a dropped letter, a doubled letter', () => {
    expect(ids(index().search('disolved '))).toEqual(['dissolution']);
    expect(ids(index().search('fisherrman '))).toEqual(['viet']);
  });

  it('folds diacritics both ways', () => {
    expect(ids(index().search('nguyen van '))).toEqual(['viet']);
    expect(ids(index().search('Nguyễn'))).toEqual(['viet']);
    // The note spells "Sóchua"; the query does not.
    expect(ids(index().search('sochua commune'))).toEqual(['page-note']);
  });

  it('completes the word being typed, but not a finished one', () => {
    expect(ids(index().search('dissol'))).toEqual(['dissolution']);
    expect(ids(index().search('arr'))).toEqual(['sokha-arrest']);
    expect(ids(index().search('arr '))).toEqual([]);
  });

  it('matches possessives to the plain name', () => {
    expect(ids(index().search('party '))).toEqual(['dissolution', 'sochua-farming']);
  });

  it('lists everything newest first for an empty query, honouring the limit', () => {
    expect(ids(index().search(''))).toEqual([
      'page-note',
      'sochua-farming',
      'sokha-arrest',
      'dissolution',
      'hun-sen-speech',
      'viet',
    ]);
    expect(ids(index().search('', { limit: 2 }))).toEqual(['page-note', 'sochua-farming']);
  });
});

describe('search: ranking', () => {
  it('ranks an exact word above a prefix completion above a fuzzy neighbour', () => {
    const search = createSearchIndex(
      [
        annotation('fuzzy', { quote: 'The tour heard the appeal.', updated: 3 }),
        annotation('prefix', { quote: 'The courier heard the appeal.', updated: 2 }),
        annotation('exact', { quote: 'The cour heard the appeal.', updated: 1 }),
      ],
      entityName,
    );
    expect(ids(search.search('cour'))).toEqual(['exact', 'prefix', 'fuzzy']);
  });

  it('ranks a hit in the quote above the same word in the title', () => {
    const search = createSearchIndex(
      [
        annotation('title', {
          quote: 'Officials met on Monday.',
          title: 'Garment strike',
          updated: 9,
        }),
        annotation('quote', {
          quote: 'The garment strike spread.',
          title: 'Officials met',
          updated: 1,
        }),
      ],
      entityName,
    );
    expect(ids(search.search('garment '))).toEqual(['quote', 'title']);
  });

  it('ranks a rarer word higher and breaks ties by recency', () => {
    const search = createSearchIndex(
      [
        annotation('old', { quote: 'Land dispute in Kampot.', updated: 1 }),
        annotation('new', { quote: 'Land dispute in Kampot.', updated: 2 }),
        annotation('other', { quote: 'Land reform promised.', updated: 3 }),
      ],
      entityName,
    );
    expect(ids(search.search('land kampot '))).toEqual(['new', 'old']);
    // The shorter quote wins on length normalization, not on recency.
    expect(ids(search.search('land '))).toEqual(['other', 'new', 'old']);
  });

  it('ranks an annotation about an entity above one that only mentions a similar word', () => {
    expect(ids(index().search('Sochua '))[0]).toBe('page-note');
  });
});

describe('search: filters and phrases', () => {
  it.each([
    ['entity:"Mu Sochua"', ['page-note', 'sochua-farming']],
    ['entity:sochua farming', ['sochua-farming']],
    ['entity:person:hun-sen', ['hun-sen-speech']],
    ['tag:courts', ['sokha-arrest', 'dissolution']],
    ['tag:court', []],
    ['tag:"follow up"', ['page-note']],
    ['tag:courts tag:elections', ['dissolution']],
    ['tag:courts entity:"Kem Sokha"', ['sokha-arrest']],
    ['site:cambodiadaily.com', ['hun-sen-speech']],
    ['site:https://www.cambodiadaily.com/news', ['hun-sen-speech']],
    ['site:phnompenhpost.com tag:land', ['sochua-farming']],
    ['"supreme court"', ['dissolution']],
    // The phrase is in the quote of one and in the entity name of the other.
    ['"rescue party" tag:courts', ['dissolution']],
    ['"rescue party" tag:land', ['sochua-farming']],
    ['"party rescue"', []],
    ['"the night" arrested', ['sokha-arrest']],
    ['"National Rescue" entity:"Mu Sochua"', ['sochua-farming']],
  ])('%s', (query, expected) => {
    expect(ids(index().search(query))).toEqual(expected);
  });
});

describe('search: incremental changes', () => {
  it('finds an added annotation, forgets a removed one, sees an edit', () => {
    const search = index();
    search.add(annotation('new', { quote: 'A new eviction in Boeung Kak.', updated: 9_000 }));
    expect(ids(search.search('eviction '))).toEqual(['new']);
    expect(search.size).toBe(7);

    search.update(annotation('new', { quote: 'A resettlement in Boeung Kak.', updated: 9_001 }));
    expect(ids(search.search('eviction '))).toEqual([]);
    expect(ids(search.search('resettlement '))).toEqual(['new']);
    expect(ids(search.search('resettlemnt '))).toEqual(['new']);
    expect(search.size).toBe(7);

    search.remove('new');
    expect(ids(search.search('resettlement'))).toEqual([]);
    expect(ids(search.search('resett'))).toEqual([]);
    expect(search.size).toBe(6);
    search.remove('never-there');
    expect(search.size).toBe(6);
  });

  it('gives the same answers after many changes as a fresh index of the same records', () => {
    const records = collection();
    const live = createSearchIndex([], entityName);
    for (let round = 0; round < 300; round++) {
      for (const record of records) live.add({ ...record, id: `${record.id}-${round}` });
      if (round < 299) for (const record of records) live.remove(`${record.id}-${round}`);
    }
    const fresh = createSearchIndex(
      records.map((record) => ({ ...record, id: `${record.id}-299` })),
      entityName,
    );
    for (const query of [
      'Sochau',
      'courts',
      'tag:courts',
      '"rescue party"',
      'dissol',
      'treason kem',
    ]) {
      expect(live.search(query)).toEqual(fresh.search(query));
    }
  });
});

describe('search: matches', () => {
  it('gives ranges into the original quote, possessive left outside', () => {
    const [result] = index().search('sochua farming ');
    const quote = collection()[0]!.quote!.exact;
    const ranges = result!.matches.find((match) => match.field === 'quote')!.ranges;
    expect(ranges.map(([start, end]) => quote.slice(start, end))).toEqual(['farming', 'Sochua']);
    expect(result!.matches).toContainEqual({ field: 'entities', index: 0, ranges: [[3, 9]] });
  });

  it('emphasizes fuzzy finds, accented words and filter values', () => {
    const [note] = index().search('Sochau entity:"Mu Sochua"');
    expect(note!.id).toBe('page-note');
    expect(note!.matches).toEqual([
      { field: 'note', ranges: [[4, 10]] },
      {
        field: 'entities',
        index: 0,
        ranges: [
          [0, 2],
          [3, 9],
        ],
      },
    ]);
  });
});
