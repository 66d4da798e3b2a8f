/**
 * `npm run bench:add`: "Add this article to sources" in real Chromium with the
 * built extension, on generated news articles of about 1,000 and 5,000 words
 * naming people the bundle does not know. Measured from the click on "Add this
 * article to sources" to (1) the popup's summary and (2) the article's first new
 * name marked on the page (CSS.highlights), which is what the reader waits for.
 *
 * The popup is opened as its own window (windows.create), so the article stays
 * the visible tab of its window, as under a real toolbar popup: a hidden tab's
 * timers are throttled and would time the browser, not Dramatis. After each run
 * the popup's Undo restores the store, so every run adds the same article to
 * the same bundle. Medians of a few runs; a shared 2-core machine is noisy.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { CHROME_BUILD, launchExtension, type ExtensionBrowser } from '../e2e/support/extension';
import { createAsker, servePages, tabIdOf, waitForStore } from '../e2e/support/page-marks';
import { pickCast, sentence } from './articles';
import { generateEntities } from './names';
import { Random } from './random';
import { formatMs, table } from './timing';
import { testBrowserPath } from '@/lib/demo/test-browsers';

const WORDS = [1_000, 5_000];
const RUNS = 5;
/**
 * How long after the popup opens the button is clicked: at once (the worst case, the
 * pipeline still loading), and after a second, about what a reader's hand takes to
 * reach the button, by when the popup has loaded and warmed the pipeline up.
 */
const PAUSES_MS = [0, 1_000];
const CHROMIUM = testBrowserPath('chromium');
const progress = (line: string): void => void process.stderr.write(`[bench:add] ${line}\n`);

/** Why the bench cannot run here, or null when it can. */
export function addBenchUnavailable(): string | null {
  if (!existsSync(join(CHROME_BUILD, 'article-reader.js')))
    return `no build with the article reader at ${CHROME_BUILD} (run \`npm run build\`)`;
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  return null;
}

