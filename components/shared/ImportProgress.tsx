/**
 * How far loading the bundled profiles has come: a native progress bar with its
 * text, shown on the options page and the welcome page while a large store
 * imports. Markup only; the look is `.progress` in the pages' styles.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { ImportState } from '@/lib/model/records';
import { sendMessage } from '@/lib/messaging/send';
import { t } from '@/lib/i18n/i18n';

const numberFormat = new Intl.NumberFormat();

/** How often to ask again while an import runs. */
const POLL_MS = 500;

/** The label for an import in progress: what it is doing, and how many of how many profiles. */
export function importProgressLabel(state: ImportState): string | null {
  if (state.state !== 'importing') return null;
  const { progress } = state;
  if (!progress) return t('importPreparing');
  const counts = [numberFormat.format(progress.done), numberFormat.format(progress.total)];
  return progress.phase === 'checking' ? t('importChecking', counts) : t('importWriting', counts);
}

/** The progress bar for `state`; nothing unless an import is running. */
export function ImportProgress({ state }: { state: ImportState | null }) {
  const id = useId();
  if (state?.state !== 'importing') return null;
  const { progress } = state;
  return (
    <p class="import-progress">
      <label for={id}>{importProgressLabel(state)}</label>{' '}
      {/* Without a known total the bar is indeterminate, which a value would contradict. */}
      {progress && progress.total > 0 ? (
        <progress id={id} class="progress" max={progress.total} value={progress.done} />
      ) : (
        <progress id={id} class="progress" />
      )}
    </p>
  );
}

/** Asks the background for the import state, again every {@link POLL_MS} while an import runs. */
export function useImportState(): ImportState | null {
  const [state, setState] = useState<ImportState | null>(null);
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const result = await sendMessage('getStoreStatus', {});
      if (cancelled) return;
      if (!result.ok) return setState(null);
      setState(result.value.import);
      const { state: now } = result.value.import;
      if (now === 'never' || now === 'importing') timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, []);
  return state;
}

/** The progress bar, connected to the background (for pages that do not ask for the store status themselves). */
export function LiveImportProgress() {
  return <ImportProgress state={useImportState()} />;
}
