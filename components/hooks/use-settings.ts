/**
 * The reader's page settings for the options page and the popup, read and
 * written through the background (getSettings / updateSettings), so every page
 * and tab sees one truth.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorText } from '@/lib/i18n/i18n';
import { sendMessage } from '@/lib/messaging/send';
import type { Settings, SettingsPatch } from '@/lib/model/settings';

/** Settings as a page holds them. */
export interface SettingsHandle {
  /** Null until the first answer. */
  settings: Settings | null;
  /** What went wrong with the last read or write, in words to show; null when all is well. */
  error: string | null;
  /** True while a change is on its way. */
  saving: boolean;
  /** Applies a change; resolves to true when it was saved. */
  update: (patch: SettingsPatch) => Promise<boolean>;
}

/** Reads the settings once and keeps them in step with every change made here. */
export function useSettings(): SettingsHandle {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void sendMessage('getSettings', {}).then((result) => {
      if (cancelled) return;
      if (result.ok) setSettings(result.value);
      else setError(errorText(result.error));
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const update = useCallback(async (patch: SettingsPatch) => {
    setSaving(true);
    const result = await sendMessage('updateSettings', { patch });
    setSaving(false);
    if (!result.ok) {
      setError(errorText(result.error));
      return false;
    }
    setError(null);
    setSettings(result.value);
    return true;
  }, []);

  return { settings, error, saving, update };
}
