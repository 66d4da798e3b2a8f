/**
 * Articles in other house styles than the seed's: US wire copy, a capitals
 * headline with site chrome, a markdown file with front matter and an HTML page
 * with navigation, scripts and a footer. The same rules must hold on each.
 */
import { describe, expect, it } from 'vitest';
import { entityNamed, extractFile, quotesBySpeaker } from './helpers';

describe('wire copy (Sen., Gen., Mr./Ms., according to, lists of names)', () => {
  const doc = extractFile('test/fixtures/documents/wire-senate-drones.txt');

  it('reads the byline and publisher, and drops the copyright line', () => {
    expect(doc.document.byline).toEqual(['Daniel Okafor', 'Maria Lindqvist']);
    expect(doc.document.publisher).toBe('Northfield Wire');
    expect(doc.document.text).not.toContain('All rights reserved');
  });

  it('reads abbreviated titles as roles, written out, without ending the sentence', () => {
    for (const name of ['Rachel Dunmore', 'Paul Rourke', 'Ada Kimura', 'Victor Hale']) {
      expect(entityNamed(doc, name).roles.map((r) => r.title)).toContain('Senator');
    }
    const general = entityNamed(doc, 'Thomas A. Whitfield');
    expect(general.roles.map((r) => r.title)).toEqual(
      expect.arrayContaining(['General', 'the commander of U.S. Army Futures Command']),
    );
    expect(entityNamed(doc, 'Carla Benitez').roles.map((r) => r.title)).toContain('Representative');
  });

  it('keeps honorific and short forms of Western names', () => {
    const dunmore = entityNamed(doc, 'Rachel Dunmore');
    expect(dunmore.aliases).toContainEqual(
      expect.objectContaining({ text: 'Dunmore', form: 'short' }),
    );
    expect(dunmore.aliases).toContainEqual(
      expect.objectContaining({ text: 'Ms. Dunmore', form: 'honorific', key: 'dunmore' }),
    );
  });

  it('attributes quotes with said-X, X-said, and split quotes', () => {
    expect(quotesBySpeaker(doc)).toEqual([
      { speaker: 'Rachel Dunmore', text: 'lost track of basic accountability.' },
      { speaker: 'Rachel Dunmore', text: 'We are not talking about a rounding error' },
      {
        speaker: 'Rachel Dunmore',
        text: 'We are talking about money that was promised to soldiers in the field.',
      },
      { speaker: 'Thomas A. Whitfield', text: 'The threat did not wait for our forms' },
      { speaker: 'Greg Amsel', text: 'We will be watching closely' },
      { speaker: 'Greg Amsel', text: 'This is how public trust erodes.' },
      { speaker: 'Carla Benitez', text: 'long overdue.' },
    ]);
  });

  it('makes the dateline a place, and no entity of a weekday or a lone head word', () => {
    const names = doc.entities.map((e) => e.name);
    for (const junk of ['WASHINGTON', 'Tuesday', 'Army', 'March', 'Pentagon'])
      expect(names).not.toContain(junk);
    // The country's one Senate, capitalized mid-sentence, is that body.
    expect(entityNamed(doc, 'Senate').kind).toBe('organization');
    expect(entityNamed(doc, 'Washington').kind).toBe('place');
    expect(entityNamed(doc, 'Halvorsen Dynamics Inc.').kind).toBe('organization');
  });
});

