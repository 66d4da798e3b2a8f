/**
 * The test article (test/fixtures/add-article/commune-observers.html) as the
 * article reader answers it, read here without a DOM: the <article>'s
 * paragraphs and the page's metadata.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReadArticle } from '@/lib/model/article';

/** The fixture page's HTML. */
export const ARTICLE_HTML = readFileSync(
  resolve(process.cwd(), 'test/fixtures/add-article/commune-observers.html'),
  'utf8',
);

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The article as lib/page/read-article.ts reads it from the page. */
export function fixtureArticle(): ReadArticle {
  const body = ARTICLE_HTML.slice(
    ARTICLE_HTML.indexOf('<article>'),
    ARTICLE_HTML.indexOf('</article>'),
  );
  const paragraphs = [...body.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => decode(m[1]!));
  return {
    title: 'Observers report pressure on commune councillors ahead of vote',
    byline: 'Dara Sokhom',
    siteName: 'Phnom Penh Post',
    published: '2017-11-10T07:15:00+07:00',
    canonicalUrl:
      'https://www.phnompenhpost.com/national/observers-report-pressure-commune-councillors',
    pageUrl: 'http://127.0.0.1:5178/observers',
    paragraphs,
  };
}