/** A generated article page of about `words` words; answers it with the first person it names. */
export function articlePage(
  words: number,
  seed = 11,
): { html: string; words: number; firstName: string } {
  const rng = new Random(seed);
  // Profiles of another seed than the stores the other benches use: people no bundle knows.
  const cast = pickCast(rng, generateEntities(300, 4242 + seed));
  const named = new Set<string>();
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    for (let s = rng.int(1, 3); s > 0; s--) {
      const fresh = cast.people.find((person) => !named.has(person.id));
      if (fresh) named.add(fresh.id);
      sentences.push(
        sentence(rng, fresh ? { ...cast, people: [fresh] } : cast, fresh !== undefined),
      );
    }
    const paragraph = sentences.join(' ');
    count += paragraph.split(/\s+/).length;
    paragraphs.push(`<p>${paragraph}</p>`);
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Officials pressed to defect, opposition says | The Bench Post</title>
<style>body{font:17px/1.5 Georgia,serif;max-width:42rem;margin:0 auto;padding:1rem}</style></head>
<body><header><nav><a href="/">Home</a> · <a href="/">Politics</a></nav></header>
<main><article><h1>Officials pressed to defect, opposition says</h1>
<p class="byline">By Leonie Kijewski</p>
${paragraphs.join('\n')}
</article></main><footer><p>© The Bench Post</p></footer></body></html>`;
  return { html, words: count, firstName: cast.people[0]!.name };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Opens the popup for tab `tabId` in a window of its own, leaving the article visible in its window. */
async function openPopupWindow(ext: ExtensionBrowser, tabId: number): Promise<Page> {
  const opener = await ext.openPage('options.html');
  const opened = ext.context.waitForEvent('page', (page) => page.url().includes('popup.html'));
  await opener.evaluate((tab) => {
    const api = (
      globalThis as unknown as {
        chrome: {
          windows: { create(o: object): Promise<unknown> };
          runtime: { getURL(p: string): string };
        };
      }
    ).chrome;
    return api.windows.create({
      url: api.runtime.getURL(`/popup.html?tab=${tab}`),
      type: 'popup',
      width: 420,
      height: 560,
    });
  }, tabId);
  const popup = await opened;
  await opener.close();
  await popup
    .getByRole('button', { name: 'Add this article to sources' })
    .waitFor({ timeout: 30_000 });
  return popup;
}

/** True once `name` is marked as a person on the page. */
function isMarked(page: Page, name: string): Promise<boolean> {
  return page.evaluate((wanted) => {
    const highlight = CSS.highlights.get('dramatis-person') as unknown as Set<Range> | undefined;
    return [...(highlight ?? [])].some(
      (range) => range.toString().replace(/\u00a0/g, ' ') === wanted,
    );
  }, name);
}

/** One add: click → summary, click → first new name marked; then Undo, and wait until it is unmarked. */
async function timeOneAdd(
  ext: ExtensionBrowser,
  article: Page,
  tabId: number,
  name: string,
  pauseMs: number,
) {
  const popup = await openPopupWindow(ext, tabId);
  if (pauseMs > 0) await popup.waitForTimeout(pauseMs);
  const started = performance.now();
  await popup.getByRole('button', { name: 'Add this article to sources' }).click();
  const summary = popup
    .getByText(/^Added “/)
    .waitFor({ timeout: 120_000 })
    .then(() => performance.now() - started);
  await article.waitForFunction(
    (wanted) => {
      const highlight = CSS.highlights.get('dramatis-person') as unknown as Set<Range> | undefined;
      return [...(highlight ?? [])].some(
        (range) => range.toString().replace(/\u00a0/g, ' ') === wanted,
      );
    },
    name,
    { timeout: 120_000, polling: 10 },
  );
  const marked = performance.now() - started;
  const summaryMs = await summary;
  const text = await popup.getByText(/^Added “/).innerText();
  await popup.getByRole('button', { name: 'Undo' }).click();
  await popup.getByText(/^Removed “/).waitFor({ timeout: 120_000 });
  while (await isMarked(article, name)) await article.waitForTimeout(50);
  await popup.close();
  return { summaryMs, markedMs: marked, text };
}

/** Runs the bench and answers its table. */
export async function runAddArticleBench(): Promise<string> {
  const why = addBenchUnavailable();
  if (why) return `Add article to sources: skipped, ${why}.`;
  const pages = WORDS.map((words) => articlePage(words));
  const [ext, server] = await Promise.all([
    launchExtension(),
    servePages(Object.fromEntries(pages.map((page) => [`/add-${page.words}`, page.html]))),
  ]);
  try {
    await waitForStore(createAsker(ext));
    const rows: string[][] = [];
    let example = '';
    for (const page of pages) {
      const article = await ext.context.newPage();
      await article.goto(`${server.origin}/add-${page.words}`);
      const tabId = await tabIdOf(ext, article.url());
      for (const pause of PAUSES_MS) {
        const summaries: number[] = [];
        const marks: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const result = await timeOneAdd(ext, article, tabId, page.firstName, pause);
          progress(
            `${page.words} words, click after ${pause} ms, run ${run + 1}: summary ${formatMs(result.summaryMs)}, marked ${formatMs(result.markedMs)}`,
          );
          summaries.push(result.summaryMs);
          marks.push(result.markedMs);
          example ||= result.text;
        }
        rows.push([
          page.words.toLocaleString('en'),
          pause === 0 ? 'at once' : `after ${pause / 1000} s`,
          formatMs(median(summaries)),
          formatMs(median(marks)),
          formatMs(Math.max(...marks)),
        ]);
      }
      await article.close();
    }
    return [
      `Add this article to sources, in Chromium (median of ${RUNS} runs, each undone before the next):`,
      table(
        [
          'article words',
          'click (popup opened)',
          'click → summary',
          'click → names marked',
          'slowest marked',
        ],
        rows,
      ),
      `e.g. ${example}`,
    ].join('\n');
  } finally {
    await ext.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await runAddArticleBench());
}
