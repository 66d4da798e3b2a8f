/** describeQuote: W3C selectors with word-sized context either side. */
import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describeQuote } from '@/lib/anchor/describe';

const TEXT =
  'With crucial national elections right around the corner, the CNRP is currently facing ' +
  'dissolution under the controversial newly amended Law on Political Parties.';

function describeSnippet(text: string, snippet: string) {
  const at = text.indexOf(snippet);
  return describeQuote(text, at, at + snippet.length);
}

describe('describeQuote', () => {
  it('keeps the exact words, whole-word context and the position', () => {
    const { quote, position } = describeSnippet(TEXT, 'the CNRP is currently facing');
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'the CNRP is currently facing',
      prefix: 'right around the corner, ',
      suffix: ' dissolution under the',
    });
    const start = TEXT.indexOf('the CNRP');
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 28 });
    expect(quote.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
  });

  it('leaves out whitespace at the edges and collapses runs inside', () => {
    const text = 'He said:\n\n   “We will   not\n        join.”   Then he left.';
    const start = text.indexOf(':') + 1;
    const end = text.indexOf('Then');
    const { quote, position } = describeQuote(text, start, end);
    expect(quote.exact).toBe('“We will not join.”');
    expect(text.slice(position.start, position.end)).toBe('“We will   not\n        join.”');
    expect(quote.prefix).toBe('He said: ');
    expect(quote.suffix).toBe(' Then he left.');
  });

  it('reads context across long runs of indentation', () => {
    const text = `A first sentence here is long.${' '.repeat(400)}\nQuote.`;
    const { quote } = describeSnippet(text, 'Quote.');
    expect(quote.prefix).toBe('A first sentence here is long. ');
  });

  it('keeps 32 characters of context in scripts written without spaces', () => {
    const text =
      '消息人士称首相洪森警告说柬埔寨救国党将被解散除非其官员加入执政的人民党分析人士认为这一策略是一种恐吓形式而且他们说了很多';
    const { quote } = describeSnippet(text, '分析人士');
    expect(quote.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(quote.prefix.endsWith('人民党')).toBe(true);
  });

  it('has empty context at the edges of the page', () => {
    const { quote } = describeQuote('Only this.', 0, 10);
    expect(quote).toMatchObject({ exact: 'Only this.', prefix: '', suffix: '' });
  });

  it('gives an empty quote for a whitespace-only selection', () => {
    expect(describeQuote('a   b', 1, 4).quote.exact).toBe('');
  });

  it('refuses offsets outside the text', () => {
    expect(() => describeQuote('abc', 2, 1)).toThrow(RangeError);
    expect(() => describeQuote('abc', 0, 4)).toThrow(RangeError);
    expect(() => describeQuote('abc', -1, 2)).toThrow(RangeError);
  });
});
