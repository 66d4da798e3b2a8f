/**
 * What the background answers to each message, over the profile store.
 */
import type { DramatisDB } from '@/lib/store/db';
import { matchJoinedPageTexts } from '@/lib/match/page-text';
import { lookupAliasKeys, readBundleMeta, readImportState, storeCounts } from '@/lib/store/queries';
import { readSettings, writeSettings } from '@/lib/store/settings';
import { type Settings } from '@/lib/model/settings';
import { addEntityNote, deleteNote, updateNote } from '@/lib/store/notes';
import { getEntityProfile } from '@/lib/store/profile-queries';
import {
  allTags,
  annotationsForUrl,
  deleteAnnotation,
  restoreAnnotation,
  savePageNote,
  saveQuote,
  updateAnnotation,
} from '@/lib/store/annotations';
import { placeAnnotations } from '@/lib/anchor/place-annotations';
import { createEntitySearch } from '@/lib/store/entity-search';
import { MAX_ENTITY_SUGGESTIONS } from '@/lib/messaging/protocol';
import type { BackgroundHandlers, MessageSender } from '@/lib/messaging/router';

/** What the handlers tell the rest of the background about. */
export interface BackgroundHandlerHooks {
  /** Page settings changed; the background tells every tab (lib/messaging/tab-broadcast.ts). */
  onSettingsChanged?: (settings: Settings) => void;
  /**
   * An annotation was changed from inside tab `tabId` (its popover card, its
   * content script); the background tells that tab to anchor its quotes again.
   */
  onAnnotationsChanged?: (tabId: number) => void;
}

/** The handlers of every message to the background, reading `db`. */
export function createBackgroundHandlers(
  db: DramatisDB,
  hooks: BackgroundHandlerHooks = {},
): BackgroundHandlers {
  const searchEntities = createEntitySearch(db);
  // Changes made from a page's own card redraw that page's highlights at once.
  const changedFrom = <T>(sender: MessageSender, value: T): T => {
    if (sender.tab?.id !== undefined) hooks.onAnnotationsChanged?.(sender.tab.id);
    return value;
  };
  return {
    async getStoreStatus() {
      const [counts, bundle, importState] = await Promise.all([
        storeCounts(db),
        readBundleMeta(db),
        readImportState(db),
      ]);
      return { counts, bundle, import: importState };
    },
    matchPageText({ text, confirmed }) {
      return matchJoinedPageTexts(text, confirmed, (keys) => lookupAliasKeys(db, keys));
    },
    getSettings() {
      return readSettings(db);
    },
    async updateSettings({ patch }) {
      const settings = await writeSettings(db, patch);
      hooks.onSettingsChanged?.(settings);
      return settings;
    },
    async getEntityProfile({ entityId }) {
      return { profile: await getEntityProfile(db, entityId) };
    },
    async addEntityNote({ entityId, text }, sender) {
      // The card's frame sits in the tab of the article being read; the note
      // remembers that page (the frame itself is never told its URL).
      const page = sender.tab?.url
        ? { url: sender.tab.url, title: sender.tab.title ?? '' }
        : undefined;
      return { note: await addEntityNote(db, { entityId, text, page }) };
    },
    async updateNote(params) {
      return { note: await updateNote(db, params) };
    },
    async deleteNote(params) {
      await deleteNote(db, params);
      return {};
    },
    async saveQuote(params, sender) {
      return changedFrom(sender, { annotation: await saveQuote(db, params) });
    },
    async savePageNote(params) {
      return { annotation: await savePageNote(db, params) };
    },
    async updateAnnotation({ id, ...patch }, sender) {
      return changedFrom(sender, { annotation: await updateAnnotation(db, id, patch) });
    },
    async deleteAnnotation({ id }, sender) {
      return changedFrom(sender, { deleted: await deleteAnnotation(db, id) });
    },
    async restoreAnnotation({ record }, sender) {
      return changedFrom(sender, { annotation: await restoreAnnotation(db, record) });
    },
    async getPageAnnotations({ url, canonicalUrl }) {
      return { annotations: await annotationsForUrl(db, url, canonicalUrl) };
    },
    async listTags() {
      return { tags: await allTags(db) };
    },
    async getAnnotation({ id }) {
      return { annotation: (await db.annotations.get(id)) ?? null };
    },
    async anchorPageAnnotations({ url, canonicalUrl, text }) {
      const annotations = await annotationsForUrl(db, url, canonicalUrl);
      return { placements: placeAnnotations(text, annotations) };
    },
    async searchEntities({ query }) {
      return { entities: await searchEntities(query, MAX_ENTITY_SUGGESTIONS) };
    },
  };
}
