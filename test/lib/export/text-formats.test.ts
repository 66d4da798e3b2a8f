import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, toMarkdown } from '@/lib/export';
import type { AnnotationRecord } from '@/lib/model/records';

const NAMES: Record<string, string> = { 'person:mu-sochua': 'Mu Sochua', 'org:cnrp': 'CNRP' };
const entityName = (id: string) => NAMES[id];

function saved(id: string, fields: Partial<AnnotationRecord>): AnnotationRecord {
  return {
    id,
    url: 'https://www.phnompenhpost.com/national/push',
    title: 'CNRP alleges local push',
    site: 'www.phnompenhpost.com',
    created: Date.UTC(2017, 10, 7),
    updated: Date.UTC(2017, 10, 7),
    quote: null,
    position: null,
    note: '',
    tags: [],
    entityIds: [],
    ...fields,
  };
}

const quote = (exact: string) => ({
  type: 'TextQuoteSelector' as const,
  exact,
  prefix: '',
  suffix: '',
});

const RECORDS = [
  saved('a', {
    quote: quote('We are willing to do farming instead'),
    note: 'Sochua on *defections*',
    tags: ['land'],
    entityIds: ['person:mu-sochua', 'org:cnrp'],
  }),
  saved('b', {
    url: 'https://www.cambodiadaily.com/speech',
    title: 'Speech',
    site: 'www.cambodiadaily.com',
    created: Date.UTC(2017, 10, 9),
    note: '- not a list item',
  }),
];

describe('toMarkdown', () => {
  it('groups by page with the quote as a blockquote and markup in notes escaped', () => {
    expect(toMarkdown(RECORDS, { groupBy: 'page' }, entityName)).toBe(
      [
        '# Dramatis annotations',
        '',
        '2 annotations.',
        '',
        '## [CNRP alleges local push](https://www.phnompenhpost.com/national/push)',
        '',
        '> We are willing to do farming instead',
        '',
        'Sochua on \\*defections\\*',
        '',
        '— 2017-11-07 · tags: land · about: Mu Sochua, CNRP',
        '',
        '## [Speech](https://www.cambodiadaily.com/speech)',
        '',
        '\\- not a list item',
        '',
        '— 2017-11-09',
        '',
      ].join('\n'),
    );
  });

  it('groups by entity, an annotation under each of its entities, the rest last', () => {
    const markdown = toMarkdown(RECORDS, { groupBy: 'entity' }, entityName);
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## CNRP',
      '## Mu Sochua',
      '## Not linked to a person or organization',
    ]);
    expect(markdown).toContain(
      '— 2017-11-07 · [CNRP alleges local push](https://www.phnompenhpost.com/national/push) · tags: land',
    );
  });
});

describe('toCsv', () => {
  it('writes RFC 4180 rows with CRLF, quoting commas, quotes and line breaks', () => {
    const csv = toCsv(
      [
        saved('a', {
          quote: quote('He said, "no"\nand left'),
          tags: ['land', 'courts'],
          entityIds: ['org:cnrp', 'x:1'],
        }),
      ],
      entityName,
    );
    expect(csv).toBe(
      'id,created,updated,url,title,site,quote,note,tags,entities,entity ids\r\n' +
        'a,2017-11-07T00:00:00.000Z,2017-11-07T00:00:00.000Z,https://www.phnompenhpost.com/national/push,CNRP alleges local push,www.phnompenhpost.com,"He said, ""no""\nand left",,land; courts,CNRP; x:1,org:cnrp; x:1\r\n',
    );
  });

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['plain', 'plain'],
    ['a = b', 'a = b'],
    ['', ''],
  ])('defuses %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('toMarkdown and hostile addresses', () => {
  const hostile = (url: string): AnnotationRecord => ({ ...RECORDS[0]!, url, title: 'Story' });

  it('never writes a link to anything but an http(s) address', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'urn:x-hypothesis:1']) {
      const markdown = toMarkdown([hostile(url)], { groupBy: 'page' }, entityName);
      expect(markdown).not.toMatch(/\]\((?:javascript|data|urn):/i);
      expect(markdown).toContain('Story (`');
    }
  });

  it('keeps a page address that carries Markdown inside its one link target', () => {
    const url = 'https://news.example/a)[Open the original](javascript:alert(1))';
    const markdown = toMarkdown([hostile(url)], { groupBy: 'entity' }, entityName);
    expect(markdown).not.toMatch(/\]\(javascript:/i);
    expect(markdown).toContain(
      '[Story](https://news.example/a%29%5BOpen%20the%20original%5D%28javascript:alert%281%29%29)',
    );
  });
});
