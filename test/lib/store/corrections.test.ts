/**
 * The reader's corrections applied where readers see them: the alias lookup
 * the content script marks pages with (hidden, merged, renamed, extra
 * aliases) and the profile card (name, role title, merge), and kept when a new
 * bundle replaces the old one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctEntity } from '@/lib/store/corrections';
import type { DramatisDB } from '@/lib/store/db';
import { importBundle } from '@/lib/store/import-bundle';
import { getEntityProfile } from '@/lib/store/profile-queries';
import { lookupAliasKeys } from '@/lib/store/queries';
import { bundle, DOCUMENT, ENTITIES, freshDb } from './fixtures';

const SOCHUA = 'person:mu-sochua';
const PHALLY = 'person:yim-phally';

let db: DramatisDB;
beforeEach(async () => {
  db = freshDb();
  const withRole = ENTITIES.map((e) =>
    e.id === SOCHUA
      ? {
          ...e,
          roles: [
            {
              title: 'Deputy President',
              organizationId: null,
              source: { doc: DOCUMENT.id, start: 0, end: 9 },
            },
          ],
        }
      : e,
  );
  await importBundle(db, bundle({ entities: withRole }));
});
afterEach(async () => {
  await db.delete();
});

const ids = async (keys: string[]) =>
  (await lookupAliasKeys(db, keys)).map((hit) => `${hit.key}→${hit.entityId}:${hit.name}`);

describe('corrections in the alias lookup', () => {
  it('drops a hidden entity, renames, and finds an added alias', async () => {
    await correctEntity(db, PHALLY, { hidden: true });
    await correctEntity(db, SOCHUA, { name: 'Mu Sochua (CNRP)', extraAliases: ['Madame Sochua'] });
    expect(await ids(['yim phally', 'mu sochua', 'madame sochua'])).toEqual([
      'mu sochua→person:mu-sochua:Mu Sochua (CNRP)',
      'madame sochua→person:mu-sochua:Mu Sochua (CNRP)',
    ]);
  });

  it('links a merged entity’s names to the one it was merged into', async () => {
    await correctEntity(db, PHALLY, { mergedInto: SOCHUA });
    expect(await ids(['yim phally'])).toEqual(['yim phally→person:mu-sochua:Mu Sochua']);
    expect((await getEntityProfile(db, PHALLY))?.id).toBe(SOCHUA);
    await expect(correctEntity(db, SOCHUA, { mergedInto: SOCHUA })).rejects.toThrow(/itself/);
  });
});

describe('corrections on the profile', () => {
  it('shows the corrected name and role title, and survives a bundle upgrade', async () => {
    await correctEntity(db, SOCHUA, { name: 'Mu Sochua (CNRP)' });
    await correctEntity(db, SOCHUA, {
      roleTitles: { 'Deputy President': 'Former Deputy President' },
    });
    const check = async () => {
      const profile = await getEntityProfile(db, SOCHUA);
      expect(profile?.name).toBe('Mu Sochua (CNRP)');
      expect(profile?.bundleName).toBe('Mu Sochua');
      expect(profile?.roles.map((r) => r.title)).toEqual(['Former Deputy President']);
    };
    await check();
    // A new bundle (another hash) rewrites entities and aliasKeys, never corrections.
    const next = ENTITIES.map((e) =>
      e.id === SOCHUA
        ? {
            ...e,
            roles: [
              {
                title: 'Deputy President',
                organizationId: null,
                source: { doc: DOCUMENT.id, start: 0, end: 9 },
              },
            ],
          }
        : e,
    );
    const result = await importBundle(db, bundle({ hash: 'b'.repeat(64), entities: next }));
    expect(result).toMatchObject({ changed: true });
    await check();
    expect(await db.corrections.count()).toBe(1);
  });
});
