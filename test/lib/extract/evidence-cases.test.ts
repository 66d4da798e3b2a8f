/**
 * Smaller evidence rules, each on an invented paragraph: a person "of" a place
 * or body, a month that is a surname, "...more" teasers, a source cut off
 * mid-word, and head words of academies and firms.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument, type ExtractedDocument } from '@/lib/extract';
import { entityNamed } from './helpers';

function extract(content: string): ExtractedDocument {
  return extractDocument({ origin: 'case.txt', format: 'txt', content });
}

const kinds = (doc: ExtractedDocument): Record<string, string> =>
  Object.fromEntries(doc.entities.map((e) => [e.name, e.kind]));

describe('a person "of" a place or a body', () => {
  const doc = extract(
    [
      'Two senators — Halvard Jorgensen of Kentucky and Mirela Vasquez of Vermont — voted against the measure on Tuesday after a long night of talks in the chamber.',
      'Analyst Tomas Reyes of Brackwater Capital Markets said the vote would not move the bond markets much before the summer recess.',
      'Alongside Sens. Peter Alvarado of Ohio and Grace Whitlow of Nevada, the group asked for another day of debate on the spending bill.',
    ].join('\n'),
  );

  it('splits the name from where the person is from', () => {
    expect(kinds(doc)).toMatchObject({
      'Halvard Jorgensen': 'person',
      'Mirela Vasquez': 'person',
      Kentucky: 'place',
      Vermont: 'place',
      'Tomas Reyes': 'person',
      'Brackwater Capital Markets': 'organization',
      'Peter Alvarado': 'person',
      Ohio: 'place',
    });
    expect(doc.entities.map((e) => e.name)).not.toContain('Halvard Jorgensen of Kentucky');
  });

  it('keeps a plural title abbreviation inside the sentence', () => {
    expect(entityNamed(doc, 'Peter Alvarado').roles.map((r) => r.title)).toContain('Sens.');
  });

  it('leaves bodies named "X of Y" whole', () => {
    const bank = extract(
      'The Bank of Ruritania raised rates on Monday, and the House of Lords debated the change for a full afternoon session. Lenders said the rise would reach mortgage holders within weeks.',
    );
    expect(bank.entities.map((e) => e.name)).toContain('Bank of Ruritania');
  });
});

describe('months that are surnames', () => {
  it('keeps "May" after a given name, and reads "May 24" as a date', () => {
    const doc = extract(
      'Prime Minister Theodora May reacts as she delivers a statement announcing her plans, in London, May 24. May is expected to stay on until the summer, when her party will choose a new leader at its conference.',
    );
    expect(entityNamed(doc, 'Theodora May').kind).toBe('person');
    expect(doc.entities.map((e) => e.name)).not.toContain('Theodora');
  });
});

describe('months that are given names', () => {
  it('reads "Jan" and "April" before a surname as given names, and "In May" as a month', () => {
    const doc = extract(
      'Home team Brackwater drew after goalkeeper Jan Oblonski blocked a late shot on Saturday. In May Ostraven won the cup, and April Kowalczyk, the captain, said the team would win again next season.',
    );
    expect(entityNamed(doc, 'Jan Oblonski').kind).toBe('person');
    expect(entityNamed(doc, 'April Kowalczyk').kind).toBe('person');
    expect(doc.entities.map((e) => e.name).join('|')).not.toMatch(/May Ostraven/);
  });
});

describe('captions and cut-off sources', () => {
  it('keeps the finished sentences of a caption cut short with "...more"', () => {
    const doc = extract(
      [
        'Photos of the week',
        'Fishermen haul their nets onto the beach at dawn as the storm season begins along the northern coast of the island, May 19.',
        'Volunteers climb the greased pole at the Ostraven Naval Academy in Annapolis, Maryland, May 20. The cadet who reaches the top replaces...more',
        'Tamsin Ekwueme, 17, a goalkeeper, trains with her friends outside her house in Yaounde, Cameroon. She never gave up her dream...more',
      ].join('\n'),
    );
    expect(kinds(doc)).toMatchObject({
      'Ostraven Naval Academy': 'organization',
      Maryland: 'place',
      'Tamsin Ekwueme': 'person',
      Cameroon: 'place',
    });
  });

  it('keeps the names of a last sentence cut off mid-word, but not the cut word', () => {
    const doc = extract(
      [
        'The council met on Monday to approve the budget for the coming year, after weeks of argument between the parties about the cost of the new bridge.',
        'Among those voting against were Councillor Ruth Abernathy and Councillor Dariusz Kowalczy',
      ].join('\n'),
    );
    expect(entityNamed(doc, 'Ruth Abernathy').kind).toBe('person');
    expect(doc.entities.map((e) => e.name).join(' ')).not.toMatch(/Kowalczy/);
  });
});

describe('company names from a list of companies', () => {
  const doc = extract(
    'Activision said on Monday that it would cut prices, and a partner, Accenture, will run the new service. Activision Cloud, its streaming product, launches in spring across four markets in Europe and Asia.',
  );

  it('makes a one-word company an organization, with no other cue', () => {
    expect(entityNamed(doc, 'Activision').kind).toBe('organization');
    expect(entityNamed(doc, 'Accenture').kind).toBe('organization');
  });

  it('never makes a person of a product named after a company', () => {
    expect(doc.entities.filter((e) => e.kind === 'person').map((e) => e.name)).toEqual([]);
  });
});

describe('roles from nouns for people', () => {
  const doc = extract(
    'Ostraven astrophysicist Petra Lind said the comet would return within a decade, and her cousin, Mara Lind, a cartographer, drew the maps for the new atlas that the museum will publish next spring.',
  );

  it('reads a job no title list holds as the role before a name and in an apposition', () => {
    expect(entityNamed(doc, 'Petra Lind').roles.map((r) => r.title)).toContain(
      'Ostraven astrophysicist',
    );
    expect(entityNamed(doc, 'Mara Lind').roles.map((r) => r.title)).toContain('a cartographer');
  });
});

describe('events, holidays, sentence-opening jobs and saints’ colleges', () => {
  const doc = extract(
    [
      'A competitor at the Ostraven Beard Championships poses before the final on Saturday, a day after the Harbour Arts Festival closed with a parade through the old town.',
      'Goalkeeper Marek Oblonski saved two penalties, and Marshal Jorund Halvik opened the session on Christmas Eve.',
      'She studied at St Anselm’s College before she joined the newspaper as a reporter in the capital.',
    ].join('\n'),
  );

  it('makes no person of an event or a holiday', () => {
    const people = doc.entities.filter((e) => e.kind === 'person').map((e) => e.name);
    expect(people).toEqual(expect.arrayContaining(['Marek Oblonski', 'Jorund Halvik']));
    expect(people.join('|')).not.toMatch(/Championships|Festival|Christmas|Eve|Goalkeeper|Marshal/);
  });

  it('keeps a job opening a sentence, and "Marshal", as the role', () => {
    expect(entityNamed(doc, 'Marek Oblonski').roles.map((r) => r.title)).toContain('Goalkeeper');
    expect(entityNamed(doc, 'Jorund Halvik').roles.map((r) => r.title)).toContain('Marshal');
  });

  it('reads a saint’s possessive inside a college’s name', () => {
    expect(entityNamed(doc, 'St Anselm’s College').kind).toBe('organization');
  });
});

describe('royal styles and surnames that are place words elsewhere', () => {
  const doc = extract(
    'The new ministers were sworn in before the Agong Al-Sultan Idris Rahmat Billah Shah at the palace, with Raja Permaisuri Agong Tunku Hajah Nurul Aisyah Iskandar present. Air Force chief General Tan Sri Mohd Rizal Khan Bakar Khan also attended the ceremony on Saturday.',
  );

  it('drops the royal style from the name and keeps it as the honorific', () => {
    expect(entityNamed(doc, 'Idris Rahmat Billah Shah').kind).toBe('person');
    expect(entityNamed(doc, 'Nurul Aisyah Iskandar').kind).toBe('person');
  });

  it('reads a name ending in Khan as a titled person', () => {
    const rizal = entityNamed(doc, 'Mohd Rizal Khan Bakar Khan');
    expect(rizal.kind).toBe('person');
    expect(rizal.roles.map((r) => r.title).join(' ')).toMatch(/General/);
  });
});
