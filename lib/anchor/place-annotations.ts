/**
 * Places a page's saved quotes in its text, for the background's answer to
 * `anchorPageAnnotations`: the content script sends the text once and gets
 * offsets back, so approx-string-match never ships in the content script.
 */
import type { QuotePlacement } from '@/lib/model/page-state';
import type { AnnotationRecord } from '@/lib/model/records';
import { anchorQuote } from './anchor-quote';
import { normalizeForMatching } from './normalize';

/**
 * One placement per annotation that has a quote (page notes have nothing to
 * place), in the order given: offsets into `text`, or `orphaned` when
 * {@link anchorQuote} finds no match good enough. The text is normalized once
 * for all quotes.
 */
export function placeAnnotations(
  text: string,
  annotations: readonly AnnotationRecord[],
): QuotePlacement[] {
  const quoted = annotations.filter((record) => record.quote !== null);
  if (quoted.length === 0) return [];
  const page = normalizeForMatching(text);
  return quoted.map((record) => {
    const match = anchorQuote(page, { quote: record.quote!, position: record.position });
    return match
      ? { id: record.id, start: match.start, end: match.end }
      : { id: record.id, orphaned: true };
  });
}
