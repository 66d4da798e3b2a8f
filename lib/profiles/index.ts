/**
 * Profiles: reading, validating and hashing bundles, and reading source folders.
 *
 * Browser-safe to import: the folder readers load Node's modules only when
 * called, and `buildBundle` (which pulls in the whole extraction pipeline) is
 * deliberately not re-exported here; import it from `@/lib/profiles/build-bundle`.
 */
export { parseBundle, parseBundleText, type ParseBundleOptions } from './parse-bundle';
export { bundleHash, canonicalJson } from './bundle-hash';
export { BundleError, SourceErrors } from './errors';
export { decodeSourceText } from './decode';
export { readSourceFolder, readSourceFolderReport, readTextFile, type SourceFolderReport } from './read-sources';
