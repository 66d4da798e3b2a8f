/**
 * The page-text codec must never change what the matcher finds: the
 * background's candidates in the compacted text are those of the page's text,
 * and their offsets, restored, are those in the page's text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCandidates } from '@/lib/match';
import { CONNECTORS } from '@/lib/match/connectors';
import {
  compactPageText,
  countPageTexts,
  joinPageTexts,
  restoreOffsets,
  splitPageTexts,
  TEXT_SEPARATOR,
} from '@/lib/match/page-text-codec';

/**
 * Ordered, non-overlapping spans of some candidates, as the resolver's mentions
 * are (flat triples): those `keep` says, where they do not overlap one kept before.
 */
function asMentions(candidates: { start: number; end: number }[], keep = (_: number) => true) {
  const flat: number[] = [];
  let reached = 0;
  candidates.forEach(({ start, end }, i) => {
    if (start < reached || !keep(i)) return;
    flat.push(start, end, i);
    reached = end;
  });
  return flat;
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
  '\u001e',
  '\u200b',
);
const GAP = fc.constantFrom(' ', ' ', ' ', '', '\u00a0', '\n', '\n\n', ', ', '. ', ' & ', '; ');
const PAGE_TEXT = fc
  .array(fc.tuple(PIECE, GAP), { maxLength: 80 })
  .map((parts) => parts.flat().join(''));

describe('page-text codec', () => {
  it('finds the same candidates in the compacted text, and restores their offsets in the page text', () => {
    fc.assert(
      fc.property(
        fc.oneof(PAGE_TEXT, fc.string({ maxLength: 120 })),
        fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
        (text, picks) => {
          const compacted = compactPageText(text);
          const inPage = findCandidates(text);
          const sent = findCandidates(compacted);
          expect(sent.map(({ key, text }) => [key, text])).toEqual(
            inPage.map(({ key, text }) => [key, text]),
          );
          // The resolver links some of the candidates, skipping others of the same name.
          const keep = (i: number) => picks[i % picks.length]!;
          expect(restoreOffsets(text, compacted, asMentions(sent, keep))).toEqual(
            asMentions(inPage, keep),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('sends lower-case prose as one character per stretch, keeping the names around it', () => {
    const text =
      'Opposition deputy Mu Sochua said on Tuesday that the commune councillors had been pressured by officials of the Ministry of Interior to defect.';
    const compacted = compactPageText(text);
    expect(compacted).toBe(
      'Opposition \u007f Mu Sochua \u007f Tuesday \u007f Ministry of Interior \u007f.',
    );
    const mentions = asMentions(
      findCandidates(compacted).filter((candidate) => candidate.text === 'Ministry of Interior'),
    );
    const [start, end] = restoreOffsets(text, compacted, mentions);
    expect(text.slice(start, end)).toBe('Ministry of Interior');
  });

  it('keeps stretches of connectors only, which may sit inside a name', () => {
    const text = 'the Ministry of the Interior and of the Supreme Court';
    expect(compactPageText(text)).toBe(text);
    expect(compactPageText('Hun Sen of the de la Mu Sochua')).toBe(
      'Hun Sen of the de la Mu Sochua',
    );
    expect(compactPageText('“said that,” (said that) of them')).toBe('“\u007f,” (\u007f) \u007f');
  });

  it("keeps the page's own DEL characters apart from dropped prose", () => {
    const text = 'Hun Sen \u007f said nothing \u007f Mu Sochua';
    expect(compactPageText(text)).toBe('Hun Sen \u001f \u007f \u001f Mu Sochua');
  });

  it('finds a repeated name at its own occurrence, not an earlier one', () => {
    const text = 'Sen and Hun Sen said that Sen, Sen replied.';
    const compacted = compactPageText(text);
    // The resolver linked only the third "Sen" here.
    const third = [...compacted.matchAll(/Sen/g)][2]!.index;
    const [start] = restoreOffsets(text, compacted, [third, third + 3, 0]);
    expect(start).toBe([...text.matchAll(/Sen/g)][2]!.index);
  });

  it('joins texts into one string that splits back into the compacted texts, whatever the page holds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(PAGE_TEXT, fc.string({ maxLength: 40 })), { maxLength: 8 }),
        (texts) => {
          const compacted = texts.map(compactPageText);
          for (const text of compacted) expect(text).not.toContain(TEXT_SEPARATOR);
          const joined = joinPageTexts(compacted);
          if (texts.length > 0) {
            expect(splitPageTexts(joined)).toEqual(compacted);
            expect(countPageTexts(joined)).toBe(texts.length);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('restores offsets across joined texts, a name found in each text at its own place', () => {
    fc.assert(
      fc.property(
        fc.array(PAGE_TEXT, { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
        (texts, picks) => {
          const keep = (i: number) => picks[i % picks.length]!;
          const text = joinPageTexts(texts);
          const compacted = joinPageTexts(texts.map(compactPageText));
          // What the background finds: each text's candidates, at their offsets in the joined string.
          const inText = (joined: string) =>
            splitPageTexts(joined).flatMap((part, i, parts) => {
              const offset = parts.slice(0, i).reduce((sum, p) => sum + p.length + 1, 0);
              return findCandidates(part).map((c) => ({
                ...c,
                start: c.start + offset,
                end: c.end + offset,
              }));
            });
          expect(restoreOffsets(text, compacted, asMentions(inText(compacted), keep))).toEqual(
            asMentions(inText(text), keep),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("sends a page's own separator characters as U+001F, so they never split its text", () => {
    expect(compactPageText('Hun Sen\u001e Mu Sochua')).toBe('Hun Sen\u001f Mu Sochua');
    expect(
      splitPageTexts(joinPageTexts(['Hun Sen\u001e', 'CNRP'].map(compactPageText))),
    ).toHaveLength(2);
  });
});
