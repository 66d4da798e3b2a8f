/** The next-mention shortcut's order. */
import { expect, it } from 'vitest';
import { nextMention } from '@/lib/page/mention-navigation';

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
