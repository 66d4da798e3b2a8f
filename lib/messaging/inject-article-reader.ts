/**
 * Running the article-reader script (entrypoints/article-reader.ts) in a tab
 * and reading its value: `scripting.executeScript` in Chrome's MV3 build (the
 * `scripting` permission), `tabs.executeScript` in Firefox's MV2 build (the
 * host permission is enough). The script is injected only when the reader
 * clicks "Add this article to sources", so pages never load Readability otherwise.
 */
import { browser } from 'wxt/browser';

/** The built script's path in the extension. */
const READER_FILE = '/article-reader.js';

/** Injects the reader into the tab's top frame and answers what it returned (the article or null). */
export async function injectArticleReader(tabId: number): Promise<unknown> {
  if (import.meta.env.MANIFEST_VERSION === 3) {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      files: [READER_FILE],
    });
    return injection?.result ?? null;
  }
  const [value] = (await browser.tabs.executeScript(tabId, { file: READER_FILE })) as unknown[];
  return value ?? null;
}
