/**
 * The news pages the page bench loads: the scan bench's generated copy
 * (test/bench/scan-text.ts: names written with curly and straight possessives,
 * NBSP, line breaks, honorifics, diacritics, acronyms and short forms, between
 * sentences about people no store knows) laid out as an article page.
 */
import type { BenchEntity } from './names';
import { Random } from './random';
import { generateScanText } from './scan-text';

/** A generated page and what was planted in it. */
export interface NewsPage {
  html: string;
  words: number;
  /** Names written into the page that the store knows (full names, acronyms, short forms). */
  planted: number;
}

/**
 * 100 profiles spread over `store`: ten runs of ten consecutive profiles at
 * evenly spaced offsets. A run of ten keeps the generators' mix of kinds (seven
 * people, two organizations, one place), and spreading the runs makes a large
 * store's page name profiles from all over its index, not only its first ones.
 */
export function spreadSample(store: readonly BenchEntity[]): BenchEntity[] {
  return spreadSampleOf(store.length, (index) => store[index]!);
}

/** {@link spreadSample} of a store of `size` profiles whose `index`-th is `at(index)`. */
export function spreadSampleOf(size: number, at: (index: number) => BenchEntity): BenchEntity[] {
  const runs = Math.min(10, Math.floor(size / 10));
  const sample: BenchEntity[] = [];
  for (let run = 0; run < runs; run++) {
    const start = Math.floor((run * size) / runs / 10) * 10;
    for (let index = start; index < Math.min(start + 10, size); index++) sample.push(at(index));
  }
  return sample;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An article page of about `words` words naming profiles from `known`; the same seed gives the same page. */
export function newsPage(known: readonly BenchEntity[], words: number, seed = 42): NewsPage {
  const text = generateScanText(new Random(seed), known, words);
  const paragraphs = text.text
    .split('\n\n')
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Page bench: ${words} words</title>
<style>body{font:17px/1.5 Georgia,serif;max-width:42rem;margin:0 auto;padding:1rem}</style></head>
<body><header><nav><a href="/">Home</a> · <a href="/">Politics</a> · <a href="/">Business</a></nav></header>
<main><article><h1>Local push to coerce officials, opposition alleges</h1>
<p class="byline">Publication date 4 September 2017 | Reporter: Leonie Kijewski</p>
${paragraphs.join('\n')}
</article></main><footer><p>© The bench Post</p></footer></body></html>`;
  return { html, words: text.words, planted: text.planted.length };
}