describe('capitals headline, labelled metadata and navigation', () => {
  const doc = extractFile('test/fixtures/documents/caps-floods.txt');

  it('reads labelled date and author and drops the navigation line and footer', () => {
    expect(doc.document.published).toBe('2023-03-03');
    expect(doc.document.byline).toEqual(['Sophie Tran']);
    expect(doc.document.text).not.toContain('Home | World');
    expect(doc.document.text).not.toContain('Follow us');
  });

  it('takes no entity from the capitals headline', () => {
    const names = doc.entities.flatMap((e) => e.aliases.map((a) => a.text));
    for (const word of ['FLOODS', 'FORCE', 'THOUSANDS', 'HOMES']) expect(names).not.toContain(word);
  });

  it('expands a parenthesised acronym and links the spokesman to it', () => {
    const ndmc = entityNamed(doc, 'NDMC');
    expect(ndmc.name).toBe('National Disaster Management Committee');
    const long = entityNamed(doc, 'Vo Thanh Long');
    expect(long.roles[0]?.organizationId).toBe(ndmc.id);
    expect(long.aliases).toContainEqual(
      expect.objectContaining({ text: 'Long', form: 'short', ambiguous: true }),
    );
  });

  it('resolves "she said" and "X said" to the right people', () => {
    const quotes = quotesBySpeaker(doc);
    expect(quotes.filter((q) => q.speaker === 'Amara Nwosu')).toHaveLength(2);
    expect(quotes.find((q) => q.text.startsWith('Everything we planted'))?.speaker).toBe(
      'Tran Van Kiet',
    );
    expect(quotes.find((q) => q.text.startsWith('The water is still rising'))?.speaker).toBe(
      'Vo Thanh Long',
    );
  });

  it('classifies places by their place words', () => {
    for (const place of ['Hoa Binh', 'Kessel River'])
      expect(entityNamed(doc, place).kind).toBe('place');
    expect(doc.entities.map((e) => e.name)).not.toContain('of Hoa Binh');
  });
});

describe('markdown with front matter', () => {
  const doc = extractFile('test/fixtures/documents/port-strike.md');

  it('takes metadata from the front matter and strips markdown syntax', () => {
    expect(doc.document).toMatchObject({
      title: 'Port workers strike over pay',
      publisher: 'Harbour Herald',
      published: '2022-06-14',
      byline: ['Ines Moreau'],
      url: 'https://example.org/port-strike',
    });
    expect(doc.document.text).not.toMatch(/\*\*|\]\(|^#/m);
    expect(doc.document.text).toContain('the Valmont Dockworkers Union said');
  });

  it('follows a quote continued into the next paragraph', () => {
    const castellanos = entityNamed(doc, 'Jorge Castellanos');
    expect(castellanos.quotes.map((q) => q.text.slice(0, 20))).toEqual([
      'Our members have wai',
      'We will stay out unt',
    ]);
    expect(entityNamed(doc, 'Helene Marchetti').quotes).toHaveLength(2);
  });

  it('does not attribute an organization’s statement to a person', () => {
    const all = quotesBySpeaker(doc).map((q) => q.text);
    expect(all).not.toContain('premature.');
  });
});

describe('HTML page with navigation, scripts and footer', () => {
  const doc = extractFile('test/fixtures/documents/council-budget.html');

  it('reads the meta tags and the article body only', () => {
    expect(doc.document).toMatchObject({
      title: 'City council approves budget after late-night session',
      publisher: 'Riverside Gazette',
      published: '2021-11-09T22:15:00Z',
      byline: ['Priya Raman'],
      url: 'https://example.org/news/council-budget',
    });
    for (const chrome of [
      'Subscribe',
      'Trending',
      'analytics',
      'Photo: Sam Lee',
      'Main Street',
      'news@example.org',
    ]) {
      expect(doc.document.text).not.toContain(chrome);
    }
    expect(doc.entities.map((e) => e.name)).not.toContain('Mark Ellison');
  });

  it('finds the officials, their titles and their quotes', () => {
    expect(entityNamed(doc, 'Ellen Park').roles[0]?.title).toBe('Mayor');
    expect(entityNamed(doc, 'Maria Alvarez').roles[0]?.title).toBe('Police Chief');
    expect(entityNamed(doc, 'David Osei').roles[0]?.title).toBe('Council member');
    expect(entityNamed(doc, 'Park').aliases.find((a) => a.text === 'Park')?.ambiguous).toBe(true);
    expect(quotesBySpeaker(doc).map((q) => q.speaker)).toEqual([
      'Ellen Park',
      'David Osei',
      'David Osei',
      'David Osei',
      'Maria Alvarez',
    ]);
  });
});
