/**
 * Which sources are news articles. Real articles arrive in many layouts (one
 * paragraph per line, hard-wrapped wire copy, live blogs, transcripts, photo
 * captions, OCR'd archive pages) and each is read; pages that are not articles
 * (a menu, code, a table, a shop page) are refused with an error naming what they are.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SourceError } from '@/lib/extract';
import { readDocument } from '@/lib/extract/document';
import { plainTextBlocks } from '@/lib/extract/plain-text';
import { splitSentences } from '@/lib/extract/sentences';

function read(name: string) {
  const path = `test/fixtures/documents/accept/${name}`;
  return readDocument({ origin: name, format: 'txt', content: readFileSync(path, 'utf8') });
}

/** The body paragraphs of a read document, in order. */
function body(name: string): string[] {
  const { document, paragraphs } = read(name);
  return paragraphs.filter((p) => !p.header).map((p) => document.text.slice(p.start, p.end));
}

function refusal(name: string): string {
  const path = `test/fixtures/documents/refuse/${name}`;
  try {
    readDocument({ origin: name, format: 'txt', content: readFileSync(path, 'utf8') });
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return (error as Error).message;
  }
  throw new Error(`${name} was accepted`);
}

describe('accepting real article layouts', () => {
  it('reads one paragraph per line, and keeps a cut-off last sentence without its cut word', () => {
    const paragraphs = body('line-per-paragraph.txt');
    expect(paragraphs).toHaveLength(7);
    expect(paragraphs[0]).toMatch(/^The Tessaly Harbour Authority on Wednesday/);
    expect(paragraphs[2]).toMatch(/^“We cannot keep turning away ships/);
    // The source stops mid-word after "they": every word before the cut is kept, the cut one dropped.
    expect(paragraphs.at(-1)).toMatch(
      /^The authority expects the first dredgers to arrive in the autumn\. /,
    );
    expect(paragraphs.at(-1)).toMatch(/the port’s shipping agents have said they\.$/);
    expect(read('line-per-paragraph.txt').document.title).toBe(
      'Harbour authority approves dredging plan after two-year delay',
    );
  });

  it('joins hard-wrapped lines into their paragraphs and ends a paragraph at a short last line', () => {
    const paragraphs = body('hard-wrapped.txt');
    expect(paragraphs[0]).toBe(
      'Residents of Kettleby voted on Saturday to raise the local levy by a small amount to keep ' +
        'the town library open for at least five more years, overturning a council decision to ' +
        'close it in the spring.',
    );
    expect(paragraphs).toContain(
      'The result was announced by returning officer Marta Quill shortly after midnight.',
    );
    expect(paragraphs.at(-1)).toBe('The council will meet next week to set the new rate.');
    expect(read('hard-wrapped.txt').document.byline).toEqual(['Ilse Norrby']);
  });

  it('keeps every timestamped live-blog entry, each one paragraph even when wrapped', () => {
    const paragraphs = body('live-blog.txt');
    expect(paragraphs.map((p) => /^\d{1,2}: ?\d\d/.exec(p)?.[0])).toEqual([
      '10:42',
      '10:31',
      '10:15',
      '9: 58',
      '9:32',
    ]);
    expect(paragraphs[1]).toContain('at the sports hall and the two secondary schools.');
  });

  it('starts a sentence after a timestamp, a speaker label or a dateline', () => {
    const { document, paragraphs } = read('live-blog.txt');
    const sentences = splitSentences(document.text, paragraphs).map((s) =>
      document.text.slice(s.start, s.end),
    );
    expect(sentences).toContain('10:42');
    expect(sentences.some((s) => s.startsWith('Forecasters at the Marrow Bay'))).toBe(true);
  });

  it('keeps a transcript’s short questions and answers with their labels', () => {
    const paragraphs = body('transcript.txt');
    expect(paragraphs).toContain('Q: When do you expect that?');
    expect(paragraphs).toContain('A: If the autumn rains are normal, by November.');
    expect(paragraphs.filter((p) => /^(?:Q|A|[A-Z]+):/.test(p))).toHaveLength(7);
  });

  it('reads a page of photo captions without their credits', () => {
    const paragraphs = body('captions.txt');
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs.join('\n')).not.toMatch(/REUTERS|AFP|Photo|Katrin Vell|Ana Pell/);
  });

  it('takes a leading "date 2023-…" as the publication date, not part of the headline', () => {
    const { document } = read('leading-date.txt');
    expect(document.published).toBe('2023-06-14');
    expect(document.title).toBe('Ten Songs That Defined the Summer Festival Season');
    expect(document.text).not.toContain('date 2023');
  });

  it('mends an OCR’d archive page: hyphenated line breaks and spaced punctuation', () => {
    const paragraphs = body('ocr-archive.txt');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toContain('last night rejected by a majority of four');
    expect(paragraphs[0]).toContain('Alderman Henry Callow, who moved the rejection, said');
    expect(read('ocr-archive.txt').document.title).toBe('TOWN COUNCIL REJECTS BRIDGE SCHEME');
  });
});

