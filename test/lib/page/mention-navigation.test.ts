// @vitest-environment happy-dom
/** The next-mention shortcut: its order, and the selection it leaves for keyboard readers. */
import { afterEach, describe, expect, it } from 'vitest';
import { nextMention, selectMention } from '@/lib/page/mention-navigation';

const tops: Record<string, number> = { a: -300, b: -20, c: 40, d: 900 };
const top = (mention: string) => tops[mention]!;

it('starts at the first mention in view, then follows page order and wraps', () => {
  const ordered = ['a', 'b', 'c', 'd'];
  expect(nextMention(ordered, null, top)).toBe('c');
  expect(nextMention(ordered, 'c', top)).toBe('d');
  expect(nextMention(ordered, 'd', top)).toBe('a');
});

it('starts at the first mention when all are above the viewport, and has none on an empty page', () => {
  expect(nextMention(['a', 'b'], null, top)).toBe('a');
  expect(nextMention([], null, top)).toBeNull();
});

describe('the selection the shortcut leaves', () => {
  // happy-dom's Selection and Range stand in for the page's.
  function paragraph(): { text: Text; rangeOf: (word: string) => Range } {
    document.body.innerHTML = '<p>CNRP Deputy President Mu Sochua, who fled the country</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const rangeOf = (word: string) => {
      const range = document.createRange();
      const start = text.data.indexOf(word);
      range.setStart(text, start);
      range.setEnd(text, start + word.length);
      return range;
    };
    return { text, rangeOf };
  }
  afterEach(() => {
    document.getSelection()?.removeAllRanges();
    document.body.innerHTML = '';
  });

  it('selects the mention when nothing is selected, and moves with the next press', () => {
    const { rangeOf } = paragraph();
    const selection = document.getSelection()!;
    const first = selectMention(selection, rangeOf('CNRP'), null);
    expect(selection.toString()).toBe('CNRP');
    selectMention(selection, rangeOf('Mu Sochua'), first);
    expect(selection.toString()).toBe('Mu Sochua');
  });

  it('never replaces a selection the reader made', () => {
    const { rangeOf } = paragraph();
    const selection = document.getSelection()!;
    const previous = selectMention(selection, rangeOf('CNRP'), null);
    // The reader extends the selection from the name: it is theirs now.
    selection.removeAllRanges();
    selection.addRange(rangeOf('CNRP Deputy President'));
    expect(selectMention(selection, rangeOf('Mu Sochua'), previous)).toBeNull();
    expect(selection.toString()).toBe('CNRP Deputy President');
  });
});
