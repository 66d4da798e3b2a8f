import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANNO_CONTEXT,
  fromWebAnnotationCollection,
  parseImport,
  toWebAnnotationCollection,
} from '@/lib/export';
import type { AnnotationRecord } from '@/lib/model/records';

const NAMES: Record<string, string> = { 'person:mu-sochua': 'Mu Sochua' };
const entityName = (id: string) => NAMES[id];

const SAVED: AnnotationRecord = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  url: 'https://www.phnompenhpost.com/national/cnrp-alleges-local-push',
  title: 'CNRP alleges local push',
  site: 'www.phnompenhpost.com',
  created: Date.UTC(2017, 10, 7, 9, 30),
  updated: Date.UTC(2017, 10, 8, 12, 0),
  quote: {
    type: 'TextQuoteSelector',
    exact: 'We are willing to do farming instead',
    prefix: '“',
    suffix: '”, she said',
  },
  position: { type: 'TextPositionSelector', start: 1200, end: 1236 },
  note: 'Sochua on the defections.',
  tags: ['defections', 'follow up'],
  entityIds: ['person:mu-sochua', 'org:unknown'],
};

describe('toWebAnnotationCollection', () => {
  it('writes the W3C model: context, collection, first page, bodies with purposes, selectors', () => {
    const collection = toWebAnnotationCollection([SAVED], entityName);
    expect(collection).toEqual({
      '@context': ANNO_CONTEXT,
      type: 'AnnotationCollection',
      label: 'Dramatis annotations',
      total: 1,
      first: {
        type: 'AnnotationPage',
        startIndex: 0,
        items: [
          {
            id: 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
            type: 'Annotation',
            motivation: 'commenting',
            created: '2017-11-07T09:30:00.000Z',
            modified: '2017-11-08T12:00:00.000Z',
            body: [
              {
                type: 'TextualBody',
                purpose: 'commenting',
                value: 'Sochua on the defections.',
                format: 'text/plain',
              },
              { type: 'TextualBody', purpose: 'tagging', value: 'defections' },
              { type: 'TextualBody', purpose: 'tagging', value: 'follow up' },
              {
                type: 'SpecificResource',
                purpose: 'identifying',
                source: { id: 'urn:dramatis:entity:person%3Amu-sochua', name: 'Mu Sochua' },
              },
              {
                type: 'SpecificResource',
                purpose: 'identifying',
                source: { id: 'urn:dramatis:entity:org%3Aunknown' },
              },
            ],
            target: {
              source: SAVED.url,
              'dramatis:title': 'CNRP alleges local push',
              'dramatis:site': 'www.phnompenhpost.com',
              selector: [
                {
                  type: 'TextQuoteSelector',
                  exact: 'We are willing to do farming instead',
                  prefix: '“',
                  suffix: '”, she said',
                },
                { type: 'TextPositionSelector', start: 1200, end: 1236 },
              ],
            },
          },
        ],
      },
    });
  });

  it('writes an empty collection without a page', () => {
    expect(toWebAnnotationCollection([], entityName)).toEqual({
      '@context': ANNO_CONTEXT,
      type: 'AnnotationCollection',
      label: 'Dramatis annotations',
      total: 0,
    });
  });
});

const text = fc.string({ unit: 'grapheme', maxLength: 30 });
const record: fc.Arbitrary<AnnotationRecord> = fc.record({
  id: fc.oneof(fc.uuid(), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })),
  url: fc.oneof(fc.constant(''), fc.webUrl()),
  title: text,
  site: text,
  created: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  updated: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  quote: fc.option(
    fc.record({
      type: fc.constant('TextQuoteSelector' as const),
      exact: text,
      prefix: text,
      suffix: text,
    }),
  ),
  position: fc.option(
    fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => ({
      type: 'TextPositionSelector' as const,
      start: Math.min(a, b),
      end: Math.max(a, b),
    })),
  ),
  note: text,
  tags: fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { maxLength: 4 }),
  entityIds: fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), {
    maxLength: 3,
  }),
});

describe('Web Annotation round trip', () => {
  it('any annotation set survives export → JSON text → import unchanged', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), (records) => {
        const file = JSON.stringify(toWebAnnotationCollection(records, entityName));
        const imported = parseImport(file);
        expect(imported).toEqual({ format: 'web-annotation', records, skipped: [] });
      }),
      { numRuns: 300 },
    );
  });
});

describe('fromWebAnnotationCollection', () => {
  const item = (overrides: Record<string, unknown>) => ({
    id: 'https://annotations.example/a/1',
    type: 'Annotation',
    created: '2020-01-01T00:00:00Z',
    target: {
      source: 'https://example.org/page',
      selector: { type: 'TextQuoteSelector', exact: 'hello' },
    },
    ...overrides,
  });

  it('reads what other tools write: inline items, bodyValue, one selector, IRI ids', () => {
    const result = fromWebAnnotationCollection({
      '@context': ANNO_CONTEXT,
      type: 'AnnotationCollection',
      items: [
        item({ bodyValue: 'A comment' }),
        item({ id: 'urn:x:2', target: 'https://example.org/other' }),
      ],
    });
    expect(result.skipped).toEqual([]);
    expect(result.records).toEqual([
      {
        id: 'https://annotations.example/a/1',
        url: 'https://example.org/page',
        title: '',
        site: 'example.org',
        created: Date.UTC(2020, 0, 1),
        updated: Date.UTC(2020, 0, 1),
        quote: { type: 'TextQuoteSelector', exact: 'hello', prefix: '', suffix: '' },
        position: null,
        note: 'A comment',
        tags: [],
        entityIds: [],
      },
      expect.objectContaining({ id: 'urn:x:2', url: 'https://example.org/other', quote: null }),
    ]);
  });

  it('skips an annotation it cannot read, naming the path and the problem', () => {
    const result = fromWebAnnotationCollection({
      type: 'AnnotationCollection',
      first: {
        items: [
          item({}),
          item({ target: { source: 'https://x.org', selector: 'quote' } }),
          item({ created: 'last Tuesday' }),
          item({
            target: {
              source: 'https://x.org',
              selector: [{ type: 'TextPositionSelector', start: 5, end: 2 }],
            },
          }),
          item({ target: undefined }),
        ],
      },
    });
    expect(result.records).toHaveLength(1);
    expect(result.skipped).toMatchObject([
      { reason: 'first.items[1].target.selector: expected an array of selectors, found "quote"' },
      { reason: 'first.items[2].created: expected an ISO 8601 date, found "last Tuesday"' },
      { reason: 'first.items[3].target.selector[0].end: expected an end ≥ start (5), found 2' },
      { reason: 'first.items[4].target: expected an object, found nothing' },
    ]);
  });

  it('refuses a collection whose annotations are on another page', () => {
    expect(() =>
      fromWebAnnotationCollection({ type: 'AnnotationCollection', first: 'https://server/page1' }),
    ).toThrow(
      'first: expected the first page of annotations inline (an AnnotationPage with "items"), found "https://server/page1". Export the collection with its annotations embedded.',
    );
  });
});
