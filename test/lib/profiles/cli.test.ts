import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli, USAGE, type CliIo } from '@/lib/profiles/cli-run';
import { parseBundleText } from '@/lib/model/parse-bundle';
import { fakePipeline } from './fake-pipeline';
import { FIXTURE_SOURCES, makeFolder, PNG_BYTES } from './temp-folder';

interface Run {
  code: number;
  out: string[];
  err: string[];
}

/** Runs the CLI in-process with the stand-in extractor, capturing its output. */
async function cli(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    pipeline: fakePipeline,
  };
  return { code: await runCli(argv, io), out, err };
}

async function builtStore(): Promise<string> {
  const bundle = join(await makeFolder({}), 'bundle.json');
  const run = await cli('build', '--sources', FIXTURE_SOURCES, '--out', bundle);
  expect(run).toMatchObject({ code: 0, out: [] });
  return bundle;
}

describe('profiles build', () => {
  it('writes a valid bundle and says what it holds', async () => {
    const bundle = await builtStore();
    const parsed = parseBundleText(readFileSync(bundle, 'utf8'), bundle);
    expect(parsed.documents.map((doc) => doc.origin)).toContain('2017-11-08-deputy-president.md');
    const again = join(await makeFolder({}), 'again.json');
    const run = await cli('build', `--sources=${FIXTURE_SOURCES}`, `--out=${again}`);
    expect(run.err).toEqual([
      expect.stringMatching(/^built .*again\.json: 3 documents, \d+ entities, hash [0-9a-f]{12}$/),
    ]);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(bundle, 'utf8'));
  });

  it('names the empty, binary and non-news files, writes nothing and fails', async () => {
    const dir = await makeFolder({
      'good.txt': 'Meas Nee said so.',
      'empty.txt': '',
      'photo.html': PNG_BYTES,
      'weather.txt': 'Sunny with light winds all week.',
    });
    const out = join(dir, 'bundle.json');
    const run = await cli('build', '--sources', dir, '--out', out);
    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      'error: empty.txt: is empty; remove it or add the article text',
      'error: photo.html: is a binary file, not text; sources must be .txt, .md or .html in UTF-8',
      'error: weather.txt: does not read as a news article (no attributed statements)',
      `error: ${out} was not written; fix the 3 files above and build again`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('fails on a folder without sources', async () => {
    const dir = await makeFolder({ 'README.md': 'nothing here' });
    const run = await cli('build', '--sources', dir, '--out', join(dir, 'b.json'));
    expect(run.code).toBe(1);
    expect(run.err[0]).toBe(`error: ${dir}: holds no source documents (.txt, .md or .html)`);
  });
});

describe('profiles scan', () => {
  it('prints one JSON line per file with mentions at UTF-16 offsets of its text', async () => {
    const store = await builtStore();
    const file = join(FIXTURE_SOURCES, '2017-11-07-commune-chiefs.txt');
    const run = await cli('scan', '--store', store, file);
    expect(run).toMatchObject({ code: 0, err: [] });
    expect(run.out).toHaveLength(1);
    const result = JSON.parse(run.out[0]!) as {
      file: string;
      mentions: { start: number; end: number; text: string; entityId: string }[];
    };
    expect(result.file).toBe(file);
    const text = readFileSync(file, 'utf8');
    for (const mention of result.mentions)
      expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    // "Phally" and "Nee" are ambiguous short forms: linked because the full names are in the same file.
    expect(result.mentions.map((mention) => `${mention.text}→${mention.entityId}`)).toEqual(
      expect.arrayContaining([
        'Yim Phally→person:yim-phally',
        'Phally→person:yim-phally',
        'Nee→person:meas-nee',
      ]),
    );
  });

  it('scans the good files, names the bad ones and fails', async () => {
    const store = await builtStore();
    const dir = await makeFolder({
      'empty.txt': '',
      'photo.png': PNG_BYTES,
      'ok.txt': 'Mu Sochua spoke.',
    });
    const run = await cli(
      'scan',
      '--store',
      store,
      join(dir, 'empty.txt'),
      join(dir, 'photo.png'),
      join(dir, 'ok.txt'),
      join(dir, 'gone.txt'),
    );
    expect(run.code).toBe(1);
    expect(run.out.map((line) => (JSON.parse(line) as { file: string }).file)).toEqual([
      join(dir, 'ok.txt'),
    ]);
    expect(run.err).toEqual([
      `error: ${join(dir, 'empty.txt')}: is empty; remove it or add the article text`,
      `error: ${join(dir, 'photo.png')}: is a binary file, not text; sources must be .txt, .md or .html in UTF-8`,
      `error: ${join(dir, 'gone.txt')}: cannot be read (it does not exist)`,
    ]);
  });

  it('refuses a missing or cut-short store', async () => {
    const dir = await makeFolder({
      'cut.json': '{"format": "dramatis-profiles", "version": 1, "entit',
      'a.txt': 'Mu Sochua.',
    });
    const missing = await cli('scan', '--store', join(dir, 'none.json'), join(dir, 'a.txt'));
    expect(missing).toMatchObject({ code: 1, out: [] });
    expect(missing.err[0]).toMatch(
      /none\.json: does not exist; build one with `npm run profiles -- build`$/,
    );
    const cut = await cli('scan', '--store', join(dir, 'cut.json'), join(dir, 'a.txt'));
    expect(cut.code).toBe(1);
    expect(cut.err[0]).toMatch(/cut\.json: is not valid JSON, perhaps cut short/);
  });
});

describe('profiles command line', () => {
  it.each([
    [[], 'error: no command given'],
    [['publish'], 'error: unknown command "publish"'],
    [['build', '--out', 'x.json'], 'error: --sources is required'],
    [['build', '--sources'], 'error: --sources needs a value'],
    [['scan', '--store', 'b.json'], 'error: scan needs at least one file to scan'],
    [['scan', '--shop', 'b.json', 'a.txt'], 'error: unknown option --shop'],
  ])('answers %j with the usage and exit code 2', async (argv, message) => {
    const run = await cli(...argv);
    expect(run).toEqual({ code: 2, out: [], err: [message, USAGE] });
  });

  it('prints the usage on help', async () => {
    expect(await cli('help')).toEqual({ code: 0, out: [USAGE], err: [] });
  });

  it('exits non-zero from the real bin file', async () => {
    const run = promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      'lib/profiles/cli.ts',
      'publish',
    ]);
    await expect(run).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command "publish"'),
    });
  });
});

