/** The options page layout; each section is its own component. */
import { ProfileStoreSection } from '@/components/ProfileStoreSection';
import { SettingsSection } from '@/components/SettingsSection';

/** The whole options page. */
export function OptionsApp() {
  return (
    <>
      <header class="page-header">
        <h1>Dramatis</h1>
        <p>Everything Dramatis knows and keeps stays in this browser.</p>
      </header>
      <main>
        <SettingsSection />
        <ProfileStoreSection />
      </main>
    </>
  );
}
