/**
 * The options page's "Settings" section: whether and how Dramatis marks names
 * on pages. Every change is saved at once through the background, which tells
 * open tabs, so there is no Save button to forget.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EntityKind } from '@/lib/profiles/bundle-format';
import {
  ENTITY_KINDS,
  HOVER_DELAY_RANGE,
  THEMES,
  type Settings,
  type SettingsPatch,
  type Theme,
} from '@/lib/store/settings';
import { useSettings } from './use-settings';

/** Kinds as the settings name them (plural: "mark people"). */
const KIND_NAMES: Record<EntityKind, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
};

/** Themes as the settings name them. */
const THEME_NAMES: Record<Theme, string> = {
  system: 'Same as the browser',
  light: 'Light',
  dark: 'Dark',
};

/** The slider's step: finer than a reader can feel, coarse enough to drag. */
const DELAY_STEP = 50;

/** What is wrong with a typed hover delay, or null when it can be saved. */
export function hoverDelayProblem(value: string): string | null {
  const ms = Number(value);
  const { min, max } = HOVER_DELAY_RANGE;
  return value.trim() !== '' && Number.isInteger(ms) && ms >= min && ms <= max
    ? null
    : `Enter a whole number of milliseconds from ${min} to ${max}.`;
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
      <label for="hover-delay">Hover delay before a card opens</label>
      <div class="delay-inputs">
        <input
          type="range"
          min={min}
          max={max}
          step={DELAY_STEP}
          value={draft}
          aria-label="Hover delay slider"
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
        ms
      </div>
      <p id="hover-delay-help" class={problem ? 'field-problem' : 'help'}>
        {problem ?? `From ${min} to ${max} ms; 0 opens the card at once.`}
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
    return <p class="help">No sites are turned off. Turn one off from the toolbar popup.</p>;
  }
  return (
    <ul class="site-list">
      {sites.map((site) => (
        <li key={site}>
          <span>{site}</span>{' '}
          <button
            type="button"
            aria-label={`Mark names on ${site} again`}
            onClick={() => void onChange({ disabledSites: sites.filter((s) => s !== site) })}
          >
            Remove
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
      <h2 id="settings-heading">Settings</h2>
      {error && (
        <p class="message problem" role="alert">
          {error}
        </p>
      )}
      {settings === null ? (
        !error && <p class="lead">Reading your settings…</p>
      ) : (
        <>
          <label class="setting check">
            <input
              type="checkbox"
              checked={settings.enabled}
              onChange={(event) => void onChange({ enabled: event.currentTarget.checked })}
            />{' '}
            Mark names on pages
          </label>
          <fieldset class="setting" disabled={!settings.enabled}>
            <legend>Kinds to mark</legend>
            {ENTITY_KINDS.map((kind) => (
              <label key={kind} class="check">
                <input
                  type="checkbox"
                  checked={settings.kinds[kind]}
                  onChange={(event) =>
                    void onChange({ kinds: { [kind]: event.currentTarget.checked } })
                  }
                />{' '}
                {KIND_NAMES[kind]}
              </label>
            ))}
          </fieldset>
          <fieldset class="setting">
            <legend>Open a card</legend>
            <label class="check">
              <input
                type="radio"
                name="click-mode"
                checked={!settings.clickMode}
                onChange={() => void onChange({ clickMode: false })}
              />{' '}
              when the pointer rests on a name
            </label>
            <label class="check">
              <input
                type="radio"
                name="click-mode"
                checked={settings.clickMode}
                onChange={() => void onChange({ clickMode: true })}
              />{' '}
              only when I click a name
            </label>
          </fieldset>
          {!settings.clickMode && <HoverDelay value={settings.hoverDelayMs} onChange={onChange} />}
          <fieldset class="setting">
            <legend>Theme of Dramatis’s own pages</legend>
            {THEMES.map((theme) => (
              <label class="check" key={theme}>
                <input
                  type="radio"
                  name="theme"
                  checked={settings.theme === theme}
                  onChange={() => void onChange({ theme })}
                />{' '}
                {THEME_NAMES[theme]}
              </label>
            ))}
          </fieldset>
          <div class="setting">
            <h3 id="sites-heading">Sites where Dramatis is off</h3>
            <DisabledSites sites={settings.disabledSites} onChange={onChange} />
          </div>
          <p class="saved-status" role="status">
            {saving ? 'Saving…' : ''}
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
