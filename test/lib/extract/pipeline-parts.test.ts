/** The pipeline's parts on small inputs: rejection of non-articles, sentences, chrome, aliases, merging. */
import { describe, expect, it } from 'vitest';
import { extractDocument, mergeDocuments, SourceError } from '@/lib/extract';
import { splitSentences } from '@/lib/extract/sentences';
import { removeBoilerplate, stripCredit } from '@/lib/extract/boilerplate';
import { acronymMatches, isAmbiguousAlias, isSpellingVariant, slugOf } from '@/lib/extract/aliases';
import { findDate } from '@/lib/extract/dates';
import { entityNamed, extractFile } from './helpers';

const prose = (s: string) => extractDocument({ origin: 'inline.txt', format: 'txt', content: s });

describe('rejecting sources that are not news articles', () => {
  it.each([
    ['empty', '   \n  ', /empty/],
    ['binary', 'PK\u0003\u0004\u0000\u0000 some zip bytes', /binary/],
    ['mojibake', '\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD text \uFFFD\uFFFD', /UTF-8/],
    ['a menu', 'Home\nNews\nSports\nWeather\nContact us', /no news article/],
    ['too short', 'Headline | Site\n\nThe mayor resigned on Monday.', /no news article/],
  ])('%s', (_, content, message) => {
    expect(() => prose(content)).toThrow(SourceError);
    expect(() => prose(content)).toThrow(message);
    expect(() => prose(content)).toThrow(/^inline\.txt: /);
  });
});

describe('sentences', () => {
  const split = (t: string) =>
    splitSentences(t, [{ start: 0, end: t.length, header: false }]).map((s) =>
      t.slice(s.start, s.end),
    );
  it('does not end a sentence at news abbreviations and initials', () => {
    expect(
      split(
        'Sen. Elizabeth Warren met Gen. Mark Milley and Mr. J. Smith in the U.S. Capitol on Jan. 5. They talked.',
      ),
    ).toEqual([
      'Sen. Elizabeth Warren met Gen. Mark Milley and Mr. J. Smith in the U.S. Capitol on Jan. 5.',
      'They talked.',
    ]);
  });
  it('ends a sentence after a closing quote and after U.S. before a sentence opener', () => {
    expect(split('“We will win,” he said. She left for the U.S. The talks ended.')).toEqual([
      '“We will win,” he said.',
      'She left for the U.S.',
      'The talks ended.',
    ]);
  });
});

describe('boilerplate', () => {
  it('strips photo credits after captions, not sentence ends', () => {
    expect(stripCredit('The minister speaks in parliament on Monday. AFP')).toBe(
      'The minister speaks in parliament on Monday.',
    );
    expect(stripCredit('Crowds gather outside the court. Photo: Jane Doe')).toBe(
      'Crowds gather outside the court.',
    );
    expect(stripCredit('He said he would resign.')).toBe('He said he would resign.');
  });
  it('reads the date line and byline, drops labels and the footer', () => {
    const body =
      'The council met on Monday to debate the proposed budget for the coming year in full.';
    const out = removeBoilerplate(
      [
        'Politics',
        'Updated 5 March 2020 | 10:00 GMT',
        'By Ann Lee and Bo Chan',
        body,
        'Contact us for reprints',
        'Tel: +1 555 0100 222',
      ],
      [],
    );
    expect(out).toMatchObject({
      body: [body],
      published: '2020-03-05',
      byline: ['Ann Lee', 'Bo Chan'],
      bylineLine: 'By Ann Lee and Bo Chan',
    });
  });
  it('parses dates in newsroom formats', () => {
    expect(findDate('Nov. 7, 2017')?.iso).toBe('2017-11-07');
    expect(findDate('7th November 2017')?.iso).toBe('2017-11-07');
    expect(findDate('2017-11-07T06:41:00+07:00')?.iso).toBe('2017-11-07T06:41:00+07:00');
  });
});

