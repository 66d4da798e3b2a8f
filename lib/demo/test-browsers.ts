/**
 * Where the browsers the E2E tests and benches drive are found. Debian
 * installs Chromium at /usr/bin/chromium; Ubuntu ships it only as a snap, at
 * /snap/bin/chromium. Firefox ESR is /usr/bin/firefox-esr on both (Debian's own
 * package, or the Mozilla team PPA's on Ubuntu). A variable names another browser
 * and is never second-guessed.
 */
import { accessSync, constants } from 'node:fs';

/** A browser the tests drive. */
export interface TestBrowser {
  /** The variable that names another executable. */
  variable: 'CHROMIUM_PATH' | 'FIREFOX_PATH';
  /** Where the packages put it, most preferred first. */
  paths: readonly string[];
}

/** The test browsers, by the package that provides them on Debian. */
export const TEST_BROWSERS = {
  chromium: { variable: 'CHROMIUM_PATH', paths: ['/usr/bin/chromium', '/snap/bin/chromium'] },
  'firefox-esr': { variable: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr'] },
} as const satisfies Record<string, TestBrowser>;

/** A test browser's package name. */
export type TestBrowserName = keyof typeof TEST_BROWSERS;

/** Whether a path is a file this user may run. */
export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The executable of `name`: the variable's value when set (checked by the
 * caller), else the first install location that holds one, else the first
 * location (so an error names where it was looked for).
 */
export function testBrowserPath(
  name: TestBrowserName,
  env: Record<string, string | undefined> = process.env,
  executable: (path: string) => boolean = isExecutable,
): string {
  const { variable, paths } = TEST_BROWSERS[name];
  const chosen = env[variable];
  if (chosen) return chosen;
  return paths.find((path) => executable(path)) ?? paths[0]!;
}
