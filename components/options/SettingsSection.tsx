/**
 * The options page's "Settings" section: whether and how Dramatis marks names
 * on pages. Every change is saved at once through the background, which tells
 * open tabs, so there is no Save button to forget.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EntityKind } from '@/lib/model/bundle-format';
import {
  ENTITY_KINDS,
  HOVER_DELAY_RANGE,
  THEMES,
  type Settings,
  type SettingsPatch,
  type Theme,
} from '@/lib/model/settings';
import { useSettings } from '@/components/hooks/use-settings';
import { t } from '@/lib/i18n/i18n';

/** Kinds as the settings name them (plural: "mark people"). */
function kindName(kind: EntityKind): string {
  if (kind === 'person') return t('kindPeople');
  return kind === 'organization' ? t('kindOrganizations') : t('kindPlaces');
}

/** Themes as the settings name them. */
function themeName(theme: Theme): string {
  if (theme === 'system') return t('themeSystem');
  return theme === 'light' ? t('themeLight') : t('themeDark');
}

/** The slider's step: finer than a reader can feel, coarse enough to drag. */
const DELAY_STEP = 50;

/** What is wrong with a typed hover delay, or null when it can be saved. */
export function hoverDelayProblem(value: string): string | null {
  const ms = Number(value);
  const { min, max } = HOVER_DELAY_RANGE;
  return value.trim() !== '' && Number.isInteger(ms) && ms >= min && ms <= max
    ? null
    : t('hoverDelayProblem', [min, max]);
}

/** Props of {@link SettingsView}. */
export interface SettingsViewProps {
  settings: Settings | null;
  error: string | null;
  saving: boolean;
  onChange: (patch: SettingsPatch) => Promise<boolean>;
}

/** The hover delay as a slider and a number field that stay in step; saved when the reader lets go. */
function HoverDelay({
  value,
  onChange,
}: {
  value: number;
  onChange: SettingsViewProps['onChange'];
}) {
  const [draft, setDraft] = useState(String(value));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(String(value)), [value]);
  const commit = (text: string) => {
    const found = hoverDelayProblem(text);
    setProblem(found);
    if (!found && Number(text) !== value) void onChange({ hoverDelayMs: Number(text) });
  };
  const { min, max } = HOVER_DELAY_RANGE;
  return (
    <div class="setting">
      <label for="hover-delay">{t('hoverDelayLabel')}</label>
      <div class="delay-inputs">
        <input
          type="range"
          min={min}
          max={max}
          step={DELAY_STEP}
          value={draft}
          aria-label={t('hoverDelaySlider')}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onChange={(event) => commit(event.currentTarget.value)}
        />
        <input
          id="hover-delay"
          type="number"
          min={min}
          max={max}
          step={DELAY_STEP}
          value={draft}
          aria-invalid={problem !== null}
          aria-describedby="hover-delay-help"
          onInput={(event) => setDraft(event.currentTarget.value)}
          onChange={(event) => commit(event.currentTarget.value)}
        />{' '}
        {t('millisecondsUnit')}
      </div>
      <p id="hover-delay-help" class={problem ? 'field-problem' : 'help'}>
        {problem ?? t('hoverDelayHelp', [min, max])}
      </p>
    </div>
  );
}

function DisabledSites({
  sites,
  onChange,
}: {
  sites: string[];
  onChange: SettingsViewProps['onChange'];
}) {
  if (sites.length === 0) {
    return <p class="help">{t('noSitesOff')}</p>;
  }
  return (
    <ul class="site-list">
      {sites.map((site) => (
        <li key={site}>
          <span>{site}</span>{' '}
          <button
            type="button"
            aria-label={t('markSiteAgain', site)}
            onClick={() => void onChange({ disabledSites: sites.filter((s) => s !== site) })}
          >
            {t('remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The section for given settings; a pure view so it is tested without a background. */
export function SettingsView({ settings, error, saving, onChange }: SettingsViewProps) {
  return (
    <section class="card settings" aria-labelledby="settings-heading" aria-busy={saving}>
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      {error && (
        <p class="message problem" role="alert">
          {error}
        </p>
      )}
      {settings === null ? (
        !error && <p class="lead">{t('readingSettings')}</p>
      ) : (
        <>
          <label class="setting check">
            <input
              type="checkbox"
              checked={settings.enabled}
              onChange={(event) => void onChange({ enabled: event.currentTarget.checked })}
            />{' '}
            {t('markNamesOnPages')}
          </label>
          <fieldset class="setting" disabled={!settings.enabled}>
            <legend>{t('kindsToMark')}</legend>
            {ENTITY_KINDS.map((kind) => (
              <label key={kind} class="check">
                <input
                  type="checkbox"
                  checked={settings.kinds[kind]}
                  onChange={(event) =>
                    void onChange({ kinds: { [kind]: event.currentTarget.checked } })
                  }
                />{' '}
                {kindName(kind)}
              </label>
            ))}
          </fieldset>
          <fieldset class="setting">
            <legend>{t('openACard')}</legend>
            <label class="check">
              <input
                type="radio"
                name="click-mode"
                checked={!settings.clickMode}
                onChange={() => void onChange({ clickMode: false })}
              />{' '}
              {t('openOnHover')}
            </label>
            <label class="check">
              <input
                type="radio"
                name="click-mode"
                checked={settings.clickMode}
                onChange={() => void onChange({ clickMode: true })}
              />{' '}
              {t('openOnClick')}
            </label>
          </fieldset>
          {!settings.clickMode && <HoverDelay value={settings.hoverDelayMs} onChange={onChange} />}
          <fieldset class="setting">
            <legend>{t('themeLegend')}</legend>
            {THEMES.map((theme) => (
              <label class="check" key={theme}>
                <input
                  type="radio"
                  name="theme"
                  checked={settings.theme === theme}
                  onChange={() => void onChange({ theme })}
                />{' '}
                {themeName(theme)}
              </label>
            ))}
          </fieldset>
          <div class="setting">
            <h3 id="sites-heading">{t('sitesOffHeading')}</h3>
            <DisabledSites sites={settings.disabledSites} onChange={onChange} />
          </div>
          <p class="saved-status" role="status">
            {saving ? t('saving') : ''}
          </p>
        </>
      )}
    </section>
  );
}

/** The section, connected to the background. */
export function SettingsSection() {
  const { settings, error, saving, update } = useSettings();
  return <SettingsView settings={settings} error={error} saving={saving} onChange={update} />;
}
