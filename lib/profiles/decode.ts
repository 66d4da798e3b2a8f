/**
 * Turning a file's bytes into text, or a clear refusal. Shared by the source
 * reader and the CLI's scan so both reject the same files with the same words.
 *
 * UTF-8 is the corpus's encoding. UTF-16 is decoded too when its byte-order
 * mark says so (Windows editors save "Unicode" text that way), because the mark
 * leaves no doubt. Other encodings are refused rather than guessed: Latin-1,
 * Windows-1252 and Windows-1250 give the same bytes different letters, and a
 * wrong guess would put a wrong diacritic into a person's name.
 */
import { SourceError } from '@/lib/model/source';

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and DEL. */
function isControl(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f;
}

/** Above this share of control characters a "text" is really a binary in disguise. */
const MAX_CONTROL_SHARE = 0.01;

const BINARY = 'is a binary file, not text; sources must be .txt, .md or .html in UTF-8';
const EMPTY = 'is empty; remove it or add the article text';

/** The encoding a byte-order mark announces, if the bytes start with a UTF-16 one. */
function utf16ByBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** True when NUL bytes fill every other position, as in UTF-16 of Latin text saved without a mark. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenNuls++;
    else oddNuls++;
  }
  const half = sample.length / 2;
  return Math.max(evenNuls, oddNuls) > half * 0.8 && Math.min(evenNuls, oddNuls) < half * 0.05;
}

/** "line 3, column 12" of the first character that is not UTF-8, for the refusal. */
function firstInvalidPosition(bytes: Uint8Array): string {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const at = lossy.indexOf('\uFFFD');
  const before = lossy.slice(0, Math.max(0, at));
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function decodeOrRefuse(bytes: Uint8Array, origin: string): string {
  const utf16 = utf16ByBom(bytes);
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      throw new SourceError(
        origin,
        `starts as ${utf16.toUpperCase()} text but holds bytes that are not; save it as UTF-8`,
      );
    }
  }
  // A NUL byte never occurs in UTF-8 text; it is the surest sign of a binary file (or UTF-16).
  if (bytes.includes(0)) {
    throw new SourceError(
      origin,
      looksLikeUtf16(bytes)
        ? 'looks like UTF-16 text without a byte-order mark; save it as UTF-8'
        : BINARY,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SourceError(
      origin,
      `is not valid UTF-8 text (first bad byte at ${firstInvalidPosition(bytes)}; probably ` +
        'Latin-1 or Windows-1252); save it as UTF-8',
    );
  }
}

/**
 * Decodes UTF-8 bytes, or UTF-16 announced by a byte-order mark (a leading mark
 * is dropped), and refuses what is not usable text: an empty or blank file, a
 * binary file, or another encoding. Throws a {@link SourceError} naming `origin`.
 */
export function decodeSourceText(bytes: Uint8Array, origin: string): string {
  if (bytes.length === 0) throw new SourceError(origin, EMPTY);
  const text = decodeOrRefuse(bytes, origin);
  let controls = 0;
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) controls++;
  if (controls > Math.max(1, text.length * MAX_CONTROL_SHARE))
    throw new SourceError(origin, BINARY);
  if (text.trim() === '') throw new SourceError(origin, EMPTY);
  return text;
}
