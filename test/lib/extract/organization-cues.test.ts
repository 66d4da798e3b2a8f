/**
 * Evidence for organizations, each rule on an invented paragraph: names a list
 * of organizations knows, a company's business after its name, …
 */
import { describe, expect, it } from 'vitest';
import { extractDocument, type ExtractedDocument } from '@/lib/extract';
import { buildAliasIndex, matchText } from '@/lib/match';

function extract(content: string): ExtractedDocument {
  return extractDocument({ origin: 'case.txt', format: 'txt', content });
}

const kindOf = (doc: ExtractedDocument, name: string): string | undefined =>
  doc.entities.find((e) => e.name === name)?.kind;

/** A paragraph of ordinary prose, so that a one-sentence case is read as an article. */
const FILLER =
  'The council met on Tuesday evening to discuss the budget for the coming year, and residents spoke at length about the roads and the harbour walls that need repair before winter.';

/** An article of these paragraphs after the filler. */
const article = (...paragraphs: string[]): ExtractedDocument =>
  extract([FILLER, ...paragraphs].join('\n\n'));

function expectOrganizations(doc: ExtractedDocument, names: string[]): void {
  for (const name of names) expect(kindOf(doc, name), name).toBe('organization');
}

describe('names a list of organizations knows', () => {
  const doc = article(
    'Volunteers from Oxfam handed out water in the square, and a team from the Red Cross set up a clinic beside the bus station.',
    'The harbour master said he had asked Interpol for help in tracing the owner of the boat.',
  );

  it('are organizations, one word or several, with no other cue', () => {
    expect(kindOf(doc, 'Oxfam')).toBe('organization');
    expect(kindOf(doc, 'Red Cross')).toBe('organization');
    expect(kindOf(doc, 'Interpol')).toBe('organization');
  });
});

describe('a company’s business written after its name', () => {
  const doc = article(
    'Dior shares rose on Monday after the harbour board approved a new warehouse, and a Bentley factory near the port will hire two hundred workers.',
  );

  it('makes a company of a listed name that is also a given name', () => {
    expect(kindOf(doc, 'Dior')).toBe('organization');
    expect(kindOf(doc, 'Bentley')).toBe('organization');
  });

  it('needs the business noun: a listed name alone that is a given name stays unread', () => {
    const plain = article('Bentley waved from the quay as the ferry left.');
    expect(kindOf(plain, 'Bentley')).not.toBe('organization');
  });
});

describe('bodies named with a shared plural head word', () => {
  const doc = article(
    'She has led the House Finance and Budget Committees for a decade, and he sat on the Senate Harbour Affairs, Trade and Rail Committees before he retired.',
    'The Kestrel Valley and Brackwater Councils will share the cost of the new ferry landing.',
  );

  it('gives each part its whole name, the chamber shared and the head in the singular', () => {
    expectOrganizations(doc, [
      'House Finance Committee',
      'House Budget Committee',
      'Senate Harbour Affairs Committee',
      'Senate Trade Committee',
      'Senate Rail Committee',
      'Kestrel Valley Council',
      'Brackwater Council',
    ]);
  });

  it('keeps the words as written as the names the page marks', () => {
    const budget = doc.entities.find((e) => e.name === 'House Budget Committee');
    expect(budget?.aliases.map((a) => a.text)).toContain('Budget Committees');
    const finance = doc.entities.find((e) => e.name === 'House Finance Committee');
    expect(finance?.aliases.map((a) => a.text)).toContain('House Finance');
  });
});

describe('agencies named in photo credits', () => {
  const doc = article(
    'Ferries wait at the quay in Brackwater during the strike, which began on Monday. KESTRELPIX/Ann Pryce',
    'The harbour master speaks to reporters outside the terminal. Photo: Vexlow Media.',
    'Photo: Tom Harlow/Ostraven Images',
    'Dockers march past the customs house on their way to the town hall. (BWN / Marrow Press Sweden)',
    'The strike ended on Friday evening after the two sides agreed to meet again next month, the union said. Shortly',
  );

  it('are organizations, each named as the credit writes it', () => {
    expectOrganizations(doc, [
      'KESTRELPIX',
      'Vexlow Media',
      'Ostraven Images',
      'BWN',
      'Marrow Press',
    ]);
  });

  it('leave the photographers and a cut-off word after the last sentence out', () => {
    const names = doc.entities.map((e) => e.name);
    expect(names).not.toContain('Shortly');
    expect(names.some((n) => n.includes('Pryce') || n.includes('Harlow'))).toBe(false);
  });

  it('stay out of the captions’ text', () => {
    expect(doc.document.text).toContain('which began on Monday.\n');
    expect(doc.document.text).not.toMatch(/Monday\. KESTRELPIX/);
  });
});

