/**
 * Quote anchoring: describe a selection as W3C text selectors, and find it
 * again on a revisit. Pure functions over a page's text; the content
 * script wires them to the selection and to CSS highlights.
 */
export { anchorQuote, DEFAULT_MIN_SCORE } from './anchor-quote';
export type { AnchorOptions, QuoteMatch, QuoteSelectors } from './anchor-quote';
export { CONTEXT_LENGTH, describeQuote } from './describe';
export type { QuoteDescription } from './describe';
export { normalizeForMatching } from './normalize';
export type { NormalizedText } from './normalize';
