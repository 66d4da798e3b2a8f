/**
 * The `profiles` command line (Node): `build` compiles a folder of sources into a
 * bundle, `scan` prints the mentions a bundle finds in text files. Kept apart
 * from the bin file so tests call it with captured output.
 */
import { availableParallelism } from 'node:os';
import { SourceError } from '@/lib/model/source';
import { buildAliasIndex, matchText } from '@/lib/match';
import { assembleBundle, extractSource, type ExtractionPipeline } from './build-bundle';
import type { ProfileBundle } from '@/lib/model/bundle-format';
import { SourceErrors } from './errors';
import { BundleError } from '@/lib/model/bundle-error';
import { parseBundleText } from '@/lib/model/parse-bundle';
import { readTextFile } from './read-sources';
import { extractFolder, extractFolderInWorkers } from './parallel-build';

/** Where the CLI writes; each call is one line. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** The extraction pipeline for `build`; lib/extract's by default. */
  pipeline?: ExtractionPipeline;
}

/** Exit codes: 0 success, 1 a file or bundle could not be used, 2 the command line was wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The help text printed for `help` and after a wrong command line. */
export const USAGE = `Usage:
  npm run profiles -- build --sources <dir> --out <bundle.json> [--threads <n>]
      Builds a profile bundle from the .txt, .md and .html documents in <dir>,
      extracting on <n> worker threads (default: one per core).
  npm run profiles -- scan --store <bundle.json> <file>...
      Prints, for each file, one line of JSON: {"file", "mentions": [{start, end, text,
      entityId, name, kind}]}, offsets in UTF-16 code units of the file's text.`;

class UsageError extends Error {}

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'build':
        return await build(parseArgs(rest, ['sources', 'out'], ['threads']), io);
      case 'scan':
        return await scan(parseArgs(rest, ['store']), io);
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return EXIT.ok;
      case undefined:
        throw new UsageError('no command given');
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}`);
      io.err(USAGE);
      return EXIT.usage;
    }
    reportError(error, io);
    return EXIT.failed;
  }
}

interface ParsedArgs {
  options: Map<string, string>;
  files: string[];
}

/** `--name value` or `--name=value` for each name in `required` (and `optional`); anything else not starting with -- is a file. */
function parseArgs(
  args: readonly string[],
  required: readonly string[],
  optional: readonly string[] = [],
): ParsedArgs {
  const options = new Map<string, string>();
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!required.includes(name) && !optional.includes(name))
      throw new UsageError(`unknown option --${name}`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    options.set(name, value);
  }
  for (const name of required)
    if (!options.has(name)) throw new UsageError(`--${name} is required`);
  return { options, files };
}

async function build({ options, files }: ParsedArgs, io: CliIo): Promise<number> {
  if (files.length > 0)
    throw new UsageError(`build takes no file arguments (got ${files.join(' ')})`);
  const dir = options.get('sources')!;
  const out = options.get('out')!;
  const threads = threadCount(options.get('threads'));
  // An injected pipeline (tests) cannot cross into a worker thread.
  const { outcomes, errors } = io.pipeline
    ? await extractFolder(dir, (source) => extractSource(source, io.pipeline))
    : await extractFolderInWorkers(dir, threads);
  if (outcomes.length === 0 && errors.length === 0)
    errors.push(new SourceError(dir, 'holds no source documents (.txt, .md or .html)'));
  let bundle: ProfileBundle | null = null;
  if (outcomes.length > 0) {
    try {
      // Extract the readable sources even when others failed, so one run reports every problem.
      bundle = assembleBundle(outcomes, io.pipeline);
    } catch (error) {
      if (!(error instanceof SourceErrors)) throw error;
      errors.push(...error.errors);
    }
  }
  if (errors.length > 0 || bundle === null) {
    errors.sort((a, b) => (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0));
    for (const problem of errors) io.err(`error: ${problem.message}`);
    io.err(
      `error: ${out} was not written; fix the ${errors.length === 1 ? 'file' : `${errors.length} files`} above and build again`,
    );
    return EXIT.failed;
  }
  await writeFileAtomically(out, prettyJsonParts(bundle));
  io.err(
    `built ${out}: ${bundle.documents.length} documents, ${bundle.entities.length} entities, hash ${bundle.hash.slice(0, 12)}`,
  );
  return EXIT.ok;
}

/** `--threads`: a positive whole number, or every core the machine offers. */
function threadCount(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1)
    throw new UsageError(`--threads needs a whole number of 1 or more (got ${value})`);
  return count;
}

async function scan({ options, files }: ParsedArgs, io: CliIo): Promise<number> {
  if (files.length === 0) throw new UsageError('scan needs at least one file to scan');
  const storePath = options.get('store')!;
  const bundle = parseBundleText(await readStore(storePath), storePath);
  const index = buildAliasIndex(bundle.entities);
  let failed = false;
  for (const file of files) {
    try {
      const { mentions } = matchText(await readTextFile(file), index);
      io.out(JSON.stringify({ file, mentions }));
    } catch (error) {
      // One bad file does not hide the results for the others; the exit code still says it failed.
      reportError(error, io);
      failed = true;
    }
  }
  return failed ? EXIT.failed : EXIT.ok;
}

async function readStore(path: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    throw new BundleError(path, [
      code === 'ENOENT'
        ? 'does not exist; build one with `npm run profiles -- build`'
        : `cannot be read (${code || String(error)})`,
    ]);
  }
}

/**
 * `JSON.stringify(bundle, null, 2)` and a final line break, in pieces: a large
 * corpus' bundle is longer than the longest string JavaScript can hold.
 */
export function* prettyJsonParts(bundle: ProfileBundle): Generator<string> {
  const members = Object.entries(bundle);
  yield '{';
  for (const [index, [key, value]] of members.entries()) {
    yield `\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield '[';
      for (const [at, item] of (value as unknown[]).entries())
        yield `${at > 0 ? ',' : ''}\n    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}`;
      yield '\n  ]';
    } else {
      yield JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
    }
    if (index < members.length - 1) yield ',';
  }
  yield '\n}\n';
}

/** Writes next to the target and renames, so an interrupted build never leaves a half-written bundle. */
async function writeFileAtomically(path: string, parts: Iterable<string>): Promise<void> {
  const [{ writeFile, rename }, { Readable }] = await Promise.all([
    import('node:fs/promises'),
    import('node:stream'),
  ]);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, Readable.from(parts), 'utf8');
  await rename(temporary, path);
}

function reportError(error: unknown, io: CliIo): void {
  if (error instanceof SourceErrors)
    for (const problem of error.errors) io.err(`error: ${problem.message}`);
  else if (error instanceof SourceError || error instanceof BundleError)
    io.err(`error: ${error.message}`);
  else
    io.err(
      `error: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
}
