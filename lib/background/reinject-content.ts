/**
 * Chromium does not put an updated extension's content script into tabs that
 * were already open: after an update (or a developer's reload) those pages keep
 * the old script, cut off from the extension, until the reader reloads them.
 * The background therefore injects the new script into every open web page on
 * install and update. The old script sees the new one start (WXT's
 * ContentScriptContext) or notices its extension is gone, and stops quietly.
 * The manifest's stylesheet of the marks goes in with it: injected into a
 * loaded page it restyles the whole page once, which an update may cost.
 * Firefox injects manifest content scripts into open tabs by itself and has no
 * `scripting` permission in this build, so there this does nothing.
 */

/** The parts of the tabs and scripting APIs used here, so tests can pass fakes. */
export interface InjectionApi {
  runtime: { getManifest(): { content_scripts?: { js?: string[]; css?: string[] }[] } };
  tabs: { query(query: { url: string[] }): Promise<{ id?: number; discarded?: boolean }[]> };
  scripting?: {
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
    insertCSS(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
}

/** Pages the content script runs on (its manifest match is <all_urls>, but only web pages matter). */
const WEB_PAGES = ['http://*/*', 'https://*/*'];

/**
 * Injects the manifest's content script and its stylesheet into every open web page.
 * Answers how many tabs got it. Tabs the browser refuses (the Web Store, error
 * pages) are counted in one warning, not one each.
 */
export async function injectIntoOpenTabs(api: InjectionApi): Promise<number> {
  const scripting = api.scripting;
  if (!scripting) return 0;
  const script = api.runtime.getManifest().content_scripts?.[0];
  const files = script?.js ?? [];
  if (files.length === 0) return 0;
  const css = script?.css ?? [];
  const tabs = await api.tabs.query({ url: WEB_PAGES });
  const results = await Promise.allSettled(
    tabs
      // A discarded tab loads afresh, with the new script, when the reader returns to it.
      .filter((tab) => tab.id !== undefined && !tab.discarded)
      .map(async (tab) => {
        const target = { tabId: tab.id! };
        // The sheet first: the script's marks are invisible without it.
        if (css.length > 0) await scripting.insertCSS({ target, files: css });
        await scripting.executeScript({ target, files });
      }),
  );
  const refused = results.filter((result) => result.status === 'rejected');
  if (refused.length > 0) {
    console.warn(
      `Dramatis: ${refused.length} open tab(s) refused the updated content script; they mark names again once reloaded.`,
      (refused[0] as PromiseRejectedResult).reason,
    );
  }
  return results.length - refused.length;
}
