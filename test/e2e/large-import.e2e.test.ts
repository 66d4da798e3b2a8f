/**
 * A large version 2 bundle (gzip JSON lines) imported by the built extension in
 * Chromium: fetched and inflated a chunk at a time in the service worker, and
 * shown on the welcome page as a progress bar while it loads. (Resuming after a
 * stopped worker is tested in test/lib/store/chunked-import.test.ts.) Invented
 * names only.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ImportState } from '@/lib/model/records';
import { ScaleProfiles } from '../bench/scale-names';
import { snapshotBuild } from '../bench/page-bundle';
import { writeScaleBundle, type ScaleBundle } from '../bench/scale-bundle';
import { CHROME_BUILD, launchExtension, type ExtensionBrowser } from './support/extension';

// Enough that the writing pass lasts several polls: the import got faster (about a second for this many).
const PROFILES = 40_000;

let build: ReturnType<typeof snapshotBuild>;
let work: string;
let bundle: ScaleBundle;
let ext: ExtensionBrowser;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dramatis-large-import-'));
  const profiles = new ScaleProfiles(PROFILES);
  bundle = await writeScaleBundle(join(work, 'large.gz'), () => profiles.inIdOrder());
  build = snapshotBuild(CHROME_BUILD);
  copyFileSync(bundle.path, join(build.dir, 'profiles.json'));
  ext = await launchExtension(build.dir);
});
afterAll(async () => {
  await ext?.close();
  build?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The store status as the welcome page gets it (which also wakes a stopped worker). */
async function importState(page: Page): Promise<{ import: ImportState; hash: string | null }> {
  const result = (await page.evaluate(
    `chrome.runtime.sendMessage({ dramatis: 1, type: 'getStoreStatus', params: {} })`,
  )) as { ok: boolean; value: { import: ImportState; bundle: { hash: string } | null } };
  expect(result.ok).toBe(true);
  return { import: result.value.import, hash: result.value.bundle?.hash ?? null };
}

it('reads a compressed bundle in chunks, showing its progress on the welcome page', async () => {
  const page = await ext.openPage('onboarding.html');
  let written = 0;
  await expect
    .poll(
      async () => {
        const { import: state } = await importState(page);
        written = state.state === 'importing' ? (state.progress?.written ?? 0) : 0;
        return state.state === 'importing' && state.progress?.phase === 'writing' && written > 0;
      },
      { timeout: 90_000, interval: 100 },
    )
    .toBe(true);
  const bar = page.locator('progress.progress');
  await expect.poll(() => bar.count()).toBe(1);
  // The page follows the import a moment behind the background: it reaches the writing pass too.
  await expect
    .poll(() => page.locator('.import-progress label').textContent(), { timeout: 10_000 })
    .toMatch(/^Loading profiles: [\d,]+ of 40,000$/);

  await expect
    .poll(
      async () => {
        const { import: state, hash } = await importState(page);
        if (state.state === 'importing') expect(state.progress?.phase).toBe('writing');
        return state.state === 'done' && hash === bundle.hash;
      },
      { timeout: 110_000, interval: 200 },
    )
    .toBe(true);
  await expect.poll(() => bar.count()).toBe(0);
}, 240_000);
