/**
 * The extraction half of "Add this article to sources", loaded by the
 * background with a dynamic import only when a reader adds or removes an
 * article: lib/extract is large and nothing else in the background needs it.
 */
import { extractDocument } from '@/lib/extract/extract-document';
import { SourceError, type ExtractedDocument } from '@/lib/model/source';
import { articleSource, type ReadArticle } from '@/lib/model/article';
import type { UserMessage } from '@/lib/model/user-error';

export { mergeAddedDocuments } from './merge-added';

/**
 * An extracted article, or why the page holds no news article the pipeline
 * can use: in English, and for the reader when the problem has a message.
 */
export type ArticleExtraction =
  | { ok: true; extracted: ExtractedDocument }
  | { ok: false; problem: string; problemMessage: UserMessage | null };

/** A short article of our own, extracted once to warm the pipeline up. */
const WARM_UP_TEXT = [
  'Harbour talks resume',
  'Jane Roe, the harbour master of Brackwater, said on Monday that the Kestrel Ferry Company would resume talks with the dockers’ union next week. “We want the ferries running before the storms,” she told reporters at the quay, where the Marrow Press photographed the idle boats.',
].join('\n\n');

/**
 * Builds the word lists and runs the extraction once on a short text of our own,
 * so the reader's click does not pay for loading the gazetteers or for the first,
 * slowest run of every pattern. Called while the popup waits for that click.
 */
export function warmUp(): void {
  extractDocument({ origin: 'warm-up.txt', format: 'txt', content: WARM_UP_TEXT });
}

/** Runs the build's extraction on an article read from a page. */
export function extractArticle(article: ReadArticle): ArticleExtraction {
  try {
    return { ok: true, extracted: extractDocument(articleSource(article)) };
  } catch (error) {
    // Not a news article (too little prose, no sentences): a message for the reader, not a bug.
    if (error instanceof SourceError) {
      return { ok: false, problem: error.problem, problemMessage: error.problemMessage ?? null };
    }
    throw error;
  }
}
