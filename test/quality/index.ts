/**
 * `npm run quality`: extraction quality on the development corpus, scored by
 * the corpus README's contract. Each dev text is built alone into its own
 * bundle (as a reader adding one article would), then scanned with it.
 *
 * Options: `--floors FILE` exits 1 when a figure falls below its floor;
 * `--details` prints what each text missed and invented; `--exact` prints the
 * figures unrounded before the last line; `--only a01,b02`
 * scores some texts; `--half even|odd` scores every other text (for fitting
 * on one half and reporting the other).
 */
import { MissingCorpusError, readDevCorpus, type DevText } from './corpus';
import { figuresOf, summaryLine, type Figures } from './figures';
import { floorFailures, readFloors } from './floors';
import { details, perStyleTable, perTextTable, type Scored } from './report';
import { runText } from './run';
import { addCounts, emptyCounts, scoreText } from './score';

const FIGURE_KEYS: (keyof Figures)[] = [
  'peoplePrecision',
  'peopleRecall',
  'peopleF1',
  'organizationsF1',
  'placesF1',
  'roles',
  'aliases',
];

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function select(texts: DevText[], args: string[]): DevText[] {
  const only = option(args, 'only')?.split(',');
  const half = option(args, 'half');
  return texts.filter(
    (t, i) =>
      (!only || only.some((o) => t.gold.file.startsWith(o))) &&
      (half === undefined || (half === 'even') === (i % 2 === 0)),
  );
}

async function main(args: string[]): Promise<number> {
  const texts = select(await readDevCorpus(), args);
  const scored: Scored[] = texts.map((text) => {
    const outcome = runText(text);
    return { text, outcome, counts: scoreText(text.gold, outcome) };
  });
  const total = emptyCounts();
  for (const s of scored) addCounts(total, s.counts);
  if (args.includes('--details')) for (const s of scored) console.log(details(s));
  console.log(perTextTable(scored));
  console.log('');
  console.log(perStyleTable(scored));
  console.log('');
  console.log(`texts: ${scored.length}; refused as no news article: ${total.refused}`);
  const figures = figuresOf(total);
  const floorsPath = option(args, 'floors');
  const failures = floorsPath ? floorFailures(figures, readFloors(floorsPath, FIGURE_KEYS)) : [];
  for (const failure of failures) console.log(`below floor: ${failure}`);
  if (args.includes('--exact')) console.log(JSON.stringify(figures));
  console.log(summaryLine(figures));
  return failures.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof MissingCorpusError
        ? `quality: ${error.message}`
        : `quality: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);
