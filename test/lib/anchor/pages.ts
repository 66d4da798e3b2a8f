/**
 * Saved pages for anchoring tests: loads a fixture from test/fixtures/anchoring
 * into the test's (happy-dom) document, and finds text in a page text model
 * the way a reader would select it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeForMatching } from '@/lib/anchor/normalize';

/** The folder of the anchoring fixtures. */
export const FIXTURES = join(import.meta.dirname, '../../fixtures/anchoring');

/** Replaces the test document with fixture page `name` (head styles apply, scripts do not run). */
export function loadPage(name: string): Document {
  const html = readFileSync(join(FIXTURES, name), 'utf8').replace(/^<!doctype html>/i, '');
  document.documentElement.innerHTML = html.replace(/^\s*<html[^>]*>|<\/html>\s*$/gi, '');
  return document;
}

/**
 * The offsets in `text` of the `occurrence`-th appearance of `snippet`, compared
 * as the matcher compares (whitespace runs and typography folded), as a reader
 * selecting those words on the page would get them. Throws when absent.
 */
export function findText(
  text: string,
  snippet: string,
  occurrence = 1,
): { start: number; end: number } {
  const page = normalizeForMatching(text);
  const wanted = normalizeForMatching(snippet).text;
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = page.text.indexOf(wanted, at + 1);
    if (at < 0) throw new Error(`"${snippet}" (#${occurrence}) is not in the page text`);
  }
  const end = at + wanted.length;
  return { start: page.map[at] as number, end: (page.map[end - 1] as number) + 1 };
}

/** Text with whitespace runs collapsed, as the reader sees it. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
