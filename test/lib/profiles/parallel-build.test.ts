/**
 * `profiles build` on worker threads must give what one thread gives: the same
 * bundle to the byte, and the same problems for the same bad files.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProfileBundle } from '@/lib/model/bundle-format';
import { prettyJsonParts, runCli } from '@/lib/profiles/cli-run';
import { MIN_FILES_FOR_WORKERS } from '@/lib/profiles/parallel-build';
import { corpusArticles } from '../../bench/corpus';
import { makeFolder, PNG_BYTES } from './temp-folder';

/** Builds `dir` on `threads` threads; answers the exit code, stderr and the bundle written. */
async function build(dir: string, threads: number) {
  const out = join(await makeFolder({}), 'bundle.json');
  const err: string[] = [];
  const code = await runCli(['build', '--sources', dir, '--out', out, '--threads', `${threads}`], {
    out: () => {},
    err: (line) => err.push(line.replace(out, 'OUT')),
  });
  const bundle = code === 0 ? await readFile(out, 'utf8') : null;
  return { code, err, bundle };
}

/** A folder of generated articles with invented names. */
async function corpusFolder(documents: number): Promise<string> {
  const files: Record<string, string> = {};
  for (const article of corpusArticles(documents, 60, 5)) files[article.origin] = article.content;
  return makeFolder(files);
}

describe('profiles build on worker threads', () => {
  it('writes the bundle a single thread writes, to the byte', async () => {
    const dir = await corpusFolder(MIN_FILES_FOR_WORKERS + 16);
    const single = await build(dir, 1);
    const parallel = await build(dir, 2);
    expect(single.code).toBe(0);
    expect(parallel).toEqual(single);
    expect(JSON.parse(single.bundle!).documents).toHaveLength(MIN_FILES_FOR_WORKERS + 16);
  }, 120_000);

  it('reports the same bad files, in the same words', async () => {
    const dir = await corpusFolder(MIN_FILES_FOR_WORKERS);
    const copy = await readFile(join(dir, 'article-000003.txt'), 'utf8');
    await writeFile(join(dir, 'article-000003-copy.txt'), copy);
    await writeFile(join(dir, 'picture.txt'), PNG_BYTES);
    await writeFile(join(dir, 'notes.docx'), 'not a source');
    const single = await build(dir, 1);
    const parallel = await build(dir, 2);
    expect(single.code).toBe(1);
    expect(single.err.join('\n')).toMatch(/article-000003.*same content as article-000003/);
    expect(single.err.join('\n')).toMatch(/picture\.txt/);
    expect(parallel).toEqual(single);
  }, 120_000);
});

describe('writing a bundle in pieces', () => {
  it('writes what JSON.stringify writes, for bundles too long for one string', async () => {
    const dir = await corpusFolder(5);
    const { bundle } = await build(dir, 1);
    const parsed = JSON.parse(bundle!) as ProfileBundle;
    expect(bundle).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    expect([...prettyJsonParts({ ...parsed, documents: [] })].join('')).toBe(
      `${JSON.stringify({ ...parsed, documents: [] }, null, 2)}\n`,
    );
  }, 60_000);
});
