/**
 * The popup's saving part: asks the tab's content script what is selected,
 * shows it as a quote card to save, or says how to select; then lists what is
 * saved on the page, orphaned quotes marked. After a save the page is told to
 * highlight the new quote at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorText, t } from '@/lib/i18n/i18n';
import { type PageState } from '@/lib/model/page-state';
import { readTabPage, tellTab } from '@/lib/messaging/tab-messages';
import { PageNoteForm } from './PageNoteForm';
import { QuoteForm } from './QuoteForm';
import { SavedOnPage } from './SavedOnPage';
import type { TargetTab } from '@/components/hooks/use-target-tab';

/** Props of {@link QuoteCapture}. */
export interface QuoteCaptureProps {
  tab: TargetTab;
}

/** Capture and the page's saved list. */
export function QuoteCapture({ tab }: QuoteCaptureProps) {
  const [page, setPage] = useState<PageState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(0);
  useEffect(() => {
    if (tab.id === null) return;
    readTabPage(browser.tabs, tab.id)
      .then(setPage)
      .catch((error: unknown) => setProblem(errorText(error)));
  }, [tab.id]);

  // Without a content script (a page opened before install), the list can still be read by URL.
  const address = page ?? (tab.url ? { url: tab.url, canonicalUrl: null, orphanedIds: [] } : null);
  return (
    <>
      {problem && <p class="hint">{problem}</p>}
      {page?.selection && saved === 0 && (
        <QuoteForm
          page={page}
          selection={page.selection}
          onSaved={() => {
            setSaved((count) => count + 1);
            if (tab.id !== null) void tellTab(browser.tabs, tab.id, 'annotationsChanged', {});
          }}
        />
      )}
      {saved > 0 && (
        <p class="saved-status" role="status">
          {page?.selection ? t('quoteSavedStatus') : t('noteSaved')}
        </p>
      )}
      {page && !page.selection && <p class="tip">{t('howToSelect')}</p>}
      {page && !page.selection && (
        <PageNoteForm page={page} onSaved={() => setSaved((count) => count + 1)} />
      )}
      {address && (
        <SavedOnPage
          url={address.url}
          canonicalUrl={address.canonicalUrl}
          orphanedIds={address.orphanedIds}
          version={saved}
        />
      )}
    </>
  );
}
