/** A quote ends where the speaker's words end, not at the attribution's comma. */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '@/lib/extract';
import { quotesBySpeaker } from './helpers';

function quotes(body: string) {
  const content = `Orchard growers count their losses\n\nBy Nora Venn\n\n${body}`;
  return quotesBySpeaker(extractDocument({ origin: 'orchard.txt', format: 'txt', content }));
}

const LEAD =
  'Growers in the Tamber valley lost most of their early blossom to a late frost this week, ' +
  'the regional farming board said on Thursday.';

describe('where a quote ends', () => {
  it('drops the comma before "said X" and keeps the words', () => {
    expect(
      quotes(
        `${LEAD}\n\n“We lose a crop like this once in ten years, but it hurts every spring,” said Colm Ardley, who grows pears near the river.`,
      ),
    ).toEqual([
      {
        speaker: 'Colm Ardley',
        text: 'We lose a crop like this once in ten years, but it hurts every spring',
      },
    ]);
  });

  it('drops it before "X said" too, and keeps a question mark or a full stop', () => {
    const found = quotes(
      `${LEAD}\n\n“Who insures blossom?” Colm Ardley asked. “Nobody,” Ardley said. “Nobody does.”`,
    );
    expect(found.map((q) => q.text)).toEqual(['Who insures blossom?', 'Nobody', 'Nobody does.']);
  });

  it('still joins a sentence split by its attribution, without the comma', () => {
    const found = quotes(`${LEAD}\n\n“We will replant,” Colm Ardley said, “but not this year.”`);
    expect(found).toEqual([
      { speaker: 'Colm Ardley', text: 'We will replant … but not this year.' },
    ]);
  });
});
