// @vitest-environment happy-dom
/**
 * The page scanner over a real DOM and the seed entities, with the background's
 * half (lib/match/page-text.ts) answering from an in-memory index: one round
 * trip per scan, short forms linked once their full name is on the page, and
 * changed or removed blocks followed without rescanning the rest.
 */
import { describe, expect, it, vi } from 'vitest';
import { answerKeys, buildAliasIndex } from '@/lib/match';
import { matchJoinedPageTexts } from '@/lib/match/page-text';
import { splitPageTexts } from '@/lib/match/page-text-codec';
import { MAX_MATCH_TEXTS } from '@/lib/messaging/protocol';
import { MATCH_BATCH_CHARS, PageScanner, pieces, type PageMention } from '@/lib/page/page-scanner';
import { SEED_ENTITIES } from '../match/helpers';

const index = buildAliasIndex(SEED_ENTITIES);

function setup(html: string) {
  document.body.innerHTML = html;
  const match = vi.fn((joined: string, confirmed: string[]) =>
    matchJoinedPageTexts(joined, confirmed, async (keys) => answerKeys(index, keys)),
  );
  /** The texts of each request, in order. */
  const sent = () => match.mock.calls.map(([joined]) => splitPageTexts(joined));
  const marks = new Set<PageMention>();
  const scanner = new PageScanner({
    match,
    onChange: (added, removed) => {
      for (const item of removed) marks.delete(item);
      for (const item of added) marks.add(item);
    },
    slicer: () => ({ due: () => false, pause: async () => undefined }),
  });
  const texts = () =>
    [...marks]
      .sort((a, b) => a.range.compareBoundaryPoints(0, b.range))
      .map((item) => item.range.toString());
  return { scanner, match, sent, texts };
}

