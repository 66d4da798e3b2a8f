/**
 * Finding a Chromium-family browser the usual way: the CHROME_PATH environment
 * variable first, then the places installers put Chromium and Chrome on Linux,
 * macOS and Windows.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where a browser was found, and how. */
export interface FoundBrowser {
  path: string;
  /** `CHROME_PATH` when the variable chose it, else `search`. */
  via: 'CHROME_PATH' | 'search';
}

/** Install locations, most preferred first: Chromium still honours `--load-extension`. */
export function commonBrowserPaths(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter(
      (root): root is string => typeof root === 'string' && root.length > 0,
    );
    return roots.flatMap((root) => [
      join(root, 'Chromium', 'Application', 'chrome.exe'),
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
  ];
}

/**
 * The browser to open, or an Error whose message says what to do. A CHROME_PATH
 * that points nowhere is an error rather than silently ignored: the user asked
 * for that browser.
 */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
  platform: NodeJS.Platform = process.platform,
): FoundBrowser | Error {
  const chosen = env.CHROME_PATH;
  if (chosen !== undefined && chosen.length > 0) {
    if (exists(chosen)) return { path: chosen, via: 'CHROME_PATH' };
    return new Error(
      `CHROME_PATH is set to ${chosen}, but there is no file there. Point it at your Chromium or Chrome executable, or unset it to search the usual places.`,
    );
  }
  const found = commonBrowserPaths(platform, env).find((path) => exists(path));
  if (found !== undefined) return { path: found, via: 'search' };
  return new Error(NO_BROWSER_FOUND);
}

/** What to do when no Chromium or Chrome is installed and `npm start` cannot install one. */
export const NO_BROWSER_FOUND = [
  'No Chromium or Chrome was found.',
  'Install Chromium (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium),',
  'or set CHROME_PATH to your browser, e.g. CHROME_PATH=/path/to/chrome npm start.',
  'The built extension is in .output/chrome-mv3 if you prefer to load it by hand (see the README).',
].join('\n');
