// @vitest-environment happy-dom
/**
 * Saved pages and their revisions (test/fixtures/anchoring/cases.json): a quote
 * selected on the saved page is described, the page changes, and the quote is
 * anchored again — or orphaned when its text is gone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorQuote } from '@/lib/anchor/anchor-quote';
import { describeQuote } from '@/lib/anchor/describe';
import { buildTextIndex, offsetsFromRange, rangeFromOffsets } from '@/lib/page/text-index';
import { collapse, findText, FIXTURES, loadPage } from './pages';

interface AnchoringCase {
  name: string;
  saved: string;
  select: string;
  occurrence?: number;
  revisit: string;
  /** The text the quote is found at on the revisited page; null when it must be orphaned. */
  expect: string | null;
  expectOccurrence?: number;
  exact?: boolean;
}

const cases = JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')) as AnchoringCase[];

describe('anchoring saved quotes on revised pages', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    // Save: the reader's selection, as a DOM Range, described from the page text model.
    loadPage(c.saved);
    const saved = buildTextIndex(document.body);
    const wanted = findText(saved.text, c.select, c.occurrence);
    const selection = rangeFromOffsets(saved, wanted.start, wanted.end);
    const offsets = offsetsFromRange(saved, selection);
    expect(offsets).toEqual(wanted);
    const { quote, position } = describeQuote(saved.text, offsets!.start, offsets!.end);
    expect(collapse(quote.exact)).toBe(collapse(selection.toString()));

    // Revisit: anchor against the revised page and highlight the match.
    loadPage(c.revisit);
    const revisited = buildTextIndex(document.body);
    const match = anchorQuote(revisited.text, { quote, position });
    if (c.expect === null) {
      expect(match).toBeNull();
      return;
    }
    expect(match).not.toBeNull();
    const expected = findText(revisited.text, c.expect, c.expectOccurrence);
    expect({ start: match!.start, end: match!.end }).toEqual(expected);
    expect(match!.exact).toBe(c.exact);
    const highlight = rangeFromOffsets(revisited, match!.start, match!.end);
    expect(collapse(highlight.toString())).toBe(collapse(c.expect));
  });
});