describe('bodies read off the words around one name', () => {
  const doc = article(
    'The Marla leader’s visit to the port comes a week after the strike, and the Dunmore leaders are expected next.',
    'The new harbour master was educated at the Kestrel Academy, Brackwater, and at Harrowgate, and later served at sea.',
    'Vexlow.org reported the story first, and the ministers met again at the Q12 summit in November.',
  );

  it('makes a body of one word with "the" before it and its people after, given name or not', () => {
    expect(kindOf(doc, 'Marla')).toBe('organization');
  });

  it('makes a school of where someone was educated, each place of the list', () => {
    expect(kindOf(doc, 'Harrowgate')).toBe('organization');
  });

  it('reads a web address as an outlet, whole, and the page marks it', () => {
    expect(kindOf(doc, 'Vexlow.org')).toBe('organization');
    expect(doc.entities.map((e) => e.name)).not.toContain('Vexlow');
    const marked = matchText('As Vexlow.org said on Monday.', buildAliasIndex(doc.entities));
    expect(marked.mentions.map((m) => m.text)).toContain('Vexlow.org');
  });

  it('reads a letter and a count before "summit" as a group of states', () => {
    expect(kindOf(doc, 'Q12')).toBe('organization');
  });
});

describe('capitals that name no body', () => {
  const doc = article(
    'The envoys met at the Foreign Office in Utica, N.Y., last week, before the talks moved to Ostraven.',
    'Dubbed KX-257b, the new planet circles a bright star, and the team will point the KRT telescope at it next.',
    'The band closed with “Q.R.S.T” and an older song, and the mayor took the Oath of Office the next morning.',
  );
  const names = doc.entities.map((e) => e.name);

  it('joins a place and its state’s initials into one place, the place’s word kept for the page', () => {
    expect(kindOf(doc, 'Utica, N.Y.')).toBe('place');
    expect(names).not.toContain('N.Y.');
    const place = doc.entities.find((e) => e.name === 'Utica, N.Y.');
    expect(place?.aliases.map((a) => a.text)).toContain('Utica');
  });

  it('drops capitals joined to a number, initials run into a letter, and an oath', () => {
    expect(names).not.toContain('KX');
    expect(names).not.toContain('Q.R.S.');
    expect(names).not.toContain('Oath of Office');
  });
});

describe('the sides of a contest', () => {
  const doc = article(
    'He had scored once before, in a 3-3 draw between Marrowby Town and Harrowgate in February.',
    'The fighting between Velkaria and the Brackwater Front went on through the night.',
    'Ann Pryce won the final between Ann Pryce and Ivo Lamm in three sets.',
  );

  it('are teams or bodies when no given name opens them', () => {
    expect(kindOf(doc, 'Marrowby Town')).toBe('organization');
    expect(kindOf(doc, 'Harrowgate')).toBe('organization');
    expect(kindOf(doc, 'Velkaria')).toBe('organization');
  });

  it('stay people when a given name opens them', () => {
    expect(kindOf(doc, 'Ann Pryce')).toBe('person');
    expect(kindOf(doc, 'Ivo Lamm')).toBe('person');
  });
});

describe('units and bodies inside bodies', () => {
  const doc = article(
    'Later he will visit the 3rd Harbour Brigade of the Kestrel Army at the fort, and then the Steering Committee of the Ostraven Workers Party.',
    'The Ministry of the Interior said nothing about the visit.',
  );

  it('keeps a unit’s ordinal and splits a body "of the" another body into both', () => {
    expectOrganizations(doc, [
      '3rd Harbour Brigade',
      'Kestrel Army',
      'Steering Committee',
      'Ostraven Workers Party',
    ]);
  });

  it('leaves a body "of the" a thing whole', () => {
    expect(kindOf(doc, 'Ministry of the Interior')).toBe('organization');
  });
});

describe('names "The" opens inside a sentence', () => {
  const doc = article(
    'At noon in Brackwater, The Greens will speak to reporters, a source told The Daily Kestrel.',
    'Delegates then flew to The Gambia, and the member for Marrowby and The Vale stayed at home.',
    'The crowd cheered for Tyler, The Maker, before the band played “The Long Road” to close.',
  );
  const names = doc.entities.map((e) => e.name);

  it('keep "The" and are bodies', () => {
    expect(kindOf(doc, 'The Greens')).toBe('organization');
    expect(kindOf(doc, 'The Daily Kestrel')).toBe('organization');
  });

  it('are places when the gazetteers know them, and left alone in compound and stage names and titles', () => {
    expect(kindOf(doc, 'The Gambia')).toBe('place');
    expect(names).not.toContain('The Vale');
    expect(names).not.toContain('The Maker');
    expect(names).not.toContain('The Long Road');
  });
});

describe('a party named before a legislature’s members', () => {
  const doc = article(
    'He faced Marrow MPs this evening, and Marla backbenchers wrote to him on Friday.',
    'Welsh MPs and Danish lawmakers stayed silent, while Kestrelford MP Jane Roe asked for a vote.',
    'Several Opposition MPs and two Independent senators joined them on the steps of the hall.',
  );
  const names = doc.entities.map((e) => e.name);

  it('is a body, an everyday word or a given name included, the members cut off', () => {
    expect(kindOf(doc, 'Marrow')).toBe('organization');
    expect(kindOf(doc, 'Marla')).toBe('organization');
    expect(names).not.toContain('Marrow MPs');
  });

  it('is no nationality or standing, and a seat before one member stays a seat', () => {
    expect(names).not.toContain('Welsh');
    expect(names).not.toContain('Danish');
    expect(names).not.toContain('Opposition');
    expect(names).not.toContain('Independent');
    expect(kindOf(doc, 'Kestrelford')).not.toBe('organization');
  });
});
