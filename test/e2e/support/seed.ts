/**
 * Seeding saved quotes through the real background: an extension page sends
 * `saveQuote` as the popup does, so the records are exactly what a reader's
 * save would store.
 */
import type { ExtensionBrowser } from './extension';

/** A quote to save: page address and title, the exact text and the reader's additions. */
export interface SeedQuote {
  url: string;
  title: string;
  exact: string;
  note?: string;
  tags?: string[];
  entityIds?: string[];
}

/** Saves `quotes` in order and answers their ids. */
export async function seedQuotes(ext: ExtensionBrowser, quotes: SeedQuote[]): Promise<string[]> {
  const page = await ext.openPage('options.html');
  try {
    const ids: string[] = [];
    for (const quote of quotes) {
      const params = {
        url: quote.url,
        title: quote.title,
        quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: '', suffix: '' },
        position: null,
        note: quote.note ?? '',
        tags: quote.tags ?? [],
        entityIds: quote.entityIds ?? [],
      };
      const answer = await page.evaluate(
        (body) =>
          (
            globalThis as unknown as {
              chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
            }
          ).chrome.runtime.sendMessage(body),
        { dramatis: 1, type: 'saveQuote', params },
      );
      const result = answer as { ok: boolean; value?: { annotation: { id: string } } };
      if (!result.ok || !result.value)
        throw new Error(`saveQuote failed: ${JSON.stringify(answer)}`);
      ids.push(result.value.annotation.id);
    }
    return ids;
  } finally {
    await page.close();
  }
}

/** Waits until the shipped bundle is in the store (the import runs at install). */
export async function waitForStore(ext: ExtensionBrowser): Promise<void> {
  const page = await ext.openPage('options.html#profiles');
  await page.locator('.bundle-info').waitFor({ timeout: 30_000 });
  await page.close();
}