describe('profiles CLI with lib/extract', () => {
  /** The CLI with the real extraction pipeline. */
  async function realCli(...argv: string[]): Promise<Run> {
    const out: string[] = [];
    const err: string[] = [];
    return {
      code: await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) }),
      out,
      err,
    };
  }

  it('builds the shipped corpus and scans the seed article as a reader would expect', async () => {
    const store = join(await makeFolder({}), 'bundle.json');
    expect((await realCli('build', '--sources', 'assets/sources', '--out', store)).code).toBe(0);
    const file = 'assets/sources/000_2f3c03faae0050a6.txt';
    const run = await realCli('scan', '--store', store, file);
    expect(run.code).toBe(0);
    const { mentions } = JSON.parse(run.out[0]!) as {
      mentions: { start: number; end: number; text: string; entityId: string }[];
    };
    const text = readFileSync(file, 'utf8');
    const found = new Set(mentions.map((mention) => mention.text));
    // Curly possessive ("CNRP’s"), full names, and short forms confirmed by the full name in the same article.
    for (const name of [
      'CNRP',
      'Hun Sen',
      'Mu Sochua',
      'Sochua',
      'Yim Phally',
      'Phally',
      'Meas Nee',
      'Nee',
      'Cambodian People’s Party',
    ]) {
      expect(found).toContain(name);
    }
    expect(
      mentions.every((mention) => text.slice(mention.start, mention.end) === mention.text),
    ).toBe(true);
    const curly = text.indexOf('CNRP’s');
    expect(mentions).toContainEqual(
      expect.objectContaining({ start: curly, end: curly + 4, text: 'CNRP' }),
    );
    // "more than" is prose, even though "Than" is Phom Than's short form.
    const moreThan = text.indexOf('more than');
    expect(
      mentions.some((mention) => mention.start >= moreThan && mention.start < moreThan + 9),
    ).toBe(false);
  });

  it('names an empty, a binary and a non-news source, and exits non-zero', async () => {
    const seed = readFileSync('assets/sources/000_2f3c03faae0050a6.txt');
    const dir = await makeFolder({
      'seed.txt': seed,
      'empty.md': '',
      'photo.html': PNG_BYTES,
      'recipe.txt':
        'Banana bread\n\nMix flour, sugar and two ripe bananas. Bake for an hour at 180 degrees.\n',
    });
    const run = await realCli('build', '--sources', dir, '--out', join(dir, 'bundle.json'));
    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      'error: empty.md: is empty; remove it or add the article text',
      'error: photo.html: is a binary file, not text; sources must be .txt, .md or .html in UTF-8',
      expect.stringMatching(/^error: recipe\.txt: no news article found/),
      expect.stringContaining('was not written; fix the 3 files above'),
    ]);
  });
});
