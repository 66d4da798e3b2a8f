import { describe, expect, it } from 'vitest';
import type { RawSource } from '@/lib/model/source';
import { buildBundle } from '@/lib/profiles/build-bundle';
import { SourceErrors } from '@/lib/profiles/errors';
import { parseBundle } from '@/lib/model/parse-bundle';
import { readSourceFolder } from '@/lib/profiles/read-sources';
import { fakePipeline } from './fake-pipeline';
import { FIXTURE_SOURCES } from './temp-folder';

/** The messages of the SourceErrors `run` throws. */
function sourceErrors(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SourceErrors);
    return (error as SourceErrors).errors.map((problem) => problem.message);
  }
  throw new Error('no error was thrown');
}

describe('buildBundle', () => {
  it('round-trips through JSON and parseBundle unchanged', async () => {
    const bundle = buildBundle(await readSourceFolder(FIXTURE_SOURCES), fakePipeline);
    expect(bundle.documents).toHaveLength(3);
    expect(parseBundle(JSON.parse(JSON.stringify(bundle)))).toEqual(bundle);
  });

  it('gives the same hash for the same sources in any order, and another for changed text', async () => {
    const sources = await readSourceFolder(FIXTURE_SOURCES);
    const hash = buildBundle(sources, fakePipeline).hash;
    expect(buildBundle([...sources].reverse(), fakePipeline).hash).toBe(hash);
    const edited = sources.map((source, index) =>
      index === 0 ? { ...source, content: `${source.content} Mu Sochua said more.` } : source,
    );
    expect(buildBundle(edited, fakePipeline).hash).not.toBe(hash);
  });

  it('names every source that cannot be used, not just the first', () => {
    const sources: RawSource[] = [
      { origin: 'weather.txt', format: 'txt', content: 'Sunny with light winds.' },
      { origin: 'a.txt', format: 'txt', content: 'Meas Nee said so.' },
      { origin: 'b.txt', format: 'txt', content: 'Meas Nee said so.' },
      { origin: 'recipe.md', format: 'md', content: '# Rice\nBoil water.' },
    ];
    expect(sourceErrors(() => buildBundle(sources, fakePipeline))).toEqual([
      'b.txt: has the same content as a.txt; remove one of them',
      'recipe.md: does not read as a news article (no attributed statements)',
      'weather.txt: does not read as a news article (no attributed statements)',
    ]);
  });

  it('reports an extractor crash against the file that caused it', () => {
    const crashing = {
      ...fakePipeline,
      extractDocument: () => {
        throw new TypeError('x is undefined');
      },
    };
    expect(
      sourceErrors(() =>
        buildBundle([{ origin: 'a.txt', format: 'txt', content: 'Mu Sochua said.' }], crashing),
      ),
    ).toEqual([
      'a.txt: could not be extracted (x is undefined); this is a bug in lib/extract, please report it with the file',
    ]);
  });
});

describe('buildBundle with lib/extract on the shipped corpus', () => {
  it('builds a valid bundle whose hash is stable', async () => {
    const sources = await readSourceFolder('assets/sources');
    const bundle = buildBundle(sources);
    expect(bundle.entities.length).toBeGreaterThan(5);
    expect(parseBundle(JSON.parse(JSON.stringify(bundle)))).toEqual(bundle);
    expect(buildBundle(sources).hash).toBe(bundle.hash);
  });
});
