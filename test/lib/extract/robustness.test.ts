/** Whatever text arrives, extraction either rejects it with a SourceError or returns spans that hold. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractDocument, SourceError } from '@/lib/extract';
import type { SourceFormat } from '@/lib/extract';

const words = [
  'said',
  'Minister',
  'Mr',
  'the',
  'CNRP',
  'Party',
  '“',
  '”',
  '"',
  'province',
  'Ms.',
  'Sen.',
  'he',
  'she',
  'of',
  ',',
  '.',
  '\n\n',
  'Ann',
  'Lee',
  'Kork',
  'Chak',
  'chief',
  'U.S.',
  '(',
  ')',
  '<p>',
  '</p>',
  '#',
  '---',
];

describe('extraction on arbitrary text', () => {
  it('never throws anything but SourceError, and every span indexes the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 300 }),
        fc.constantFrom<SourceFormat>('txt', 'md', 'html'),
        (tokens, format) => {
          try {
            const { document, entities } = extractDocument({
              origin: 'fuzz',
              format,
              content: tokens.join(' '),
            });
            for (const e of entities) {
              const spans = [
                ...e.aliases.map((a) => a.source),
                ...e.roles.map((r) => r.source),
                ...e.quotes.flatMap((q) => [q.source, q.context]),
              ];
              for (const s of spans) {
                expect(s.doc).toBe(document.id);
                expect(0 <= s.start && s.start <= s.end && s.end <= document.text.length).toBe(
                  true,
                );
              }
              for (const a of e.aliases)
                expect(document.text.slice(a.source.start, a.source.end)).toBe(a.text);
            }
          } catch (error) {
            expect(error).toBeInstanceOf(SourceError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
