/**
 * Deciding how to get the browsers `npm start` and `npm test` drive, from the
 * machine's facts alone (a pure function, so every distribution's plan is
 * tested without installing anything; ensure-browsers.ts gathers the facts and
 * carries the plan out).
 *
 * - Debian: `chromium` and `firefox-esr` are apt packages.
 * - Ubuntu and its derivatives: Chromium is only a snap (apt's chromium-browser
 *   is a transitional package that installs the snap), found at
 *   /snap/bin/chromium; firefox-esr is only in the Mozilla team PPA.
 * - Either, as root or with a sudo that asks no password: the plan runs the
 *   commands. Without: it stops with the exact commands to run.
 * - Anywhere else: it stops with the variables that name a browser instead.
 */
import { findBrowser, NO_BROWSER_FOUND } from './find-browser';
import { TEST_BROWSERS, type TestBrowserName } from './test-browsers';

/** What the browsers are for: the demo (`npm start`) or the E2E tests (`npm test`). */
export type Purpose = 'start' | 'test';

/** The facts the decision rests on. */
export interface Machine {
  /** The text of /etc/os-release, or '' where there is none. */
  osRelease: string;
  /** The user id; undefined where there is none (Windows). */
  uid: number | undefined;
  /** Whether `sudo -n` works; asked only when an install needs it. */
  sudo: () => boolean;
  /** Whether a path is an executable file. */
  executable: (path: string) => boolean;
  /** The environment, for CHROME_PATH, CHROMIUM_PATH and FIREFOX_PATH. */
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
}

/** One command of an install, and what to tell the user before it runs. */
export interface Step {
  /** Said before the command runs: what it does and why. */
  say: string;
  /** The command as it runs (behind `sudo -n` when not root). */
  argv: string[];
}

/** What to do: nothing, run these steps in order, or stop with a message. */
export type Plan =
  | { action: 'none' }
  | { action: 'install'; packages: TestBrowserName[]; steps: Step[] }
  | { action: 'stop'; message: string };

/** The two families the installs are written for; derivatives follow their base. */
export type AptFamily = 'debian' | 'ubuntu';

/**
 * Debian, Ubuntu or neither, from /etc/os-release's ID and ID_LIKE (Linux Mint
 * says `ID=linuxmint`, `ID_LIKE="ubuntu debian"`). Ubuntu wins: a derivative
 * that names both installs the Ubuntu way.
 */
export function aptFamily(osRelease: string): AptFamily | null {
  const field = (name: string) =>
    new RegExp(`^${name}=["']?([^"'\\n]*)`, 'm').exec(osRelease)?.[1]?.split(/\s+/) ?? [];
  const ids = [...field('ID'), ...field('ID_LIKE')];
  if (ids.includes('ubuntu')) return 'ubuntu';
  return ids.includes('debian') ? 'debian' : null;
}

/** The browsers (by Debian package name) to install, or a message when an override points nowhere. */
function missingBrowsers(
  purpose: Purpose,
  machine: Machine,
): TestBrowserName[] | { message: string } {
  if (purpose === 'start') {
    // findBrowser looks in /usr/bin and /snap/bin among the usual places.
    const found = findBrowser(machine.env, machine.executable, machine.platform);
    if (!(found instanceof Error)) return [];
    // A CHROME_PATH that points nowhere is the user's choice to fix, not ours to override.
    if (machine.env.CHROME_PATH) return { message: found.message };
    return ['chromium'];
  }
  const missing: TestBrowserName[] = [];
  for (const name of Object.keys(TEST_BROWSERS) as TestBrowserName[]) {
    const { variable, paths } = TEST_BROWSERS[name];
    const chosen = machine.env[variable];
    if (chosen) {
      if (!machine.executable(chosen)) {
        return {
          message: `Dramatis: ${variable} is set to ${chosen}, but that is not an executable. Point it at your browser, or unset it to use ${paths.join(' or ')}.`,
        };
      }
    } else if (!paths.some((path) => machine.executable(path))) missing.push(name);
  }
  return missing;
}

/** Who needs the browsers, in the user's words. */
const FOR = { start: 'the demo', test: 'the browser tests' } as const;

/** The variables that choose the browsers instead, set as an example command. */
export function overrides(purpose: Purpose, browsers: readonly TestBrowserName[]): string {
  if (purpose === 'start') return 'CHROME_PATH=/path/to/chrome npm start';
  const vars = browsers.map((name) => `${TEST_BROWSERS[name].variable}=/path/to/${name}`);
  return `${vars.join(' ')} npm test`;
}

/** A command before privileges: what it does, and whether it is apt's (then run non-interactively). */
interface Command {
  does: string;
  argv: string[];
  apt: boolean;
}

const APT_UPDATE: Command = {
  does: "updating apt's package lists",
  argv: ['apt-get', 'update'],
  apt: true,
};

