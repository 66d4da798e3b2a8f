/**
 * Scan throughput: the CLI's matcher (lib/match) on a 50,000-word text against
 * stores of 100, 10,000 and 100,000 generated profiles, next to a RegExp
 * alternation of the same names. The design goal: the largest store costs at
 * most 1.5× the smallest per scan (cost grows with the page, not the store).
 */
import { buildAliasIndex, matchText, findCandidates } from '@/lib/match';
import { clearCandidateKeyCache } from '@/lib/match/candidates';
import { generateEntities } from './names';
import { Random } from './random';
import { runRegexPeer, type RegexPeerResult } from './regex-peer';
import { generateScanText } from './scan-text';
import { formatCount, formatMs, medianMs, table } from './timing';

const STORE_SIZES = [100, 10_000, 100_000];
const SCAN_RUNS = 9;
const REGEX_LIMIT_MS = 30_000;

/** Runs the scan bench and returns its report. */
export async function runScanBench(): Promise<string> {
  const all = generateEntities(Math.max(...STORE_SIZES));
  // Every planted name comes from the first 100 profiles, so each store knows all of them.
  const { text, words, planted } = generateScanText(new Random(42), all.slice(0, 100), 50_000);
  const plantedAt = new Map(planted.map((name) => [name.start, name.entityId]));
  const candidates = findCandidates(text).length;

  const rows: string[][] = [];
  const scanTimes: number[] = [];
  for (const size of STORE_SIZES) {
    const store = all.slice(0, size);
    const index = medianMs(3, () => buildAliasIndex(store));
    // Each scan starts cold, as on a page opened for the first time.
    const scan = medianMs(SCAN_RUNS, () => {
      clearCandidateKeyCache();
      return matchText(text, index.result);
    });
    const mentions = scan.result.mentions;
    const found = mentions.filter(
      (mention) => plantedAt.get(mention.start) === mention.entityId,
    ).length;
    scanTimes.push(scan.ms);
    const names = store.flatMap((entity) =>
      entity.acronym ? [entity.name, entity.acronym] : [entity.name],
    );
    const regex = await runRegexPeer(
      names,
      text,
      planted.map((name) => name.start),
      REGEX_LIMIT_MS,
    );
    rows.push([
      formatCount(size),
      formatMs(index.ms),
      formatMs(scan.ms),
      `${formatCount(found)}/${formatCount(planted.length)}`,
      formatCount(mentions.length - found),
      ...describeRegex(regex, planted.length),
    ]);
  }
  const ratio = scanTimes[scanTimes.length - 1]! / scanTimes[0]!;
  return [
    `Scan: ${formatCount(words)}-word text, ${formatCount(text.length)} UTF-16 units, ${formatCount(candidates)} candidate spans, ${formatCount(planted.length)} planted names`,
    `(lib/match: median of ${SCAN_RUNS} scans, index build median of 3; RegExp: compile = construct + first use, scan median of 3, stopped after ${REGEX_LIMIT_MS / 1000} s)`,
    table(
      [
        'profiles',
        'index build',
        'scan',
        'found',
        'other',
        'RegExp compile',
        'RegExp scan',
        'RegExp found',
      ],
      rows,
    ),
    `Scan time, largest store / smallest: ${ratio.toFixed(2)}× (goal ≤ 1.5×)`,
  ].join('\n');
}

function describeRegex(result: RegexPeerResult, planted: number): string[] {
  if (result.timedOut) return [`> ${REGEX_LIMIT_MS / 1000} s (stopped)`, '—', '—'];
  return [
    formatMs(result.compileMs ?? 0),
    formatMs(result.scanMs ?? 0),
    `${formatCount(result.found ?? 0)}/${formatCount(planted)}`,
  ];
}
