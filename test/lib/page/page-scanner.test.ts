// @vitest-environment happy-dom
/**
 * The page scanner over a real DOM and the seed entities: one lookup round
 * trip per scan, short forms linked once their full name is on the page, and
 * changed or removed blocks followed without rescanning the rest.
 */
import { describe, expect, it, vi } from 'vitest';
import { answerKeys, buildAliasIndex } from '@/lib/match';
import { MAX_LOOKUP_KEYS } from '@/lib/messaging/protocol';
import { PageScanner, type PageMention } from '@/lib/page/page-scanner';
import { SEED_ENTITIES } from '../match/helpers';

const index = buildAliasIndex(SEED_ENTITIES);

function setup(html: string) {
  document.body.innerHTML = html;
  const lookup = vi.fn(async (keys: string[]) => answerKeys(index, keys));
  const marks = new Set<PageMention>();
  const scanner = new PageScanner({
    lookup,
    onChange: (added, removed) => {
      for (const item of removed) marks.delete(item);
      for (const item of added) marks.add(item);
    },
    slicer: () => ({ pause: async () => undefined }),
  });
  const texts = () =>
    [...marks]
      .sort((a, b) => a.range.compareBoundaryPoints(0, b.range))
      .map((item) => item.range.toString());
  return { scanner, lookup, texts };
}

describe('PageScanner', () => {
  it('marks names across inline markup with one lookup for the whole page', async () => {
    const { scanner, lookup, texts } = setup(
      '<p>CNRP Deputy President <b>Mu</b> Sochua said.</p><p>Later Sochua and the CPP spoke.</p>',
    );
    await scanner.scan([document.body]);
    expect(texts()).toEqual(['CNRP', 'Mu Sochua', 'Sochua', 'CPP']);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('links a short form written before its full name once the full name is found', async () => {
    const { scanner, texts } = setup(
      '<p>“I will not leave,” said Phally.</p><p>Meanwhile, Yim Phally, chief of Kokchak commune.</p>',
    );
    await scanner.scan([document.body]);
    expect(texts()).toEqual(['Phally', 'Yim Phally']);
  });

  it('links a waiting short form when its full name arrives in a later scan', async () => {
    const { scanner, lookup, texts } = setup(
      '<p id="a">Nee declined to speculate.</p><div id="live"></div>',
    );
    await scanner.scan([document.body]);
    expect(texts()).toEqual([]);
    const live = document.getElementById('live')!;
    live.innerHTML = '<p>Political analyst Meas Nee disagreed.</p>';
    await scanner.scan([live]);
    expect(texts()).toEqual(['Nee', 'Meas Nee']);
    // Keys already answered are not asked again.
    const asked = lookup.mock.calls[1]![0];
    expect(asked).not.toContain('nee');
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

  it('asks in batches of at most MAX_LOOKUP_KEYS keys', async () => {
    const words = Array.from({ length: MAX_LOOKUP_KEYS + 10 }, (_, i) => `Name${i} Person${i}.`);
    const { scanner, lookup } = setup(`<p>${words.join(' ')}</p>`);
    await scanner.scan([document.body]);
    expect(lookup.mock.calls.length).toBeGreaterThan(1);
    for (const [keys] of lookup.mock.calls)
      expect(keys.length).toBeLessThanOrEqual(MAX_LOOKUP_KEYS);
  });
});
