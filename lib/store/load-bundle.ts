/**
 * Loading the profile bundle that ships inside the extension into the store,
 * recording progress and failure in the meta table so the options page can show
 * them (a service worker's console is where no reader looks).
 */
import type { ProfileBundle } from '@/lib/model/bundle-format';
import { isGzip, openParsedBundle, type OpenedBundle } from '@/lib/model/bundle-stream-format';
import { openBundleStream } from '@/lib/model/read-bundle-stream';
import type { DramatisDB } from './db';
import { countAddedSources } from './added-sources';
import { importBundleInChunks } from './chunked-import';
import { readBundleMeta, readImportState, writeImportState } from './queries';
import type { ImportState } from '@/lib/model/records';

/** A bundle read whole as JSON (format version 1); injected so tests need no network or build. */
export interface JsonBundleSource {
  /** Reads the bundle file as JSON (in the extension: fetch of `profiles.json`). */
  fetchJson: () => Promise<unknown>;
  /** Validates the JSON (lib/profiles `parseBundle`); throws a clear error on a corrupt bundle. */
  parse: (json: unknown) => ProfileBundle;
}

/** A bundle opened for reading in chunks, whatever its version (see {@link packagedBundleSource}). */
export interface OpenableBundleSource {
  open: () => Promise<OpenedBundle>;
}

/** Where the bundle comes from. */
export type BundleSource = JsonBundleSource | OpenableBundleSource;

function openSource(source: BundleSource): Promise<OpenedBundle> {
  if ('open' in source) return source.open();
  return source.fetchJson().then((json) => openParsedBundle(source.parse(json)));
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

/** The body of a file packaged with the extension, as a stream of bytes. */
async function fetchPackagedBody(url: string): Promise<ReadableStream<Uint8Array>> {
  const response = await fetch(url);
  if (!response.ok || !response.body) {
    throw new Error(`${url} could not be read (HTTP ${response.status}); rebuild the extension`);
  }
  return response.body;
}

/**
 * The bundle packaged at `url`, in either format: a gzip file (version 2) is
 * read as a stream, a chunk at a time; JSON text (version 1) is read whole and
 * checked with `parse`. The first bytes tell which.
 */
export function packagedBundleSource(
  url: string,
  parse: (json: unknown) => ProfileBundle,
): OpenableBundleSource {
  return {
    async open() {
      const reader = (await fetchPackagedBody(url)).getReader();
      const first = await reader.read();
      await reader.cancel();
      // Errors name the file as the reader knows it, not by the extension's internal URL.
      const origin = url.slice(url.lastIndexOf('/') + 1);
      if (!first.done && isGzip(first.value))
        return openBundleStream(() => fetchPackagedBody(url), origin);
      return openParsedBundle(parse(await fetchPackagedJson(url)));
    },
  };
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
    // An import a stopped worker left half done keeps its checkpoint, to resume from it.
    // One transaction, begun at once, so a page asking right after sees `importing`.
    await db.transaction('rw', db.meta, async () => {
      if ((await readImportState(db)).state !== 'importing')
        await writeImportState(db, { state: 'importing', startedAt: now() });
    });
    const bundle = await openSource(source);
    // Articles the reader added are merged into a new bundle; the merge is loaded only if there are any.
    const mergeAdded =
      (await countAddedSources(db)) > 0
        ? (await import('@/lib/extract/merge-added')).mergeAddedDocuments
        : undefined;
    const { changed } = await importBundleInChunks(db, bundle, { now, mergeAdded });
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
   * Imports only when the store holds no bundle or an import was left unfinished:
   * a browser start, or a service worker stopped during an import (which then
   * resumes from its checkpoint). Cheap when the store is filled.
   */
  async function loadIfEmpty(): Promise<ImportState | null> {
    const [bundle, state] = await Promise.all([readBundleMeta(db), readImportState(db)]);
    if (bundle !== null && state.state !== 'importing') return null;
    return load();
  }

  return { load, loadIfEmpty };
}

/** The loader returned by {@link createBundleLoader}. */
export type BundleLoader = ReturnType<typeof createBundleLoader>;
