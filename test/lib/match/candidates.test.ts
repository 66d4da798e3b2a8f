import { describe, expect, it } from 'vitest';
import { candidateKeys, findCandidates } from '@/lib/match';

/** The candidates as "text|key" pairs, easiest to read in a failure. */
function spans(text: string): string[] {
  return findCandidates(text).map((candidate) => `${candidate.text}|${candidate.key}`);
}

describe('findCandidates', () => {
  it('offers every contiguous part of a capitalized run with its key and offsets', () => {
    const text = 'said Prime Minister Hun Sen yesterday';
    const candidates = findCandidates(text);
    expect(candidates.map((candidate) => candidate.text)).toEqual([
      'Prime',
      'Prime Minister',
      'Prime Minister Hun',
      'Prime Minister Hun Sen',
      'Minister',
      'Minister Hun',
      'Minister Hun Sen',
      'Hun',
      'Hun Sen',
      'Sen',
    ]);
    for (const candidate of candidates)
      expect(text.slice(candidate.start, candidate.end)).toBe(candidate.text);
  });

  it('keeps the full stop of a name suffix in the span, and nothing after a sentence end', () => {
    expect(spans('met Tom Harlow Jr. and Ann Pryce Sr. today')).toContain(
      'Tom Harlow Jr.|tom harlow jr',
    );
    expect(spans('met Tom Harlow Jr. and Ann Pryce Sr. today')).toContain(
      'Ann Pryce Sr.|ann pryce sr',
    );
    expect(spans('It was Tom Harlow. Then')).toContain('Tom Harlow|tom harlow');
  });

  it('never offers lower-case words', () => {
    expect(spans('more than the party said')).toEqual([]);
  });

  it('leaves a curly or straight possessive outside the span', () => {
    expect(spans('The CNRP’s chief')).toContain('CNRP|CNRP');
    expect(spans("the CNRP's chief")).toEqual(['CNRP|CNRP']);
    const [candidate] = findCandidates('the CNRP’s chief');
    expect(candidate).toMatchObject({ start: 4, end: 8 });
  });

  it('keeps a possessive inside a name when a capitalized word follows', () => {
    expect(spans('the Cambodian People’s Party won')).toContain(
      "Cambodian People’s Party|cambodian people's party",
    );
  });

  it('offers a name after an honorific both with and without it', () => {
    const found = spans('Mr Hun Sen and Mr. Kem Sokha');
    expect(found).toContain('Mr Hun Sen|hun sen');
    expect(found).toContain('Hun Sen|hun sen');
    expect(found).toContain('Mr. Kem Sokha|kem sokha');
    expect(found).toContain('Kem Sokha|kem sokha');
  });

  it('joins a name across NBSP and one line break but not a blank line', () => {
    expect(spans('Mu\u00A0Sochua')).toContain('Mu\u00A0Sochua|mu sochua');
    expect(spans('Mu\nSochua')).toContain('Mu\nSochua|mu sochua');
    expect(spans('Mu\n\nSochua')).toEqual(['Mu|mu', 'Sochua|sochua']);
  });

  it('folds diacritics in the key but reports the text as written', () => {
    expect(spans('Mú Sóchua spoke')).toContain('Mú Sóchua|mu sochua');
  });

  it('allows connectors, hyphens and initials inside a run', () => {
    const found = spans('the Ministry of the Interior, Jean-Paul Sartre and John F. Kennedy');
    expect(found).toContain('Ministry of the Interior|ministry of the interior');
    expect(found).toContain('Jean-Paul Sartre|jean-paul sartre');
    expect(found).toContain('Paul Sartre|paul sartre');
    expect(found).toContain('John F. Kennedy|john f kennedy');
  });

  it('never starts or ends a candidate on a connector', () => {
    expect(spans('Law on Political Parties of the')).not.toContain('Parties of the|parties of the');
    expect(spans('of the Interior')).toEqual(['Interior|interior']);
  });

  it('keeps acronyms in capitals so they stay distinct from ordinary words', () => {
    expect(spans('the U.S. and MAY')).toEqual(['U.S.|US', 'U.S. and MAY|US and MAY', 'MAY|MAY']);
  });

  it('stops a run at a hyphenated lower-case word', () => {
    expect(spans('a CPP-aligned official')).toEqual(['CPP|CPP']);
  });

  it('lists each key once for the background', () => {
    expect(candidateKeys(findCandidates('CNRP said. CNRP’s men. The CNRP'))).toEqual([
      'CNRP',
      'the',
      'the CNRP',
    ]);
  });
});

describe('hyphenated names', () => {
  const texts = (text: string) => findCandidates(text).map((c) => c.text);

  it('keeps a short lower-case syllable after a hyphen in the name', () => {
    expect(texts('talks with Kim Sun-hwa on Monday')).toContain('Kim Sun-hwa');
  });

  it('keeps an Arabic particle before a hyphen in the name', () => {
    expect(texts('said Hassan al-Rashid, the port chief')).toContain('Hassan al-Rashid');
  });

  it('leaves an English word after a hyphen out of the name', () => {
    expect(texts('an Ostraven-based team')).toContain('Ostraven');
    expect(texts('an Ostraven-based team')).not.toContain('Ostraven-based');
  });
});
