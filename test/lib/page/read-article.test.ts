// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readArticle, textBlocks } from '@/lib/page/read-article';
import { ARTICLE_HTML } from '../store/added-article';

function load(html: string): Document {
  document.documentElement.innerHTML = html.replace(
    /^<!doctype html>\s*<html[^>]*>|<\/html>\s*$/gi,
    '',
  );
  return document;
}

describe('readArticle', () => {
  it('reads the article’s paragraphs and metadata, leaving the page as it was', () => {
    const doc = load(ARTICLE_HTML);
    const before = doc.documentElement.outerHTML;
    const article = readArticle(doc);
    expect(article).not.toBeNull();
    expect(article!.title).toBe('Observers report pressure on commune councillors ahead of vote');
    expect(article!.canonicalUrl).toBe(
      'https://www.phnompenhpost.com/national/observers-report-pressure-commune-councillors',
    );
    expect(article!.siteName).toBe('Phnom Penh Post');
    expect(article!.published).toBe('2017-11-10T07:15:00+07:00');
    expect(article!.paragraphs.some((p) => p.startsWith('Ouk Sreymom, executive director'))).toBe(
      true,
    );
    // Page chrome (navigation, "Most read") is not part of the article.
    expect(article!.paragraphs.join(' ')).not.toContain('Rice exports');
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('answers null for a page without an article', () => {
    const doc = load(
      '<head><title>Sign in</title></head><body><form><input name="user"><button>Sign in</button></form></body>',
    );
    expect(readArticle(doc)).toBeNull();
  });
});

describe('textBlocks', () => {
  it('keeps inline markup inside its block and splits at block elements', () => {
    const root = document.createElement('div');
    root.innerHTML =
      '<h2>Heading</h2><p>Mu <b>Sochua</b> said\n so.</p><ul><li>One</li><li>Two</li></ul>';
    expect(textBlocks(root)).toEqual(['Heading', 'Mu Sochua said so.', 'One', 'Two']);
  });
});
