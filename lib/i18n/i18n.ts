/**
 * The extension's user-visible text: every string a reader sees is a message of
 * public/_locales/<lang>/messages.json (English in `en`, the default locale),
 * read with the browser's own i18n API, so a translation is a new folder and
 * no code change. The browser picks the reader's language; messages are read
 * synchronously and nothing is bundled into the pages or the content script.
 *
 * Keys are always written as string literals in the call, never built: the unit
 * test test/lib/i18n/i18n.test.ts finds them in the source to check that each one
 * exists and that every message is used. WXT generates their type from the
 * English messages (`wxt prepare`), so an unknown key does not compile.
 */
import { browser } from 'wxt/browser';
import { userMessageOf, type MessageKey, type UserMessage } from '@/lib/model/user-error';

/** Values for a message's placeholders, in the order of their `$1`, `$2`… */
export type Substitutions = string | number | readonly (string | number)[];

/**
 * The message `key` in the reader's language, its placeholders filled from
 * `substitutions`. A message the browser cannot find shows its key, so a gap
 * is visible instead of an empty label.
 */
export function t(key: MessageKey, substitutions?: Substitutions): string {
  const values =
    substitutions === undefined
      ? undefined
      : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  return browser.i18n.getMessage(key, values) || key;
}

/** `message` in the reader's language; numbers in the reader's format, nested messages translated. */
export function translate(message: UserMessage): string {
  const values = message.substitutions.map((value) =>
    typeof value === 'object'
      ? translate(value)
      : typeof value === 'number'
        ? value.toLocaleString()
        : value,
  );
  return t(message.key, values);
}

/**
 * What to tell the reader about `error`, whether thrown here or answered by
 * the background (a `ProtocolError` of lib/messaging/protocol.ts): its message in the reader's
 * language when it carries one (lib/model/user-error.ts), else its text as it is.
 */
export function errorText(error: unknown): string {
  const message = userMessageOf(error);
  if (message) return translate(message);
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String(error.message);
  }
  return String(error);
}