describe('aliases', () => {
  it('matches acronyms to initials, skipping or counting connectors', () => {
    expect(acronymMatches('CNRP', ['Cambodia', 'National', 'Rescue', 'Party'])).toBe(true);
    expect(acronymMatches('CPP', ['Cambodian', 'People’s', 'Party'])).toBe(true);
    expect(acronymMatches('MOI', ['Ministry', 'of', 'Interior'])).toBe(true);
    expect(acronymMatches('MI', ['Ministry', 'of', 'Interior'])).toBe(true);
    expect(acronymMatches('CNN', ['Cambodia', 'National', 'Rescue', 'Party'])).toBe(false);
  });
  it('treats close spellings as variants and different names as different', () => {
    expect(isSpellingVariant('kork chak', 'kokchak')).toBe(true);
    expect(isSpellingVariant('svay rieng', 'siem reap')).toBe(false);
    expect(isSpellingVariant('kandal', 'kampot')).toBe(false);
  });
  it('flags ordinary and short words as ambiguous', () => {
    const none = new Set<string>();
    expect(isAmbiguousAlias('Than', none)).toBe(true);
    expect(isAmbiguousAlias('Sen', none)).toBe(true);
    expect(isAmbiguousAlias('Sochua', none)).toBe(false);
    expect(isAmbiguousAlias('Sochua', new Set(['sochua']))).toBe(true);
    expect(isAmbiguousAlias('Mu Sochua', none)).toBe(false);
  });
  it('links short acronyms alone unless they spell an ordinary word', () => {
    const none = new Set<string>();
    expect(isAmbiguousAlias('CPP', none)).toBe(false);
    expect(isAmbiguousAlias('UN', none)).toBe(false);
    expect(isAmbiguousAlias('US', none)).toBe(true);
    expect(isAmbiguousAlias('WHO', none)).toBe(true);
  });
  it('slugs folded names', () => {
    expect(slugOf('Cambodian People’s Party')).toBe('cambodian-peoples-party');
    expect(slugOf('José Ramos-Horta')).toBe('jose-ramos-horta');
  });
});

describe('mergeDocuments', () => {
  const seed = extractFile('assets/sources/000_2f3c03faae0050a6.txt');
  const followUp = prose(
    'Opposition figure speaks out | Example Times\n\n' +
      'CNRP Deputy President Mu Sochua said on Friday that the party would appeal. “We will not give up,” she said.\n\n' +
      'Sochua added that supporters in Kokchak commune had been questioned by police, and that the Cambodia National Rescue Party would hold a meeting in Siem Reap province.',
  );

  it('makes one profile per entity across documents, sorted by id', () => {
    const { documents, entities } = mergeDocuments([followUp, seed]);
    expect(documents.map((d) => d.id)).toEqual([seed.document.id, followUp.document.id].sort());
    expect(entities.map((e) => e.id)).toEqual([...entities.map((e) => e.id)].sort());
    const sochua = entities.filter((e) => e.name === 'Mu Sochua');
    expect(sochua).toHaveLength(1);
    expect(sochua[0]?.mentions).toHaveLength(2);
    expect(sochua[0]?.quotes.length).toBe(6);
    const cnrp = entities.find((e) => e.id === 'organization:cambodia-national-rescue-party');
    expect(sochua[0]?.related).toContainEqual({ entityId: cnrp?.id, documents: 2 });
  });

  it('merges spelling variants across documents', () => {
    const { entities } = mergeDocuments([seed, followUp]);
    const communes = entities.filter((e) => e.aliases.some((a) => a.key === 'kokchak'));
    expect(communes).toHaveLength(1);
    expect(communes[0]?.mentions.map((m) => m.doc).sort()).toEqual(
      [seed.document.id, followUp.document.id].sort(),
    );
  });

  it('is deterministic whatever the input order', () => {
    expect(JSON.stringify(mergeDocuments([seed, followUp]))).toBe(
      JSON.stringify(mergeDocuments([followUp, seed])),
    );
  });

  it('keeps the same document id for the same content', () => {
    expect(extractFile('assets/sources/000_2f3c03faae0050a6.txt').document.id).toBe(
      seed.document.id,
    );
    expect(entityNamed(seed, 'Mu Sochua').id).toBe('person:mu-sochua');
  });
});

describe('quotes split by their attribution', () => {
  it('joins the two halves of one quoted sentence with an ellipsis', () => {
    const doc = prose(
      'Budget row | Example Daily\n\n' +
        'Finance Minister Ana Ruiz defended the plan in parliament on Wednesday, facing a hostile opposition bench. ' +
        '"We have made hard choices," Ruiz said, "and they will pay off within two years." ' +
        'Opposition leader Tom Berg called the budget a gamble with the savings of ordinary families across the country.',
    );
    const ruiz = entityNamed(doc, 'Ana Ruiz');
    expect(ruiz.quotes.map((q) => q.text)).toEqual([
      'We have made hard choices … and they will pay off within two years.',
    ]);
    const q = ruiz.quotes[0];
    expect(doc.document.text.slice(q?.source.start, q?.source.end)).toMatch(
      /^We have made.*two years\.$/,
    );
    expect(entityNamed(doc, 'Ana Ruiz').roles[0]?.title).toBe('Finance Minister');
  });
});