describe('a Markdown source with one paragraph per line, cut off mid-sentence', () => {
  it('keeps the finished sentences of its single block', () => {
    const content = `# Harbour vote\n\n${readFileSync('test/fixtures/documents/accept/line-per-paragraph.txt', 'utf8').split('\n').slice(1).join('\n')}`;
    const { document } = readDocument({ origin: 'harbour.md', format: 'md', content });
    expect(document.text).toContain(
      'The authority expects the first dredgers to arrive in the autumn.',
    );
    expect(document.text).not.toContain('they will');
  });
});

describe('telling paragraph breaks from soft wraps', () => {
  it('joins a line that runs on: lower-case next line, a comma, a trailing "the" or "Mr"', () => {
    expect(
      plainTextBlocks(
        'Headline here\nThe mayor said on Friday that the\nNorth Quay plan was dead.',
      ),
    ).toEqual(['Headline here', 'The mayor said on Friday that the North Quay plan was dead.']);
    expect(plainTextBlocks('Title\nThe talks with Mr\nOkafor ended early.')[1]).toBe(
      'The talks with Mr Okafor ended early.',
    );
  });

  it('keeps a bulleted item apart from a capitalized line after it', () => {
    const blocks = plainTextBlocks(
      'Harbour talks\nThe board met on Monday to discuss the plan.\n• Related: a year on the quay with harbour master Tom Harlow\nAsked what he meant, Roe said nothing.',
    );
    expect(blocks.at(-2)).toBe('• Related: a year on the quay with harbour master Tom Harlow');
    expect(blocks.at(-1)).toBe('Asked what he meant, Roe said nothing.');
  });

  it('keeps a headline first line apart from a capitalized second line', () => {
    expect(
      plainTextBlocks('Rivals meet in the final tonight at the old stadium\nCity News, May 2'),
    ).toEqual(['Rivals meet in the final tonight at the old stadium', 'City News, May 2']);
  });

  it('keeps a subhead ending on a month apart, though "may" would run on', () => {
    expect(plainTextBlocks('Intro line.\nVote set for May\nThe count starts at noon.')).toEqual([
      'Intro line.',
      'Vote set for May',
      'The count starts at noon.',
    ]);
  });

  it('keeps a subhead in sentence case apart from the paragraph after it', () => {
    expect(
      plainTextBlocks(
        'Intro line.\nHow the new rules will affect renters\nThe changes start in May.',
      ),
    ).toEqual([
      'Intro line.',
      'How the new rules will affect renters',
      'The changes start in May.',
    ]);
  });

  it('joins an unfinished prose line to the next even when a name starts it', () => {
    expect(
      plainTextBlocks(
        'Intro line.\n10:05 With most ballots counted, the electoral\nCommission said turnout was high.',
      ),
    ).toEqual([
      'Intro line.',
      '10:05 With most ballots counted, the electoral Commission said turnout was high.',
    ]);
  });

  it('breaks at a line ending a sentence and at a subhead in capitals', () => {
    expect(
      plainTextBlocks(
        'Intro line.\nThe first paragraph ends here.\nWhat Comes Next\nThe second one.',
      ),
    ).toEqual([
      'Intro line.',
      'The first paragraph ends here.',
      'What Comes Next',
      'The second one.',
    ]);
  });
});

