/**
 * One body named two ways in two documents ("Interior Ministry", "Ministry of
 * the Interior") becomes one organization when the documents are merged.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '@/lib/extract';
import { mergeDocuments } from '@/lib/extract/merge';

const doc = (origin: string, content: string) =>
  extractDocument({ origin, format: 'txt', content });

describe('merging organizations named two ways', () => {
  const { entities } = mergeDocuments([
    doc(
      'a.txt',
      'The Interior Ministry said on Monday that it would publish the figures for the border crossings next week, after weeks of questions from the press about the numbers and the cost of the new fence.',
    ),
    doc(
      'b.txt',
      'A spokesman for the Ministry of the Interior said on Friday that the new border figures showed fewer crossings than in any year since the wall was built, and that more guards would follow.',
    ),
  ]);

  it('makes one organization with the other form as a variant', () => {
    const bodies = entities.filter((e) => e.kind === 'organization' && /Interior/.test(e.name));
    expect(bodies).toHaveLength(1);
    const texts = bodies[0]?.aliases.map((a) => a.text) ?? [];
    expect(texts).toEqual(expect.arrayContaining(['Ministry of the Interior']));
    expect(bodies[0]?.mentions.map((m) => m.doc)).toHaveLength(2);
  });

  it('keeps different bodies apart, a country named in one of them included', () => {
    const { entities: apart } = mergeDocuments([
      doc(
        'c.txt',
        'The Defence Ministry said on Monday that it would buy new ships for the navy, after a long review of the fleet that began three years ago and ended last month.',
      ),
      doc(
        'd.txt',
        'The Ruritanian Interior Ministry said on Friday that it would hire more border guards this year, after the number of crossings rose for the third year running in the south of the country.',
      ),
    ]);
    expect(apart.filter((e) => e.kind === 'organization' && /Ministry/.test(e.name))).toHaveLength(
      2,
    );
  });
});
