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
  // Hashed a record at a time: the canonical JSON of a large corpus is longer
  // than the longest string JavaScript can hold, and these are the same bytes.
  const hash = sha256.create();
  const part = (text: string) => hash.update(utf8ToBytes(text));
  const list = (items: readonly unknown[]) =>
    items.forEach((item, at) => {
      if (at > 0) part(',');
      part(canonicalJson(item ?? null));
    });
  part('{"documents":[');
  list(content.documents);
  part('],"entities":[');
  list(content.entities);
  part(']}');
  return bytesToHex(hash.digest());
}
