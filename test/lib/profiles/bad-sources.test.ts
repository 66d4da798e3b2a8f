/**
 * Source documents a reader may really drop into the corpus folder: other
 * encodings, an image renamed .txt, a saved web page with a text extension,
 * pages that are mostly markup, and very long files. Each is either read
 * correctly or refused with a message that names the file and says what to do.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceError } from '@/lib/model/source';
import { runCli } from '@/lib/profiles/cli-run';
import { decodeSourceText } from '@/lib/profiles/decode';
import { parseBundleText } from '@/lib/model/parse-bundle';
import { readSourceFolderReport } from '@/lib/profiles/read-sources';
import { makeFolder, PNG_BYTES } from './temp-folder';

const SEED = readFileSync('assets/sources/000_2f3c03faae0050a6.txt', 'utf8');

/** `text` as UTF-16 with a byte-order mark, as Windows "Unicode" text files are saved. */
function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  const units = bom ? `\uFEFF${text}` : text;
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), order === 'le');
  return bytes;
}

function refusal(bytes: Uint8Array): string {
  try {
    decodeSourceText(bytes, 'file.txt');
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return (error as Error).message;
  }
  throw new Error('the bytes were accepted');
}

/** Runs `npm run profiles -- build` in-process with the real pipeline. */
async function build(dir: string): Promise<{ code: number; err: string[]; out: string }> {
  const err: string[] = [];
  const out = join(dir, 'bundle.json');
  const code = await runCli(['build', '--sources', dir, '--out', out], {
    out: () => {},
    err: (line) => err.push(line),
  });
  return { code, err, out };
}

function entityNames(bundlePath: string): string[] {
  return parseBundleText(readFileSync(bundlePath, 'utf8'), bundlePath)
    .entities.map((entity) => entity.name)
    .sort();
}

describe('decoding a source file', () => {
  it('reads UTF-16 text whose byte-order mark says so, either byte order', () => {
    const text = 'Mu Sochua said: “We will not go.” Sámdech Hun Sen’s party';
    expect(decodeSourceText(utf16(text, 'le'), 'a.txt')).toBe(text);
    expect(decodeSourceText(utf16(text, 'be'), 'a.txt')).toBe(text);
    // And drops a UTF-8 byte-order mark rather than keeping it in the first word.
    const utf8 = new TextEncoder().encode(`\uFEFF${text}`);
    expect(decodeSourceText(utf8, 'a.txt')).toBe(text);
  });

  it('refuses UTF-16 without a mark, saying what it looks like', () => {
    expect(refusal(utf16('Mu Sochua said so on Tuesday.', 'le', false))).toBe(
      'file.txt: looks like UTF-16 text without a byte-order mark; save it as UTF-8',
    );
  });

  it('refuses Windows-1252 bytes (curly quotes, accents) with the line and column of the first', () => {
    // "Officials said.\n“We agree,” Mr Sámdech said." in Windows-1252: 0x93 and 0x94 are the curly quotes.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Officials said.\n'),
      0x93,
      ...new TextEncoder().encode('We agree,'),
      0x94,
      ...new TextEncoder().encode(' Mr S'),
      0xe1,
      ...new TextEncoder().encode('mdech said.'),
    ]);
    expect(refusal(bytes)).toBe(
      'file.txt: is not valid UTF-8 text (first bad byte at line 2, column 1; probably Latin-1 ' +
        'or Windows-1252); save it as UTF-8',
    );
  });

  it('refuses an image renamed .txt, an empty file and a blank one', () => {
    expect(refusal(PNG_BYTES)).toBe(
      'file.txt: is a binary file, not text; sources must be .txt, .md or .html in UTF-8',
    );
    expect(refusal(new Uint8Array())).toBe('file.txt: is empty; remove it or add the article text');
    expect(refusal(new TextEncoder().encode(' \n\t\n'))).toBe(
      'file.txt: is empty; remove it or add the article text',
    );
  });

  it('refuses control characters that text never holds, even without a NUL', () => {
    const bytes = new Uint8Array(400).map((_, i) => (i % 4 === 0 ? 0x01 : 0x41));
    expect(refusal(bytes)).toMatch(/is a binary file/);
  });
});

describe('building from awkward sources', () => {
  it('builds the same profiles from the seed article saved as UTF-16 as from UTF-8', async () => {
    const [plain, wide] = await Promise.all([
      makeFolder({ 'seed.txt': SEED }),
      makeFolder({ 'seed.txt': utf16(SEED, 'le') }),
    ]);
    const [plainRun, wideRun] = await Promise.all([build(plain), build(wide)]);
    expect(plainRun.code).toBe(0);
    expect(wideRun.code).toBe(0);
    expect(entityNames(wideRun.out)).toEqual(entityNames(plainRun.out));
    expect(entityNames(wideRun.out)).toContain('Mu Sochua');
  });

  it('finds the article inside a page that is mostly markup, scripts and styles', async () => {
    const article = SEED.split(/\n\s*\n/)
      .slice(12, 20)
      .map((paragraph) => `<p>${paragraph}</p>`)
      .join('');
    const noise = '<div class="ad"><span data-slot="1"><i class="icon"></i></span></div>'.repeat(
      10_000,
    );
    const script = `<script>${'var tracker = "Hun Sen";'.repeat(10_000)}</script>`;
    const html = `<!doctype html><html><head><title>Defections</title>${script}<style>${'.a{color:red}'.repeat(10_000)}</style></head><body>${noise}<article>${article}</article>${noise}</body></html>`;
    const run = await build(await makeFolder({ 'page.html': html }));
    expect(run.code).toBe(0);
    expect(entityNames(run.out)).toEqual(expect.arrayContaining(['Yim Phally', 'Hun Sen']));
  });

  it('names a page that is all markup, and a web page saved with a text extension', async () => {
    const noise = '<div><span class="x"></span></div>'.repeat(1000);
    const page = `<!DOCTYPE html>\n<html><body>${noise}<p>${SEED.slice(0, 2000)}</p></body></html>`;
    const dir = await makeFolder({
      'chrome.html': `<!doctype html><html><body>${noise}</body></html>`,
      'saved-page.txt': page,
      'saved-page-too.md': `  <html lang="en">${noise}</html>`,
    });
    const { errors } = await readSourceFolderReport(dir);
    expect(errors.map((error) => error.message)).toEqual([
      'saved-page-too.md: holds a whole HTML page; rename it to .html so its markup is read as markup',
      'saved-page.txt: holds a whole HTML page; rename it to .html so its markup is read as markup',
    ]);
    const run = await build(dir);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'error: chrome.html: no news article found: 0 words of sentence prose after removing page chrome (need 30)',
    );
    expect(run.err.at(-1)).toMatch(/was not written; fix the 3 files above/);
  });

  it('builds a 1 MB article of distinct paragraphs', async () => {
    // Each repetition is reworded so boilerplate removal cannot fold it away as a duplicate.
    const body = SEED.split(/\n\s*\n/).slice(12, -6);
    let text = SEED;
    for (let k = 1; text.length < 1_000_000; k++) {
      text += `\n\n${body.map((p, i) => `In report ${k}.${i} the paper wrote that ${p}`).join('\n\n')}`;
    }
    const run = await build(await makeFolder({ 'long.txt': text }));
    expect(run.code).toBe(0);
    expect(entityNames(run.out)).toContain('Mu Sochua');
    // Its speed is the bench's to measure (buildBundle); the timeout only stops a hang.
  }, 120_000);
});
