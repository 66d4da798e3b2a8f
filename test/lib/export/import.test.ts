import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHypothesisExport, ImportError, parseImport } from '@/lib/export';

const HYPOTHESIS = readFileSync('test/fixtures/import/hypothesis-export.json', 'utf8');

describe('parseImport: Hypothesis', () => {
  it('reads the client export: quote, position, note, tags, title; skips replies and empty highlights', () => {
    const result = parseImport(HYPOTHESIS);
    expect(result.format).toBe('hypothesis');
    expect(result.records).toEqual([
      {
        id: 'hypothesis:Xk2bQj9EEe-abc123_def45',
        url: 'https://www.phnompenhpost.com/national/cnrp-alleges-local-push',
        title: 'CNRP alleges local push | Phnom Penh Post',
        site: 'www.phnompenhpost.com',
        created: Date.parse('2024-02-28T08:15:30.123Z'),
        updated: Date.parse('2024-02-28T08:20:00Z'),
        quote: {
          type: 'TextQuoteSelector',
          exact: 'We are willing to do farming instead',
          prefix: 'party’s lawmakers. “',
          suffix: ',” she said.',
        },
        position: { type: 'TextPositionSelector', start: 2204, end: 2240 },
        note: 'Check against the commune council minutes.',
        tags: ['defections', 'CNRP'],
        entityIds: [],
      },
      expect.objectContaining({
        id: 'hypothesis:Zq4dSl1GGg-mno234_pqr56',
        quote: null,
        position: null,
        note: 'Page note: the speech transcript is incomplete.',
        title: 'Prime minister’s speech',
        site: 'www.cambodiadaily.com',
      }),
    ]);
    expect(result.skipped).toMatchObject([
      { reason: 'annotations[1]: a reply to another annotation, not a note on the page' },
      {
        reason:
          'annotations[3]: no quote, note or tag to keep (a highlight whose quote was not exported)',
      },
      { reason: 'annotations[4].created: expected an ISO 8601 date, found "not a date"' },
    ]);
  });

  it('reads a bare list and the API answer alike', () => {
    const { annotations } = JSON.parse(HYPOTHESIS) as { annotations: unknown[] };
    const fromExport = fromHypothesisExport(JSON.parse(HYPOTHESIS));
    expect(parseImport(JSON.stringify(annotations)).records).toEqual(fromExport.records);
    expect(parseImport(JSON.stringify({ total: 5, rows: annotations })).records).toEqual(
      fromExport.records,
    );
  });

  it('names the path of a wrong selector list', () => {
    const file = JSON.stringify([
      {
        id: 'a',
        uri: 'https://x.org/',
        created: '2024-01-01T00:00:00Z',
        text: 'note',
        target: [{ source: 'https://x.org/', selector: { type: 'TextQuoteSelector' } }],
      },
    ]);
    expect(parseImport(file).skipped).toMatchObject([
      { reason: '[0].target[0].selector: expected an array, found an object' },
    ]);
  });
});

describe('parseImport: files that are not annotations', () => {
  it.each([
    ['{"items": [', /^This file is not valid JSON \(.+\)\. Choose a file exported by Dramatis/],
    ['', /^This file is not valid JSON/],
    [
      '{"version": 2, "entities": []}',
      'This file holds an object with keys "version", "entities", not annotations. Choose a file exported by Dramatis (Web Annotation JSON-LD) or a Hypothesis JSON export.',
    ],
    ['"hello"', /^This file holds "hello", not annotations/],
    ['42', /^This file holds 42, not annotations/],
  ])('%j', (text, message) => {
    expect(() => parseImport(text)).toThrow(ImportError);
    expect(() => parseImport(text)).toThrow(message);
  });

  it('reads a file with a byte-order mark', () => {
    expect(parseImport('\uFEFF[]')).toEqual({ format: 'hypothesis', records: [], skipped: [] });
  });
});
