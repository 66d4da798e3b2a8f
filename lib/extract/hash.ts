/**
 * Content-derived document ids.
 *
 * A document's id is the first 16 hex digits (64 bits) of the SHA-256 of its
 * content as read. SHA-256 (from @noble/hashes, synchronous and pure) rather than
 * a faster FNV hash because the same digest family is used for the bundle hash,
 * and 64 bits keeps collisions out of reach for any corpus a newsroom builds.
 * Renaming a file keeps its id; editing it gives a new one.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The stable id of a document with this content: 16 lowercase hex digits. */
export function documentId(content: string): string {
  return bytesToHex(sha256(utf8ToBytes(content))).slice(0, 16);
}
