/**
 * Persistent storage, asked for on the reader's first save of any kind in an
 * extension page (lib/store/persist.ts says why it matters and why a page,
 * not the background, asks).
 */
import { whenFirstSave } from '@/lib/messaging/send';
import { requestPersistentStorage } from '@/lib/store/persist';

/** Makes this page ask for persistent storage as it sends its first save. */
export function keepStoreOnFirstSave(): void {
  whenFirstSave(() => void requestPersistentStorage());
}

/** Asks now: a save the page did not send itself (the menu or the shortcut) was just made. */
export function keepStoreNow(): void {
  void requestPersistentStorage();
}
