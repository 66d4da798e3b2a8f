/**
 * The page bench's peers, run in a plain Chromium (no extension) on the same
 * pages with the same names:
 *
 * - mark.js, the usual keyword highlighter: it wraps every match in a <mark>
 *   element, one pass over the text per keyword.
 * - A RegExp alternation of all names (what a keyword highlighter compiles),
 *   matched per text node and marked with the CSS Custom Highlight API like
 *   Dramatis, so only the matching differs.
 *
 * Both run synchronously in the page, so their whole run is one task. A run
 * over the time limit cannot be interrupted from outside; its tab is closed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';

/** What one peer run reports; `ms` null when stopped or failed. */
export interface PeerRun {
  names: number;
  ms: number | null;
  /** RegExp only: construct + first use. */
  compileMs?: number;
  marks?: number;
  /** "timed out" or the error message ("Invalid regular expression: Stack overflow"). */
  failure?: string;
}

const MARK_JS = readFileSync(
  createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'),
  'utf8',
);

/** An error message without the pattern V8 quotes in it (mark.js patterns run to kilobytes). */
function shortFailure(run: PeerRun): PeerRun {
  const failure = run.failure?.replace(
    /^Invalid regular expression: \/.*\/[a-z]*: /s,
    'Invalid regular expression: ',
  );
  return failure === undefined ? run : { ...run, failure };
}

/** Resolves with `work`, or with null after `limitMs` (the caller then closes the tab). */
async function within<T>(work: Promise<T>, limitMs: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>(
    (resolve) => (timer = setTimeout(() => resolve(null), limitMs)),
  );
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  // tsx compiles this file with esbuild's keepNames, which wraps the named
  // functions inside the evaluated callbacks in `__name(…)`; the page needs it.
  await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  await page.goto(url, { timeout: 30_000 });
  return page;
}

/** Closes a tab even when its renderer is busy in a long synchronous run. */
async function closeHard(page: Page): Promise<void> {
  await within(page.close({ runBeforeUnload: false }), 10_000);
}

/**
 * mark.js over the article with `names` as keywords: whole names only (no
 * per-word search), case-sensitive as names are, diacritics folded (its
 * default), a match may end at punctuation such as a possessive's apostrophe.
 */
export async function runMarkJs(
  browser: Browser,
  url: string,
  names: readonly string[],
  limitMs: number,
): Promise<PeerRun> {
  const page = await openPage(browser, url);
  try {
    await page.addScriptTag({ content: MARK_JS });
    const run = page.evaluate((names) => {
      interface MarkJs {
        mark(keywords: string[], options: object): void;
      }
      const Mark = (window as unknown as { Mark: new (context: Element) => MarkJs }).Mark;
      const start = performance.now();
      let marks = 0;
      try {
        new Mark(document.querySelector('article')!).mark(names, {
          separateWordSearch: false,
          caseSensitive: true,
          accuracy: { value: 'exactly', limiters: [',', '.', ':', ';', '’', "'", '“', '”', '"'] },
          each: () => marks++,
        });
      } catch (error) {
        return { ms: null, marks, failure: error instanceof Error ? error.message : String(error) };
      }
      return { ms: performance.now() - start, marks };
    }, names as string[]);
    const result = await within(run, limitMs);
    if (!result) return { names: names.length, ms: null, failure: 'timed out' };
    return shortFailure({ names: names.length, ...result });
  } finally {
    await closeHard(page);
  }
}

/** One RegExp alternation of `names` (longest first), matched in every text node and registered as one highlight. */
export async function runRegexMarker(
  browser: Browser,
  url: string,
  names: readonly string[],
  limitMs: number,
): Promise<PeerRun> {
  const page = await openPage(browser, url);
  try {
    const run = page.evaluate((names) => {
      const start = performance.now();
      try {
        const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const alternation = [...names]
          .sort((a, b) => b.length - a.length)
          .map(escape)
          .join('|');
        const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'gu');
        pattern.test('x'); // V8 compiles a RegExp on first use.
        const compileMs = performance.now() - start;
        const ranges: Range[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node as Text;
          for (const match of text.data.matchAll(pattern)) {
            const range = new Range();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            ranges.push(range);
          }
        }
        CSS.highlights.set('peer-regex', new Highlight(...ranges));
        return { ms: performance.now() - start, compileMs, marks: ranges.length };
      } catch (error) {
        return { ms: null, failure: error instanceof Error ? error.message : String(error) };
      }
    }, names as string[]);
    const result = await within(run, limitMs);
    if (!result) return { names: names.length, ms: null, failure: 'timed out' };
    return shortFailure({ names: names.length, ...result });
  } finally {
    await closeHard(page);
  }
}
