/**
 * The page-text codec must never change what the matcher finds: the
 * background's candidates in the expanded text are those of the page's text,
 * at the same offsets, while lower-case prose travels as its length only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCandidates } from '@/lib/match';
import { CONNECTORS } from '@/lib/match/connectors';
import { compactPageText, expandPageTexts } from '@/lib/match/page-text-codec';

const LIMIT = 1_000_000;

/** What the background matches after the content script compacted `text`. */
function roundTrip(text: string): string {
  return expandPageTexts([compactPageText(text)], LIMIT)[0]!;
}

/** Names, connectors, prose and every character the codec treats specially. */
const PIECE = fc.constantFrom(
  'Hun Sen',
  'Mu Sochua',
  'Ministry',
  'Interior',
  'Phnom Penh Post',
  'CNRP',
  'U.S.',
  'Mr.',
  'Dr',
  'J.',
  'O’Brien',
  'Sóchua',
  ...CONNECTORS,
  'said',
  'nothing',
  'government',
  'according',
  'spokesman',
  'officials',
  'a',
  'in',
  'it',
  'was',
  's',
  'don',
  't',
  'x',
  '10,266',
  "'s",
  '’s',
  "'",
  '&',
  '-',
  '–',
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  '"',
  '“',
  '”',
  '(',
  ')',
  '‘',
  '\u007f',
  '\u007f1c\u007f',
  '\u001f',
  '\u200b',
);
const GAP = fc.constantFrom(' ', ' ', ' ', '', '\u00a0', '\n', '\n\n', ', ', '. ', ' & ', '; ');
const PAGE_TEXT = fc
  .array(fc.tuple(PIECE, GAP), { maxLength: 80 })
  .map((parts) => parts.flat().join(''));

describe('page-text codec', () => {
  it('finds the same candidates, at the same offsets, in the expanded text as in the page text', () => {
    fc.assert(
      fc.property(fc.oneof(PAGE_TEXT, fc.string({ maxLength: 120 })), (text) => {
        const expanded = roundTrip(text);
        expect(expanded.length).toBe(text.length);
        expect(findCandidates(expanded)).toEqual(findCandidates(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('sends lower-case prose as its length, keeping the names and the words around them', () => {
    const text =
      'Opposition deputy Mu Sochua said on Tuesday that the commune councillors had been pressured by officials of the Ministry of Interior to defect.';
    const compacted = compactPageText(text);
    expect(compacted.length).toBeLessThan(text.length * 0.6);
    for (const kept of ['Opposition', 'Mu Sochua', 'Tuesday', 'Ministry of Interior'])
      expect(compacted).toContain(kept);
    expect(compacted).not.toContain('pressured');
    const expanded = roundTrip(text);
    expect(findCandidates(expanded).map((candidate) => candidate.text)).toContain(
      'Ministry of Interior',
    );
  });

  it('keeps stretches of connectors only, which may sit inside a name', () => {
    const text = 'the Ministry of the Interior and of the Supreme Court';
    expect(compactPageText(text)).toBe(text);
  });

  it("keeps the page's own DEL characters apart from its markers", () => {
    const text = 'Hun Sen \u007f1c\u007f Mu Sochua said nothing whatsoever about it';
    const expanded = roundTrip(text);
    expect(expanded.length).toBe(text.length);
    expect(expanded.slice(0, 22)).toBe('Hun Sen \u001f1c\u001f Mu Sochua');
  });

  it('refuses texts that would expand past the limit, naming it', () => {
    expect(() => expandPageTexts(['\u007fzzzzzz\u007f'], 1000)).toThrow(
      "the page's texts expand to more than 1000 characters",
    );
    expect(() => expandPageTexts(['a\u007fc\u007f', 'b\u007fc\u007f'], 20)).toThrow(RangeError);
    expect(expandPageTexts(['a\u007fc\u007f', 'b\u007fc\u007f'], 26)).toEqual([
      'a' + '\u007f'.repeat(12),
      'b' + '\u007f'.repeat(12),
    ]);
  });

  it('drops a short stretch only when it holds a word other than a connector', () => {
    expect(compactPageText('Hun Sen said that Mu Sochua')).toBe('Hun Sen \u007f9\u007f Mu Sochua');
    expect(compactPageText('Hun Sen of the de la Mu Sochua')).toBe(
      'Hun Sen of the de la Mu Sochua',
    );
    expect(compactPageText('“said that,” (said that)')).toBe('“\u007f9\u007f,” (\u007f9\u007f)');
  });
});
