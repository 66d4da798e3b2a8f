/**
 * The options page layout: a side navigation (Notes, Profiles, Sources,
 * Settings, Data) beside one scrolling column of sections. Each nav entry is a
 * hash link (`#profiles`), so sections can be linked to and the browser's
 * Back returns; the entry of the section in view is `aria-current`.
 */
import { OptionsData } from './OptionsData';
import { OptionsNotes } from './OptionsNotes';
import { OptionsProfiles } from './OptionsProfiles';
import { OptionsSources } from './OptionsSources';
import { ProfileStoreSection } from './ProfileStoreSection';
import { SettingsSection } from './SettingsSection';
import { OPTIONS_SECTIONS, useCurrentSection, type OptionsSectionId } from './options-nav';
import { t } from '@/lib/i18n/i18n';
import { BrandMark } from '@/components/shared/BrandMark';
import type { DramatisDB } from '@/lib/store/db';

/** A section's name in the navigation: the heading it leads to. */
function sectionName(id: OptionsSectionId): string {
  switch (id) {
    case 'notes':
      return t('notesHeading');
    case 'profiles':
      return t('profilesHeading');
    case 'sources':
      return t('sourcesHeading');
    case 'settings':
      return t('settingsHeading');
    case 'data':
      return t('dataHeading');
  }
}

/** The side navigation. */
function OptionsNav() {
  const current = useCurrentSection();
  return (
    <nav class="side-nav" aria-label={t('optionsNavLabel')}>
      <ul>
        {OPTIONS_SECTIONS.map((id) => (
          <li key={id}>
            <a href={`#${id}`} aria-current={id === current ? 'location' : undefined}>
              <span class={`nav-icon nav-icon-${id}`} aria-hidden="true" />
              {sectionName(id)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The whole options page; `db` is the extension's store, read directly (and live) by the sections that list it. */
export function OptionsApp({ db }: { db: DramatisDB }) {
  return (
    <div class="options-layout">
      <div class="sidebar">
        <header class="page-header">
          <h1 class="brand">
            <BrandMark size={28} />
            {t('extName')}
          </h1>
          <p class="brand-lede">{t('optionsLede')}</p>
        </header>
        <OptionsNav />
      </div>
      <main>
        <div id="notes" class="route">
          <OptionsNotes db={db} />
        </div>
        <div id="profiles" class="route">
          <OptionsProfiles db={db} />
          <ProfileStoreSection />
        </div>
        <div id="sources" class="route">
          <OptionsSources db={db} />
        </div>
        <div id="settings" class="route">
          <SettingsSection />
        </div>
        <div id="data" class="route">
          <OptionsData db={db} />
        </div>
      </main>
    </div>
  );
}
