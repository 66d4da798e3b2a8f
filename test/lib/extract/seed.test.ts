/**
 * The seed article (Phnom Penh Post): what a careful reader would list as the
 * people, organizations, places, roles, short forms and quotes it contains.
 */
import { describe, expect, it } from 'vitest';
import { entityNamed, extractFile, quotesBySpeaker } from './helpers';

const doc = extractFile('assets/sources/000_2f3c03faae0050a6.txt');
const text = doc.document.text;

describe('seed article: document', () => {
  it('reads title, publisher, date and byline, and drops page chrome', () => {
    expect(doc.document.title).toBe('CNRP alleges local push to coerce officials into defecting');
    expect(doc.document.publisher).toBe('Phnom Penh Post');
    expect(doc.document.published).toBe('2017-11-07');
    expect(doc.document.byline).toEqual(['Leonie Kijewski']);
    expect(doc.document.id).toMatch(/^[0-9a-f]{16}$/);
    for (const chrome of [
      'More Topic',
      'Publication date',
      'Tel:',
      'Email',
      'Copyright',
      'Street 228',
      'for full article',
      '\n\nNational\n\n',
    ]) {
      expect(text).not.toContain(chrome);
    }
    expect(text).not.toMatch(/Facebook$/m); // photo credit after a caption
    expect(text.match(/has refused to defect to the CPP despite being summoned/g)).toHaveLength(1); // repeated caption
  });
});

describe('seed article: people and their roles', () => {
  const expected: [string, RegExp][] = [
    ['Hun Sen', /^Prime Minister$/],
    ['Yim Phally', /chief of Kokchak commune/],
    ['Mao Vibol', /head of the CNRP’s Svay Rieng provincial executive committee/],
    ['Phom Than', /commune council member/],
    ['San Soeung', /provincial CNRP executive committee head/],
    ['So Platong', /town Governor/],
    ['Khem Bun Song', /Siem Reap Provincial Governor/],
    ['Sok Eysan', /CPP spokesperson/],
    ['Meas Nee', /political analyst/],
    ['Mu Sochua', /CNRP Deputy President/],
    ['Leonie Kijewski', /Reporter/],
  ];
  it.each(expected)('%s is a person with the stated role', (name, role) => {
    const e = entityNamed(doc, name);
    expect(e.kind).toBe('person');
    expect(e.roles.map((r) => r.title)).toContainEqual(expect.stringMatching(role));
    for (const r of e.roles) expect(text.slice(r.source.start, r.source.end)).toContain(r.title);
  });

  it('links roles to the organization they name', () => {
    const cpp = entityNamed(doc, 'CPP');
    const cnrp = entityNamed(doc, 'CNRP');
    expect(entityNamed(doc, 'Sok Eysan').roles[0]?.organizationId).toBe(cpp.id);
    expect(entityNamed(doc, 'Mu Sochua').affiliations.map((a) => a.entityId)).toContain(cnrp.id);
    expect(entityNamed(doc, 'Mao Vibol').roles[0]?.organizationId).toBe(cnrp.id);
  });
});

