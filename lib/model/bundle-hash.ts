/**
 * The bundle hash: SHA-256 of the canonical JSON of the bundle's content. Pure
 * and synchronous (@noble/hashes), so the CLI in Node and the extension pages
 * compute the same value without an async Web Crypto round trip.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ProfileBundle } from './bundle-format';

/**
 * JSON with object keys sorted at every level and no white space, so equal
 * content always serializes to equal bytes whatever order the keys were set in.
 * Array order is kept: it is content. `undefined` members are dropped, as
 * `JSON.stringify` does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((item: unknown) => canonicalJson(item ?? null)).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
}

/** The {@link ProfileBundle.hash} of some content: lowercase hex SHA-256 of `canonicalJson({documents, entities})`. */
export function bundleHash(content: Pick<ProfileBundle, 'documents' | 'entities'>): string {
  const canonical = canonicalJson({ documents: content.documents, entities: content.entities });
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}
