/** The options page: mounts the app; everything it shows lives in components/. */
import { render } from 'preact';
import { followTheme } from '@/components/shared/apply-theme';
import { t } from '@/lib/i18n/i18n';
import { DramatisDB } from '@/lib/store/db';
import { OptionsApp } from '@/components/options/OptionsApp';

function main(): void {
  const root = document.getElementById('app');
  // The HTML's <title> is the English fallback; the tab shows the reader's language.
  document.title = t('optionsTitle');
  if (!root) throw new Error('options.html has no #app element');
  // The options page shares the extension origin, so it opens the store itself.
  const db = new DramatisDB();
  followTheme(db);
  render(<OptionsApp db={db} />, root);
}

main();
