/**
 * The hash of a version 3 bundle's records (lib/model/bundle-stream-format.ts):
 * the SHA-256 of the SHA-256 digests of the body's consecutive blocks of
 * {@link HASH_BLOCK_BYTES} bytes (the last one shorter; an empty body has none).
 *
 * Web Crypto's `digest` is native but takes a whole buffer, never a stream;
 * hashing a block at a time lets the service worker use it in bounded memory
 * instead of SHA-256 in JavaScript, which took about 0.65 s of CPU a 100,000
 * profiles (50 MB) and ten times that at a million. Browser-safe; Node 20 has
 * the same `crypto.subtle`.
 */

/** Bytes a block: large enough that digests are few (500 for a million profiles), small enough to copy. */
export const HASH_BLOCK_BYTES = 1 << 20;

/** Feeds bytes in any slices; {@link digest} answers the block hash of all of them as lowercase hex. */
export class BlockHash {
  private block = new Uint8Array(HASH_BLOCK_BYTES);
  private filled = 0;
  /** Digests of the blocks so far, in order. */
  private readonly digests: Promise<ArrayBuffer>[] = [];

  update(bytes: Uint8Array): void {
    let at = 0;
    while (at < bytes.length) {
      const take = Math.min(bytes.length - at, HASH_BLOCK_BYTES - this.filled);
      this.block.set(bytes.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
      if (this.filled === HASH_BLOCK_BYTES) this.flush();
    }
  }

  async digest(): Promise<string> {
    if (this.filled > 0) this.flush();
    const digests = await Promise.all(this.digests);
    const joined = new Uint8Array(digests.length * 32);
    digests.forEach((digest, index) => joined.set(new Uint8Array(digest), index * 32));
    return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', joined)));
  }

  private flush(): void {
    this.digests.push(crypto.subtle.digest('SHA-256', this.block.subarray(0, this.filled)));
    // A fresh block: the spec has digest copy its input, but not every runtime is known to.
    this.block = new Uint8Array(HASH_BLOCK_BYTES);
    this.filled = 0;
  }
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
