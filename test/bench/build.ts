/**
 * Build throughput: the real extraction pipeline and bundle builder on 1,000
 * generated news articles.
 */
import { buildBundle, defaultPipeline } from '@/lib/profiles/build-bundle';
import { countWords, generateArticle } from './articles';
import { generateEntities } from './names';
import { Random } from './random';
import { formatCount, formatMs, medianMs, onceMs, table } from './timing';

const DOCUMENTS = 1000;

/** Runs the build bench and returns its report. */
export function runBuildBench(): string {
  // 3,000 profiles shared by 1,000 stories, so entities recur and merging has real work.
  const pool = generateEntities(3000, 11);
  const rng = new Random(7);
  const sources = Array.from({ length: DOCUMENTS }, (_, index) =>
    generateArticle(rng, pool, index),
  );
  const words = sources.reduce((sum, source) => sum + countWords(source.content), 0);

  const extract = onceMs(() => sources.map((source) => defaultPipeline.extractDocument(source)));
  const merge = onceMs(() => defaultPipeline.mergeDocuments(extract.result));
  const build = medianMs(3, () => buildBundle(sources));
  const bundle = build.result;
  const bytes = Buffer.byteLength(JSON.stringify(bundle));
  const perSecond = (count: number, ms: number) => formatCount((count / ms) * 1000);

  return [
    `Build: ${DOCUMENTS} generated articles, ${formatCount(words)} words → ${formatCount(bundle.entities.length)} entities, ${(bytes / 1e6).toFixed(1)} MB of JSON`,
    table(
      ['step', 'time', 'documents/s', 'words/s'],
      [
        [
          'extract (first run, cold)',
          formatMs(extract.ms),
          perSecond(DOCUMENTS, extract.ms),
          perSecond(words, extract.ms),
        ],
        ['merge', formatMs(merge.ms), '', ''],
        [
          'buildBundle total (median of 3)',
          formatMs(build.ms),
          perSecond(DOCUMENTS, build.ms),
          perSecond(words, build.ms),
        ],
      ],
    ),
  ].join('\n');
}
