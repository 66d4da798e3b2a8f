import { describe, expect, it } from 'vitest';
import { SourceErrors } from '@/lib/profiles/errors';
import { readSourceFolder, readSourceFolderReport } from '@/lib/profiles/read-sources';
import { FIXTURE_SOURCES, LATIN1_BYTES, makeFolder, PNG_BYTES } from './temp-folder';

describe('readSourceFolder', () => {
  it('reads txt, md and html sources in name order, with sidecar metadata, skipping the README', async () => {
    const sources = await readSourceFolder(FIXTURE_SOURCES);
    expect(sources.map((source) => [source.origin, source.format])).toEqual([
      ['2017-11-07-commune-chiefs.txt', 'txt'],
      ['2017-11-08-deputy-president.md', 'md'],
      ['2017-11-09-spokesperson.html', 'html'],
    ]);
    // "url": null in the sidecar means "not known", so it is left out rather than kept as null.
    expect(sources[0]!.meta).toEqual({
      attribution:
        'Synthetic test article written for Dramatis, modelled on Phnom Penh Post reporting.',
      publisher: 'Test Desk',
    });
    expect(sources[1]!.meta).toBeUndefined();
    expect(sources[1]!.content).toContain('Mu Sochua');
  });

  it('reports every unusable file by name instead of stopping at the first', async () => {
    const dir = await makeFolder({
      'good.txt': 'Meas Nee said so.',
      'empty.txt': '',
      'blank.md': ' \n\n ',
      'image.html': PNG_BYTES,
      'latin1.txt': LATIN1_BYTES,
      'notes.pdf': 'x',
      'orphan.meta.json': '{}',
      'broken.txt': 'Mu Sochua said.',
      'broken.meta.json': '{"atribution": "typo", "byline": "not a list"',
      '.DS_Store': 'x',
      README: 'about this folder',
    });
    const { sources, errors } = await readSourceFolderReport(dir);
    expect(sources.map((source) => source.origin)).toEqual(['good.txt']);
    expect(errors.map((error) => error.message).sort()).toEqual([
      expect.stringMatching(/^blank\.md: is empty/),
      expect.stringMatching(/^broken\.meta\.json: is not valid JSON/),
      expect.stringMatching(/^empty\.txt: is empty/),
      expect.stringMatching(/^image\.html: is a binary file/),
      expect.stringMatching(
        /^latin1\.txt: is not valid UTF-8 text \(first bad byte at line 1, column 4; probably Latin-1 or Windows-1252\); save it as UTF-8$/,
      ),
      expect.stringMatching(/^notes\.pdf: is not a source document/),
      expect.stringMatching(/^orphan\.meta\.json: has no source document next to it/),
    ]);
    await expect(readSourceFolder(dir)).rejects.toBeInstanceOf(SourceErrors);
  });

  it('names each problem in a sidecar', async () => {
    const dir = await makeFolder({
      'a.txt': 'Mu Sochua said.',
      'a.meta.json': '{"atribution": "x", "byline": "Leonie Kijewski", "url": 3}',
    });
    const { errors } = await readSourceFolderReport(dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(
      /^a\.meta\.json: unknown field "atribution".*"url" must be a string or null; "byline" must be a list of names$/,
    );
  });

  it('says so when the folder does not exist', async () => {
    const { errors } = await readSourceFolderReport('no/such/folder');
    expect(errors.map((error) => error.message)).toEqual([
      'no/such/folder: cannot read the folder (it does not exist)',
    ]);
  });
});
