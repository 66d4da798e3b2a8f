/**
 * Property-based tests: whatever text a page holds, the matcher must not throw,
 * and every mention it reports must be a clean, non-overlapping word span.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCandidates, matchText } from '@/lib/match';
import { aliasKey } from '@/lib/match/normalize';
import { seedIndex } from './helpers';

/**
 * A letter or digit, but not U+02BC MODIFIER LETTER APOSTROPHE: Unicode calls it
 * a letter, and the matcher reads it as an apostrophe (normalize.ts), which a
 * name may end before ("CNRPʼs"). fast-check found "𝓐ʼ".
 */
const WORD_CHAR = /(?!\u02BC)[\p{L}\p{N}]/u;

/** The code point ending just before `index` (a whole surrogate pair when there is one). */
function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const isLow = low >= 0xdc00 && low <= 0xdfff;
  return isLow && index >= 2 ? text.slice(index - 2, index) : text.slice(index - 1, index);
}

function charAfter(text: string, index: number): string {
  const codePoint = text.codePointAt(index);
  return codePoint === undefined ? '' : String.fromCodePoint(codePoint);
}

/** Newsroom-flavoured fragments, so random texts are full of near-names and tricky joins. */
const FRAGMENT = fc.constantFrom(
  'Hun',
  'Sen',
  'Hun Sen',
  'Than',
  'than',
  'Phally',
  'Yim',
  'CNRP',
  'CPP',
  'Mu',
  'Sochua',
  'Sóchua',
  'Mú',
  'Phnom',
  'Penh',
  'Post',
  'Mr',
  'Mr.',
  'Ms',
  'J.',
  'U.S.',
  'of',
  'the',
  'and',
  'de',
  '’s',
  "'s",
  "'",
  '’',
  '-',
  '–',
  '.',
  ',',
  '"',
  '“',
  '”',
  ' ',
  '  ',
  '\u00A0',
  '\n',
  '\n\n',
  '\r\n',
  '\u200B',
  '\u0301',
  'é',
  '𝐀',
  '😀',
  '10,266',
  'O’Brien',
  'CNRP’s',
  'Siem Reap',
  'So',
  'Platong',
);
const SEPARATOR = fc.constantFrom(' ', ' ', ' ', '', '\u00A0', '\n', ', ', '. ', '’s ', '-');
const NEWSY_TEXT = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 4, arbitrary: FRAGMENT },
        { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
      ),
      SEPARATOR,
    ),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.flat().join(''));
const ANY_TEXT = fc.oneof(
  NEWSY_TEXT,
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

describe('matcher properties', () => {
  const index = seedIndex();

  it('never throws, and every mention sits on word boundaries without overlapping another', () => {
    fc.assert(
      fc.property(ANY_TEXT, (text) => {
        const { mentions } = matchText(text, index);
        let reached = 0;
        for (const mention of mentions) {
          expect(mention.start).toBeGreaterThanOrEqual(reached);
          expect(mention.end).toBeGreaterThan(mention.start);
          expect(text.slice(mention.start, mention.end)).toBe(mention.text);
          expect(charBefore(text, mention.start)).not.toMatch(WORD_CHAR);
          expect(charAfter(text, mention.end)).not.toMatch(WORD_CHAR);
          reached = mention.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives every candidate the alias key of its own text, on word boundaries', () => {
    fc.assert(
      fc.property(ANY_TEXT, (text) => {
        for (const candidate of findCandidates(text)) {
          expect(candidate.key).toBe(aliasKey(text.slice(candidate.start, candidate.end)));
          expect(charBefore(text, candidate.start)).not.toMatch(WORD_CHAR);
          expect(charAfter(text, candidate.end)).not.toMatch(WORD_CHAR);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('finds an unambiguous name set in lower-case prose, however it is written', () => {
    const name = fc.constantFrom(
      'Hun Sen',
      'Mu Sochua',
      'Mú Sóchua',
      'Mu\u00A0Sochua',
      'Mu\nSochua',
      'CNRP',
      'CNRP’s',
      'Sok Eysan',
    );
    const prose = fc.array(
      fc.constantFrom('the', 'party', 'said', 'more', 'than', 'of', '10,266', '—'),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(prose, name, prose, (before, written, after) => {
        const text = [...before, written, ...after].join(' ');
        const { mentions } = matchText(text, index);
        expect(mentions).toHaveLength(1);
        expect(written.startsWith(mentions[0]!.text)).toBe(true);
      }),
    );
  });
});
