/**
 * Smaller evidence rules, each on an invented paragraph: a person "of" a place
 * or body, a month that is a surname, "...more" teasers, a source cut off
 * mid-word, and head words of academies and firms.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument, type ExtractedDocument } from '@/lib/extract';
import { buildAliasIndex, matchText } from '@/lib/match';
import { entityNamed } from './helpers';

function extract(content: string): ExtractedDocument {
  return extractDocument({ origin: 'case.txt', format: 'txt', content });
}

const kinds = (doc: ExtractedDocument): Record<string, string> =>
  Object.fromEntries(doc.entities.map((e) => [e.name, e.kind]));

describe('a person "of" a place or a body', () => {
  const doc = extract(
    [
      'The measure lost the votes of Halvard Jorgensen of Nebraska and Mirela Vasquez of Oregon on Tuesday, after a long night of talks in the chamber about the cost of the bill.',
      'Analyst Tomas Reyes of Brackwater Capital Markets said the vote would not move the bond markets much before the summer recess.',
      'Alongside Sens. Peter Alvarado of Idaho and Grace Whitlow of Montana, the group asked for another day of debate on the spending bill.',
    ].join('\n'),
  );

  it('splits the name from where the person is from', () => {
    expect(kinds(doc)).toMatchObject({
      'Halvard Jorgensen': 'person',
      'Mirela Vasquez': 'person',
      Nebraska: 'place',
      Oregon: 'place',
      'Tomas Reyes': 'person',
      'Brackwater Capital Markets': 'organization',
      'Peter Alvarado': 'person',
      Idaho: 'place',
    });
    expect(doc.entities.map((e) => e.name)).not.toContain('Halvard Jorgensen of Nebraska');
  });

  it('keeps a plural title abbreviation inside the sentence, as each one’s role', () => {
    expect(entityNamed(doc, 'Peter Alvarado').roles.map((r) => r.title)).toContain('Senator');
  });

  it('leaves bodies named "X of Y" whole', () => {
    const bank = extract(
      'The Bank of Ruritania raised rates on Monday, and the House of Elders debated the change for a full afternoon session. Lenders said the rise would reach mortgage holders within weeks.',
    );
    expect(bank.entities.map((e) => e.name)).toContain('Bank of Ruritania');
  });
});

describe('months that are surnames', () => {
  it('keeps "May" after a given name, and reads "May 24" as a date', () => {
    const doc = extract(
      'Finance Minister Theodora May told reporters in Brackwater on May 24 that the budget would be late. May is expected to stay on until the summer, when her party will choose a new leader at its conference.',
    );
    expect(entityNamed(doc, 'Theodora May').kind).toBe('person');
    expect(doc.entities.map((e) => e.name)).not.toContain('Theodora');
  });
});

describe('months that are given names', () => {
  it('reads "Jan" and "April" before a surname as given names, and "In May" as a month', () => {
    const doc = extract(
      'Brackwater held on for a draw on Saturday, and Jan Dvorsky, their keeper, saved a penalty. In May Ostraven won the cup, and April Kowalczyk, the captain, said the team would win again next season.',
    );
    expect(entityNamed(doc, 'Jan Dvorsky').kind).toBe('person');
    expect(entityNamed(doc, 'April Kowalczyk').kind).toBe('person');
    expect(doc.entities.map((e) => e.name).join('|')).not.toMatch(/May Ostraven/);
  });
});

describe('captions and cut-off sources', () => {
  it('keeps the finished sentences of a caption cut short with "...more"', () => {
    const doc = extract(
      [
        'Photos of the week',
        'Fishermen haul their nets onto the beach at dawn as the storm season begins along the northern coast of the island, June 2.',
        'Dancers of the Ostraven Ballet Academy rehearse on the harbour steps in Duluth, Minnesota, June 3. The troupe opens its summer season with...more',
        'Tamsin Ekwueme, 24, a violinist, practises on a rooftop in Bamako, Mali. Her first album comes out in the autumn, and her...more',
      ].join('\n'),
    );
    expect(kinds(doc)).toMatchObject({
      'Ostraven Ballet Academy': 'organization',
      Minnesota: 'place',
      'Tamsin Ekwueme': 'person',
      Mali: 'place',
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
      'Teams from six towns met at the Ostraven Rowing Championships on Saturday, a day after the Harbour Arts Festival closed with a parade through the old town.',
      'Goalkeeper Marek Dvorsky saved two penalties, and Marshal Jorund Halvik opened the session on Christmas Eve.',
      'She studied at St Anselm’s College before she joined the newspaper as a reporter in the capital.',
    ].join('\n'),
  );

  it('makes no person of an event or a holiday', () => {
    const people = doc.entities.filter((e) => e.kind === 'person').map((e) => e.name);
    expect(people).toEqual(expect.arrayContaining(['Marek Dvorsky', 'Jorund Halvik']));
    expect(people.join('|')).not.toMatch(/Championships|Festival|Christmas|Eve|Goalkeeper|Marshal/);
  });

  it('keeps a job opening a sentence, and "Marshal", as the role', () => {
    expect(entityNamed(doc, 'Marek Dvorsky').roles.map((r) => r.title)).toContain('Goalkeeper');
    expect(entityNamed(doc, 'Jorund Halvik').roles.map((r) => r.title)).toContain('Marshal');
  });

  it('reads a saint’s possessive inside a college’s name', () => {
    expect(entityNamed(doc, 'St Anselm’s College').kind).toBe('organization');
  });
});

describe('royal styles and surnames that are place words elsewhere', () => {
  const doc = extract(
    'The Agong Al-Sultan Idris Rahmat Shah received the envoys on Saturday, and Permaisuri Agong Tunku Hajah Nurul Aisyah Iskandar hosted a dinner for them. General Tan Sri Mohd Rizal Bakar Khan, the army chief, spoke at the dinner.',
  );

  it('drops the royal style from the name and keeps it as the honorific', () => {
    expect(entityNamed(doc, 'Idris Rahmat Shah').kind).toBe('person');
    expect(entityNamed(doc, 'Nurul Aisyah Iskandar').kind).toBe('person');
  });

  it('reads a name ending in Khan as a titled person', () => {
    const rizal = entityNamed(doc, 'Mohd Rizal Bakar Khan');
    expect(rizal.kind).toBe('person');
    expect(rizal.roles.map((r) => r.title).join(' ')).toMatch(/General/);
  });
});

describe('titles, places and bodies around a name', () => {
  const doc = extract(
    [
      'Harbour inquiry widens',
      'Jane Roe appeared before Brackwater County Magistrate Tom Harlow on Monday, and the hearing lasted an hour while the river rose.',
      'Later Sen. Paul Dunmore of Kestrel spoke, and Lt. Gov. Ann Pryce told House Harbour Committee Chairman Ivo Lamm that the plan would wait for the spring.',
    ].join('\n\n'),
  );

  it('keeps a place before a title as a place of its own', () => {
    expect(entityNamed(doc, 'Brackwater County').kind).toBe('place');
    expect(entityNamed(doc, 'Tom Harlow').roles.map((r) => r.title)).toContain(
      'Brackwater County Magistrate',
    );
  });

  it('ends a titled name at "of", whatever follows it', () => {
    expect(doc.entities.map((e) => e.name)).toContain('Paul Dunmore');
    expect(doc.entities.map((e) => e.name)).not.toContain('Paul Dunmore of Kestrel');
  });

  it('writes abbreviated titles out', () => {
    expect(entityNamed(doc, 'Paul Dunmore').roles.map((r) => r.title)).toContain('Senator');
    expect(entityNamed(doc, 'Ann Pryce').roles.map((r) => r.title)).toContain(
      'Lieutenant Governor',
    );
  });

  it('keeps a body before a title as a body of its own', () => {
    expect(entityNamed(doc, 'House Harbour Committee').kind).toBe('organization');
    expect(entityNamed(doc, 'Ivo Lamm').kind).toBe('person');
  });
});

describe('organizations named by what stands beside them', () => {
  const doc = extract(
    [
      'Cup night in the harbour town',
      'Jane Roe told the official Kestrel news agency on Monday that Marrow militants had left the harbour. An Ostraven company said its plant was safe.',
      'Sporting Lisbon beat Dynamo Kyiv on Tuesday, while Brackwater Rovers lost at home; Kansas City hosts the final.',
    ].join('\n\n'),
  );
  const kindOf = (name: string) => entityNamed(doc, name).kind;

  it('reads a name before "news agency" or before its fighters as a body', () => {
    expect(kindOf('Kestrel')).toBe('organization');
    expect(kindOf('Marrow')).toBe('organization');
  });

  it('reads a town with a club word as a club, and a whole town name as a town', () => {
    expect(kindOf('Sporting Lisbon')).toBe('organization');
    expect(kindOf('Dynamo Kyiv')).toBe('organization');
    expect(kindOf('Brackwater Rovers')).toBe('organization');
    expect(kindOf('Kansas City')).toBe('place');
  });
});

describe('roles stated by a verb or by the list a name is in', () => {
  const doc = extract(
    [
      'Harbour board changes',
      'Jane Roe is the chief executive of the Kestrel Shipping Company, and she spoke on Monday. The board named Ivo Lamm as its new chairman on Friday.',
      'Critics such as Lena Ostrova, Rolf Anders and Sam Whitlock have called the plan reckless. Tom Harlow was alone with the pilot when the crane failed, the records show.',
    ].join('\n\n'),
  );
  const rolesOf = (name: string) => entityNamed(doc, name).roles.map((r) => r.title);

  it('reads "X is the …" and "named X as …"', () => {
    expect(rolesOf('Jane Roe')).toContain('chief executive of the Kestrel Shipping Company');
    expect(rolesOf('Ivo Lamm')).toEqual(['new chairman']);
  });

  it('gives each name of "critics such as …" the role, singular', () => {
    for (const name of ['Lena Ostrova', 'Rolf Anders', 'Sam Whitlock'])
      expect(rolesOf(name)).toEqual(['critic']);
  });

  it('takes no state for a role', () => {
    expect(rolesOf('Tom Harlow')).toEqual([]);
  });
});

describe('a festival review', () => {
  const doc = extract(
    [
      'Three days in the park',
      'For artists such as Ostrova and Marrowind, the weekend brought the largest crowds they had seen since the floods closed the park.',
      'Both played the Harbour Stage on Friday, and later the Bishop Tent and the Sally Pavilion were full until midnight, the organisers said.',
    ].join('\n\n'),
  );
  const kindOf = (name: string) => entityNamed(doc, name).kind;

  it('takes one-word names a noun for people introduces as people, with that role', () => {
    for (const name of ['Ostrova', 'Marrowind']) {
      expect(kindOf(name)).toBe('person');
      expect(entityNamed(doc, name).roles.map((r) => r.title)).toEqual(['artist']);
    }
  });

  it('reads stages, tents and pavilions as places, even when named after someone', () => {
    expect(kindOf('Harbour Stage')).toBe('place');
    expect(kindOf('Bishop Tent')).toBe('place');
    expect(kindOf('Sally Pavilion')).toBe('place');
  });
});

describe('a lone capital letter inside a sentence', () => {
  const doc = extract(
    [
      'Count in the hills',
      'Ostraven Party chief A Ravi Mohan spoke to reporters on Sunday as the tally in the hill district went on through the night and his rivals waited at the school for the last boxes to arrive from the villages.',
    ].join('\n\n'),
  );

  it('is an initial, even when it is "A"', () => {
    const names = doc.entities.map((e) => e.name);
    expect(names).toContain('A Ravi Mohan');
    expect(names).not.toContain('Ravi Mohan');
  });
});

describe('initials', () => {
  const doc = extract(
    [
      'Hill seat count',
      'Chief Minister and Ostraven Vikas Samiti (OVS) chief R Kiran Vardhan trailed on Sunday. RKV, as supporters call him, said the count was slow, and OVS chief whips agreed as the night wore on.',
    ].join('\n\n'),
  );

  it('makes a name defined with its initials a body, and links a person’s initials to the person', () => {
    expect(entityNamed(doc, 'Ostraven Vikas Samiti').kind).toBe('organization');
    const person = entityNamed(doc, 'R Kiran Vardhan');
    expect(person.kind).toBe('person');
    expect(person.aliases.map((a) => a.text)).toContain('RKV');
    expect(doc.entities.map((e) => e.name)).not.toContain('RKV');
  });
});

describe('describing words opening a sentence', () => {
  const doc = extract(
    [
      'Harbour vote',
      'Senior Cabinet members gathered at the harbour on Monday. Current Ostraven Party boss Ivo Lamm said the vote would wait, and the crowd in Quezon City cheered the news late into the night.',
    ].join('\n\n'),
  );
  const names = doc.entities.map((e) => e.name);

  it('are no part of the name after them', () => {
    expect(names).toContain('Cabinet');
    expect(names).not.toContain('Senior Cabinet');
    expect(names).toContain('Ivo Lamm');
    expect(names.some((n) => n.startsWith('Current'))).toBe(false);
  });

  it('leave a city named "… City" a place', () => {
    expect(entityNamed(doc, 'Quezon City').kind).toBe('place');
  });
});

describe('a lone word listed beside a person', () => {
  const doc = extract(
    [
      'Summit in the harbour town',
      'Talks went on for hours with Jane Roe, Velkaar and others, officials said. Later Velkaar and Tom Harlow, the harbour minister, left together.',
      'The new members include Kestrel MP Ann Pryce and Brackwater and The Fens MP Ivo Lamm, who both said the vote was close.',
    ].join('\n\n'),
  );
  const names = doc.entities.map((e) => e.name);

  it('is a person', () => {
    expect(entityNamed(doc, 'Velkaar').kind).toBe('person');
  });

  it('is not one when a title follows it: that word is the seat', () => {
    expect(doc.entities.find((e) => e.name === 'Kestrel')?.kind).not.toBe('person');
    expect(doc.entities.find((e) => e.name === 'Brackwater')?.kind).not.toBe('person');
    expect(names).toContain('Ivo Lamm');
  });
});

describe('an apposition after a place', () => {
  const doc = extract(
    [
      'A life in letters',
      'Tom Harlow was born in Kestrelmoor, the son of a harbour pilot and a teacher. He read law at St Anne’s College, Brackwater, became the editor of its magazine and later wrote six novels.',
    ].join('\n\n'),
  );

  it('is about the person who was there, not the place', () => {
    expect(doc.entities.find((e) => e.name === 'Kestrelmoor')?.kind).not.toBe('person');
    expect(doc.entities.find((e) => e.name === 'Brackwater')?.kind).not.toBe('person');
    expect(entityNamed(doc, 'Tom Harlow').kind).toBe('person');
  });
});

describe('a list of one-word names', () => {
  const doc = extract(
    [
      'Festival night',
      'For artists like Ostrova, the night was a return. Velkaar, Ostrova, Jindrel, Quarro, and Maveth played the Bishop Tent late on Saturday, and the queue outside stretched to the river, the organisers said.',
    ].join('\n\n'),
  );

  it('runs on from the one person it holds, to its last name', () => {
    for (const name of ['Velkaar', 'Jindrel', 'Quarro', 'Maveth'])
      expect(entityNamed(doc, name).kind).toBe('person');
    expect(entityNamed(doc, 'Bishop Tent').kind).toBe('place');
  });
});

describe('words of where used as adjectives', () => {
  const doc = extract(
    [
      'Harbour visit',
      'The president ended his Ostravian state visit on Monday and met Western allies, while officials consulted their Brackish counterparts in Michigan state for three days before the vote on the new harbour and its roads.',
    ].join('\n\n'),
  );
  const names = doc.entities.map((e) => e.name);

  it('name nothing before a lowercase noun', () => {
    expect(names).not.toContain('Ostravian');
    expect(names).not.toContain('Western');
    expect(names).not.toContain('Brackish');
  });

  it('leave a place’s own name a place', () => {
    expect(entityNamed(doc, 'Michigan').kind).toBe('place');
  });
});

describe('seats before a member’s title', () => {
  const doc = extract(
    [
      'New members sworn in',
      'The new members include Kestrelford MP Jane Roe, Kestrel Vale MP Sam Hale and Green MP Tom Harlow, who all took their seats on Tuesday after the count ran late into the night in the town hall.',
    ].join('\n\n'),
  );

  it('are places, and the members people', () => {
    expect(entityNamed(doc, 'Kestrelford').kind).toBe('place');
    expect(entityNamed(doc, 'Kestrel Vale').kind).toBe('place');
    for (const name of ['Jane Roe', 'Sam Hale', 'Tom Harlow'])
      expect(entityNamed(doc, name).kind).toBe('person');
  });
});

describe('bodies named with "of"', () => {
  const doc = extract(
    [
      'Harbour study published',
      'Jane Roe, who teaches shipping law in the National University of Ostraven, said the House of Elders would vote. The Harbour Intelligence Directorate met the Harbour Workers Party of Ruritania, and the House of Delegates agreed on Monday.',
    ].join('\n\n'),
  );
  const kindOf = (name: string) => entityNamed(doc, name).kind;

  it('are organizations, whole', () => {
    for (const name of [
      'National University of Ostraven',
      'House of Elders',
      'Harbour Intelligence Directorate',
      'Harbour Workers Party of Ruritania',
      'House of Delegates',
    ])
      expect(kindOf(name)).toBe('organization');
    expect(kindOf('Jane Roe')).toBe('person');
  });
});

describe('roles sports and court copy write around a name', () => {
  const doc = extract(
    [
      'Harbour Open and a hearing',
      'Croatian Jane Roe beat unseeded Ostravian Tom Harlow, while Frenchman Ivo Lamm lost in three sets. Sam Hale, of Kestrel Capital Markets, said the crowd was the biggest of the year.',
      'Police inspectors Ann Pryce, Rolf Anders and Lena Ostrova prosecuted the case at the harbour court on Monday.',
    ].join('\n\n'),
  );
  const rolesOf = (name: string) => entityNamed(doc, name).roles.map((r) => r.title);

  it('reads where a player is from as their role', () => {
    expect(rolesOf('Jane Roe')).toEqual(['Croatian']);
    expect(rolesOf('Tom Harlow')).toEqual(['unseeded Ostravian']);
    expect(rolesOf('Ivo Lamm')).toEqual(['Frenchman']);
  });

  it('reads ", of <body>," as the body someone speaks for', () => {
    expect(rolesOf('Sam Hale')).toEqual(['of Kestrel Capital Markets']);
  });

  it('gives each name after a plural title the title, with the words describing it', () => {
    for (const name of ['Ann Pryce', 'Rolf Anders', 'Lena Ostrova'])
      expect(rolesOf(name)).toEqual(['Police inspector']);
  });
});

describe('a plural title set off by a dash before its names', () => {
  const doc = extract(
    [
      'Harbour cabinet sworn in',
      'Both new harbour commissioners – Datuk Seri Jane Roe and Tom Harlow – signed the register at the palace on Monday morning while a brass band played outside in the rain for the crowd.',
    ].join('\n\n'),
  );

  it('gives each name the title, honorifics and all', () => {
    for (const name of ['Jane Roe', 'Tom Harlow'])
      expect(entityNamed(doc, name).roles.map((r) => r.title)).toEqual(['commissioner']);
  });
});

describe('capitalized words that name nothing', () => {
  const doc = extract(
    [
      'Harbour vote',
      'Fifty-three councillors voted for the plan on Monday. CCTV showed the crowd outside, and the PR firm hired by the port said COVID had delayed the work; the Seven Network filmed it all.',
    ].join('\n\n'),
  );
  const names = doc.entities.map((e) => e.name);

  it('are left out: numbers written out and acronyms of things', () => {
    for (const junk of ['Fifty-three', 'CCTV', 'PR', 'COVID']) expect(names).not.toContain(junk);
    expect(names).toContain('Seven Network');
  });
});

describe('a country written in initials', () => {
  const doc = extract(
    [
      'Harbour talks',
      'U.S. officials met the harbour board on Monday, and the U.S. Treasury Secretary said the U.S. would help rebuild the port and its roads before the winter storms return to the coast.',
    ].join('\n\n'),
  );

  it('stays a place when its officials are named after it', () => {
    expect(entityNamed(doc, 'U.S.').kind).toBe('place');
  });
});

describe('lists a plural role opens, and descriptions with capitalized words', () => {
  const doc = extract(
    [
      'Harbour plan vote',
      'Two Kestrel Party senators — Jane Roe of Oregon and Tom Harlow of Nevada — voted against the harbour plan. Sens. Ivo Lamm of Idaho, Petra Voss of Montana and others joined them.',
      'Senior members of the Harbour Union, including Anton Brisk, Mara Quell and Odo Fenwick, came to the hearing. A briefing was held by Kestrel MPs Lena Dorr and Piet Kallas, while traditionalists like Sven Adler and Nils Ober stayed away from the harbour.',
      '"It is a poor plan," said Hugo Renn, a Danish politics expert at the University of Brackwater. Dr Elsa Marrow, Brackwater Shipping chairman and CEO, called it a good day. Oskar Wend, the Swedish coach who has trained several clubs, agreed. Joe Brisk of Ostraven Capital Markets, who spoke next, asked about costs.',
      'After a meeting with Roe, he said it was executive and short. Video posted online shows Kestrel harbour board head Tom Harlow, Roe’s predecessor Ivo Lamm and others at the quay.',
    ].join('\n\n'),
  );
  const rolesOf = (name: string) => entityNamed(doc, name).roles.map((r) => r.title);

  it('gives every name of the list the role, with its describing words and body', () => {
    for (const name of ['Jane Roe', 'Tom Harlow'])
      expect(rolesOf(name)).toContain('Kestrel Party senator');
    for (const name of ['Ivo Lamm', 'Petra Voss']) expect(rolesOf(name)).toContain('Senator');
    for (const name of ['Anton Brisk', 'Mara Quell', 'Odo Fenwick'])
      expect(rolesOf(name)).toEqual(['Senior member of the Harbour Union']);
    for (const name of ['Lena Dorr', 'Piet Kallas']) expect(rolesOf(name)).toEqual(['Kestrel MP']);
    for (const name of ['Sven Adler', 'Nils Ober'])
      expect(rolesOf(name)).toEqual(['traditionalist']);
  });

  it('reads a description whose first words are capitalized', () => {
    expect(rolesOf('Hugo Renn')).toEqual([
      'a Danish politics expert at the University of Brackwater',
    ]);
    expect(rolesOf('Elsa Marrow')).toEqual(['Brackwater Shipping chairman and CEO']);
    expect(rolesOf('Oskar Wend')).toEqual(['the Swedish coach who has trained several clubs']);
  });

  it('reads the body a person is named with as their role, but not a place', () => {
    expect(rolesOf('Joe Brisk')).toEqual(['of Ostraven Capital Markets']);
    expect(rolesOf('Jane Roe')).not.toContain('of Oregon');
  });

  it('takes no clause, verb or neighbour’s name for a role', () => {
    expect(rolesOf('Jane Roe').join(' | ')).not.toMatch(/executive|predecessor/);
    expect(rolesOf('Tom Harlow')).toContain('Kestrel harbour board head');
    expect(rolesOf('Tom Harlow').join(' | ')).not.toMatch(/shows|online/);
  });
});

describe('titles around honorifics, "to" and an editor’s brackets', () => {
  const doc = extract(
    [
      'Harbour cabinet sworn in',
      'The Governor and her husband, Tan Sri Dr Mara Quell, along with Commissioner-General of Customs Tan Sri Anton Brisk, were present. The register was signed by Special Envoy to the Kestrel Council Datuk Seri Odo Fenwick and Ambassador to Portugal Lena Dorr.',
      'In the interview he said: "There is a view that [the Guild chief executive] Rolf Baring’s plan is too costly. The Prime Minister [Jonas Ferr], who returned on Monday, supports it." He learned to sail from team-mate Carl Venn.',
      'Both deputy chief ministers – Tan Sri Dr Ivo Lamm and Datuk Seri Petra Voss – signed first, before the harbour commissioners did.',
    ].join('\n\n'),
  );
  const rolesOf = (name: string) => entityNamed(doc, name).roles.map((r) => r.title);
  const names = doc.entities.map((e) => e.name);

  it('keeps a chain of honorifics with the name, never as a name of its own', () => {
    expect(names).not.toContain('Datuk Seri');
    expect(names).not.toContain('Tan Sri');
    expect(names).not.toContain('Tan Sri Dr');
    expect(rolesOf('Mara Quell')).toEqual(['husband']);
  });

  it('gives a list the role words before its plural noun, honorifics and all', () => {
    for (const name of ['Ivo Lamm', 'Petra Voss'])
      expect(rolesOf(name)).toEqual(['deputy chief minister']);
  });

  it('reads hyphenated titles and titles whose object follows "to"', () => {
    expect(rolesOf('Anton Brisk')).toEqual(['Commissioner-General of Customs']);
    expect(rolesOf('Odo Fenwick')).toEqual(['Special Envoy to the Kestrel Council']);
    expect(rolesOf('Lena Dorr')).toEqual(['Ambassador to Portugal']);
  });

  it('reads a role or a name in brackets', () => {
    expect(rolesOf('Rolf Baring')).toEqual(['Guild chief executive']);
    expect(rolesOf('Jonas Ferr')).toEqual(['Prime Minister']);
    expect(rolesOf('Carl Venn')).toEqual(['team-mate']);
  });
});

describe('regions of the world', () => {
  const doc = extract(
    [
      'Harbour trade',
      'Shipping costs across Latin America rose again, traders in Eastern Europe and West Africa said on Monday, while the ferry company moved its boats to Southern Portugal for the winter.',
    ].join('\n\n'),
  );

  it('are places: named regions and compass parts of a continent or country', () => {
    for (const name of ['Latin America', 'Eastern Europe', 'West Africa', 'Southern Portugal'])
      expect(entityNamed(doc, name).kind).toBe('place');
  });
});

describe('a place’s party boss', () => {
  const doc = extract(
    [
      'Provincial reshuffle',
      'The Sichuan Party chief and the Hubei Party boss were both promoted on Monday, while Kestrel Party chief Jane Roe, whose party is named after a bird, watched from the gallery.',
    ].join('\n\n'),
  );
  const names = doc.entities.map((e) => e.name);

  it('names the place, not a party named after it', () => {
    expect(entityNamed(doc, 'Sichuan').kind).toBe('place');
    expect(entityNamed(doc, 'Hubei').kind).toBe('place');
    expect(names).not.toContain('Sichuan Party');
    expect(names).not.toContain('Hubei Party');
  });

  it('keeps a party whose name is no place', () => {
    expect(entityNamed(doc, 'Kestrel Party').kind).toBe('organization');
  });
});

describe('an honorific before a given name alone', () => {
  const doc = extract(
    [
      'Harbour master retires',
      'Sir Tom Harlow, the harbour master, met Jane Roe on Tuesday to hand over the keys of the harbour office after thirty years. Sir Tom said the work had been a joy.',
    ].join('\n\n'),
  );
  const index = buildAliasIndex(doc.entities);
  const linked = (page: string) => matchText(page, index).mentions.map((m) => m.text);

  it('is an alias that links only beside the person’s full name', () => {
    const alias = entityNamed(doc, 'Tom Harlow').aliases.find((a) => a.text === 'Sir Tom');
    expect(alias?.ambiguous).toBe(true);
    expect(linked('Tom went home early, and nobody else came.')).toEqual([]);
    expect(linked('Sir Tom Harlow came first. Sir Tom left early.')).toEqual([
      'Sir Tom Harlow',
      'Sir Tom',
    ]);
  });
});

describe('a review’s lists of performers', () => {
  const doc = extract(
    [
      'Harbour festival review',
      'The three-day lineup had headliners like Rolo Brisk and over forty supporting acts such as Velma Vox, Kid Ostra and Lena Dorr, who played the smaller stage by the harbour wall.',
    ].join('\n\n'),
  );
  const rolesOf = (name: string) => entityNamed(doc, name).roles.map((r) => r.title);

  it('gives each performer the noun of the list', () => {
    expect(rolesOf('Rolo Brisk')).toEqual(['headliner']);
    for (const name of ['Velma Vox', 'Kid Ostra', 'Lena Dorr'])
      expect(rolesOf(name)).toEqual(['supporting act']);
  });
});

describe('an old newspaper’s court report', () => {
  const doc = extract(
    [
      'Harbour case adjourned',
      'The Harbour Prosecutor (Mr. J. K. Brisk) told the bench that the key witness for the Harbour Board, Ivo Edward Lamm, was unwell, and the head of the Kestrel Party, Tom Harlow, agreed to wait a week. Later a clerk said both junior clerks of the Harbour Board, Ann Pryce, and Rolf Baring would also wait.',
    ].join('\n\n'),
  );
  const rolesOf = (name: string) => entityNamed(doc, name).roles.map((r) => r.title);

  it('reads a title before a name in parentheses', () => {
    expect(rolesOf('J. K. Brisk')).toEqual(['Harbour Prosecutor']);
  });

  it('reads a title before a comma whose object is a named body', () => {
    expect(rolesOf('Ivo Edward Lamm')).toEqual(['key witness for the Harbour Board']);
    expect(rolesOf('Ann Pryce')).toContain('junior clerks of the Harbour Board');
    expect(rolesOf('Tom Harlow')).toEqual(['head of the Kestrel Party']);
  });
});

describe('bands and names in capitals in a review’s lists', () => {
  const doc = extract(
    [
      'Harbour festival review',
      'Supporting acts such as Rolo Brisk, Harbour Monkeys and ZZQ played the smaller stage, while rivals such as KBM and Ostraven Motors sponsored the main one, and critics such as Tom Fields wrote about it all.',
    ].join('\n\n'),
  );

  it('makes a name ending in a plural noun a group, and a name in capitals a performer', () => {
    expect(entityNamed(doc, 'Harbour Monkeys').kind).toBe('organization');
    expect(entityNamed(doc, 'ZZQ').kind).toBe('person');
    expect(entityNamed(doc, 'Rolo Brisk').kind).toBe('person');
  });

  it('leaves initials in other lists to organizations, and a surname that is a plural to people', () => {
    expect(entityNamed(doc, 'KBM').kind).toBe('organization');
    expect(entityNamed(doc, 'Tom Fields').kind).toBe('person');
  });
});

describe('second references to a person', () => {
  const doc = extract(
    [
      'Ferry timetable cut',
      'The ferry board chair, Jane Kessling, and her deputy Tom Harlow announced the winter timetable on Monday. The harbour master, Ann Rice, was at the meeting too.',
      'Kesling said the crossings would return in spring if fuel prices fell. Ms Rice welcomed that, and Mr Harlow gave no date for the change.',
    ].join('\n\n'),
  );
  const aliasesOf = (name: string) => entityNamed(doc, name).aliases.map((a) => a.text);

  it('links a misspelt surname that speaks to the one person it is close to', () => {
    expect(aliasesOf('Jane Kessling')).toContain('Kesling');
    expect(doc.entities.map((e) => e.name)).not.toContain('Kesling');
  });

  it('reads an everyday word after an honorific as a surname', () => {
    expect(aliasesOf('Ann Rice')).toContain('Ms Rice');
  });
});

describe('roles written later in the sentence', () => {
  const doc = extract(
    [
      'Harbour group changes hands',
      'Jane Roe announced on Sunday her departure as coordinator of the Kestrel Party group on the harbour board, a post she had held since 2020. Tom Harlow will take over next month.',
      'On Monday, in an interview with Ivo Lamm, Roe rejected claims that she had been pushed out. Later Harlow said in his interview with Ann Pryce on the harbour podcast that he agreed. The paper printed an interview with Rolf Baring.',
    ].join('\n\n'),
  );
  const rolesOf = (name: string) => entityNamed(doc, name).roles.map((r) => r.title);

  it('reads "her departure as <role>" as the subject’s role', () => {
    expect(rolesOf('Jane Roe')).toEqual(['coordinator of the Kestrel Party group']);
    expect(rolesOf('Tom Harlow')).toEqual([]);
  });

  it('makes the one an interview is given to the interviewer, not the one a paper interviews', () => {
    expect(rolesOf('Ivo Lamm')).toEqual(['interviewer']);
    expect(rolesOf('Ann Pryce')).toEqual(['interviewer']);
    expect(rolesOf('Rolf Baring')).toEqual([]);
  });
});

describe('titles with a two-part object, and possessives of places and bodies', () => {
  const doc = extract(
    [
      'Harbour cabinet named',
      'The new cabinet includes Minister of Harbours and Food Security Jane Roe and Minister of Works Tom Harlow, who both start on Monday.',
      'In the vote, Portugal’s Ann Pryce, KPP’s Rolf Baring, Lisbon North’s Ivo Lamm and Roe’s deputy Tom Brisk also won seats, the harbour board said.',
    ].join('\n\n'),
  );
  const rolesOf = (name: string) => entityNamed(doc, name).roles.map((r) => r.title);

  it('reads a title whose object has two parts joined by "and"', () => {
    expect(rolesOf('Jane Roe')).toEqual(['Minister of Harbours and Food Security']);
    expect(rolesOf('Tom Harlow')).toEqual(['Minister of Works']);
  });

  it('reads a place’s or a body’s possessive before a name as where the person is from', () => {
    expect(rolesOf('Ann Pryce')).toEqual(['Portugal’s']);
    expect(rolesOf('Rolf Baring')).toEqual(['KPP’s']);
    expect(rolesOf('Ivo Lamm')).toEqual(['Lisbon North’s']);
    expect(rolesOf('Tom Brisk')).toEqual(['Roe’s deputy']);
  });
});

describe('a list pairing bodies and names with semicolons', () => {
  const doc = extract(
    [
      'Final list published',
      'The governorship candidates of the Kestrel Party, Jane Roe; the Harbour League, Tom Harlow; Union Party, Ivo Lamm; and New Ostraven Party, Ann Pryce, all passed the commission’s checks on Monday.',
    ].join('\n\n'),
  );
  const rolesOf = (name: string) => entityNamed(doc, name).roles.map((r) => r.title);

  it('gives each name the role with its own body', () => {
    expect(rolesOf('Tom Harlow')).toEqual(['candidate of the Harbour League']);
    expect(rolesOf('Ivo Lamm')).toEqual(['candidate of Union Party']);
    expect(rolesOf('Ann Pryce')).toEqual(['candidate of New Ostraven Party']);
  });
});

describe('roles right after a name, and lists after "were"', () => {
  const doc = extract(
    [
      'Harbour cup records',
      'Until this season, the two goalkeepers with a goal in the harbour cup were Tom Harlow in September 2010 and Ivo Lamm in December 2009. The finalists this year are Ann Pryce and Rolf Baring, while their rivals were Kestrel United and Harbour Athletic.',
      'Also on the ballot were Lena Dorr presidential candidate, Kestrel Party and her running mate, Piet Kallas, who joined late.',
    ].join('\n\n'),
  );
  const rolesOf = (name: string) => entityNamed(doc, name).roles.map((r) => r.title);

  it('gives each name listed after "were" or "are" the plural noun before it', () => {
    for (const name of ['Tom Harlow', 'Ivo Lamm']) expect(rolesOf(name)).toEqual(['goalkeeper']);
    for (const name of ['Ann Pryce', 'Rolf Baring']) expect(rolesOf(name)).toEqual(['finalist']);
    expect(entityNamed(doc, 'Kestrel United').kind).toBe('organization');
  });

  it('reads a role written after a name without a comma, up to the comma', () => {
    expect(rolesOf('Lena Dorr')).toEqual(['presidential candidate']);
    expect(rolesOf('Piet Kallas')).toEqual(['running mate']);
  });
});

describe('what a company’s officer is "of"', () => {
  const doc = extract(
    [
      'Harbour shipping results',
      'Jane Roe, chief executive of Vexilor, was asked about margins on Tuesday. Tom Harlow, a founder of Brightmoor, agreed with her, and the mayor of Lisbon said nothing at all.',
    ].join('\n\n'),
  );

  it('is a company, unless the gazetteers know it for a place', () => {
    expect(entityNamed(doc, 'Vexilor').kind).toBe('organization');
    expect(entityNamed(doc, 'Brightmoor').kind).toBe('organization');
    expect(entityNamed(doc, 'Lisbon').kind).toBe('place');
  });
});

describe('seats and constituencies named before the word', () => {
  const doc = extract(
    [
      'Harbour election results',
      'Jane Roe wins the Velkar East parliamentary seat with 11,599 votes. In Ostrova constituency, Tom Harlow leads, and Ivo Lamm wins Kelmar West MP seat after a recount on Tuesday night.',
    ].join('\n\n'),
  );

  it('are places, compass words and all', () => {
    for (const name of ['Velkar East', 'Ostrova', 'Kelmar West'])
      expect(entityNamed(doc, name).kind).toBe('place');
    expect(entityNamed(doc, 'Ivo Lamm').kind).toBe('person');
  });
});

describe('a body’s name between a title and a person’s name', () => {
  const doc = extract(
    [
      'Harbour talks',
      'The delegation included Deputy Director of the General Harbour Directorate Tom Harlow bin Ali with the Director General of the Harbour Directorate, Ivo Lamm, who both arrived on Tuesday for the talks on the new harbour plan.',
    ].join('\n\n'),
  );
  const rolesOf = (name: string) => entityNamed(doc, name).roles.map((r) => r.title);

  it('is an organization, and the person keeps the whole title', () => {
    expect(entityNamed(doc, 'General Harbour Directorate').kind).toBe('organization');
    expect(rolesOf('Tom Harlow bin Ali')).toEqual([
      'Deputy Director of the General Harbour Directorate',
    ]);
    expect(rolesOf('Ivo Lamm')).toEqual(['Director General of the Harbour Directorate']);
  });
});

describe('a party’s members named as a body', () => {
  const doc = extract(
    [
      'Council vote',
      'Democrats and Social Democrats on the harbour council argued with the Kestrel Democrats about the plan for the new quay, and the vote was put off until the spring session.',
    ].join('\n\n'),
  );

  it('is an organization', () => {
    for (const name of ['Democrats', 'Social Democrats', 'Kestrel Democrats'])
      expect(entityNamed(doc, name).kind).toBe('organization');
  });
});

describe('a count opening a sentence', () => {
  const doc = extract(
    [
      'Council vote',
      'Two Kestrel Party senators voted against the plan on Monday. Three Harbour Board members agreed with them, and the vote was put off until the spring session of the council.',
    ].join('\n\n'),
  );
  const names = doc.entities.map((e) => e.name);

  it('is no part of the name after it', () => {
    expect(names).toContain('Kestrel Party');
    expect(names).toContain('Harbour Board');
    expect(names.filter((n) => /^(?:Two|Three) /.test(n))).toEqual([]);
  });
});

describe('one word told something', () => {
  const doc = extract(
    [
      'Harbour plan',
      'One harbour worker told Vexion on Monday that the harbour board was unaware of it. Jane Roe, the board chair, later told Roe’s deputy nothing, and another source told Tom that the plan was dead.',
    ].join('\n\n'),
  );
  const names = doc.entities.map((e) => e.name);

  it('is an outlet when it is no given name and no place', () => {
    expect(entityNamed(doc, 'Vexion').kind).toBe('organization');
    expect(names).not.toContain('Tom');
  });
});

describe('clubs written with their initials', () => {
  const doc = extract(
    [
      'Harbour derby',
      'Ivo Lamm, the coach who has trained AS Genova and Kestrel FC, watched the derby on Sunday. Tom Harlow scored twice for AC Ostra in the second half of the match.',
    ].join('\n\n'),
  );

  it('keep the initials in the name and are organizations, whatever the town', () => {
    for (const name of ['AS Genova', 'Kestrel FC', 'AC Ostra'])
      expect(entityNamed(doc, name).kind).toBe('organization');
    expect(doc.entities.map((e) => e.name)).not.toContain('Genova');
  });
});

describe('a name after "at"', () => {
  const doc = extract(
    [
      'Harbour ceremony',
      'The new harbour wardens took their oath before the Queen at Kastel Velmar here today. Later they met at KeP headquarters and ate at Kestrel Bank, and Tom Harlow looked at Jane Roe.',
    ].join('\n\n'),
  );
  const names = doc.entities.map((e) => e.name);

  it('is a place when no given name opens it, and not when it is written like initials', () => {
    expect(entityNamed(doc, 'Kastel Velmar').kind).toBe('place');
    expect(entityNamed(doc, 'Kestrel Bank').kind).toBe('organization');
    expect(entityNamed(doc, 'Jane Roe').kind).toBe('person');
    expect(doc.entities.find((e) => e.name === 'KeP')?.kind).not.toBe('place');
    expect(names).toContain('Tom Harlow');
  });
});

describe('a long name set off after a person with ", of"', () => {
  const doc = extract(
    [
      'Harbour results',
      'In 2005 Ivo Lamm, of Velkar Brisk Wasserling, asked about the costs of the new quay. Jane Roe, of North Little Rock, agreed with him and asked the harbour board for a vote before the end of the month.',
    ].join('\n\n'),
  );

  it('is the body the person speaks for, unless the gazetteers know it for a place', () => {
    expect(entityNamed(doc, 'Velkar Brisk Wasserling').kind).toBe('organization');
    expect(entityNamed(doc, 'North Little Rock').kind).toBe('place');
  });
});

describe('relatives and descriptions with "whom"', () => {
  const doc = extract(
    [
      'Harbour painter dies',
      'He was the son of a harbour pilot, Tom Harlow, and his wife, Velma (nee Brisk), a painter of boats. Ivo Lamm, the sailor whom Roe met in 1990, said he would be missed by the whole town.',
    ].join('\n\n'),
  );
  const rolesOf = (name: string) => entityNamed(doc, name).roles.map((r) => r.title);

  it('makes a one-word name after "his wife," a person with that role', () => {
    expect(entityNamed(doc, 'Velma').kind).toBe('person');
    expect(rolesOf('Velma')).toContain('wife');
  });

  it('reads an apposition whose noun is followed by "whom"', () => {
    expect(rolesOf('Ivo Lamm')).toEqual(['the sailor whom Roe met in 1990']);
  });
});

describe('an academic title used as a form of address', () => {
  const doc = extract(
    [
      'Professor Ann Pryce, an expert in tides at the Brackwater institute, said the harbour wall would hold for a decade if it were repaired this winter.',
      'Professor Pryce added that the repairs should start before the storms, and the council agreed to meet her again next month.',
    ].join('\n\n'),
  );

  it('is kept with the name, whole and on second reference, for the page to mark', () => {
    const person = entityNamed(doc, 'Ann Pryce');
    expect(person.aliases.map((a) => a.text)).toEqual(
      expect.arrayContaining(['Professor Ann Pryce', 'Professor Pryce']),
    );
    const marked = matchText('Later Professor Pryce left.', buildAliasIndex(doc.entities));
    expect(marked.mentions.map((m) => m.text)).toEqual(['Professor Pryce']);
  });
});

describe('a post given to someone', () => {
  const doc = extract(
    [
      'There was anger in the harbour town over the appointment of Tom Harlow as the Kestrel’s ambassador to Ruritania, which the council had not been told about.',
      'Rolf Baring was appointed chief of staff in March, and Ann Pryce has been named as head of the port authority after a long search by the board.',
    ].join('\n\n'),
  );
  const rolesOf = (name: string) => entityNamed(doc, name).roles.map((r) => r.title);

  it('is the role, a possessive of a place or body included, the date left out', () => {
    expect(rolesOf('Tom Harlow')).toEqual(['Kestrel’s ambassador to Ruritania']);
    expect(rolesOf('Rolf Baring')).toEqual(['chief of staff']);
    expect(rolesOf('Ann Pryce')).toEqual(['head of the port authority']);
  });
});
