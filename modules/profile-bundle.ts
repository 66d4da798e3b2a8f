/**
 * Compiles the corpus in assets/sources into the bundle the extension ships
 * (`profiles.json`, which the background fetches at install), so no generated
 * bundle is committed and every build carries the bundle of its own sources.
 * lib/ uses the `@/` alias, which WXT's module loader does not resolve, so
 * lib/profiles is loaded through jiti with that alias.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { createJiti } from 'jiti';
import { defineWxtModule } from 'wxt/modules';
import type { RawSource } from '@/lib/model/source';
import type { ProfileBundle } from '@/lib/model/bundle-format';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the bundle lands in the extension; the background fetches `runtime.getURL('/profiles.json')`. */
const PROFILES_ASSET = 'profiles.json';

async function buildProfilesJson(): Promise<string> {
  const jiti = createJiti(import.meta.url, { alias: { '@': ROOT.replace(/\/$/, '') } });
  const { buildBundle, readSourceFolder } = await jiti.import<{
    readSourceFolder: (dir: string) => Promise<RawSource[]>;
    buildBundle: (sources: RawSource[]) => ProfileBundle | Promise<ProfileBundle>;
  }>(resolve(ROOT, 'lib/profiles/index.ts'));
  const bundle = await buildBundle(await readSourceFolder(resolve(ROOT, 'assets/sources')));
  // Compact: only fetch() reads this file.
  return JSON.stringify(bundle);
}

export default defineWxtModule((wxt) => {
  wxt.hook('build:publicAssets', async (wxt, files) => {
    const started = performance.now();
    files.push({ relativeDest: PROFILES_ASSET, contents: await buildProfilesJson() });
    wxt.logger.info(`Built ${PROFILES_ASSET} in ${Math.round(performance.now() - started)} ms`);
  });
  // Lets `browser.runtime.getURL('/profiles.json')` type-check though the file is generated.
  wxt.hook('prepare:publicPaths', (_wxt, paths) => {
    paths.push(PROFILES_ASSET);
  });
});
