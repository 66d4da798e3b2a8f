/**
 * Loading the profile bundle that ships inside the extension into the store,
 * recording progress and failure in the meta table so the options page can show
 * them (a service worker's console is where no reader looks).
 */
import type { ProfileBundle } from '@/lib/model/bundle-format';
import type { DramatisDB } from './db';
import { countAddedSources } from './added-sources';
import { importBundle } from './import-bundle';
import { readBundleMeta, writeImportState } from './queries';
import type { ImportState } from '@/lib/model/records';

/** Where the bundle comes from; injected so tests need no network or build. */
export interface BundleSource {
  /** Reads the bundle file as JSON (in the extension: fetch of `profiles.json`). */
  fetchJson: () => Promise<unknown>;
  /** Validates the JSON (lib/profiles `parseBundle`); throws a clear error on a corrupt bundle. */
  parse: (json: unknown) => ProfileBundle;
}

/** A message a reader (or a developer reading the options page) can act on. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * Reads a JSON file packaged with the extension. A missing file means the build
 * did not produce it, which the error says so the options page can show it.
 */
export async function fetchPackagedJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url} could not be read (HTTP ${response.status}); rebuild the extension`);
  }
  try {
    return await response.json();
  } catch (error) {
    throw new Error(`${url} is not valid JSON: ${describeError(error)}`);
  }
}

/**
 * Fetches, validates and imports the bundle, recording the outcome. Never
 * throws: a failure is logged and stored as `failed` with its message, and the
 * store keeps whatever bundle it had.
 */
export async function loadBundle(
  db: DramatisDB,
  source: BundleSource,
  now: () => number = Date.now,
): Promise<ImportState> {
  let result: ImportState;
  try {
    await writeImportState(db, { state: 'importing', startedAt: now() });
    const bundle = source.parse(await source.fetchJson());
    // Articles the reader added are merged into a new bundle; the merge is loaded only if there are any.
    const mergeAdded =
      (await countAddedSources(db)) > 0
        ? (await import('@/lib/extract/merge-added')).mergeAddedDocuments
        : undefined;
    const { changed } = await importBundle(db, bundle, now, mergeAdded);
    result = { state: 'done', finishedAt: now(), changed };
  } catch (error) {
    console.error('Dramatis: loading the bundled profiles failed:', error);
    result = { state: 'failed', failedAt: now(), error: describeError(error) };
  }
  try {
    await writeImportState(db, result);
  } catch (error) {
    // The database itself is unusable (quota, blocked upgrade); nothing else to record it in.
    console.error('Dramatis: could not record the import state:', error);
  }
  return result;
}

/**
 * A loader that runs at most one import at a time: install, update and a
 * service-worker start can all ask at once, and the later callers share the
 * running import instead of starting another.
 */
export function createBundleLoader(db: DramatisDB, source: BundleSource) {
  let running: Promise<ImportState> | null = null;

  /** Imports the shipped bundle (a no-op when the store already holds it). */
  function load(): Promise<ImportState> {
    running ??= loadBundle(db, source).finally(() => {
      running = null;
    });
    return running;
  }

  /**
   * Imports only when the store holds no bundle: a browser start, or a service
   * worker killed during the first import. Cheap when the store is filled.
   */
  async function loadIfEmpty(): Promise<ImportState | null> {
    if ((await readBundleMeta(db)) !== null) return null;
    return load();
  }

  return { load, loadIfEmpty };
}

/** The loader returned by {@link createBundleLoader}. */
export type BundleLoader = ReturnType<typeof createBundleLoader>;