describe('PageScanner', () => {
  it('marks names across inline markup with one round trip for the whole page', async () => {
    const { scanner, match, texts } = setup(
      '<p>CNRP Deputy President <b>Mu</b> Sochua said.</p><p>Later Sochua and the CPP spoke.</p>',
    );
    await scanner.scan([document.body]);
    expect(texts()).toEqual(['CNRP', 'Mu Sochua', 'Sochua', 'CPP']);
    expect(match).toHaveBeenCalledTimes(1);
  });

  it('links a short form written before its full name once the full name is found', async () => {
    const { scanner, texts } = setup(
      '<p>“I will not leave,” said Phally.</p><p>Meanwhile, Yim Phally, chief of Kokchak commune.</p>',
    );
    await scanner.scan([document.body]);
    expect(texts()).toEqual(['Phally', 'Yim Phally']);
  });

  it('links a waiting short form when its full name arrives in a later scan', async () => {
    const { scanner, sent, texts } = setup(
      '<p id="a">Nee declined to speculate.</p><div id="live"></div>',
    );
    await scanner.scan([document.body]);
    expect(texts()).toEqual([]);
    const live = document.getElementById('live')!;
    live.innerHTML = '<p>Political analyst Meas Nee disagreed.</p>';
    await scanner.scan([live]);
    expect(texts()).toEqual(['Nee', 'Meas Nee']);
    // Only the changed part of the page is sent again.
    // Compacted as it is walked: lower-case prose goes as one DEL (page-text-codec.ts).
    expect(sent()[1]).toEqual(['Political \u007f Meas Nee \u007f.']);
  });

  it('rescans a changed block and forgets text that left the page', async () => {
    const { scanner, texts } = setup(
      '<p id="a">Hun Sen spoke.</p><p id="b">Mu Sochua replied.</p>',
    );
    await scanner.scan([document.body]);
    document.getElementById('a')!.textContent = 'Town Governor So Platong spoke.';
    document.getElementById('b')!.remove();
    await scanner.scan([document.getElementById('a')!]);
    expect(texts()).toEqual(['So Platong']);
  });

  it('finds the mention under a text position, and lists mentions in page order', async () => {
    const { scanner } = setup('<p>Hun Sen and <i>Mu</i> Sochua</p>');
    await scanner.scan([document.body]);
    const sochua = document.querySelector('i')!.firstChild!;
    expect(scanner.mentionAt(sochua, 1)?.mention.name).toBe('Mu Sochua');
    expect(scanner.mentionAt(document.querySelector('p')!.firstChild!, 9)).toBeNull(); // "and"
    expect(scanner.mentionsInOrder().map((item) => item.mention.text)).toEqual([
      'Hun Sen',
      'Mu Sochua',
    ]);
  });

  it("makes a mention's range only when it is asked for, from the text as walked", async () => {
    const { scanner } = setup('<p>Hun Sen spoke.</p><p id="b">Mu <i>Sochua</i> replied.</p>');
    const createRange = vi.spyOn(document, 'createRange');
    await scanner.scan([document.body]);
    expect(createRange).not.toHaveBeenCalled();
    const [first, second] = scanner.allMentions();
    expect(second!.range.toString()).toBe('Mu Sochua');
    expect(createRange).toHaveBeenCalledTimes(1);
    expect(second!.range).toBe(second!.range);
    expect(first!.range.toString()).toBe('Hun Sen');
    expect(createRange).toHaveBeenCalledTimes(2);
    createRange.mockRestore();
  });

  it('gives a collapsed range, left out of the page order, for text gone before it was drawn', async () => {
    const { scanner } = setup('<p id="a">Hun Sen spoke.</p><p>Mu Sochua replied.</p>');
    await scanner.scan([document.body]);
    const gone = scanner.allMentions().find((item) => item.mention.text === 'Hun Sen')!;
    document.getElementById('a')!.remove();
    expect(gone.range.collapsed).toBe(true);
    expect(scanner.mentionsInOrder().map((item) => item.mention.text)).toEqual(['Mu Sochua']);
  });

  it('sends a long page in requests of at most MATCH_BATCH_CHARS characters and marks it all', async () => {
    const paragraph = `<p>${'The commune chief said nothing more that day. '.repeat(60)}Mu Sochua spoke.</p>`;
    const count = Math.ceil((MATCH_BATCH_CHARS * 2.5) / 2_800);
    const { scanner, match, sent, texts } = setup(paragraph.repeat(count));
    await scanner.scan([document.body]);
    expect(match.mock.calls.length).toBeGreaterThanOrEqual(3);
    for (const texts of sent()) {
      const chars = texts.reduce((sum, text) => sum + text.length, 0);
      expect(chars).toBeLessThanOrEqual(MATCH_BATCH_CHARS);
    }
    expect(texts()).toEqual(Array.from({ length: count }, () => 'Mu Sochua'));
  });

  it("marks the right names after a block holding the separator's character", async () => {
    const { scanner, sent, texts } = setup('<p>Hun Sen\u001e and</p><p>Later Mu Sochua spoke.</p>');
    await scanner.scan([document.body]);
    expect(sent()[0]).toHaveLength(2);
    expect(texts()).toEqual(['Hun Sen', 'Mu Sochua']);
  });

  it('sends at most MAX_MATCH_TEXTS blocks per request, however short they are', async () => {
    const { scanner, sent } = setup('<p>Hun Sen</p>'.repeat(MAX_MATCH_TEXTS + 5));
    await scanner.scan([document.body]);
    expect(sent().map((texts) => texts.length)).toEqual([MAX_MATCH_TEXTS, 5]);
    const found = scanner.allMentions();
    expect(found).toHaveLength(MAX_MATCH_TEXTS + 5);
    expect(found.at(-1)!.range.toString()).toBe('Hun Sen');
  });

  it('cuts one block longer than a request into pieces without cutting a name', async () => {
    const sentence =
      'Later Mu Sochua and Hun Sen of the Cambodian People’s Party met in Siem Reap. ';
    const block = sentence.repeat(Math.ceil((MATCH_BATCH_CHARS * 2.2) / sentence.length));
    const { scanner, match, texts } = setup(`<p>${block}</p>`);
    await scanner.scan([document.body]);
    expect(match.mock.calls.length).toBeGreaterThanOrEqual(3);
    const found = texts();
    const perSentence = ['Mu Sochua', 'Hun Sen', 'Cambodian People’s Party', 'Siem Reap'];
    expect(found).toHaveLength(perSentence.length * (block.length / sentence.length));
    expect(new Set(found)).toEqual(new Set(perSentence));
  });
});

describe('pieces', () => {
  it('keeps a short text whole', () => {
    expect(pieces('Hun Sen spoke.', 100)).toEqual([{ offset: 0, text: 'Hun Sen spoke.' }]);
  });

  it('cuts after a full stop, else before a lower-case word, and the pieces join back', () => {
    const text = 'Hun Sen spoke at length. Mu Sochua replied to him and to Meas Nee';
    const cut = pieces(text, 30);
    expect(cut.map((piece) => piece.text)).toEqual([
      'Hun Sen spoke at length. ',
      'Mu Sochua replied to him and ',
      'to Meas Nee',
    ]);
    for (const piece of cut) expect(text.slice(piece.offset).startsWith(piece.text)).toBe(true);
    expect(cut.map((piece) => piece.text).join('')).toBe(text);
  });

  it('cuts hard where nothing else fits', () => {
    expect(pieces('ABCDEFGHIJ', 4).map((piece) => piece.text)).toEqual(['ABCD', 'EFGH', 'IJ']);
  });
});
