/**
 * The English messages (public/_locales/en/messages.json) and the browser's
 * way of filling them, for the fake browser of the unit tests: components then
 * render the real English text, and tests assert what a reader reads.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One entry of messages.json, as the WebExtension i18n format defines it. */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** The English messages by key. */
export const ENGLISH: Record<string, MessageEntry> = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../public/_locales/en/messages.json'), 'utf8'),
) as Record<string, MessageEntry>;

/**
 * `browser.i18n.getMessage` over {@link ENGLISH}: `$name$` becomes its
 * placeholder's content, in which `$1`…`$9` are the substitutions, and `$$` is a
 * dollar sign. Unlike the browser, an unknown key throws, so a test names it.
 */
export function getEnglishMessage(key: string, substitutions?: string | string[]): string {
  const entry = ENGLISH[key];
  if (!entry) throw new Error(`no message "${key}" in public/_locales/en/messages.json`);
  const values = substitutions === undefined ? [] : [substitutions].flat();
  const fill = (text: string) =>
    text.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (match, name?: string) => {
    if (name === undefined) return '$';
    const placeholder = Object.entries(entry.placeholders ?? {}).find(
      ([key]) => key.toLowerCase() === name.toLowerCase(),
    );
    if (!placeholder) throw new Error(`message "${key}" has no placeholder "${name}"`);
    return fill(placeholder[1].content);
  });
}
