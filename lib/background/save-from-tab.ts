/**
 * Saving the selection of a tab at once, without the popup: the page's
 * context menu ("Save quote to Dramatis") and the save-quote shortcut. The
 * background asks the tab's content script for the selection, saves it, and
 * tells the tab, which highlights the quote and opens its card with a note
 * field so the reader can add a note.
 *
 * Functions of their dependencies, so tests call them as the menu click and the
 * shortcut do: browser UI (menus, shortcuts) cannot be driven by a test.
 */
import type { DramatisDB } from '@/lib/store/db';
import { errorText, t } from '@/lib/i18n/i18n';
import { saveQuote } from '@/lib/store/annotations';
import type { AnnotationRecord } from '@/lib/model/records';
import { readTabPage, tellTab, type TabMessenger } from '@/lib/messaging/tab-messages';

/** The command name of the save-quote shortcut, as declared in the manifest. */
export const SAVE_QUOTE_COMMAND = 'save-quote';

/** The id of the "Save quote to Dramatis" context menu item. */
export const SAVE_QUOTE_MENU_ID = 'dramatis-save-quote';

/** The part of `browser.contextMenus` (Firefox: `menus`) used here. */
export interface MenusApi {
  removeAll(): Promise<void>;
  create(properties: { id: string; title: string; contexts: ['selection'] }): unknown;
}

/**
 * Adds the context menu item, shown only on a selection. Called at install and
 * at every browser start: Chrome keeps items across restarts (so the old ones
 * are removed first, or create() fails on a duplicate id) and Firefox does not.
 * Never throws: a failure is logged, and the popup and shortcut still save.
 */
export async function registerSaveQuoteMenu(menus: MenusApi): Promise<void> {
  try {
    await menus.removeAll();
    menus.create({
      id: SAVE_QUOTE_MENU_ID,
      title: t('menuSaveQuote'),
      contexts: ['selection'],
    });
  } catch (error) {
    // The popup and the shortcut still save; only the menu item is missing.
    console.error('Dramatis: adding the "Save quote" menu item failed:', error);
  }
}

/** The part of `browser.windows` used to show a problem. */
export interface WindowsApi {
  create(properties: {
    url: string;
    type: 'popup';
    width: number;
    height: number;
  }): Promise<unknown>;
}

/**
 * Opens the popup page in a small window for tab `tabId`, saying `problem`:
 * a menu click or a shortcut has no UI of its own to say that nothing was
 * selected or that the browser refused to save, and the popup page can show
 * it in words and offers the same selection to save again, so nothing is lost.
 * `popupUrl` is `runtime.getURL('/popup.html')`.
 */
export async function showProblemInPopup(
  windows: WindowsApi,
  popupUrl: string,
  tabId: number,
  problem: string,
): Promise<void> {
  const query = new URLSearchParams({ tab: String(tabId), problem });
  try {
    await windows.create({ url: `${popupUrl}?${query}`, type: 'popup', width: 420, height: 560 });
  } catch (error) {
    console.error(`Dramatis: could not show "${problem}":`, error);
  }
}

/** The outcome of {@link saveSelectionFromTab}. */
export type SaveFromTabResult =
  { ok: true; annotation: AnnotationRecord } | { ok: false; problem: string };

/**
 * Saves the current selection of tab `tabId` as a quote (with the entities
 * marked inside it), then tells the tab `quoteSaved` so it highlights the quote
 * and offers a note. Never throws: what went wrong is answered in words (no
 * content script, nothing selected, the store refused), and logged.
 */
export async function saveSelectionFromTab(
  db: DramatisDB,
  tabs: TabMessenger,
  tabId: number,
): Promise<SaveFromTabResult> {
  try {
    const page = await readTabPage(tabs, tabId);
    if (!page.selection) return { ok: false, problem: t('nothingSelected') };
    const { quote, position, entities } = page.selection;
    const annotation = await saveQuote(db, {
      url: page.url,
      canonicalUrl: page.canonicalUrl,
      title: page.title,
      quote,
      position,
      entityIds: entities.map((entity) => entity.id),
    });
    await tellTab(tabs, tabId, 'quoteSaved', { annotationId: annotation.id });
    return { ok: true, annotation };
  } catch (error) {
    console.error(`Dramatis: saving the selection of tab ${tabId} failed:`, error);
    return { ok: false, problem: errorText(error) };
  }
}
