/**
 * Asking the browser to keep the store when disk runs low.
 *
 * Why: by default an origin's IndexedDB is "best effort" storage, which the
 * browser may evict under storage pressure — and with it every quote and note
 * the reader saved. A persisted origin is only cleared by the reader. Chrome
 * grants it silently to extensions (and to sites with engagement); Firefox may
 * ask the reader, so call it from an extension page after a reader's action
 * (saving the first quote, the options page), not from the background.
 */

/** The part of `navigator.storage` this needs; tests pass a fake. */
export interface PersistentStorage {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

/**
 * Asks for persistent storage; answers whether the store is persisted now.
 * Never throws: where the API is missing or refuses, the answer is false and
 * the reason is logged, because saving must not fail over it.
 */
export async function requestPersistentStorage(
  storage: PersistentStorage | undefined = globalThis.navigator?.storage,
): Promise<boolean> {
  try {
    if (!storage?.persist) return false;
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch (error) {
    console.warn('Dramatis: the browser did not make the store persistent:', error);
    return false;
  }
}
