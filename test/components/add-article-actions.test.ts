import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addArticleFromTab,
  lazyPipeline,
  NO_ARTICLE,
  type ArticleSourceDeps,
} from '@/components/popup/add-article-actions';
import { mergeAddedDocuments } from '@/lib/extract/merge-added';
import { addSource } from '@/lib/store/added-sources';
import { buildBundle } from '@/lib/profiles/build-bundle';
import { readSourceFolder } from '@/lib/profiles/read-sources';
import { DramatisDB } from '@/lib/store/db';
import { listSources } from '@/lib/store/source-list';
import { importBundle } from '@/lib/store/import-bundle';
import { fixtureArticle } from '@/test/lib/store/added-article';
import { getProfile } from '@/lib/store/profile-shards';
import { storedEntities } from '../lib/store/fixtures';

let db: DramatisDB;
beforeEach(async () => {
  db = new DramatisDB(`add-article-${Math.random()}`);
  await importBundle(db, buildBundle(await readSourceFolder('assets/sources')));
});
afterEach(async () => {
  await db.delete();
});

/** The browser side as a page answering `value` to the article reader. */
function tabAnswering(value: unknown): ArticleSourceDeps {
  return {
    readArticle: () => Promise.resolve(value),
    loadPipeline: lazyPipeline(),
    addArticle: (source) => addSource(db, source, mergeAddedDocuments),
  };
}

const entityCount = () => storedEntities(db).then((all) => all.length);

describe('addArticleFromTab', () => {
  it('adds the tab’s article and says what it brought', async () => {
    const outcome = await addArticleFromTab(tabAnswering(fixtureArticle()), 7);
    expect(outcome.status).toBe('added');
    if (outcome.status !== 'added') return;
    expect(outcome.summary.created.people).toBeGreaterThanOrEqual(2);
    expect(await getProfile(db, 'person:ouk-sreymom')).toBeDefined();
    // The second click: same article, nothing changes.
    const before = await entityCount();
    expect(await addArticleFromTab(tabAnswering(fixtureArticle()), 7)).toMatchObject({
      status: 'already',
      where: 'added',
    });
    expect(await entityCount()).toBe(before);
  });

  it('says so, and changes nothing, for a page Readability finds no article in', async () => {
    const before = await entityCount();
    expect(await addArticleFromTab(tabAnswering(null), 7)).toEqual({
      status: 'not-article',
      message: NO_ARTICLE,
      userMessage: { key: 'noArticle', substitutions: [] },
    });
    expect(await entityCount()).toBe(before);
    expect(await db.addedSources.count()).toBe(0);
  });

  it('says so for a page whose text is too short to be a news article', async () => {
    const short = { ...fixtureArticle(), paragraphs: ['Sign in to continue.', 'Forgot password?'] };
    const outcome = await addArticleFromTab(tabAnswering(short), 7);
    expect(outcome.status).toBe('not-article');
    expect(outcome.status === 'not-article' && outcome.message).toMatch(
      /no news article Dramatis can use: .*words of sentence prose/,
    );
    expect(await db.addedSources.count()).toBe(0);
  });

  it('tells the reader when the page cannot be read at all', async () => {
    const refused: ArticleSourceDeps = {
      readArticle: () => Promise.reject(new Error('Cannot access a chrome:// URL')),
      loadPipeline: lazyPipeline(),
      addArticle: (source) => addSource(db, source, mergeAddedDocuments),
    };
    await expect(addArticleFromTab(refused, 7)).rejects.toThrow(/cannot read this page/);
  });

  it('refuses an answer that is not an article', async () => {
    await expect(
      addArticleFromTab(tabAnswering({ title: 'x', paragraphs: 'not a list' }), 7),
    ).rejects.toThrow(/not an article/);
  });
});

describe('an article whose canonical points at another site', () => {
  it('is recorded under the address it was read at, not the outlet it claims', async () => {
    const claimed = {
      ...fixtureArticle(),
      pageUrl: 'https://evil.example.org/copied-story',
      canonicalUrl: 'https://www.phnompenhpost.com/national/copied-story',
    };
    const outcome = await addArticleFromTab(tabAnswering(claimed), 7);
    expect(outcome.status).toBe('added');
    const [added] = await db.addedSources.toArray();
    expect(added?.url).toBe('https://evil.example.org/copied-story');
    expect(added?.extracted.document.url).toBe('https://evil.example.org/copied-story');
    // The claim is kept, as a claim, and the page does not get to name the outlet either.
    expect(added?.claimedUrl).toBe('https://www.phnompenhpost.com/national/copied-story');
    expect(added?.extracted.document.publisher).not.toBe(claimed.siteName);
    const listing = (await listSources(db)).find((l) => l.document.id === added?.id);
    expect(listing?.claimedUrl).toBe('https://www.phnompenhpost.com/national/copied-story');
  });

  it('keeps no claim that is not a web address', async () => {
    const scripted = {
      ...fixtureArticle(),
      pageUrl: 'https://evil.example.org/copied-story',
      canonicalUrl: 'javascript:alert(1)',
    };
    await addArticleFromTab(tabAnswering(scripted), 7);
    const [added] = await db.addedSources.toArray();
    expect(added?.claimedUrl).toBeUndefined();
  });

  it('keeps a canonical on the page’s own site', async () => {
    const own = {
      ...fixtureArticle(),
      pageUrl: 'https://amp.news.example/story/amp',
      canonicalUrl: 'https://www.news.example/story',
    };
    await addArticleFromTab(tabAnswering(own), 7);
    const [added] = await db.addedSources.toArray();
    expect(added?.url).toBe('https://www.news.example/story');
    expect(added?.claimedUrl).toBeUndefined();
    expect(added?.extracted.document.publisher).toBe(own.siteName);
  });
});
