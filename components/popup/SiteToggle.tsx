/**
 * The popup's switches: Dramatis on or off everywhere, and on or off for the
 * site of the active tab. Both write the page settings through the background,
 * which tells the open tabs at once.
 */
import { isSiteDisabled, type Settings, type SettingsPatch } from '@/lib/model/settings';
import { Message } from '@/components/shared/Message';
import { t } from '@/lib/i18n/i18n';

/** The active tab's host, or why there is none to toggle. */
export type ActiveSite = { host: string } | { problem: string };

/**
 * The host to list for a tab's URL, or why the popup cannot offer a site switch:
 * Dramatis only reads web pages, and the browser hides some tabs' addresses.
 */
export function activeSiteOf(url: string | undefined): ActiveSite {
  if (!url) return { problem: t('tabAddressHidden') };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: t('tabNoWebAddress') };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { problem: t('notOnBrowserPages') };
  }
  return { host: parsed.hostname.toLowerCase() };
}

/** The patch that turns `host` on or off, given the current settings. */
export function sitePatch(settings: Settings, host: string, on: boolean): SettingsPatch {
  if (!on) return { disabledSites: [...settings.disabledSites, host] };
  // Turning a site on removes every entry that covers it, the site or a parent domain.
  const covering = (site: string) => host === site || host.endsWith(`.${site}`);
  return { disabledSites: settings.disabledSites.filter((site) => !covering(site)) };
}

/** Props of {@link SiteToggle}. */
export interface SiteToggleProps {
  settings: Settings;
  site: ActiveSite | null;
  onChange: (patch: SettingsPatch) => Promise<boolean>;
}

/** The two switches; the site switch only when Dramatis is on and the tab is a web page. */
export function SiteToggle({ settings, site, onChange }: SiteToggleProps) {
  const host = site && 'host' in site ? site.host : null;
  const siteOn = host !== null && !isSiteDisabled(settings, host);
  return (
    <div class="toggles">
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={settings.enabled}
          onChange={(event) => void onChange({ enabled: event.currentTarget.checked })}
        />
        <span>{t('markNamesOnPages')}</span>
      </label>
      {host !== null && (
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            checked={siteOn}
            disabled={!settings.enabled}
            onChange={(event) =>
              void onChange(sitePatch(settings, host, event.currentTarget.checked))
            }
          />
          <span>
            <Message id="markNamesOnSite" parts={[<strong>{host}</strong>]} />
          </span>
        </label>
      )}
      {site && 'problem' in site && <p class="hint">{site.problem}</p>}
    </div>
  );
}
