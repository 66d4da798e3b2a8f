/**
 * A made-up language for tests that must tell a translated message from the
 * English text lib/ keeps for logs: every message reads as its key in capitals
 * with its substitutions in brackets ("NOTETOOLONG[10,000|10,001]"). A page that
 * showed an error's English `message` instead of translating its key fails them.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** The pseudo-locale's text for `key` with `substitutions`. */
export function pseudoMessage(
  key: string,
  substitutions: readonly (string | number)[] = [],
): string {
  return `${key.toUpperCase()}[${substitutions.join('|')}]`;
}

/** Switches `browser.i18n` to the pseudo-locale until `vi.restoreAllMocks()`. */
export function usePseudoLocale(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (key: string, substitutions?: string | (string | number)[]) =>
      pseudoMessage(key, substitutions === undefined ? [] : [substitutions].flat()),
  );
}
