/**
 * Names found by weighing evidence: gazetteer given names and places, titles
 * with objects, honorifics, ages, sentence ends. Every article here is invented.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '@/lib/extract';
import type { Entity } from '@/lib/model/bundle-format';
import { foldName, givenNameGender, placeKind } from '@/lib/extract/gazetteer';
import { isNameLikeWord } from '@/lib/extract/name-evidence';

const ARTICLE = `Harbour towns weigh a new ferry levy

The regional assembly voted on the ferry levy late on Tuesday after a long debate about the referendum. Following the vote, Tomasz Brzezicki and Aiko Tanaka arrived at the harbour to meet fishermen.

Secretary of Agriculture Marta Lindqvist said the levy would fund new piers in Portugal and Kenya. The Mayor of Lisbon, Duarte Valadares, welcomed the plan.

Gwendolyn Fairbairn, 71, a retired nurse, said the ferries were already too dear. Tan Sri Razali Hamdan, who chairs the ferry board, promised a review.

Karim al-Hashemi, a shipping analyst, said Brzezicki's plan had support. The CEO of the ferry line declined to comment.`;

const doc = extractDocument({ origin: 'ferry-levy.txt', format: 'txt', content: ARTICLE });
const named = (name: string): Entity | undefined => doc.entities.find((e) => e.name === name);

describe('people without a title or speech verb', () => {
  it('finds names that open with a known given name', () => {
    expect(named('Tomasz Brzezicki')?.kind).toBe('person');
    expect(named('Aiko Tanaka')?.kind).toBe('person');
  });
  it('keeps a possessive second reference on its person, without the s', () => {
    const aliases = named('Tomasz Brzezicki')?.aliases.map((a) => a.text) ?? [];
    expect(aliases).toContain('Brzezicki');
    expect(doc.entities.map((e) => e.name)).not.toContain('Brzezickis');
  });
  it('keeps a particle joined to a family name', () => {
    expect(named('Karim al-Hashemi')?.kind).toBe('person');
  });
});

describe('titles, honorifics and sentence ends stay out of names', () => {
  it('cuts a title with its object off the name and keeps it as the role', () => {
    const marta = named('Marta Lindqvist');
    expect(marta?.kind).toBe('person');
    expect(marta?.roles.map((r) => r.title)).toContain('Secretary of Agriculture');
    expect(doc.entities.some((e) => /of Agriculture|Secretary/.test(e.name))).toBe(false);
  });
  it('reads "the Mayor of X, Name" as a role and makes no person of the title', () => {
    expect(named('Duarte Valadares')?.roles.map((r) => r.title)).toContain('Mayor of Lisbon');
    expect(doc.entities.some((e) => e.kind === 'person' && /Lisbon|Mayor/.test(e.name))).toBe(
      false,
    );
  });
  it('keeps a two-word honorific as an alias, not as part of the name', () => {
    const razali = named('Razali Hamdan');
    expect(razali?.kind).toBe('person');
    expect(razali?.aliases.map((a) => a.text)).toContain('Tan Sri Razali Hamdan');
  });
  it('reads the apposition after an age as the role', () => {
    expect(named('Gwendolyn Fairbairn')?.roles.map((r) => r.title)).toContain('a retired nurse');
  });
  it('never joins the words on both sides of a sentence end', () => {
    expect(doc.entities.some((e) => /Following/.test(e.name))).toBe(false);
  });
  it('makes no organization of a job written in capitals', () => {
    expect(named('CEO')).toBeUndefined();
  });
});

describe('places from the gazetteers', () => {
  it('types countries as places', () => {
    expect(named('Portugal')?.kind).toBe('place');
    expect(named('Kenya')?.kind).toBe('place');
  });
});

describe('gazetteer lookups', () => {
  it('folds accents and letters Unicode does not decompose', () => {
    expect(foldName('Rafał Łukasz')).toBe('rafal lukasz');
    expect(foldName('José')).toBe('jose');
  });
  it('knows given names, countries, regions and main cities', () => {
    expect(givenNameGender('Marta')).toBe('female');
    expect(givenNameGender('Xqzv')).toBeNull();
    expect(placeKind('Kenya')).toBe('country');
    expect(placeKind('U.S.')).toBe('country');
    expect(placeKind('Ohio')).toBe('region');
    expect(placeKind('Lisbon')).not.toBeNull();
  });
  it('reads function words and titles as no name parts, even when a list holds them', () => {
    expect(isNameLikeWord('Said')).toBe(false);
    expect(isNameLikeWord('Minister')).toBe(false);
    expect(isNameLikeWord('Kenya')).toBe(false);
    expect(isNameLikeWord('Lindqvist')).toBe(true);
  });
});

describe('the headline', () => {
  const body =
    'Officials counted ballots through the night in the capital, and observers said the count was calm and orderly. Results are due by the end of the week, the electoral board said on Monday.';
  const extract = (headline: string) =>
    extractDocument({ origin: 'vote.txt', format: 'txt', content: `${headline}\n\n${body}` });
  it('takes names from a headline written like a sentence', () => {
    const doc = extract('Chile counts votes as rivals trade blame over turnout');
    expect(doc.entities.find((e) => e.name === 'Chile')?.kind).toBe('place');
  });
  it('takes nothing from a headline in title case, whose capitals are not names', () => {
    const doc = extract('Chile Counts Votes As Rivals Trade Blame Over Turnout');
    expect(doc.entities.filter((e) => /Counts|Rivals|Blame/.test(e.name))).toEqual([]);
  });
});

describe('family names as second-reference aliases', () => {
  it('gives a full name its family name, particles included, as a short alias', () => {
    const content = `${ARTICLE}\n\nPieter de Wolde, a harbour pilot, said the piers were overdue.`;
    const more = extractDocument({ origin: 'ferry-2.txt', format: 'txt', content });
    const short = (name: string) =>
      more.entities
        .find((e) => e.name === name)
        ?.aliases.filter((a) => a.form === 'short')
        .map((a) => a.text);
    expect(short('Marta Lindqvist')).toContain('Lindqvist');
    expect(short('Pieter de Wolde')).toContain('de Wolde');
  });
});

describe('describing words and titles without a name', () => {
  const content = `Tennis: a long match on the outer courts

The seeded player lost to unseeded Canadian Tomasz Brzezicki, who reached his first semi-final on Friday after a long match.

Officials said the 2031 General Election would be held in spring, and the Norwegian Aiko Tanaka agreed with them in a statement.`;
  const doc = extractDocument({ origin: 'tennis.txt', format: 'txt', content });
  const names = doc.entities.map((e) => e.name);
  it('keeps a nationality before a name out of the name', () => {
    expect(names).toContain('Tomasz Brzezicki');
    expect(names.some((n) => n.startsWith('Canadian'))).toBe(false);
  });
  it('makes no person of the word after a rank-like title ("General Election")', () => {
    expect(names).not.toContain('Election');
  });
});

describe('places without a place word', () => {
  const content = `Observatory team confirms a new planet

The Wollumbin-based team confirmed the discovery on Monday after months of careful measurement at the observatory near Karrabee, the university said.

The findings were published in a journal and will be presented to other astronomers at a meeting next year in the spring.`;
  const doc = extractDocument({ origin: 'planet.txt', format: 'txt', content });
  const kindOf = (name: string) => doc.entities.find((e) => e.name === name)?.kind;
  it('reads the name before "-based" as a place, without the suffix', () => {
    expect(kindOf('Wollumbin')).toBe('place');
    expect(doc.entities.some((e) => e.name.includes('-based'))).toBe(false);
  });
  it('reads an unknown name after "near" as a place', () => {
    expect(kindOf('Karrabee')).toBe('place');
  });
});

describe('people who share a name', () => {
  const content = `Two princes attend the summit

Crown Prince Mohammed bin Rashid and Prince Mohammed bin Faisal arrived at the summit on Sunday, officials said, and the talks began soon after their arrival.

Mohammed told reporters the talks were useful, according to a statement released by the delegation later that evening.`;
  const doc = extractDocument({ origin: 'princes.txt', format: 'txt', content });
  const people = doc.entities.filter((e) => e.kind === 'person');
  it('keeps two people with the same given name apart', () => {
    expect(people.map((e) => e.name)).toEqual(
      expect.arrayContaining(['Mohammed bin Rashid', 'Mohammed bin Faisal']),
    );
  });
  it('links a bare shared given name to neither, and gives a patronymic no family-name alias', () => {
    for (const e of people) {
      expect(e.aliases.map((a) => a.text)).not.toContain('Mohammed');
      expect(e.aliases.filter((a) => a.form === 'short').map((a) => a.text)).not.toContain(
        e.name.split(' ').pop(),
      );
    }
  });
});

describe('one organization named two ways', () => {
  it('makes "Fisheries Ministry" and "Ministry of Fisheries" one organization', () => {
    const content = `Quota talks resume

The Ministry of Fisheries said on Monday that quota talks would resume next week, after a pause of two months over the size of the catch.

A Fisheries Ministry spokesman said the talks would be held in the capital and that all the boat owners had been invited to attend them.`;
    const doc = extractDocument({ origin: 'quota.txt', format: 'txt', content });
    const bodies = doc.entities.filter(
      (e) => e.kind === 'organization' && /Fisheries/.test(e.name),
    );
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.aliases.map((a) => a.text)).toEqual(
      expect.arrayContaining(['Ministry of Fisheries', 'Fisheries Ministry']),
    );
  });
});

describe('a list of titled names', () => {
  const content = `New cabinet sworn in

The new cabinet comprised Minister of Fisheries Jonas Veldhuis, Minister of Ports Datuk Seri Razali Hamdan, and several deputy ministers who were sworn in on Monday.

The ceremony was held at the palace and lasted about an hour, officials said after it ended in the afternoon.`;
  const doc = extractDocument({ origin: 'cabinet.txt', format: 'txt', content });
  const roles = (name: string) =>
    doc.entities.find((e) => e.name === name)?.roles.map((r) => r.title) ?? [];
  it('gives each person the title before their own name, not the next list item', () => {
    expect(roles('Jonas Veldhuis')).toEqual(['Minister of Fisheries']);
    expect(roles('Razali Hamdan')).toEqual(['Minister of Ports']);
  });
  it('keeps the honorific between a title and the name as an alias', () => {
    const razali = doc.entities.find((e) => e.name === 'Razali Hamdan');
    expect(razali?.aliases.map((a) => a.text)).toContain('Datuk Seri Razali Hamdan');
  });
});

describe('roles from the body and from captions', () => {
  it('keeps the role the body states when a caption gives another', () => {
    const content = `Harbour board meets

Pictured: Jonas Veldhuis, a former nurse, at the harbour on Monday.

Harbour board chairman Jonas Veldhuis said the new piers would open in the spring, and the board agreed to pay for them over three years.`;
    const doc = extractDocument({ origin: 'board.txt', format: 'txt', content });
    const jonas = doc.entities.find((e) => e.name === 'Jonas Veldhuis');
    expect(jonas?.roles.map((r) => r.title)).toEqual(['Harbour board chairman']);
  });
});

describe('listeners and place prefixes', () => {
  const content = `Garrison visit planned

The minister will visit soldiers at Fort Carrick on Friday, a spokesman told Harbour Weekly, and will meet their families afterwards in the town.

The visit was planned months ago and will go ahead despite the weather, the spokesman said in a statement on Thursday evening.`;
  const doc = extractDocument({ origin: 'garrison.txt', format: 'txt', content });
  const kindOf = (name: string) => doc.entities.find((e) => e.name === name)?.kind;
  it('reads the outlet someone "told" as an organization, not a speaker', () => {
    expect(kindOf('Harbour Weekly')).toBe('organization');
  });
  it('reads "Fort …" as a place even when the next word is a given name', () => {
    expect(kindOf('Fort Carrick')).toBe('place');
  });
});
