/**
 * "Add this article to sources" and removing an added article, as the popup
 * and the options page run them. These pages load this module with a dynamic
 * import on the click, so the extraction pipeline and Dexie cost nothing until
 * then (the background is one classic script where a dynamic import would be
 * inlined and parsed at every wake-up). The page opens the store itself, like
 * the options page does, and writes in one transaction, so a popup closed
 * half-way leaves the store as it was. Open tabs are then told to mark again;
 * their lookups read the alias-key table the same transaction rewrote.
 */
import { browser } from 'wxt/browser';
import type { RemoveSourceResult } from '@/lib/store/added-sources';
import { DramatisDB } from '@/lib/store/db';
import {
  addArticleFromTab,
  lazyPipeline,
  removeArticle,
  type AddArticleOutcome,
  type ArticleSourceDeps,
} from './add-article';
import { injectArticleReader } from '@/lib/messaging/inject-article-reader';
import { broadcastToTabs } from '@/lib/messaging/tab-messages';

const deps: ArticleSourceDeps = { readArticle: injectArticleReader, loadPipeline: lazyPipeline() };
let opened: DramatisDB | null = null;

/** Tells every open tab to look its names up again; a failure only delays marking until a reload. */
async function tellTabs(): Promise<void> {
  try {
    await broadcastToTabs(browser.tabs, 'profilesChanged', {});
  } catch (error) {
    console.error('Dramatis: telling tabs about new profiles failed:', error);
  }
}

/** Adds tab `tabId`'s article to the sources; throws a message for the reader when the page cannot be read. */
export async function addArticleInTab(tabId: number, db?: DramatisDB): Promise<AddArticleOutcome> {
  const outcome = await addArticleFromTab(db ?? (opened ??= new DramatisDB()), deps, tabId);
  if (outcome.status === 'added') await tellTabs();
  return outcome;
}

/** Removes an added article (Undo, or Remove on the options page) and tells the tabs. */
export async function removeAddedArticle(
  documentId: string,
  db?: DramatisDB,
): Promise<RemoveSourceResult> {
  const result = await removeArticle(db ?? (opened ??= new DramatisDB()), deps, documentId);
  if (result.changed) await tellTabs();
  return result;
}
