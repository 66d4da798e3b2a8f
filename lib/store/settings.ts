/**
 * Reading and writing the reader's page settings (lib/model/settings.ts).
 * Stored as one row per setting in the settings table, so settings added
 * later (by other features) never rewrite these rows.
 */
import {
  applySettingsPatch,
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  settingFieldProblem,
  settingsPatchError,
  type Settings,
  type SettingsPatch,
} from '@/lib/model/settings';
import type { JsonValue } from '@/lib/model/records';
import type { DramatisDB } from './db';

/** The row key a page setting is stored under (prefixed so other features' settings never collide). */
function rowKey(name: (typeof SETTING_KEYS)[number]): string {
  return `page.${name}`;
}

/**
 * The reader's settings, defaults filling what was never set. A stored value
 * that no longer validates (written by an older version) falls back to its
 * default with a warning rather than breaking every page.
 */
export async function readSettings(db: DramatisDB): Promise<Settings> {
  const rows = await db.settings.bulkGet(SETTING_KEYS.map(rowKey));
  const patch: Record<string, JsonValue> = {};
  SETTING_KEYS.forEach((name, i) => {
    const row = rows[i];
    if (row === undefined) return;
    const problem = settingFieldProblem(name, row.value);
    if (problem) {
      const why = typeof problem === 'string' ? problem : problem.message;
      console.warn(`Dramatis: ignoring stored setting ${name}: ${why}`);
    } else patch[name] = row.value;
  });
  return applySettingsPatch(DEFAULT_SETTINGS, patch as SettingsPatch);
}

/** Validates and stores `patch`, returning the settings after the change. Throws the problem's text on bad input. */
export async function writeSettings(db: DramatisDB, patch: unknown): Promise<Settings> {
  const problem = settingsPatchError(patch);
  if (problem) throw problem;
  return db.transaction('rw', db.settings, async () => {
    const next = applySettingsPatch(await readSettings(db), patch as SettingsPatch);
    await db.settings.bulkPut(
      SETTING_KEYS.map((name) => ({ key: rowKey(name), value: next[name] as JsonValue })),
    );
    return next;
  });
}
