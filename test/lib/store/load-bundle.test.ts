import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProfileBundle } from '@/lib/model/bundle-format';
import type { DramatisDB } from '@/lib/store/db';
import {
  createBundleLoader,
  fetchPackagedJson,
  loadBundle,
  type JsonBundleSource,
} from '@/lib/store/load-bundle';
import { readBundleMeta, readImportState, storeCounts } from '@/lib/store/queries';
import { bundle, freshDb } from './fixtures';

let db: DramatisDB;
afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
});

/** A source that serves `json` and accepts it as a bundle unless `parse` says otherwise. */
function source(json: unknown, parse?: (json: unknown) => ProfileBundle): JsonBundleSource {
  return {
    fetchJson: vi.fn(async () => json),
    parse: parse ?? ((value) => value as ProfileBundle),
  };
}

describe('loadBundle', () => {
  it('imports the bundle and records success', async () => {
    db = freshDb();
    const state = await loadBundle(db, source(bundle()), () => 42);
    expect(state).toEqual({ state: 'done', finishedAt: 42, changed: true });
    expect(await readImportState(db)).toEqual(state);
    expect((await storeCounts(db)).people).toBe(2);
  });

  it('records a corrupt bundle’s error and keeps the previous bundle', async () => {
    db = freshDb();
    await loadBundle(db, source(bundle()));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const corrupt = source({ format: 'nonsense' }, () => {
      throw new Error('profiles.json: format must be "dramatis-profiles"');
    });

    const state = await loadBundle(db, corrupt, () => 7);

    expect(state).toEqual({
      state: 'failed',
      failedAt: 7,
      error: 'profiles.json: format must be "dramatis-profiles"',
    });
    expect(await readImportState(db)).toEqual(state);
    expect((await readBundleMeta(db))?.hash).toBe('a'.repeat(64));
    expect(console.error).toHaveBeenCalled();
  });

  it('records a failed fetch', async () => {
    db = freshDb();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const missing: JsonBundleSource = {
      fetchJson: async () => {
        throw new TypeError('Failed to fetch');
      },
      parse: (value) => value as ProfileBundle,
    };
    expect(await loadBundle(db, missing)).toMatchObject({
      state: 'failed',
      error: 'Failed to fetch',
    });
  });
});

describe('createBundleLoader', () => {
  it('shares one import between callers that ask at the same time', async () => {
    db = freshDb();
    const shipped = source(bundle());
    const loader = createBundleLoader(db, shipped);
    const [a, b] = await Promise.all([loader.load(), loader.load()]);
    expect(a).toBe(b);
    expect(shipped.fetchJson).toHaveBeenCalledTimes(1);
  });

  it('loads on startup only when the store is empty', async () => {
    db = freshDb();
    const shipped = source(bundle());
    const loader = createBundleLoader(db, shipped);
    expect(await loader.loadIfEmpty()).toMatchObject({ state: 'done' });
    expect(await loader.loadIfEmpty()).toBeNull();
    expect(shipped.fetchJson).toHaveBeenCalledTimes(1);
  });
});

describe('fetchPackagedJson', () => {
  it('names the file when it is missing or not JSON', async () => {
    const url = 'chrome-extension://id/profiles.json';
    vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response('', { status: 404 }));
    await expect(fetchPackagedJson(url)).rejects.toThrow(`${url} could not be read (HTTP 404)`);
    vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response('{"format":'));
    await expect(fetchPackagedJson(url)).rejects.toThrow(`${url} is not valid JSON`);
    vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(
      new Response('{"format":"dramatis-profiles"}'),
    );
    expect(await fetchPackagedJson(url)).toEqual({ format: 'dramatis-profiles' });
  });
});
