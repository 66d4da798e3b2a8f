/**
 * The toolbar popup: saves the selection of the active tab as a quote (or says
 * how to select, and lists what is saved on the page), and has the on/off
 * switches for all pages and for the tab's site, and adds the tab's article to
 * the sources (AddArticle). `?tab=<id>` targets another
 * tab (tests, screenshots; see use-target-tab.ts).
 */
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/i18n';
import { AddArticle } from './AddArticle';
import { QuoteCapture } from './QuoteCapture';
import { activeSiteOf, SiteToggle } from './SiteToggle';
import { useSettings } from '@/components/hooks/use-settings';
import { useTargetTab } from '@/components/hooks/use-target-tab';
import { applyTheme } from '@/components/shared/apply-theme';
import { BrandMark } from '@/components/shared/BrandMark';

/** The whole popup. */
export function PopupApp() {
  const { settings, error, update } = useSettings();
  const tab = useTargetTab();
  const site = tab && activeSiteOf(tab.url);
  // Set when the context menu or the shortcut could not save (lib/background/save-from-tab.ts).
  const problem = new URLSearchParams(globalThis.location?.search ?? '').get('problem');
  // The reader's theme from Settings, as on every other page (components/shared/apply-theme.ts).
  const theme = settings?.theme;
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
  return (
    <main>
      <header class="popup-header">
        <BrandMark size={22} />
        <h1>{t('extName')}</h1>
        <a
          class="header-link"
          href={browser.runtime.getURL('/options.html')}
          target="_blank"
          rel="noreferrer"
        >
          {t('allSettings')}
        </a>
      </header>
      {error && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      {tab && <QuoteCapture tab={tab} />}
      {tab && <AddArticle tab={tab} />}
      <footer class="popup-footer">
        {settings ? (
          <SiteToggle settings={settings} site={site} onChange={update} />
        ) : (
          !error && <p class="hint">{t('readingSettings')}</p>
        )}
      </footer>
    </main>
  );
}
