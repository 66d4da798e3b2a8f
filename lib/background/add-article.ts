/**
 * "Add this article to sources", background side: read the tab's article with
 * the injected article-reader script, run the build's extraction on it (loaded
 * lazily), and merge it into the store; and removing an added article again.
 * Functions of their dependencies, so tests drive them without a browser.
 */
import type { ArticleExtraction } from '@/lib/extract/article-pipeline';
import { articleUrl, isReadArticle, type ReadArticle } from '@/lib/model/article';
import type { MergeAdded } from '@/lib/extract/merge-added';
import { addSource, removeSource, type RemoveSourceResult } from '@/lib/store/added-sources';
import { type AddSummary } from '@/lib/model/views';
import type { DramatisDB } from '@/lib/store/db';
import { userMessage, UserError, type UserMessage } from '@/lib/model/user-error';

/** The lazily loaded pipeline (lib/extract/article-pipeline.ts). */
export interface ArticlePipeline {
  extractArticle(article: ReadArticle): ArticleExtraction;
  mergeAddedDocuments: MergeAdded;
}

/** What adding and removing articles needs from the browser. */
export interface ArticleSourceDeps {
  /** Runs the article-reader script in the tab and answers its value; rejects when the tab cannot be scripted. */
  readArticle(tabId: number): Promise<unknown>;
  /** Loads the extraction pipeline (a dynamic import in the extension). */
  loadPipeline(): Promise<ArticlePipeline>;
}

/** What the popup is told after "Add this article to sources". */
export type AddArticleOutcome =
  | { status: 'added'; documentId: string; title: string; summary: AddSummary }
  /** The same article (same text or URL) is already a source; nothing changed. */
  | { status: 'already'; documentId: string; title: string; where: 'added' | 'bundled' }
  /** The page holds no article the pipeline can use; nothing changed. `message` is English, `userMessage` for the reader. */
  | { status: 'not-article'; message: string; userMessage: UserMessage };

/** What the reader is told when a page holds no readable article. */
export const NO_ARTICLE =
  'This page has no article Dramatis can read (it finds none, or too little text). Open the article itself and try again.';

/** Loads the pipeline from its own chunk, once. */
export function lazyPipeline(): () => Promise<ArticlePipeline> {
  let loading: Promise<ArticlePipeline> | null = null;
  return () => (loading ??= import('@/lib/extract/article-pipeline'));
}

/**
 * Reads tab `tabId`'s article and adds it to the sources. A page that cannot be
 * scripted (browser pages, the extension gallery) throws a message for the
 * reader; a page without an article answers `not-article` and changes nothing.
 */
export async function addArticleFromTab(
  db: DramatisDB,
  deps: ArticleSourceDeps,
  tabId: number,
): Promise<AddArticleOutcome> {
  const [read, pipeline] = await Promise.all([readTab(deps, tabId), deps.loadPipeline()]);
  if (read === null) {
    return { status: 'not-article', message: NO_ARTICLE, userMessage: userMessage('noArticle') };
  }
  if (!isReadArticle(read)) {
    throw new UserError(
      'articleReaderConfused',
      [],
      'The article reader answered something that is not an article; reload the page and try again.',
    );
  }
  const extraction = pipeline.extractArticle(read);
  if (!extraction.ok) {
    return {
      status: 'not-article',
      message: `This page has no news article Dramatis can use: ${extraction.problem}.`,
      // A problem without a message of its own still tells the reader there is no article.
      userMessage: extraction.problemMessage
        ? userMessage('noUsableArticle', extraction.problemMessage)
        : userMessage('noArticle'),
    };
  }
  const source = { extracted: extraction.extracted, url: articleUrl(read) };
  const result = await addSource(db, source, pipeline.mergeAddedDocuments);
  if (!result.changed) {
    return {
      status: 'already',
      documentId: result.documentId,
      title: result.title,
      where: result.already,
    };
  }
  return {
    status: 'added',
    documentId: result.documentId,
    title: result.title,
    summary: result.summary,
  };
}

/** Removes an added article (Undo, or Remove on the options page). */
export async function removeArticle(
  db: DramatisDB,
  deps: Pick<ArticleSourceDeps, 'loadPipeline'>,
  documentId: string,
): Promise<RemoveSourceResult> {
  const pipeline = await deps.loadPipeline();
  return removeSource(db, documentId, pipeline.mergeAddedDocuments);
}

async function readTab(deps: ArticleSourceDeps, tabId: number): Promise<unknown> {
  try {
    return await deps.readArticle(tabId);
  } catch (error) {
    console.error(`Dramatis: reading the article of tab ${tabId} failed:`, error);
    throw new UserError(
      'pageUnreachable',
      [],
      'Dramatis cannot read this page. Reload the page and try again (browser pages and the extension store cannot be read).',
    );
  }
}
