/**
 * The side panel's "This page" view: what the reader saved on the page in the
 * active tab, oldest first, with the quotes the page no longer holds marked as
 * orphaned (the content script reports which it could not place). Follows tab
 * switches and navigation, and the store through liveQuery.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/i18n';
import { browser } from 'wxt/browser';
import { readTabPage } from '@/lib/messaging/tab-messages';
import { annotationsForUrl } from '@/lib/store/annotations';
import type { DramatisDB } from '@/lib/store/db';
import type { AnnotationRecord } from '@/lib/model/records';
import { ResultList } from './ResultList';

/** The page in the active tab, as far as this view needs it. */
interface ActivePage {
  tabId: number;
  url: string;
  canonicalUrl: string | null;
  orphanedIds: string[];
}

/** Reads the active tab and, when its content script answers, its canonical link and orphans. */
async function readActivePage(): Promise<ActivePage | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || !tab.url) return null;
  try {
    const state = await readTabPage(browser.tabs, tab.id);
    return {
      tabId: tab.id,
      url: state.url,
      canonicalUrl: state.canonicalUrl,
      orphanedIds: state.orphanedIds,
    };
  } catch {
    // A browser page or a tab loaded before install: its address still finds what was saved.
    return { tabId: tab.id, url: tab.url, canonicalUrl: null, orphanedIds: [] };
  }
}

/** Props of {@link SidePanelThisPage}. */
export interface SidePanelThisPageProps {
  db: DramatisDB;
  names: ReadonlyMap<string, string>;
  onOpen: (record: AnnotationRecord) => void;
}

/** The annotations of the active tab's page. */
export function SidePanelThisPage({ db, names, onOpen }: SidePanelThisPageProps) {
  const [page, setPage] = useState<ActivePage | null | undefined>(undefined);
  const [records, setRecords] = useState<AnnotationRecord[]>([]);

  useEffect(() => {
    const refresh = () =>
      void readActivePage().then(setPage, (error: unknown) => {
        console.error('Dramatis: reading the active tab failed:', error);
        setPage(null);
      });
    refresh();
    const onUpdated = (_id: number, change: { status?: string }) => {
      if (change.status === 'complete') refresh();
    };
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  useEffect(() => {
    if (!page) return;
    const subscription = liveQuery(() =>
      annotationsForUrl(db, page.url, page.canonicalUrl),
    ).subscribe({
      next: setRecords,
      error: (error: unknown) =>
        console.error('Dramatis: reading this page’s quotes failed:', error),
    });
    return () => subscription.unsubscribe();
  }, [db, page?.url, page?.canonicalUrl]);

  if (page === undefined) return <p aria-busy="true">{t('readingTab')}</p>;
  if (page === null || records.length === 0) {
    return <p class="empty empty-state">{t('nothingSavedOnPage')}</p>;
  }
  const rows = records.map((record) => ({
    record,
    matches: [],
    orphaned: page.orphanedIds.includes(record.id),
  }));
  return <ResultList label={t('savedOnThisPage')} rows={rows} names={names} onOpen={onOpen} />;
}
