/**
 * Reading a folder of source documents (Node only). Node's modules are imported
 * inside the functions so that lib/profiles/index.ts, which the background also
 * imports for `parseBundle`, stays loadable in a browser bundle.
 */
import { SourceError, type RawSource, type SourceFormat } from '@/lib/model/source';
import { decodeSourceText } from './decode';
import { SourceErrors } from './errors';
import { parseSourceMeta } from './source-meta';

const FORMATS: Record<string, SourceFormat> = {
  txt: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
};
const META_SUFFIX = '.meta.json';
/** Files that describe the folder rather than being sources. */
const NOT_SOURCES = /^(?:readme|license|licence|notice)(?:\.[^.]*)?$/i;

/** Every usable source in a folder, and a {@link SourceError} for every file that is not. */
export interface SourceFolderReport {
  /** In file-name order, so builds do not depend on the file system's listing order. */
  sources: RawSource[];
  errors: SourceError[];
}

/** A source file found in a folder, not yet read: what a worker thread needs to read it. */
export interface SourceEntry {
  name: string;
  format: SourceFormat;
  /** The sidecar `<name>.meta.json`, when there is one. */
  metaName?: string;
}

/** The source files of a folder, in name order, and a {@link SourceError} for every file that is none. */
export interface SourceFolderListing {
  entries: SourceEntry[];
  errors: SourceError[];
}

/**
 * Lists the sources directly inside `dir` the way {@link readSourceFolderReport}
 * reads them, without reading them: other file types and sidecars without a
 * document are reported here, a file's content only by {@link readSourceEntry}.
 */
export async function listSourceFolder(dir: string): Promise<SourceFolderListing> {
  const { readdir } = await import('node:fs/promises');
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  } catch (error) {
    return {
      entries: [],
      errors: [new SourceError(dir, `cannot read the folder (${describeIoError(error)})`)],
    };
  }
  names.sort();
  const present = new Set(names);
  const entries: SourceEntry[] = [];
  const errors: SourceError[] = [];
  const usedMeta = new Set<string>();
  for (const name of names) {
    if (name.startsWith('.') || NOT_SOURCES.test(name) || name.endsWith(META_SUFFIX)) continue;
    const dot = name.lastIndexOf('.');
    const format = dot > 0 ? FORMATS[name.slice(dot + 1).toLowerCase()] : undefined;
    if (!format) {
      errors.push(
        new SourceError(name, 'is not a source document; sources are .txt, .md or .html files'),
      );
      continue;
    }
    const metaName = [`${name.slice(0, dot)}${META_SUFFIX}`, `${name}${META_SUFFIX}`].find(
      (candidate) => present.has(candidate),
    );
    if (metaName) usedMeta.add(metaName);
    entries.push(metaName ? { name, format, metaName } : { name, format });
  }
  for (const name of names) {
    if (name.endsWith(META_SUFFIX) && !usedMeta.has(name)) {
      errors.push(
        new SourceError(
          name,
          'has no source document next to it; rename it to <document name>.meta.json',
        ),
      );
    }
  }
  return { entries, errors };
}

/**
 * Reads one listed source with its sidecar. Throws a {@link SourceError} naming
 * the file for an empty, binary or non-UTF-8 file, a whole HTML page in a text
 * file, or a broken sidecar.
 */
export async function readSourceEntry(dir: string, entry: SourceEntry): Promise<RawSource> {
  const { name, format, metaName } = entry;
  try {
    const content = decodeSourceText(await readBytes(dir, name), name);
    if (format !== 'html' && looksLikeHtmlPage(content)) {
      throw new SourceError(
        name,
        'holds a whole HTML page; rename it to .html so its markup is read as markup',
      );
    }
    const meta = metaName
      ? parseSourceMeta(
          parseJson(decodeSourceText(await readBytes(dir, metaName), metaName), metaName),
          metaName,
        )
      : undefined;
    return meta ? { origin: name, format, content, meta } : { origin: name, format, content };
  } catch (error) {
    throw error instanceof SourceError
      ? error
      : new SourceError(name, `cannot be read (${describeIoError(error)})`);
  }
}

/**
 * Reads every `*.txt`, `*.md`, `*.html` and `*.htm` file directly inside `dir`
 * (not its subfolders), with the sidecar `<name>.meta.json` when there is one
 * (`<name>.txt.meta.json` is accepted too). Skips dotfiles, README and LICENSE.
 * Never stops at the first bad file: empty, binary and non-UTF-8 files, other
 * file types, broken sidecars and sidecars without a document are all reported.
 */
export async function readSourceFolderReport(dir: string): Promise<SourceFolderReport> {
  const listing = await listSourceFolder(dir);
  const sources: RawSource[] = [];
  const errors: SourceError[] = [];
  for (const entry of listing.entries) {
    try {
      sources.push(await readSourceEntry(dir, entry));
    } catch (error) {
      errors.push(error as SourceError);
    }
  }
  // The files that could not be read, then the listing's problems (other file types, lone sidecars).
  return { sources, errors: [...errors, ...listing.errors] };
}

/**
 * Reads a folder of sources like {@link readSourceFolderReport}, but throws
 * {@link SourceErrors} listing every bad file when there is any.
 */
export async function readSourceFolder(dir: string): Promise<RawSource[]> {
  const { sources, errors } = await readSourceFolderReport(dir);
  if (errors.length > 0) throw new SourceErrors(errors);
  return sources;
}

/** Reads one text file for `scan`, refusing it with a {@link SourceError} naming `path` when it is not usable text. */
export async function readTextFile(path: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new SourceError(path, `cannot be read (${describeIoError(error)})`);
  }
  return decodeSourceText(bytes, path);
}

/** A saved web page with a text extension: its tags would be read as words and its article missed. */
function looksLikeHtmlPage(content: string): boolean {
  return /^\s*<(?:!doctype\s+html|html[\s>])/i.test(content);
}

async function readBytes(dir: string, name: string): Promise<Uint8Array> {
  const [{ readFile }, { join }] = await Promise.all([
    import('node:fs/promises'),
    import('node:path'),
  ]);
  return readFile(join(dir, name));
}

function parseJson(text: string, origin: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SourceError(
      origin,
      `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** "no such file or directory" rather than a stack: the user needs the reason, not the call site. */
function describeIoError(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    const code = String(error.code);
    if (code === 'ENOENT') return 'it does not exist';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'it is a folder';
    if (code === 'ENOTDIR') return 'it is not a folder';
    return code;
  }
  return error instanceof Error ? error.message : String(error);
}
