/** normalizePageUrl: one address per article, however the reader got there. */
import { describe, expect, it } from 'vitest';
import { sameSite, siteOf } from '@/lib/model/site';
import { normalizePageUrl } from '@/lib/store/page-url';

const ARTICLE = 'https://www.phnompenhpost.com/national/cnrp-alleges-local-push';

describe('normalizePageUrl', () => {
  it.each([
    ['drops the fragment', `${ARTICLE}#comments`, ARTICLE],
    [
      'drops utm_* and newsletter ids',
      `${ARTICLE}?utm_source=newsletter&utm_medium=email&mc_cid=abc&mc_eid=def`,
      ARTICLE,
    ],
    ['drops click ids', `${ARTICLE}?fbclid=IwAR0x&gclid=1&dclid=2&msclkid=3&igshid=4`, ARTICLE],
    ['drops ref_src, case-insensitively', `${ARTICLE}?ref_src=twsrc%5Etfw&UTM_Campaign=x`, ARTICLE],
    [
      'keeps other parameters as written, in order',
      'https://news.example.org/story.php?id=42&utm_source=x&page=2&q=a+b%20c',
      'https://news.example.org/story.php?id=42&page=2&q=a+b%20c',
    ],
    [
      'keeps a parameter that merely starts like one',
      `${ARTICLE}?refresh=1`,
      `${ARTICLE}?refresh=1`,
    ],
    ['lowercases the host only', 'HTTPS://WWW.Example.COM/A/B', 'https://www.example.com/A/B'],
    ['keeps http pages', 'http://example.com/a?fbclid=1#x', 'http://example.com/a'],
  ])('%s', (_what, url, expected) => {
    expect(normalizePageUrl(url)).toBe(expected);
  });

  it.each([
    [
      'prefers a same-site canonical (AMP copy)',
      'https://amp.example.co.uk/a/amp',
      'https://www.example.co.uk/a',
      'https://www.example.co.uk/a',
    ],
    [
      'resolves a relative canonical',
      `${ARTICLE}?page=1`,
      '/national/cnrp',
      'https://www.phnompenhpost.com/national/cnrp',
    ],
    ['cleans the canonical too', ARTICLE, `${ARTICLE}?utm_source=x#top`, ARTICLE],
    [
      'ignores a canonical on another site',
      ARTICLE,
      'https://aggregator.example.com/copy',
      ARTICLE,
    ],
    [
      'ignores a canonical on another subdomain of the same host',
      'https://attacker.substack.com/p/story',
      'https://victim.substack.com/p/story',
      'https://attacker.substack.com/p/story',
    ],
    [
      'ignores a canonical on a sibling subdomain',
      'https://evil.example.com/story',
      'https://victim.example.com/story',
      'https://evil.example.com/story',
    ],
    [
      'prefers the canonical of a mobile copy',
      'https://m.example.com/story',
      'https://example.com/story',
      'https://example.com/story',
    ],
    ['ignores a canonical that is not http(s)', ARTICLE, 'javascript:alert(1)', ARTICLE],
    ['ignores an unparsable canonical', ARTICLE, 'http://', ARTICLE],
    ['ignores an empty canonical', ARTICLE, '', ARTICLE],
  ])('%s', (_what, url, canonical, expected) => {
    expect(normalizePageUrl(url, canonical)).toBe(expected);
  });

  it('answers null for pages that are not on the web', () => {
    for (const url of [
      'file:///home/me/a.html',
      'about:blank',
      'chrome-extension://x/popup.html',
      'not a url',
      '',
    ]) {
      expect(normalizePageUrl(url)).toBeNull();
    }
  });
});

describe('siteOf', () => {
  it.each([
    ['www.phnompenhpost.com', 'phnompenhpost.com'],
    ['amp.theguardian.com', 'theguardian.com'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['M.Example.com', 'example.com'],
    ['news.bbc.co.uk', 'news.bbc.co.uk'],
    ['victim.substack.com', 'victim.substack.com'],
    ['www.com', 'www.com'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    // Private suffixes from the Public Suffix List: a tenant named like an edition is a tenant.
    ['m.github.io', 'm.github.io'],
    ['www.blogspot.com', 'www.blogspot.com'],
    ['amp.ostraven.blogspot.com', 'ostraven.blogspot.com'],
    ['www.co.uk', 'www.co.uk'],
  ])('%s → %s', (host, site) => {
    expect(siteOf(host)).toBe(site);
  });
});

describe('sameSite', () => {
  it.each([
    ['https://www.brackwater.example/a', 'https://amp.brackwater.example/a', true],
    ['https://ostraven.github.io/p', 'https://m.github.io/p', false],
    ['https://m.github.io/p', 'https://github.io/p', false],
    ['https://attacker.substack.com/p', 'https://victim.substack.com/p', false],
    ['https://evil.example.org/p', 'https://news.example.com/p', false],
    ['javascript:alert(1)//brackwater.example', 'https://brackwater.example/', false],
    ['not a url', 'https://brackwater.example/', false],
  ])('%s and %s → %s', (a, b, same) => {
    expect(sameSite(a, b)).toBe(same);
    expect(sameSite(b, a)).toBe(same);
  });
});
