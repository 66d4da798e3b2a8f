/**
 * Turning a file's bytes into text, or a clear refusal. Shared by the source
 * reader and the CLI's scan so both reject the same files with the same words.
 */
import { SourceError } from '@/lib/extract/types';

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and DEL. */
function isControlByte(byte: number): boolean {
  return (byte < 0x20 && (byte < 0x09 || byte > 0x0d)) || byte === 0x7f;
}

/** Above this share of control characters a "text" is really a binary in disguise. */
const MAX_CONTROL_SHARE = 0.01;

/**
 * Decodes UTF-8 bytes (a leading BOM is dropped) and refuses what is not usable
 * text: an empty or blank file, a binary file, or another encoding. Throws a
 * {@link SourceError} naming `origin`.
 */
export function decodeSourceText(bytes: Uint8Array, origin: string): string {
  if (bytes.length === 0)
    throw new SourceError(origin, 'is empty; remove it or add the article text');
  // A NUL byte never occurs in UTF-8 text; it is the surest sign of a binary file (or UTF-16).
  if (bytes.includes(0))
    throw new SourceError(
      origin,
      'is a binary file, not text; sources must be .txt, .md or .html in UTF-8',
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SourceError(origin, 'is not valid UTF-8 text; save it as UTF-8');
  }
  // Counted on bytes: in UTF-8 these values never occur inside a multi-byte character.
  const controls = bytes.reduce((count, byte) => (isControlByte(byte) ? count + 1 : count), 0);
  if (controls > Math.max(1, text.length * MAX_CONTROL_SHARE)) {
    throw new SourceError(
      origin,
      'is a binary file, not text; sources must be .txt, .md or .html in UTF-8',
    );
  }
  if (text.trim() === '')
    throw new SourceError(origin, 'is empty; remove it or add the article text');
  return text;
}
