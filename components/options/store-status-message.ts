/**
 * What the options page tells the reader about the profile store, as plain data
 * so the wording is tested without a DOM.
 */
import type { Result, StoreStatus } from '@/lib/messaging/protocol';
import { errorText, t } from '@/lib/i18n/i18n';

/** A sentence for the reader, and whether it reports a problem (announced at once) or progress. */
export interface StatusMessage {
  tone: 'progress' | 'problem';
  text: string;
}

/**
 * The message to show above the counts, or null when the store is loaded and
 * there is nothing to say. `null` status means the first answer has not come yet.
 */
export function storeStatusMessage(status: Result<StoreStatus> | null): StatusMessage | null {
  if (status === null) return { tone: 'progress', text: t('readingStore') };
  if (!status.ok) return { tone: 'problem', text: errorText(status.error) };
  const { import: state, bundle } = status.value;
  switch (state.state) {
    case 'never':
    case 'importing':
      return bundle === null
        ? { tone: 'progress', text: t('loadingBundle') }
        : { tone: 'progress', text: t('updatingBundle') };
    case 'failed':
      return {
        tone: 'problem',
        text:
          bundle === null
            ? t('bundleFailed', state.error)
            : t('bundleFailedKeptPrevious', state.error),
      };
    case 'done':
      return null;
  }
}

/** True while the store is still being filled, so the page should ask again shortly. */
export function isStillLoading(status: Result<StoreStatus> | null): boolean {
  if (status === null || !status.ok) return false;
  const { state } = status.value.import;
  return state === 'never' || state === 'importing';
}
