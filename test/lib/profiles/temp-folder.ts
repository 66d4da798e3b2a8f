/** Throw-away folders for tests that need files a repository should not hold (binary, empty, broken). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Creates a folder holding `files` (name → text or bytes); removed after the test. */
export async function makeFolder(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dramatis-profiles-'));
  made.push(dir);
  await Promise.all(
    Object.entries(files).map(([name, content]) => writeFile(join(dir, name), content)),
  );
  return dir;
}

/** The first bytes of a PNG image: what a binary file dropped among the sources looks like. */
export const PNG_BYTES = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

/** Text that is not UTF-8 (Latin-1 "é"). */
export const LATIN1_BYTES = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x73, 0x61, 0x69, 0x64]);

/** The fixture corpus of three small synthetic articles. */
export const FIXTURE_SOURCES = 'test/fixtures/profiles/sources';
