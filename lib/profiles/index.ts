/**
 * Profiles: building, reading, validating and hashing bundles, and reading
 * source folders.
 *
 * Importable from extension pages: the folder readers load Node's modules only
 * when called. `buildBundle` pulls in lib/extract; a context that only reads
 * bundles (the background) uses only `parseBundle` and lets the bundler drop it.
 */
export { buildBundle, defaultPipeline, type ExtractionPipeline } from './build-bundle';
export { parseBundle, parseBundleText, type ParseBundleOptions } from '@/lib/model/parse-bundle';
export { bundleHash, canonicalJson } from '@/lib/model/bundle-hash';
export { SourceErrors } from './errors';
export { BundleError } from '@/lib/model/bundle-error';
export { decodeSourceText } from './decode';
export {
  readSourceFolder,
  readSourceFolderReport,
  readTextFile,
  type SourceFolderReport,
} from './read-sources';
