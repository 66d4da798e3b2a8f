import { describe, expect, it } from 'vitest';
import { excerptBetween, sentenceAroundSpan } from '@/lib/store/source-sentence';

const TEXT = [
  'Headline of the story',
  'Reporter : Jane Doe',
  'CNRP Deputy President Mu Sochua, who fled the country, spoke yesterday. Mr. Sok Eysan of the CPP disagreed. “It is over . . . Be calm,” he said.',
  'A last paragraph without a full stop',
].join('\n\n');

/** The excerpt for the first occurrence of `words`, with the highlighted part. */
function around(words: string, text = TEXT, max?: number) {
  const start = text.indexOf(words);
  const excerpt = sentenceAroundSpan(text, start, start + words.length, max);
  if (!excerpt) throw new Error('no excerpt');
  return { ...excerpt, marked: excerpt.text.slice(excerpt.highlight.start, excerpt.highlight.end) };
}

describe('sentenceAroundSpan', () => {
  it('returns the sentence that holds the span, with the span highlighted', () => {
    const x = around('CNRP Deputy President Mu Sochua');
    expect(x.text).toBe('CNRP Deputy President Mu Sochua, who fled the country, spoke yesterday.');
    expect(x.marked).toBe('CNRP Deputy President Mu Sochua');
  });

  it('does not end a sentence at an honorific', () => {
    expect(around('Sok Eysan').text).toBe('Mr. Sok Eysan of the CPP disagreed.');
  });

  it('does not end a sentence at an ellipsis inside a quote', () => {
    expect(around('Be calm').text).toBe('“It is over . . . Be calm,” he said.');
  });

  it('stays inside the paragraph: a header line is its own sentence', () => {
    expect(around('Jane Doe').text).toBe('Reporter : Jane Doe');
    expect(around('without').text).toBe('A last paragraph without a full stop');
  });

  it('keeps both sentences when the span crosses a boundary', () => {
    const x = around('yesterday. Mr. Sok');
    expect(x.text).toBe(
      'CNRP Deputy President Mu Sochua, who fled the country, spoke yesterday. Mr. Sok Eysan of the CPP disagreed.',
    );
    expect(x.marked).toBe('yesterday. Mr. Sok');
  });

  it('trims a long sentence to a window around the span, at word boundaries', () => {
    const long = `${'word '.repeat(200)}Mu Sochua said ${'more '.repeat(200)}end.`;
    const x = around('Mu Sochua', long, 60);
    expect(x.text.length).toBeLessThanOrEqual(60 + 4);
    expect(x.text.startsWith('… word')).toBe(true);
    expect(x.text.endsWith('more …')).toBe(true);
    expect(x.marked).toBe('Mu Sochua');
  });

  it('gives the room a short side cannot use to the other side', () => {
    const long = `Mu Sochua said ${'more '.repeat(200)}end.`;
    const x = around('Mu Sochua', long, 60);
    expect(x.text.startsWith('Mu Sochua said more')).toBe(true);
    expect(x.text.length).toBeGreaterThan(50);
    expect(x.marked).toBe('Mu Sochua');
  });

  it('answers null for a span outside the text rather than guessing', () => {
    expect(sentenceAroundSpan('short', 2, 50)).toBeNull();
    expect(sentenceAroundSpan('short', -1, 2)).toBeNull();
    expect(sentenceAroundSpan('short', 3, 2)).toBeNull();
  });

  it('handles an empty span at a boundary', () => {
    expect(sentenceAroundSpan('One. Two.', 5, 5)?.text).toBe('Two.');
  });
});

describe('excerptBetween', () => {
  it('uses the recorded context as is and highlights the quote inside it', () => {
    const text = 'Intro. “We will win,” she said. After.';
    const from = text.indexOf('“');
    const to = text.indexOf(' After');
    const start = text.indexOf('We');
    const x = excerptBetween(text, from, to, start, start + 'We will win,'.length);
    expect(x?.text).toBe('“We will win,” she said.');
    expect(x && x.text.slice(x.highlight.start, x.highlight.end)).toBe('We will win,');
  });

  it('answers null when the quote is not inside its context', () => {
    expect(excerptBetween('abc def', 0, 3, 4, 7)).toBeNull();
  });
});
