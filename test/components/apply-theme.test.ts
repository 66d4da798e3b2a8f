// @vitest-environment happy-dom
/** The theme setting reaches extension pages as data-theme, live. */
import { afterEach, describe, expect, it } from 'vitest';
import { followTheme } from '@/components/shared/apply-theme';
import { writeSettings } from '@/lib/store/settings';
import { freshDb } from '../lib/store/fixtures';

const db = freshDb();
afterEach(() => delete document.documentElement.dataset.theme);

describe('followTheme', () => {
  it('sets data-theme from the stored setting and follows changes', async () => {
    const stop = followTheme(db);
    await writeSettings(db, { theme: 'dark' });
    await expect.poll(() => document.documentElement.dataset.theme).toBe('dark');
    await writeSettings(db, { theme: 'system' });
    await expect.poll(() => document.documentElement.dataset.theme).toBeUndefined();
    stop();
    await expect(writeSettings(db, { theme: 'sepia' })).rejects.toThrow(/theme must be one of/);
  });
});
