/**
 * anchorQuote on plain text: exact and approximate matches, repeats told apart
 * by context and position, orphans, and the describe → anchor round trip.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorQuote } from '@/lib/anchor/anchor-quote';
import { describeQuote } from '@/lib/anchor/describe';
import { normalizeForMatching } from '@/lib/anchor/normalize';

const SAVED =
  'Police arrested two men on Friday. A spokesman for the provincial court said he would not ' +
  'comment on the case until the trial. Farmers in Takeo protested over land.';

function describeIn(text: string, snippet: string, occurrence = 1) {
  let at = -1;
  for (let n = 0; n < occurrence; n++) at = text.indexOf(snippet, at + 1);
  if (at < 0) throw new Error(`${snippet} not in text`);
  return describeQuote(text, at, at + snippet.length);
}

describe('anchorQuote', () => {
  const saved = describeIn(SAVED, 'would not comment on the case');

  it('finds the unchanged quote exactly, with a full score', () => {
    const match = anchorQuote(SAVED, saved);
    expect(match).toMatchObject({ start: 80, end: 109, exact: true });
    expect(match!.score).toBeGreaterThan(0.99);
  });

  it('finds an edited word in its context, covering the edited word whole', () => {
    const revised = SAVED.replace('on the case', 'on the cost');
    const match = anchorQuote(revised, saved);
    expect(match).toMatchObject({ exact: false });
    expect(revised.slice(match!.start, match!.end)).toBe('would not comment on the cost');
  });

  it('orphans similar words in an unrelated context', () => {
    const elsewhere =
      'Police arrested two men on Friday. Farmers in Takeo protested over land. The minister, ' +
      'asked about the budget, would not comment on the cost of the new road.';
    expect(anchorQuote(elsewhere, saved)).toBeNull();
  });

  it('keeps a long exact quote that moved into another paragraph', () => {
    const long = describeIn(SAVED, 'said he would not comment on the case until the trial');
    const moved =
      'Farmers in Takeo protested over land. Meanwhile a court official ' +
      'said he would not comment on the case until the trial, adding nothing.';
    const match = anchorQuote(moved, long);
    expect(match && moved.slice(match.start, match.end)).toBe(
      'said he would not comment on the case until the trial',
    );
  });

  it('orphans a formula such as "she said." that survives only elsewhere', () => {
    const text = '“It is not serving the CPP,” she said. The court adjourned.';
    const quote = describeIn(text, 'she said.');
    const other =
      'Officials met on Monday to discuss flooding in the north, she said. Nothing else.';
    expect(anchorQuote(other, quote)).toBeNull();
  });

  it('tells repeats with the same context apart by the position hint', () => {
    const text = 'Yes. No. Yes. No. Yes. No. Yes. No.';
    for (const occurrence of [1, 2, 3, 4]) {
      const quote = describeIn(text, 'Yes.', occurrence);
      expect(anchorQuote(text, quote)?.start).toBe(quote.position.start);
    }
  });

  it('anchors against a normalized text prepared once for many quotes', () => {
    const page = normalizeForMatching(SAVED);
    expect(anchorQuote(page, saved)?.start).toBe(80);
    expect(anchorQuote(page, describeIn(SAVED, 'Farmers'))?.start).toBe(SAVED.indexOf('Farmers'));
  });

  it('answers null for a blank quote or an empty page', () => {
    const blank = { ...saved, quote: { ...saved.quote, exact: '  ' } };
    expect(anchorQuote(SAVED, blank)).toBeNull();
    expect(anchorQuote('', saved)).toBeNull();
  });

  it('does not need a position', () => {
    expect(anchorQuote(SAVED, { quote: saved.quote })?.start).toBe(80);
  });
});

describe('describe → anchor on unchanged text', () => {
  // Text drawn from a small alphabet so that repeats (the hard case) are common,
  // with whitespace runs, invisible characters and curly quotes mixed in.
  const alphabet = fc.constantFrom(...'ab aé\n\u00a0  \u200b’“Ж中ក'.split(''));
  const text = fc.array(alphabet, { minLength: 1, maxLength: 300 }).map((chars) => chars.join(''));

  it('finds the described offsets again', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (page, a, b) => {
        const start = a % (page.length + 1);
        const end = start + (b % (page.length - start + 1));
        const { quote, position } = describeQuote(page, start, end);
        if (normalizeForMatching(quote.exact).text.trim() === '') return;
        const match = anchorQuote(page, { quote, position });
        expect(match).toMatchObject({ start: position.start, end: position.end, exact: true });
      }),
      { numRuns: 500 },
    );
  });
});
