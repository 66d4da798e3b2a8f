/**
 * A dateline ("OSTRAVEN (Reuters) —") names the place a story was filed from:
 * it becomes a place entity whose alias points at the dateline itself, and the
 * agency in brackets an organization.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '@/lib/extract';
import { addDateline, findDateline } from '@/lib/extract/dateline';
import { readDocument } from '@/lib/extract/document';
import type { RawSource } from '@/lib/extract';

describe('finding a dateline', () => {
  it.each([
    ['BRACKWATER — The harbour reopened on Monday.', 'BRACKWATER', 'Brackwater'],
    ['OSTRAVEN (Reuters) - Shares fell on Monday.', 'OSTRAVEN', 'Ostraven'],
    ['KESTREL BAY, Norland (AP) — Crews worked overnight.', 'KESTREL BAY', 'Kestrel Bay'],
    ['PORT-LANVEL, March 3 (dpa) – Voters queued early.', 'PORT-LANVEL', 'Port-Lanvel'],
    ['ST. AMBRY -- “We are ready,” the mayor said.', 'ST. AMBRY', 'St. Ambry'],
  ])('reads the place of %j', (paragraph, text, name) => {
    const found = findDateline(paragraph, 100);
    expect(found).toMatchObject({ text, name, start: 100, end: 100 + text.length });
    expect(paragraph.slice(found?.length)).toMatch(/^["“]?\p{Lu}/u);
  });

  it.each([
    ['OSTRAVEN (Reuters) - Shares fell on Monday.', 'Reuters'],
    ['KESTREL BAY, Norland (AP) — Crews worked overnight.', 'AP'],
    ['BRACKWATER (Northfield Wire) — The harbour reopened.', 'Northfield Wire'],
    ['PORT-LANVEL, March 3 (dpa) – Voters queued early.', null],
    ['PORT-LANVEL (Updated) – Voters queued early.', null],
    ['PORT-LANVEL (March 3) – Voters queued early.', null],
    ['BRACKWATER — The harbour reopened on Monday.', null],
  ])('reads the agency of %j as %j', (paragraph, agency) => {
    const found = findDateline(paragraph, 100);
    expect(found?.agency?.text ?? null).toBe(agency);
    if (found?.agency) {
      const { start, end } = found.agency;
      expect(paragraph.slice(start - 100, end - 100)).toBe(agency);
    }
  });

  it.each([
    'EXCLUSIVE — The minister will resign, officials said.',
    'MARSH: We can keep the boats running.',
    'The council met on Monday — and again on Tuesday.',
    'NATO-led talks resumed on Monday.',
    'UPDATE 2 - Talks resume',
  ])('finds no place in %j', (paragraph) => {
    expect(findDateline(paragraph)).toBeNull();
  });
});

describe('the dateline as a place entity', () => {
  const source: RawSource = {
    origin: 'dateline-wire.txt',
    format: 'txt',
    content: readFileSync('test/fixtures/documents/accept/dateline-wire.txt', 'utf8'),
  };
  const read = readDocument(source);
  const extracted = addDateline(extractDocument(source), read.dateline);
  const text = extracted.document.text;

  it('finds the dateline in the first body paragraph', () => {
    expect(read.dateline?.text).toBe('OSTRAVEN');
    expect(text.slice(read.dateline?.start, read.dateline?.end)).toBe('OSTRAVEN');
  });

  it('makes the place an entity with an alias pointing at the dateline', () => {
    const place = extracted.entities.find((e) => e.id === 'place:ostraven');
    expect(place?.kind).toBe('place');
    expect(place?.name).toBe('Ostraven');
    const alias = place?.aliases.find((a) => a.text === 'OSTRAVEN');
    expect(alias?.source.doc).toBe(extracted.document.id);
    expect(text.slice(alias?.source.start, alias?.source.end)).toBe('OSTRAVEN');
    expect(place?.mentions[0]?.count).toBeGreaterThanOrEqual(1);
  });

  it('makes the agency in brackets an organization with an alias pointing at it', () => {
    const agency = extracted.entities.find((e) => e.name === 'Northfield Wire');
    expect(agency?.kind).toBe('organization');
    const alias = agency?.aliases[0];
    expect(text.slice(alias?.source.start, alias?.source.end)).toBe('Northfield Wire');
  });

  it('lists the place among the other entities’ related ones, once', () => {
    const ids = extracted.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of extracted.entities) {
      if (e.id === 'place:ostraven') continue;
      expect(e.related.filter((r) => r.entityId === 'place:ostraven')).toHaveLength(1);
    }
  });

  it('adds the dateline to a place the story already names rather than a second entity', () => {
    const again = addDateline(extracted, read.dateline);
    expect(again.entities.filter((e) => e.name === 'Ostraven')).toHaveLength(1);
  });

  it('leaves a document without a dateline as it was', () => {
    expect(addDateline(extracted, null)).toBe(extracted);
  });
});
