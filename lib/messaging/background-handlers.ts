/**
 * What the background answers to each message, over the profile store.
 */
import type { DramatisDB } from '@/lib/store/db';
import { lookupAliasKeys, readBundleMeta, readImportState, storeCounts } from '@/lib/store/queries';
import type { BackgroundHandlers } from './router';

/** The handlers of every message to the background, reading `db`. */
export function createBackgroundHandlers(db: DramatisDB): BackgroundHandlers {
  return {
    async getStoreStatus() {
      const [counts, bundle, importState] = await Promise.all([
        storeCounts(db),
        readBundleMeta(db),
        readImportState(db),
      ]);
      return { counts, bundle, import: importState };
    },
    async lookupAliasKeys({ keys }) {
      return { hits: await lookupAliasKeys(db, keys) };
    },
  };
}
