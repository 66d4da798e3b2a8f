/**
 * The card's profile query over the store filled from the real seed corpus,
 * as `wxt build` ships it.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildBundle, readSourceFolder } from '@/lib/profiles';
import type { ProfileBundle } from '@/lib/model/bundle-format';
import type { DramatisDB } from '@/lib/store/db';
import { importBundle } from '@/lib/store/import-bundle';
import { addEntityNote } from '@/lib/store/notes';
import {
  getEntityProfile,
  MAX_CARD_QUOTES,
  MAX_CARD_RELATED,
  pickQuotes,
} from '@/lib/store/profile-queries';
import { freshDb } from './fixtures';

let seed: ProfileBundle;
beforeAll(async () => {
  seed = await buildBundle(await readSourceFolder('assets/sources'));
});

let db: DramatisDB;
beforeEach(async () => {
  db = freshDb();
  await importBundle(db, seed);
});
afterEach(async () => {
  await db.delete();
});

async function profileOf(id: string) {
  const profile = await getEntityProfile(db, id);
  if (!profile) throw new Error(`no profile for ${id}`);
  return profile;
}

describe('getEntityProfile on the seed article', () => {
  it('gives Mu Sochua her role with the sentence and document it came from', async () => {
    const mu = await profileOf('person:mu-sochua');
    expect(mu).toMatchObject({
      name: 'Mu Sochua',
      kind: 'person',
      hidden: false,
      bundleName: null,
    });
    const role = mu.roles.find((r) => r.title.includes('Deputy President'));
    expect(role?.organizationName).toBe('Cambodia National Rescue Party');
    expect(role?.source?.excerpt?.text).toMatch(/^CNRP Deputy President Mu Sochua, who fled/);
    const { excerpt, document } = role!.source!;
    expect(excerpt!.text.slice(excerpt!.highlight.start, excerpt!.highlight.end)).toBe(
      'CNRP Deputy President Mu Sochua',
    );
    expect(document).toMatchObject({
      title: 'CNRP alleges local push to coerce officials into defecting',
      publisher: 'Phnom Penh Post',
      published: '2017-11-07',
    });
    expect(document.attribution).toContain('Leonie Kijewski');
  });

  it('picks full quotes over a scare-quoted word, at most three, each with its sentence', async () => {
    const mu = await profileOf('person:mu-sochua');
    expect(mu.quoteCount).toBeGreaterThan(MAX_CARD_QUOTES);
    expect(mu.quotes).toHaveLength(MAX_CARD_QUOTES);
    expect(mu.quotes.map((q) => q.text)).not.toContain('certain');
    expect(mu.quotes[0]?.text).toMatch(/^The CPP does not do anything/);
    const first = mu.quotes[0]!.source!.excerpt!;
    expect(first.text).toMatch(/she said\.$/);
    expect(first.text.slice(first.highlight.start, first.highlight.end)).toBe(mu.quotes[0]!.text);
  });

  it('counts documents and lists at most eight related entities, linked organizations first', async () => {
    const mu = await profileOf('person:mu-sochua');
    expect(mu.documentCount).toBe(1);
    expect(mu.related).toHaveLength(MAX_CARD_RELATED);
    expect(mu.related[0]).toMatchObject({
      id: 'organization:cambodia-national-rescue-party',
      name: 'Cambodia National Rescue Party',
      kind: 'organization',
      documents: 1,
    });
    expect(mu.related.map((r) => r.id)).not.toContain('person:mu-sochua');
  });

  it('answers null for an entity the store does not hold', async () => {
    expect(await getEntityProfile(db, 'person:nobody')).toBeNull();
  });

  it('applies the reader’s correction: new name, hidden, with the bundle name kept', async () => {
    await db.corrections.put({
      entityId: 'person:mu-sochua',
      correction: { name: 'Sochua Mu', hidden: true, note: 'Exiled since 2017.' },
      updated: 1,
    });
    await db.corrections.put({
      entityId: 'organization:cambodia-national-rescue-party',
      correction: { name: 'CNRP (dissolved)' },
      updated: 1,
    });
    const mu = await profileOf('person:mu-sochua');
    expect(mu).toMatchObject({
      name: 'Sochua Mu',
      bundleName: 'Mu Sochua',
      hidden: true,
      correctionNote: 'Exiled since 2017.',
    });
    expect(mu.roles[0]?.organizationName).toBe('CNRP (dissolved)');
    expect(mu.affiliations[0]?.name).toBe('CNRP (dissolved)');
    expect(mu.related[0]?.name).toBe('CNRP (dissolved)');
  });

  it('lists the reader’s notes about the entity, newest first', async () => {
    let clock = 1000;
    const now = () => clock++;
    await addEntityNote(db, { entityId: 'person:mu-sochua', text: 'First' }, { now });
    await addEntityNote(db, { entityId: 'person:mu-sochua', text: 'Second' }, { now });
    await addEntityNote(db, { entityId: 'person:hun-sen', text: 'Not hers' }, { now });
    const mu = await profileOf('person:mu-sochua');
    expect(mu.notes.map((n) => n.text)).toEqual(['Second', 'First']);
    expect(mu.noteCount).toBe(2);
  });

  it('answers every entity of the seed, each fact with a source', async () => {
    for (const entity of seed.entities) {
      const profile = await profileOf(entity.id);
      for (const fact of [...profile.roles, ...profile.affiliations, ...profile.quotes]) {
        expect(fact.source?.excerpt, `${entity.id}`).not.toBeNull();
      }
    }
  });
});

describe('pickQuotes', () => {
  const span = { doc: 'd', start: 0, end: 1 };
  const quote = (text: string) => ({ text, source: span, context: span });
  it('fills the slots with short quotes only when there are too few full ones', () => {
    expect(pickQuotes([quote('yes'), quote('we will not give up now')]).map((q) => q.text)).toEqual(
      ['we will not give up now', 'yes'],
    );
  });
});
