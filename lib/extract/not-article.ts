/**
 * Telling what a source is when it is not a news article, so that the refusal
 * names the problem ("looks like source code") instead of only counting words.
 * Every test is on the shape of lines, never on a site's wording: code ends its
 * lines with brackets and semicolons, a table is mostly numbers, a navigation
 * menu is a stack of short labels, a shop page has prices and basket buttons.
 */

/** What kind of non-article a source looks like, with the evidence in words. */
export interface NotArticle {
  kind: 'code' | 'table' | 'navigation' | 'product';
  /** For the error message: "looks like source code (31 of 40 lines are code)". */
  description: string;
}

const CODE_LINE =
  /(?:[;{}]\s*$|^\s*[}\])]|^\s*(?:import|export|const|let|var|function|def|class|return|public|private|static|#include|package|using|fn|func)\b|=>|\)\s*\{|^\s*(?:if|for|while)\s*\(|^\s*(?:\/\/|#!|\/\*|\*\s))/;
const PRICE = /(?:[$€£¥]\s?\d[\d,]*(?:\.\d{2})?|\d[\d,]*(?:\.\d{2})?\s?(?:USD|EUR|GBP))/g;
const SHOP_SIGNALS: readonly RegExp[] = [
  /\badd to (?:cart|basket|bag|wish ?list)\b/i,
  /\bbuy (?:it )?now\b/i,
  /\b(?:in|out of) stock\b/i,
  /\bsku\b/i,
  /\bfree (?:shipping|delivery|returns)\b/i,
  /\b(?:qty|quantity)\b/i,
  /\b(?:customer )?reviews?\s*\(\d+\)|\b\d+(?:\.\d)? out of 5 stars\b|★/i,
  /\b(?:select|choose) (?:a )?(?:size|colou?r)\b/i,
  /\bcheckout\b/i,
];

function nonEmptyLines(content: string): string[] {
  return content
    .split(/\r\n?|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** A line that is mostly figures: at least two numbers and more numbers than words. */
function isNumberRow(line: string): boolean {
  const tokens = line.split(/[\s|,;\t]+/).filter(Boolean);
  const numbers = tokens.filter((t) => /^[-+(]?[$€£]?\d[\d.,:%)]*$/.test(t)).length;
  return numbers >= 2 && numbers * 2 > tokens.length;
}

/** A line that is a menu entry or label: at most four words and no sentence punctuation. */
function isLabel(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  return words <= 4 && !/[.!?]["”’)]?$/.test(line);
}

/**
 * A page that declares itself a product in its social-card metadata
 * (`<meta property="og:type" content="product">`), as shops do and news sites never.
 * Its basket buttons are markup the HTML reader skips, so its text alone can pass for prose.
 */
const PRODUCT_CARD =
  /<meta\s(?=[^>]*\bproperty\s*=\s*["']og:type["'])(?=[^>]*\bcontent\s*=\s*["']product(?:\.item|\.group)?["'])[^>]*>/i;

/**
 * What the source looks like when it is plainly not an article, judged on its
 * lines (for HTML, the text blocks read from it, and its `markup` for metadata):
 * `strict` asks only for the shapes that refuse a source whatever prose it also
 * holds (code, a table, a shop page); otherwise a navigation menu counts too, for
 * naming why a source with too little prose was refused.
 */
export function describeNotArticle(
  content: string,
  strict: boolean,
  markup?: string,
): NotArticle | null {
  if (markup !== undefined && PRODUCT_CARD.test(markup))
    return {
      kind: 'product',
      description: `looks like a shop's product page (its metadata says og:type "product")`,
    };
  const lines = nonEmptyLines(content);
  if (lines.length === 0) return null;
  const share = (count: number): boolean => count >= 5 && count >= lines.length * 0.6;
  const code = lines.filter((l) => CODE_LINE.test(l)).length;
  if (share(code))
    return {
      kind: 'code',
      description: `looks like source code (${code} of ${lines.length} lines are code)`,
    };
  const rows = lines.filter(isNumberRow).length;
  if (share(rows))
    return {
      kind: 'table',
      description: `looks like a table of numbers (${rows} of ${lines.length} lines are mostly figures)`,
    };
  const prices = (content.match(PRICE) ?? []).length;
  const pricedLikeShop = prices >= (strict ? 2 : 1);
  // Each signal is a pass over the whole source: they are only counted once the prices qualify.
  const signals = pricedLikeShop ? SHOP_SIGNALS.filter((signal) => signal.test(content)).length : 0;
  // A shop page may carry a long description in sentences; its prices and buttons tell it.
  if (pricedLikeShop && signals >= 3)
    return {
      kind: 'product',
      description: `looks like a shop's product page (${prices} price${prices === 1 ? '' : 's'} and ${signals} shopping buttons or labels)`,
    };
  // Menus are only named, never refused: the strict check skips counting labels.
  if (strict) return null;
  const labels = lines.filter(isLabel).length;
  if (share(labels))
    return {
      kind: 'navigation',
      description: `looks like a navigation menu or list of links (${labels} of ${lines.length} lines are short labels)`,
    };
  return null;
}
