// Every unit test gets a fresh in-memory IndexedDB, as a new browser profile would.
import 'fake-indexeddb/auto';

// fake-browser implements neither runtime.onConnect nor commands.onCommand, and
// the background registers both at start (popover channel, next-mention shortcut).
// Tests that exercise them call the modules directly (test/lib/messaging).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getEnglishMessage } from './english-messages';
// Nor contextMenus (the save-quote menu item); lib/background/save-from-tab.ts is tested directly.
for (const event of [
  fakeBrowser.runtime.onConnect,
  fakeBrowser.commands.onCommand,
  fakeBrowser.contextMenus.onClicked,
]) {
  Object.assign(event, { addListener: () => undefined, removeListener: () => undefined });
}

// Nor i18n: messages come from the English messages.json, so components render
// the text a reader of the English build sees.
Object.assign(fakeBrowser.i18n, { getMessage: getEnglishMessage });

// findBy… and waitFor give up after 1 s by default: a component reading the
// fake IndexedDB on a loaded CI machine can take longer, and that is no failure.
// Loaded only where there is a DOM to render into (it costs every file ~0.2 s).
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/preact');
  configure({ asyncUtilTimeout: 5_000 });
}