describe('hard-wrapped paragraphs between blank lines', () => {
  it('stay whole when a wrapped line happens to end a sentence inside a quote', () => {
    const text =
      'Headline\n\n' +
      '"We have waited long enough for this road to be built, and we will not\n' +
      'wait another winter. Every family on this hill has paid for it twice.\n' +
      'We want the diggers here in May," said the residents\' spokesman.\n\n' +
      'The council said it would reply within a month, after it had studied\n' +
      'the petition.';
    expect(plainTextBlocks(text)).toEqual([
      'Headline',
      '"We have waited long enough for this road to be built, and we will not wait another ' +
        'winter. Every family on this hill has paid for it twice. We want the diggers here in ' +
        'May," said the residents\' spokesman.',
      'The council said it would reply within a month, after it had studied the petition.',
    ]);
  });

  it('never lose or add a letter, whatever the line breaks', () => {
    const letters = (s: string) => s.replace(/[\s,;.-]/g, '');
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'the',
            'Mayor',
            'said',
            'gov-',
            'ernment',
            '10:42',
            'Q:',
            '.',
            ',',
            '\n',
            '\n\n',
            '"',
          ),
          { maxLength: 80 },
        ),
        (words) => {
          const text = words.join(' ');
          expect(letters(plainTextBlocks(text).join(' '))).toBe(letters(text));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('refusing what is not an article, saying what it is', () => {
  it('refuses a navigation menu', () => {
    expect(refusal('navigation.txt')).toBe(
      'navigation.txt: no news article found: it looks like a navigation menu or list of links ' +
        '(22 of 22 lines are short labels); 0 words of sentence prose after removing page chrome (need 30)',
    );
  });

  it('refuses source code even when its comments are sentences', () => {
    expect(refusal('code.txt')).toMatch(
      /^code\.txt: no news article found: it looks like source code \(\d+ of 16 lines are code\)$/,
    );
  });

  it('refuses a table of numbers', () => {
    expect(refusal('number-table.txt')).toMatch(
      /it looks like a table of numbers \(7 of 9 lines are mostly figures\)$/,
    );
  });

  it('refuses a shop’s product page even with a description in sentences', () => {
    expect(refusal('product-page.txt')).toMatch(
      /it looks like a shop's product page \(\d+ prices and \d+ shopping buttons or labels\)$/,
    );
  });

  it('refuses a shop page whose metadata calls it a product, though its buttons are markup', () => {
    const content = readFileSync('test/fixtures/documents/refuse/product-page.html', 'utf8');
    expect(() => readDocument({ origin: 'product-page.html', format: 'html', content })).toThrow(
      /product-page\.html: no news article found: it looks like a shop's product page/,
    );
  });

  it('accepts a results story whose table is most of its lines but which has its own prose', () => {
    const rows = Array.from(
      { length: 14 },
      (_, i) => `${i + 1}. ${40 + i} ${12 - (i % 5)} ${3 + (i % 4)} ${55 - i}`,
    );
    const prose =
      'The league leaders dropped points for the first time in six weeks on Saturday, drawing at ' +
      'home to a side that had not won away all season, while their nearest rivals won twice in ' +
      'four days to close the gap to a single point. The manager said afterwards that his players ' +
      'had been tired after the midweek cup tie and that the pitch, heavy after two days of rain, ' +
      'had not helped a team that likes to pass the ball quickly. The two sides meet again next ' +
      'month in what the home supporters already call the match of the season, and tickets sold ' +
      'out within an hour of going on sale on Monday morning.';
    const content = `League table after the weekend\n${prose}\n${rows.join('\n')}`;
    expect(() => readDocument({ origin: 'table-story.txt', format: 'txt', content })).not.toThrow();
  });

  it('still accepts an article that quotes a few prices and figures', () => {
    const content =
      'Fuel prices climb again\n' +
      'Petrol rose to $1.89 a litre on Monday, the third rise this month, the motoring club said.\n' +
      'Diesel was unchanged at $1.95. Retailers blamed the weaker currency and the cost of shipping.\n' +
      'Figures for the month:\n' +
      'Week 1: 1.81, 1.90\n' +
      'Week 2: 1.84, 1.93\n' +
      'The club’s spokeswoman, Dana Whitlow, said drivers should expect prices to ease by spring.';
    expect(() => readDocument({ origin: 'fuel.txt', format: 'txt', content })).not.toThrow();
  });
});