/** The Mozilla team's PPA: Ubuntu's only source of firefox-esr. */
const MOZILLA_PPA = 'ppa:mozillateam/ppa';

/** The commands that install `browsers` on `family`, in order. */
function installCommands(
  family: AptFamily,
  browsers: readonly TestBrowserName[],
  machine: Machine,
): Command[] {
  if (family === 'debian') {
    return [
      APT_UPDATE,
      {
        does: `installing Debian's ${browsers.join(' and ')} with apt-get`,
        argv: ['apt-get', 'install', '-y', ...browsers],
        apt: true,
      },
    ];
  }
  const commands: Command[] = [];
  if (browsers.includes('chromium')) {
    commands.push({
      does: 'installing Chromium from the Snap Store (Ubuntu ships it only as a snap, at /snap/bin/chromium)',
      argv: ['snap', 'install', 'chromium'],
      apt: false,
    });
  }
  if (browsers.includes('firefox-esr')) {
    // Minimal Ubuntu images (containers, cloud) lack add-apt-repository.
    if (!machine.executable('/usr/bin/add-apt-repository')) {
      commands.push(APT_UPDATE, {
        does: 'installing software-properties-common, which provides add-apt-repository',
        argv: ['apt-get', 'install', '-y', 'software-properties-common'],
        apt: true,
      });
    }
    commands.push(
      {
        does: `adding the Mozilla team PPA (${MOZILLA_PPA}), Ubuntu's only source of firefox-esr`,
        argv: ['add-apt-repository', '-y', MOZILLA_PPA],
        apt: true,
      },
      // add-apt-repository refreshes the lists itself since Ubuntu 18.04; older ones do not.
      APT_UPDATE,
      {
        does: 'installing firefox-esr from the Mozilla team PPA with apt-get',
        argv: ['apt-get', 'install', '-y', 'firefox-esr'],
        apt: true,
      },
    );
  }
  return commands;
}

/** What to tell the user who must run the commands themselves (`commands` empty: no apt here). */
function instructions(
  purpose: Purpose,
  browsers: readonly TestBrowserName[],
  family: AptFamily | null,
  commands: readonly Command[],
): string {
  if (family !== null) {
    const source = family === 'debian' ? "Debian's" : "Ubuntu's";
    return [
      `Dramatis: installing ${source} ${browsers.join(' and ')} for ${FOR[purpose]} needs root, or a sudo that asks no password. Run:`,
      `  ${commands.map((command) => `sudo ${command.argv.join(' ')}`).join(' && ')}`,
      `then \`npm ${purpose}\` again, or choose your own: ${overrides(purpose, browsers)}`,
    ].join('\n');
  }
  if (purpose === 'start') return NO_BROWSER_FOUND;
  return [
    `Dramatis: ${FOR.test} need ${browsers.join(' and ')}, which npm test installs only on Debian or Ubuntu.`,
    'Install them, then say where they are:',
    `  ${overrides(purpose, browsers)}`,
  ].join('\n');
}

/**
 * The decision: nothing when the browsers are there (or an override names
 * one); on Debian or Ubuntu with apt-get, as root or with password-free sudo,
 * that family's install steps; otherwise a message with the exact commands or
 * the variables to set.
 */
export function planBrowsers(purpose: Purpose, machine: Machine): Plan {
  const browsers = missingBrowsers(purpose, machine);
  if (!Array.isArray(browsers)) return { action: 'stop', message: browsers.message };
  if (browsers.length === 0) return { action: 'none' };
  const family =
    machine.platform === 'linux' && machine.executable('/usr/bin/apt-get')
      ? aptFamily(machine.osRelease)
      : null;
  if (family === null) {
    return { action: 'stop', message: instructions(purpose, browsers, null, []) };
  }
  if (
    family === 'ubuntu' &&
    browsers.includes('chromium') &&
    !machine.executable('/usr/bin/snap')
  ) {
    return {
      action: 'stop',
      message: [
        'Dramatis: Ubuntu ships Chromium only as a snap, and snap is not available here (a container, or snapd removed).',
        'Install Chromium or Chrome another way, then say where it is:',
        `  ${overrides(purpose, browsers)}`,
      ].join('\n'),
    };
  }
  const commands = installCommands(family, browsers, machine);
  const root = machine.uid === 0;
  if (!root && !machine.sudo()) {
    return { action: 'stop', message: instructions(purpose, browsers, family, commands) };
  }
  const sudo = root ? [] : ['sudo', '-n'];
  const steps = commands.map(({ does, argv, apt }) => ({
    say: `Dramatis: ${does}, for ${FOR[purpose]}…`,
    argv: [...sudo, ...(apt ? ['env', 'DEBIAN_FRONTEND=noninteractive'] : []), ...argv],
  }));
  return { action: 'install', packages: browsers, steps };
}
