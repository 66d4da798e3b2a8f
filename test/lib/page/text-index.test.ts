// @vitest-environment happy-dom
/**
 * The page text model: what text counts as the page's, and the mapping between
 * text offsets and DOM ranges both ways.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { buildTextIndex, offsetsFromRange, rangeFromOffsets } from '@/lib/page/text-index';
import { loadPage } from '@/test/lib/anchor/pages';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('buildTextIndex', () => {
  it('keeps the visible text of a saved article and nothing a reader cannot see', () => {
    loadPage('seed-article.html');
    const { text } = buildTextIndex(document.body);
    expect(text).toContain('Reporter : Leonie Kijewski');
    expect(text).toContain('fait\n        accompli');
    for (const hidden of ['dataLayer', 'Share this article', 'Subscribe', 'enable JavaScript']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('separates blocks with one line break and keeps inline elements joined', () => {
    document.body.innerHTML =
      '<h2>Title</h2><p>Mu <b>Sochua</b> said<br>no.</p><ul><li>One</li><li>Two</li></ul>';
    expect(buildTextIndex(document.body).text).toBe('Title\nMu Sochua said\nno.\nOne\nTwo');
  });

  it('skips closed <details>, Dramatis UI and whatever the caller calls hidden', () => {
    document.body.innerHTML =
      '<details><summary>More</summary><p>Secret</p></details>' +
      '<div data-dramatis-ui>Card</div><p class="ad">Ad</p><p>Kept</p>';
    expect(buildTextIndex(document.body).text).toBe('More\nAd\nKept');
    const custom = buildTextIndex(document.body, { isHidden: (el) => el.className === 'ad' });
    expect(custom.text).toBe('More\nSecret\nCard\nKept');
  });

  it('records each text node at its offset', () => {
    document.body.innerHTML = '<p>ab<i>cd</i></p><p>ef</p>';
    const index = buildTextIndex(document.body);
    expect(index.nodes.map(({ node, start }) => [node.data, start])).toEqual([
      ['ab', 0],
      ['cd', 2],
      ['ef', 5],
    ]);
  });
});

describe('rangeFromOffsets and offsetsFromRange', () => {
  beforeEach(() => {
    document.body.innerHTML =
      '<p>Mao Vibol, head of the <a href="#">CNRP</a>’s committee.</p><p>“They said so,” he said.</p>';
  });

  it('round-trip a quote that spans a link and two paragraphs', () => {
    const index = buildTextIndex(document.body);
    const start = index.text.indexOf('head');
    const end = index.text.indexOf('said so') + 'said so'.length;
    const range = rangeFromOffsets(index, start, end);
    expect(range.toString()).toBe('head of the CNRP’s committee.“They said so');
    expect(offsetsFromRange(index, range)).toEqual({ start, end });
  });

  it('moves offsets on a block break to the text inside the range', () => {
    const index = buildTextIndex(document.body);
    const gap = index.text.indexOf('\n');
    expect(rangeFromOffsets(index, gap, gap + 3).toString()).toBe('“T');
    expect(rangeFromOffsets(index, gap - 3, gap + 1).toString()).toBe('ee.');
  });

  it('places a selection whose ends are element boundaries', () => {
    const index = buildTextIndex(document.body);
    const [first, second] = Array.from(document.querySelectorAll('p'));
    const range = document.createRange();
    range.setStart(first!, 1); // after "Mao Vibol, head of the "
    range.setEnd(second!, 1); // after the whole second paragraph
    const offsets = offsetsFromRange(index, range);
    expect(index.text.slice(offsets!.start, offsets!.end)).toBe(
      'CNRP’s committee.\n“They said so,” he said.',
    );
  });

  it('answers null for a selection of hidden text only', () => {
    document.body.innerHTML = '<p>Seen</p><p hidden>Unseen</p><p>Also seen</p>';
    const index = buildTextIndex(document.body);
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('[hidden]')!);
    expect(offsetsFromRange(index, range)).toBeNull();
  });

  it('refuses offsets outside the text', () => {
    const index = buildTextIndex(document.body);
    expect(() => rangeFromOffsets(index, 5, 2)).toThrow(RangeError);
    expect(() => rangeFromOffsets(index, 0, index.text.length + 1)).toThrow(RangeError);
    expect(() => rangeFromOffsets(buildTextIndex(document.createElement('div')), 0, 0)).toThrow(
      RangeError,
    );
  });
});
