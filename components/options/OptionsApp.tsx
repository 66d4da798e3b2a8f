/** The options page layout; each section is its own component. */
import { OptionsData } from './OptionsData';
import { OptionsNotes } from './OptionsNotes';
import { OptionsProfiles } from './OptionsProfiles';
import { OptionsSources } from './OptionsSources';
import { ProfileStoreSection } from './ProfileStoreSection';
import { SettingsSection } from './SettingsSection';
import { t } from '@/lib/i18n/i18n';
import type { DramatisDB } from '@/lib/store/db';

/** The whole options page; `db` is the extension's store, read directly (and live) by the sections that list it. */
export function OptionsApp({ db }: { db: DramatisDB }) {
  return (
    <>
      <header class="page-header">
        <h1>{t('extName')}</h1>
        <p>{t('optionsLede')}</p>
      </header>
      <main>
        <OptionsNotes db={db} />
        <SettingsSection />
        <OptionsProfiles db={db} />
        <ProfileStoreSection />
        <OptionsSources db={db} />
        <OptionsData db={db} />
      </main>
    </>
  );
}
