/**
 * "Add this article to sources", the popup's side: read the tab's article with
 * the injected article-reader script, run the build's extraction on it here
 * (loaded after the popup's first paint, so neither that paint nor the
 * background worker ever loads the pipeline), and ask the background to merge it into
 * the store, which it alone writes (docs/ARCHITECTURE.md, "Data access").
 * Functions of their dependencies, so tests drive them without a browser.
 */
import type { ArticleExtraction } from '@/lib/extract/article-pipeline';
import { articleUrl, claimedUrl, isReadArticle, type ReadArticle } from '@/lib/model/article';
import type { ExtractedDocument } from '@/lib/model/source';
import type { AddSourceResult, AddSummary, RemoveSourceResult } from '@/lib/model/views';
import { userMessage, UserError, type UserMessage } from '@/lib/model/user-error';
import { injectArticleReader } from '@/lib/messaging/inject-article-reader';
import { sendRequest } from '@/lib/messaging/send';

/** The lazily loaded pipeline (lib/extract/article-pipeline.ts). */
export interface ArticlePipeline {
  extractArticle(article: ReadArticle): ArticleExtraction;
  warmUp(): void;
}

/** What adding an article needs from the browser and the background. */
export interface ArticleSourceDeps {
  /** Runs the article-reader script in the tab and answers its value; rejects when the tab cannot be scripted. */
  readArticle(tabId: number): Promise<unknown>;
  /** Loads the extraction pipeline (a dynamic import in the extension). */
  loadPipeline(): Promise<ArticlePipeline>;
  /** Stores the extraction (the background's `addArticle`). */
  addArticle(source: {
    url: string;
    claimedUrl: string | null;
    extracted: ExtractedDocument;
  }): Promise<AddSourceResult>;
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
  const source = {
    extracted: extraction.extracted,
    url: articleUrl(read),
    claimedUrl: claimedUrl(read),
  };
  const result = await deps.addArticle(source);
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

/** The browser's and the background's side of {@link addArticleFromTab}. */
const DEPS: ArticleSourceDeps = {
  readArticle: injectArticleReader,
  loadPipeline: lazyPipeline(),
  addArticle: (source) => sendRequest('addArticle', source),
};

/**
 * Loads the pipeline and runs it once on a text of its own, while the reader has
 * not clicked yet: the click then pays only for this article (docs/benchmarks.md).
 */
export async function warmPipeline(): Promise<void> {
  (await DEPS.loadPipeline()).warmUp();
}

/** Adds tab `tabId`'s article to the sources; throws a message for the reader when the page cannot be read. */
export function addArticleInTab(tabId: number): Promise<AddArticleOutcome> {
  return addArticleFromTab(DEPS, tabId);
}

/** Removes an added article (Undo, or Remove on the options page). */
export function removeAddedArticle(documentId: string): Promise<RemoveSourceResult> {
  return sendRequest('removeArticle', { documentId });
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
