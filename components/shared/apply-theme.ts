/**
 * The reader's theme on an extension page: sets `data-theme` on <html>
 * ("light" or "dark"; absent for "system", where the stylesheet follows
 * prefers-color-scheme), and follows changes made on the options page live.
 */
import { liveQuery } from 'dexie';
import type { DramatisDB } from '@/lib/store/db';
import { readSettings } from '@/lib/store/settings';
import { type Theme } from '@/lib/model/settings';

/** Applies `theme` to `root`. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Keeps this page's theme in step with the stored setting; answers a function that stops. */
export function followTheme(db: DramatisDB): () => void {
  const subscription = liveQuery(() => readSettings(db)).subscribe({
    next: (settings) => applyTheme(settings.theme),
    error: (error: unknown) => console.error('Dramatis: reading the theme failed:', error),
  });
  return () => subscription.unsubscribe();
}