describe('seed article: organizations, places and aliases', () => {
  it('knows the parties with their acronyms', () => {
    const cnrp = entityNamed(doc, 'Cambodia National Rescue Party');
    expect(cnrp.kind).toBe('organization');
    expect(cnrp.id).toBe('organization:cambodia-national-rescue-party');
    expect(cnrp.aliases).toContainEqual(
      expect.objectContaining({ text: 'CNRP', form: 'acronym', key: 'CNRP' }),
    );
    const cpp = entityNamed(doc, 'Cambodian People’s Party');
    expect(cpp.aliases.map((a) => a.text)).toContain('CPP');
  });

  it.each(['Ministry of Interior', 'Supreme Court', 'Phnom Penh Post'])(
    '%s is an organization',
    (name) => {
      expect(entityNamed(doc, name).kind).toBe('organization');
    },
  );

  it.each(['Siem Reap', 'Svay Rieng', 'Kampong Cham', 'Chantrea', 'Tuol Sdey', 'Kork Chak'])(
    '%s is a place',
    (name) => {
      expect(entityNamed(doc, name).kind).toBe('place');
    },
  );

  it('merges the two spellings of the commune', () => {
    const commune = entityNamed(doc, 'Kork Chak');
    expect(commune.aliases.map((a) => a.text)).toEqual(
      expect.arrayContaining(['Kork Chak', 'Kokchak']),
    );
  });

  it('learns second-reference short forms and flags ordinary ones', () => {
    const short = (person: string, alias: string) =>
      entityNamed(doc, person).aliases.find((a) => a.text === alias && a.form === 'short');
    expect(short('Yim Phally', 'Phally')).toBeDefined();
    expect(short('Mu Sochua', 'Sochua')).toBeDefined();
    expect(short('So Platong', 'Platong')).toBeDefined();
    expect(short('Meas Nee', 'Nee')?.ambiguous).toBe(true);
    expect(short('Mu Sochua', 'Sochua')?.ambiguous).toBe(false);
    expect(entityNamed(doc, 'Hun Sen').aliases).toContainEqual(
      expect.objectContaining({ text: 'Mr Hun Sen', form: 'honorific', key: 'hun sen' }),
    );
  });

  it('keeps every alias span pointing at its text', () => {
    for (const e of doc.entities) {
      for (const a of e.aliases) expect(text.slice(a.source.start, a.source.end)).toBe(a.text);
    }
  });

  it('makes no junk entities', () => {
    const junk =
      /^(Meanwhile|However|Following|With|But|National|More Topic|Publication|ICT|Tel|Email|Street|Law on Political Parties|Kingdom|Reporter|US|I|If|Be|Prime Minister)$/;
    const names = doc.entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)]);
    expect(names.filter((n) => junk.test(n))).toEqual([]);
    expect(doc.entities.filter((e) => e.kind === 'person')).toHaveLength(11);
    // "his Facebook page": a company the list of companies knows, so an organization, never a person.
    expect(doc.entities.filter((e) => e.name === 'Facebook').map((e) => e.kind)).not.toContain(
      'person',
    );
  });
});

describe('seed article: quotes', () => {
  const expected: [string, string][] = [
    ['Mao Vibol', 'They said that if we do not join'],
    ['Mao Vibol', 'But CNRP officials won’t join'],
    ['Phom Than', 'I’m determined not to sell out'],
    ['Phom Than', 'I think that it is a strategy'],
    ['San Soeung', 'They will use all types of tricks'],
    ['San Soeung', 'The one who is the most afraid'],
    ['Yim Phally', 'If I survive or die'],
    ['Sok Eysan', 'We do not intimidate or scare'],
    ['Sok Eysan', 'If they intimidate'],
    ['Meas Nee', 'form of intimidation'],
    ['Meas Nee', 'In the past the intimidation'],
    ['Meas Nee', 'strong link between'],
    ['Mu Sochua', 'The CPP does not do anything'],
    ['Mu Sochua', 'It’s like a salesman pitch'],
    ['Mu Sochua', 'certain'],
    ['Mu Sochua', 'In the long run'],
    ['Mu Sochua', 'The only way is for Mr Hun Sen'],
  ];

  it('attributes at least 15 of the 17 direct quotes to the right speaker', () => {
    const found = quotesBySpeaker(doc);
    const right = expected.filter(([speaker, start]) =>
      found.some((q) => q.speaker === speaker && q.text.startsWith(start)),
    );
    expect(right.length).toBeGreaterThanOrEqual(15);
    expect(found.length).toBeLessThanOrEqual(17);
  });

  it('keeps each quote’s words and context as spans of the text', () => {
    for (const e of doc.entities) {
      for (const q of e.quotes) {
        expect(text.slice(q.source.start, q.source.end)).toBe(q.text);
        expect(q.context.start).toBeLessThanOrEqual(q.source.start);
        expect(q.context.end).toBeGreaterThanOrEqual(q.source.end);
      }
    }
    expect(entityNamed(doc, 'Hun Sen').quotes).toEqual([]); // named inside Sochua's quote, not its speaker
  });
});
