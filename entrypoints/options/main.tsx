/** The options page: mounts the app; everything it shows lives in components/. */
import { render } from 'preact';
import { followTheme } from '@/components/shared/apply-theme';
import { t } from '@/lib/i18n/i18n';
import { DramatisDB } from '@/lib/store/db';
import { OptionsApp } from '@/components/options/OptionsApp';
import { keepStoreOnFirstSave } from '@/components/shared/keep-store';

function main(): void {
  keepStoreOnFirstSave();
  const root = document.getElementById('app');
  // The HTML's <title> is the English fallback; the tab shows the reader's language.
  document.title = t('optionsTitle');
  if (!root) throw new Error('options.html has no #app element');
  // The options page shares the extension origin, so it reads the store itself
  // (changes go through the background: docs/ARCHITECTURE.md, "Data access").
  const db = new DramatisDB();
  followTheme(db);
  render(<OptionsApp db={db} />, root);
}

main();
