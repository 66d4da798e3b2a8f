/**
 * The toolbar popup: for now, the on/off switches for all pages and for the
 * active tab's site. (Saving a highlighted quote comes here later.)
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { activeSiteOf, SiteToggle, type ActiveSite } from './SiteToggle';
import { useSettings } from './use-settings';

/** The active tab's site, read once when the popup opens (the popup closes when the tab changes). */
function useActiveSite(): ActiveSite | null {
  const [site, setSite] = useState<ActiveSite | null>(null);
  useEffect(() => {
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => setSite(activeSiteOf(tab?.url)))
      .catch((error: unknown) => {
        console.error('Dramatis: reading the active tab failed:', error);
        setSite(activeSiteOf(undefined));
      });
  }, []);
  return site;
}

/** The whole popup. */
export function PopupApp() {
  const { settings, error, update } = useSettings();
  const site = useActiveSite();
  return (
    <main>
      <h1>Dramatis</h1>
      {error && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
      {settings ? (
        <SiteToggle settings={settings} site={site} onChange={update} />
      ) : (
        !error && <p class="hint">Reading your settings…</p>
      )}
      <p class="links">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          All settings
        </a>
      </p>
    </main>
  );
}
