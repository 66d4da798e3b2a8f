/**
 * The options page layout: a side navigation (Notes, Profiles, Sources,
 * Settings, Data) beside the one section it chose. Each nav entry is a hash
 * link (`#profiles`, routed by options-nav.ts), so sections can be linked to
 * and Back returns; the entry of the section shown is `aria-current="page"`.
 * Every section stays mounted and the others are `hidden`, so a half-typed
 * correction or an import under way survives a look at another section.
 */
import { OptionsData } from './OptionsData';
import { OptionsNotes } from './OptionsNotes';
import { OptionsProfiles } from './OptionsProfiles';
import { OptionsSources } from './OptionsSources';
import { ProfileStoreSection } from './ProfileStoreSection';
import { SettingsSection } from './SettingsSection';
import {
  OPTIONS_SECTIONS,
  useFocusOnRouteChange,
  useRoute,
  type OptionsSectionId,
} from './options-nav';
import type { ComponentChildren } from 'preact';
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

/** The side navigation; `current` is the section shown. */
function OptionsNav({ current }: { current: OptionsSectionId }) {
  return (
    <nav class="side-nav" aria-label={t('optionsNavLabel')}>
      <ul>
        {OPTIONS_SECTIONS.map((id) => (
          <li key={id}>
            <a href={`#${id}`} aria-current={id === current ? 'page' : undefined}>
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
  const route = useRoute();
  useFocusOnRouteChange(route);
  /**
   * One section's container, shown only when it is the route. Named by a data
   * attribute, not an id: an element with the hash's id would make the browser
   * jump to it on every link, scrolling the page under the reader.
   */
  const section = (id: OptionsSectionId, children: ComponentChildren) => (
    <div data-section={id} class="route" hidden={id !== route}>
      {children}
    </div>
  );
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
        <OptionsNav current={route} />
      </div>
      <main>
        {section('notes', <OptionsNotes db={db} />)}
        {section(
          'profiles',
          <>
            <OptionsProfiles db={db} />
            <ProfileStoreSection />
          </>,
        )}
        {section('sources', <OptionsSources db={db} />)}
        {section('settings', <SettingsSection />)}
        {section('data', <OptionsData db={db} />)}
      </main>
    </div>
  );
}
