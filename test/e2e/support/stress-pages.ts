/**
 * Pages built to stress the content script, generated on the fly: a million
 * words, a hundred thousand text nodes, nesting five hundred deep, and a page
 * whose script changes text a thousand times a second. Each plants names the
 * shipped bundle knows at places the test then expects marked (first, middle
 * and last), among filler text whose only capitals start sentences.
 */

/** A generated page and the names it must end up marked with. */
export interface StressPage {
  html: string;
  /** Every one of these is a marked text once marking completes. */
  expected: string[];
}

/** Lower-case filler: no name, no acronym; only each sentence's first word is capitalized. */
const FILLER = [
  'the', 'council', 'said', 'on', 'tuesday', 'that', 'officials', 'would', 'review', 'budget',
  'after', 'a', 'long', 'meeting', 'with', 'residents', 'of', 'district', 'who', 'asked',
  'about', 'roads', 'and', 'schools', 'in', 'their', 'province', 'before', 'rainy', 'season',
  'market', 'traders', 'complained', 'prices', 'rose', 'again', 'this', 'week', 'while',
  'farmers', 'waited', 'for', 'water', 'from', 'new', 'canal', 'built', 'last', 'year',
]; // prettier-ignore

/** `count` filler words as sentences of twelve words, deterministic for `seed`. */
function filler(count: number, seed: number): string {
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    let word = FILLER[(seed * 31 + i * 7) % FILLER.length]!;
    if (i % 12 === 0) word = word[0]!.toUpperCase() + word.slice(1);
    words.push(i % 12 === 11 || i === count - 1 ? `${word}.` : word);
  }
  return words.join(' ');
}

function page(title: string, body: string, script = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}${script}</body></html>`;
}

/** 1,000,000 words in 10,000 paragraphs; names in the first, every 1,000th and the last. */
export function millionWordsPage(): StressPage {
  const paragraphs: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    const named = i % 1000 === 0 || i === 9_999;
    // 100 words each; where named, five of them are "Mu Sochua met Hun Sen."
    const text = named ? `Mu Sochua met Hun Sen. ${filler(95, i)}` : filler(100, i);
    paragraphs.push(`<p>${text}</p>`);
  }
  return {
    html: page('A million words', `<article>${paragraphs.join('\n')}</article>`),
    expected: ['Mu Sochua', 'Hun Sen'],
  };
}

/** 100,000 text nodes: 1,000 paragraphs of 100 nodes (a word in a span, a space), names split by markup. */
export function manyTextNodesPage(): StressPage {
  const paragraphs: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const nodes: string[] = [];
    const words = filler(50, i).split(' ');
    for (const word of words) nodes.push(`<span>${word}</span>`, ' ');
    if (i % 100 === 0 || i === 999) {
      // Four of the hundred nodes become a name split over two elements.
      nodes.splice(0, 4, '<b>Yim</b>', ' ', '<i>Phally</i>', ' ');
    }
    paragraphs.push(`<p>${nodes.join('')}</p>`);
  }
  return {
    html: page('Many text nodes', `<article>${paragraphs.join('\n')}</article>`),
    expected: ['Yim Phally'],
  };
}

/** 500 nested divs, text at every level, names at the top, the middle and the bottom. */
export function deepNestingPage(): StressPage {
  const DEPTH = 500;
  let inner = '<p>At the bottom Sok Eysan spoke.</p>';
  for (let level = DEPTH; level >= 1; level--) {
    const text = level === 250 ? 'Halfway down Meas Nee answered.' : filler(8, level);
    inner = `<div>${text}${inner}</div>`;
  }
  return {
    html: page('Deep nesting', `<p>At the top San Soeung said so.</p>${inner}`),
    expected: ['San Soeung', 'Meas Nee', 'Sok Eysan'],
  };
}

/** How long the storm lasts and how many text changes it makes per tick of 10 ms (1,000 a second). */
export const STORM = { durationMs: 10_000, changesPerTick: 10, tickMs: 10 } as const;

/**
 * An article plus a ticker of ten items whose text the page changes 1,000
 * times a second for 10 s once `window.__startStorm()` is called (alternately by editing the text node and replacing
 * the item's text), some changes naming people. When it stops it writes a last
 * text naming Mao Vibol and So Platong, and records `window.__stormDone` and how
 * many changes it made (`window.__stormChanges`) so the test can check the rate.
 */
export function mutationStormPage(): StressPage {
  const items = Array.from({ length: STORM.changesPerTick }, (_, i) => `<li>Item ${i}</li>`);
  const script = `<script>
(() => {
  const lines = ['Hun Sen spoke again', 'rain is expected tonight', 'Mu Sochua replied',
    'the market closed early', 'Khem Bun Song arrived', 'traffic is slow on the bridge'];
  const items = [...document.querySelectorAll('#ticker li')];
  let changes = 0;
  let tick = 0;
  // Started by the test once the first scan is done, so the storm is measured on its own.
  window.__startStorm = () => {
  const started = performance.now();
  const timer = setInterval(() => {
    tick++;
    items.forEach((item, i) => {
      const text = 'Update ' + tick + ': ' + lines[(tick + i) % lines.length];
      if ((tick + i) % 2 === 0 && item.firstChild) item.firstChild.data = text;
      else item.textContent = text;
      changes++;
    });
    if (performance.now() - started >= ${STORM.durationMs}) {
      clearInterval(timer);
      items[0].textContent = 'Last: Mao Vibol said the count was final.';
      items[1].textContent = 'Last: So Platong agreed.';
      window.__stormChanges = changes;
      window.__stormDone = performance.now();
    }
  }, ${STORM.tickMs});
  };
})();
</script>`;
  const article = `<article><p>The live page follows San Soeung and Meas Nee.</p><p>${filler(200, 3)}</p></article>`;
  return {
    html: page('Mutation storm', `${article}<ul id="ticker">${items.join('')}</ul>`, script),
    expected: ['San Soeung', 'Meas Nee', 'Mao Vibol', 'So Platong'],
  };
}

/** The storm page's path; the others are static. */
export const STORM_PATH = '/mutation-storm';

/** Each stress page's generator, by the path the E2E test and the bench serve it at. */
export const STRESS_PAGES: Record<string, () => StressPage> = {
  '/million-words': millionWordsPage,
  '/text-nodes': manyTextNodesPage,
  '/deep-nesting': deepNestingPage,
  [STORM_PATH]: mutationStormPage,
};
