/**
 * What the background answers to each message, over the profile store.
 */
import type { DramatisDB } from '@/lib/store/db';
import { matchJoinedPageTexts } from '@/lib/match/page-text';
import { lookupPageKeys } from '@/lib/store/page-lookup';
import { readBundleMeta, readImportState, storeCounts } from '@/lib/store/queries';
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
import { mergeAddedDocuments } from '@/lib/extract/merge-added';
import { addSource, removeSource } from '@/lib/store/added-sources';
import { correctEntity } from '@/lib/store/corrections';
import { commitImport } from '@/lib/store/import-annotations';

/**
 * What the handlers tell the rest of the background about: the side effects
 * of every write, shared by every route to it (the card, the popup, the
 * options page), because every write is one of these messages
 * (docs/ARCHITECTURE.md, "Data access").
 */
export interface BackgroundHandlerHooks {
  /** Page settings changed; the background tells every tab (`broadcastToTabs`). */
  onSettingsChanged?: (settings: Settings) => void;
  /**
   * Annotations on the pages at `urls` changed (saved, edited, deleted,
   * restored, imported), from inside tab `tabId` when a page's card or
   * content script made the change; the background tells that tab and the
   * tabs showing those pages to anchor their quotes again.
   */
  onAnnotationsChanged?: (urls: readonly string[], tabId: number | undefined) => void;
  /** Profiles changed (an article added or removed, a correction); tabs look their names up again. */
  onProfilesChanged?: () => void;
}

/** The handlers of every message to the background, reading `db`. */
export function createBackgroundHandlers(
  db: DramatisDB,
  hooks: BackgroundHandlerHooks = {},
): BackgroundHandlers {
  const searchEntities = createEntitySearch(db);
  // Pages showing a changed annotation redraw their highlights at once,
  // whichever page or card made the change.
  const changed = <T>(sender: MessageSender, urls: readonly string[], value: T): T => {
    hooks.onAnnotationsChanged?.(urls, sender.tab?.id);
    return value;
  };
  const profilesChanged = <T>(value: T, really = true): T => {
    if (really) hooks.onProfilesChanged?.();
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
      return matchJoinedPageTexts(text, confirmed, (keys, known) =>
        lookupPageKeys(db, keys, known),
      );
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
      const annotation = await saveQuote(db, params);
      return changed(sender, [annotation.url], { annotation });
    },
    async savePageNote(params) {
      return { annotation: await savePageNote(db, params) };
    },
    async updateAnnotation({ id, ...patch }, sender) {
      const annotation = await updateAnnotation(db, id, patch);
      return changed(sender, [annotation.url], { annotation });
    },
    async deleteAnnotation({ id }, sender) {
      const deleted = await deleteAnnotation(db, id);
      return changed(sender, deleted ? [deleted.url] : [], { deleted });
    },
    async restoreAnnotation({ record }, sender) {
      const annotation = await restoreAnnotation(db, record);
      return changed(sender, [annotation.url], { annotation });
    },
    async getPageAnnotations({ url, canonicalUrl }, sender) {
      return { annotations: await annotationsForUrl(db, pageUrlOf(url, sender), canonicalUrl) };
    },
    async listTags() {
      return { tags: await allTags(db) };
    },
    async getAnnotation({ id }) {
      return { annotation: (await db.annotations.get(id)) ?? null };
    },
    async anchorPageAnnotations({ url, canonicalUrl, text }, sender) {
      const annotations = await annotationsForUrl(db, pageUrlOf(url, sender), canonicalUrl);
      return { placements: placeAnnotations(text, annotations) };
    },
    async searchEntities({ query }) {
      return { entities: await searchEntities(query, MAX_ENTITY_SUGGESTIONS) };
    },
    async correctEntity({ entityId, correction }) {
      await correctEntity(db, entityId, correction);
      return profilesChanged({});
    },
    async importAnnotations({ records }, sender) {
      const outcome = await commitImport(db, records);
      return changed(sender, [...new Set(records.map((record) => record.url))], outcome);
    },
    async addArticle({ url, claimedUrl, extracted }) {
      const result = await addSource(db, { extracted, url, claimedUrl }, mergeAddedDocuments);
      return profilesChanged(result, result.changed);
    },
    async removeArticle({ documentId }) {
      const result = await removeSource(db, documentId, mergeAddedDocuments);
      return profilesChanged(result, result.changed);
    },
  };
}

/**
 * The address of the page a request is about. A content script's page is the
 * one the browser says it runs in, whatever the message claims: a page talked
 * into sending another site's address must not read that site's quotes.
 * Extension pages (the popup, the side panel) name the tab they act for.
 */
function pageUrlOf(claimed: string, sender: MessageSender): string {
  const isContentScript = sender.tab?.id !== undefined && sender.frameId === 0;
  return isContentScript && typeof sender.url === 'string' && /^https?:/i.test(sender.url)
    ? sender.url
    : claimed;
}
