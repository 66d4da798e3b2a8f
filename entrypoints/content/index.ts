/**
 * The content script: marks the names the profile store knows on every page
 * and opens their cards. All the work is in lib/page; this only starts it and
 * routes the background's messages to it.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isContentRequest } from '@/lib/messaging/content-messages';
import { PageController } from '@/lib/page/page-controller';
// The marks' styles: WXT lists this sheet in the manifest, so the browser injects it
// before the page is built and marking never restyles a loaded page (see the sheet).
import './highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  // After the page has loaded: marking waits for the article, not the other way round.
  runAt: 'document_idle',
  main(ctx) {
    const controller = new PageController(
      document,
      // The card page by its own path: with `use_dynamic_url` (wxt.config.ts) Chrome
      // answers a content script with the session's dynamic origin only for a
      // web-accessible path, and the extension's fixed origin no longer loads in pages.
      browser.runtime.getURL('/popover.html'),
      () => ctx.isValid,
    );
    // After an update or reload (or when the background injects a newer copy), stop once and quietly.
    ctx.onInvalidated(() => controller.shutdown());
    browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
      // Only our background and pages talk to us; a page cannot reach this listener, but another extension's message could.
      if (sender.id !== browser.runtime.id || !isContentRequest(message)) return undefined;
      if (message.type === 'settingsChanged') controller.applySettings(message.params.settings);
      else if (message.type === 'nextMention') controller.goToNextMention();
      else if (message.type === 'annotationsChanged') void controller.annotationsChanged();
      else if (message.type === 'profilesChanged') controller.profilesChanged();
      else if (message.type === 'quoteSaved')
        void controller.quoteSaved(message.params.annotationId);
      else if (message.type === 'showAnnotation') {
        // Answered once the quote is placed, so the side panel knows whether to retry.
        void controller.showAnnotation(message.params.annotationId).then(sendResponse);
        return true;
      }
      // Answered synchronously: the selection is read at once, before the reader changes it.
      else sendResponse(controller.readPage());
      return undefined;
    });
    controller
      .start()
      .catch((error: unknown) => console.error('Dramatis: starting on this page failed:', error));
  },
});
