/**
 * Errors a reader is shown, as data. Code in lib/ that finds a problem the
 * reader must hear about (a note too long, a page without an article, a field
 * of an import file that is wrong) throws a {@link UserError}: the key of its
 * message in public/_locales/<lang>/messages.json and the values for its
 * placeholders (the file, the field's path, the limit), beside an English
 * `message` for logs and tests. The page that shows it translates the key
 * (`errorText` in lib/i18n/i18n.ts), so the reader reads their own language.
 *
 * Nothing here calls the browser: lib/ also runs in the Node CLI, which has
 * no `browser.i18n`. Keys are written as string literals where an error or
 * message is made, so test/lib/i18n/i18n.test.ts finds and checks them.
 */
import type { WxtI18n } from 'wxt/browser';

/** The name of one message (WXT's generated union of the keys in messages.json). */
export type MessageKey = Exclude<Parameters<WxtI18n['getMessage']>[0], `@@${string}`>;

/** One value for a placeholder: text, a number (shown in the reader's format), or another message. */
export type Substitution = string | number | UserMessage;

/** A message for the reader as data: it survives structured cloning between contexts. */
export interface UserMessage {
  key: MessageKey;
  substitutions: Substitution[];
}

/** Builds a {@link UserMessage}. */
export function userMessage(key: MessageKey, ...substitutions: Substitution[]): UserMessage {
  return { key, substitutions };
}

/** A problem the reader is told about: a message key and its values, with `message` in English. */
export class UserError extends Error {
  readonly userMessage: UserMessage;

  constructor(
    key: MessageKey,
    substitutions: readonly Substitution[],
    english: string,
    options?: ErrorOptions,
  ) {
    super(english, options);
    this.name = 'UserError';
    this.userMessage = { key, substitutions: [...substitutions] };
  }
}

function isUserMessage(value: unknown): value is UserMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { key, substitutions } = value as Partial<UserMessage>;
  return typeof key === 'string' && Array.isArray(substitutions);
}

/**
 * The message for the reader that `error` carries, or null: a
 * {@link UserError}, or anything with a `userMessage` (a protocol error that
 * crossed contexts, a UserError that a library copied on the way).
 */
export function userMessageOf(error: unknown): UserMessage | null {
  if (typeof error !== 'object' || error === null || !('userMessage' in error)) return null;
  return isUserMessage(error.userMessage) ? error.userMessage : null;
}
