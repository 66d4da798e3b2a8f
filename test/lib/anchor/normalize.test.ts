/** normalizeForMatching: what the matcher ignores, and offsets that lead back to the page. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isBlank,
  normalizeForMatching,
  toNormalizedOffset,
  toOriginalRange,
} from '@/lib/anchor/normalize';

describe('normalizeForMatching', () => {
  it('collapses whitespace, drops invisible characters and folds typography', () => {
    const { text } = normalizeForMatching(
      '“Hun\u00a0Sen’s\n\t  ultimatum” \u2013 Kam\u00adpong ក\u200bខ',
    );
    expect(text).toBe('"Hun Sen\'s ultimatum" - Kampong កខ');
  });

  it('treats as whitespace exactly what \\s matches (but the BOM, which is invisible)', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      const expected = /\s/.test(char) || [0xad, 0x200b, 0x2060].includes(code);
      if (isBlank(char) !== expected) throw new Error(`U+${code.toString(16)} misclassified`);
    }
  });

  it('maps every normalized character back to the character it came from', () => {
    const chars = fc.constantFrom(...'ab \n\u00a0\u200b’—Жក中'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 200 }), (list) => {
        const original = list.join('');
        const normalized = normalizeForMatching(original);
        expect(normalized.map[normalized.text.length]).toBe(original.length);
        for (let i = 0; i < normalized.text.length; i++) {
          const from = original[normalized.map[i] as number] as string;
          const to = normalized.text[i] as string;
          expect(to === from || (to === ' ' && isBlank(from)) || from.charCodeAt(0) > 0x2000).toBe(
            true,
          );
        }
      }),
    );
  });

  it('converts offsets both ways', () => {
    const normalized = normalizeForMatching('a   b\u200bc');
    expect(toNormalizedOffset(normalized, 4)).toBe(2); // the "b"
    expect(toOriginalRange(normalized, 2, 4)).toEqual({ start: 4, end: 7 }); // "b\u200bc"
    expect(toOriginalRange(normalized, 1, 1)).toEqual({ start: 1, end: 1 });
  });
});
