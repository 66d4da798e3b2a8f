import { describe, expect, it } from 'vitest';
import { findBrowser } from '@/lib/demo/find-browser';
import {
  bodyParagraphs,
  escapeHtml,
  renderArticlePage,
  renderIndexPage,
} from '@/lib/demo/render-page';
import type { SourceDocument } from '@/lib/model/bundle-format';

const doc: SourceDocument = {
  id: 'abc123',
  origin: 'x.txt',
  title: 'Council votes <b>no</b>',
  publisher: 'The Daily Example',
  published: '2017-11-07',
  byline: ['Ann Reporter'],
  url: null,
  attribution: null,
  text: 'Council votes <b>no</b> | The Daily Example\n\nBy Ann Reporter\n\nThe council voted on Tuesday.\n\n<img src=x onerror=alert(1)> said Mr Smith.',
  wordCount: 20,
};

describe('renderArticlePage', () => {
  it('shows headline, byline and date once, then the body paragraphs', () => {
    const html = renderArticlePage(doc);
    expect(html).toContain('<h1>Council votes &lt;b&gt;no&lt;/b&gt;</h1>');
    expect(html).toContain('By Ann Reporter');
    expect(html).toContain('7 November 2017');
    expect(bodyParagraphs(doc)).toEqual([
      'The council voted on Tuesday.',
      '<img src=x onerror=alert(1)> said Mr Smith.',
    ]);
  });

  it('shows markup from a source literally instead of running it', () => {
    const html = renderArticlePage(doc);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('renderIndexPage', () => {
  it('links every document', () => {
    expect(renderIndexPage([doc])).toContain('href="/articles/abc123.html"');
  });
});

describe('escapeHtml', () => {
  it('escapes attribute and element delimiters', () => {
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});

describe('findBrowser', () => {
  it('prefers CHROME_PATH and says so', () => {
    expect(findBrowser({ CHROME_PATH: '/opt/c' }, (p) => p === '/opt/c', 'linux')).toEqual({
      path: '/opt/c',
      via: 'CHROME_PATH',
    });
  });

  it('reports a CHROME_PATH that points nowhere instead of ignoring it', () => {
    const found = findBrowser({ CHROME_PATH: '/nope' }, () => false, 'linux');
    expect(found).toBeInstanceOf(Error);
    expect((found as Error).message).toContain('/nope');
  });

  it('searches the usual places, Chromium first', () => {
    const present = new Set(['/usr/bin/google-chrome', '/usr/bin/chromium']);
    expect(findBrowser({}, (p) => present.has(p), 'linux')).toEqual({
      path: '/usr/bin/chromium',
      via: 'search',
    });
  });

  it('says what to do when no browser is installed', () => {
    const found = findBrowser({}, () => false, 'linux');
    expect((found as Error).message).toMatch(/No Chromium or Chrome was found[\s\S]*CHROME_PATH/);
  });
});
