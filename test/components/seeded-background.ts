/**
 * A background for component tests: the real router and handlers over a store
 * filled from the real seed corpus, answering `browser.runtime.sendMessage` as
 * if the sender were the popover page inside an article's tab, or the page
 * under test (the popup, the options page): the router lets each kind of
 * sender send only its own messages (lib/messaging/senders.ts).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createMessageRouter, type MessageSender } from '@/lib/messaging/router';
import { buildBundle, readSourceFolder } from '@/lib/profiles';
import type { ProfileBundle } from '@/lib/model/bundle-format';
import type { DramatisDB } from '@/lib/store/db';
import { importBundle } from '@/lib/store/import-bundle';
import { freshDb } from '../lib/store/fixtures';

const EXTENSION_ID = fakeBrowser.runtime.id;

/** The popover frame in an article's tab, as Chrome reports it. */
export const FRAME_SENDER: MessageSender = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/popover.html`,
  tab: {
    id: 7,
    url: 'https://www.phnompenhpost.com/national/cnrp',
    title: 'CNRP alleges',
  } as MessageSender['tab'],
};

/** The popup (or another extension page outside a tab), as Chrome reports it. */
export const PAGE_SENDER: MessageSender = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/popup.html`,
};

let seed: Promise<ProfileBundle> | undefined;

/** The bundle `wxt build` ships, built once per test file. */
export function seedBundle(): Promise<ProfileBundle> {
  seed ??= readSourceFolder('assets/sources').then(buildBundle);
  return seed;
}

/** Starts the background over a fresh seeded store, answering `sender`; returns the store for assertions. */
export async function startSeededBackground(
  sender: MessageSender = FRAME_SENDER,
): Promise<DramatisDB> {
  fakeBrowser.reset();
  const db = freshDb();
  await importBundle(db, await seedBundle());
  answerAsBackground(db, sender);
  return db;
}

/**
 * Answers `browser.runtime.sendMessage` with the real router and handlers over
 * `db`, as if `sender` sent every message: pages write through the background
 * (docs/ARCHITECTURE.md, "Data access"), so a page under test needs one.
 */
export function answerAsBackground(db: DramatisDB, sender: MessageSender = PAGE_SENDER): void {
  const route = createMessageRouter(createBackgroundHandlers(db), {
    extensionId: EXTENSION_ID,
    extensionOrigin: `chrome-extension://${EXTENSION_ID}/`,
  });
  // fake-browser passes an empty sender, which the router rightly refuses; a
  // real sender is supplied instead.
  fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const reply = route(message, sender);
    if (reply === null) return undefined;
    void reply.then(sendResponse);
    return true;
  });
}
