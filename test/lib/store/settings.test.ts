/**
 * Page settings: defaults, validation with messages a settings page can show,
 * merging, the per-site switch, and storage in the settings table.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { DramatisDB } from '@/lib/store/db';
import { readSettings, writeSettings } from '@/lib/store/settings';
import {
  applySettingsPatch,
  DEFAULT_SETTINGS,
  isMarkingOn,
  settingsPatchProblem,
} from '@/lib/model/settings';

describe('settingsPatchProblem', () => {
  it('accepts every valid field', () => {
    expect(
      settingsPatchProblem({
        enabled: false,
        disabledSites: ['example.com', 'news.example.co.uk', '127.0.0.1'],
        kinds: { place: false },
        hoverDelayMs: 0,
        clickMode: true,
      }),
    ).toBeNull();
    expect(settingsPatchProblem({ hoverDelayMs: 2000 })).toBeNull();
    expect(settingsPatchProblem({})).toBeNull();
  });

  it.each([
    [{ hoverDelayMs: 2001 }, 'hoverDelayMs must be a whole number of milliseconds from 0 to 2000.'],
    [{ hoverDelayMs: -1 }, 'from 0 to 2000'],
    [{ hoverDelayMs: 12.5 }, 'whole number'],
    [{ hoverDelayMs: '300' }, 'whole number'],
    [{ enabled: 'yes' }, 'enabled must be true or false.'],
    [{ kinds: { people: true } }, 'Unknown kind: people. Use person, organization, place.'],
    [{ kinds: { person: 1 } }, 'kinds.person must be true or false.'],
    [{ disabledSites: ['https://example.com/'] }, 'is not a host name'],
    [{ disabledSites: 'example.com' }, 'must be a list of host names'],
    [{ hoverDelay: 300 }, 'Unknown setting: hoverDelay.'],
    [null, 'Settings must be an object.'],
  ])('explains %j', (patch, message) => {
    expect(settingsPatchProblem(patch)).toContain(message);
  });
});

describe('applySettingsPatch and sites', () => {
  it('merges kinds one by one and leaves the rest', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, {
      kinds: { place: false },
      hoverDelayMs: 500,
    });
    expect(next.kinds).toEqual({ person: true, organization: true, place: false });
    expect(next.hoverDelayMs).toBe(500);
    expect(DEFAULT_SETTINGS.kinds.place).toBe(true);
  });

  it('switches marking off for a listed site and its subdomains only', () => {
    const settings = applySettingsPatch(DEFAULT_SETTINGS, { disabledSites: ['example.com'] });
    expect(isMarkingOn(settings, 'example.com')).toBe(false);
    expect(isMarkingOn(settings, 'news.example.com')).toBe(false);
    expect(isMarkingOn(settings, 'notexample.com')).toBe(true);
    expect(isMarkingOn({ ...settings, enabled: false }, 'other.org')).toBe(false);
  });
});

describe('stored settings', () => {
  let db: DramatisDB;
  beforeEach(() => {
    db = new DramatisDB('settings-test');
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete('settings-test');
  });

  it('reads defaults from an empty store and keeps what was written', async () => {
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
    const written = await writeSettings(db, { clickMode: true, kinds: { organization: false } });
    expect(written.clickMode).toBe(true);
    expect(await readSettings(db)).toEqual(written);
    expect(written.kinds).toEqual({ person: true, organization: false, place: true });
  });

  it('refuses a bad patch with its explanation and writes nothing', async () => {
    await expect(writeSettings(db, { hoverDelayMs: 9000 })).rejects.toThrow(/0 to 2000/);
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to the default for a stored value that no longer validates', async () => {
    await db.settings.put({ key: 'page.hoverDelayMs', value: 'slow' });
    expect((await readSettings(db)).hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
  });
});
