/**
 * Whatever is saved and typed, every emphasized range must slice the original
 * field text to a word the query reached: the word itself, a completion of the
 * word being typed, or a misspelling within the edit budget.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex, foldTerm, parseQuery, type FieldMatch } from '@/lib/search';
import { editBudget, editDistance } from '@/lib/search/vocabulary';
import type { AnnotationRecord } from '@/lib/model/records';
import { annotation, entityName } from './fixtures';

const WORDS = [
  'Sochua',
  'Sóchua',
  'Sochua’s',
  'SOCHUA',
  'Kem',
  'Sokha',
  'treason',
  'court',
  'courts',
  'Nguyễn',
  'eviction',
  'election',
  'don’t',
  'land',
];
const word = fc.oneof(fc.constantFrom(...WORDS), fc.stringMatching(/^[a-zé]{1,8}$/));
const separator = fc.constantFrom(' ', ', ', '-', '. ', ' “', '” ', '\n');
const text = fc
  .array(fc.tuple(word, separator), { maxLength: 12 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));
const record = (id: number) =>
  fc
    .record({ quote: text, note: text, title: text, tags: fc.array(text, { maxLength: 2 }) })
    .map(({ quote, note, title, tags }): AnnotationRecord =>
      annotation(`r${id}`, { quote, note, title, tags }),
    );

/** The original text a match points into. */
function fieldText(record: AnnotationRecord, match: FieldMatch): string {
  switch (match.field) {
    case 'quote':
      return record.quote?.exact ?? '';
    case 'tags':
      return record.tags[match.index!]!;
    case 'entities':
      return entityName(record.entityIds[match.index!]!) ?? '';
    default:
      return record[match.field];
  }
}

function reached(term: string, words: string[], prefixLast: boolean): boolean {
  return words.some((typed, i) => {
    const folded = foldTerm(typed);
    if (term === folded) return true;
    if (prefixLast && i === words.length - 1 && folded.length >= 2 && term.startsWith(folded))
      return true;
    const budget = editBudget(folded.length);
    return budget > 0 && editDistance(folded, term, budget) <= budget;
  });
}

describe('search matches', () => {
  it('slice the original text to words the query reached', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.nat(), { minLength: 1, maxLength: 8 })
          .chain((seeds) =>
            fc.tuple(
              fc.tuple(...seeds.map((_, i) => record(i))),
              fc.array(word, { minLength: 1, maxLength: 3 }),
              fc.boolean(),
            ),
          ),
        ([records, words, typing]) => {
          const index = createSearchIndex(records, entityName);
          const input = words.join(' ') + (typing ? '' : ' ');
          const query = parseQuery(input);
          const byId = new Map(records.map((r) => [r.id, r]));
          for (const result of index.search(query)) {
            for (const match of result.matches) {
              const original = fieldText(byId.get(result.id)!, match);
              for (const [start, end] of match.ranges) {
                expect(start).toBeLessThan(end);
                const term = foldTerm(original.slice(start, end));
                expect(reached(term, query.words, query.prefixLast), `${term} for ${input}`).toBe(
                  true,
                );
              }
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('find every annotation holding a typed word exactly', () => {
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...WORDS),
        (quotes, typed) => {
          const records = quotes.map((quote, i) =>
            annotation(`r${i}`, { quote, title: '', site: '' }),
          );
          const found = new Set(
            createSearchIndex(records, entityName)
              .search(`${typed} `)
              .map((r) => r.id),
          );
          for (const record of records) {
            const holds = record
              .quote!.exact.split(/[^\p{L}’]+/u)
              .some((w) => foldTerm(w) === foldTerm(typed));
            if (holds) expect(found.has(record.id)).toBe(true);
          }
        },
      ),
    );
  });
});
