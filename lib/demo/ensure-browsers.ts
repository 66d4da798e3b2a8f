/**
 * Making sure the browsers `npm start` and `npm test` drive are installed.
 *
 * On Debian or Ubuntu, as root or with a sudo that asks no password, a missing
 * browser is installed with apt-get. Anywhere else the user is told the exact
 * command to run, or which variable to set. CHROME_PATH (the demo),
 * CHROMIUM_PATH and FIREFOX_PATH (the tests) choose the browser instead and are
 * never second-guessed. The decision is {@link planBrowsers}, a pure function;
 * {@link ensureBrowsers} gathers the facts and carries it out.
 *
 * Run directly (`node --import tsx lib/demo/ensure-browsers.ts`, as `npm test`
 * does before its E2E stage), it ensures the test browsers and exits non-zero
 * with what to do when it cannot.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, realpathSync } from 'node:fs';
import { findBrowser, NO_BROWSER_FOUND } from './find-browser';

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

/** What to do: nothing, run these commands (after saying so), or stop with a message. */
export type Plan =
  | { action: 'none' }
  | { action: 'install'; packages: string[]; notice: string; commands: string[][] }
  | { action: 'stop'; message: string };

/** The test browsers: the Debian package, its default path and the variable that overrides it. */
const TEST_BROWSERS = [
  { pkg: 'chromium', path: '/usr/bin/chromium', variable: 'CHROMIUM_PATH' },
  { pkg: 'firefox-esr', path: '/usr/bin/firefox-esr', variable: 'FIREFOX_PATH' },
] as const;

/** True when /etc/os-release names Debian or Ubuntu, itself (ID) or as a base (ID_LIKE). */
export function isDebianLike(osRelease: string): boolean {
  const field = (name: string) =>
    new RegExp(`^${name}=["']?([^"'\\n]*)`, 'm').exec(osRelease)?.[1]?.split(/\s+/) ?? [];
  return [...field('ID'), ...field('ID_LIKE')].some((id) => id === 'debian' || id === 'ubuntu');
}

/** The Debian packages to install, or a message when an override points nowhere. */
function missingPackages(purpose: Purpose, machine: Machine): string[] | { message: string } {
  if (purpose === 'start') {
    const found = findBrowser(machine.env, machine.executable, machine.platform);
    if (!(found instanceof Error)) return [];
    // A CHROME_PATH that points nowhere is the user's choice to fix, not ours to override.
    if (machine.env.CHROME_PATH) return { message: found.message };
    return ['chromium'];
  }
  const missing: string[] = [];
  for (const { pkg, path, variable } of TEST_BROWSERS) {
    const chosen = machine.env[variable];
    if (chosen) {
      if (!machine.executable(chosen)) {
        return {
          message: `Dramatis: ${variable} is set to ${chosen}, but that is not an executable. Point it at your browser, or unset it to use ${path}.`,
        };
      }
    } else if (!machine.executable(path)) missing.push(pkg);
  }
  return missing;
}

/** Who needs the browsers, in the user's words. */
const FOR = { start: 'the demo', test: 'the browser tests' } as const;

/** The variables that choose the browsers instead, set as an example command. */
function overrides(purpose: Purpose, packages: string[]): string {
  if (purpose === 'start') return 'CHROME_PATH=/path/to/chrome npm start';
  const vars = TEST_BROWSERS.filter(({ pkg }) => packages.includes(pkg));
  return `${vars.map(({ variable, pkg }) => `${variable}=/path/to/${pkg}`).join(' ')} npm test`;
}

/** What to tell the user who must install the packages themselves. */
function instructions(purpose: Purpose, packages: string[], debian: boolean): string {
  if (debian) {
    return [
      `Dramatis: installing Debian's ${packages.join(' and ')} for ${FOR[purpose]} needs root, or a sudo that asks no password. Run:`,
      `  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
      `then \`npm ${purpose}\` again, or choose your own: ${overrides(purpose, packages)}`,
    ].join('\n');
  }
  if (purpose === 'start') return NO_BROWSER_FOUND;
  return [
    `Dramatis: ${FOR.test} need ${packages.join(' and ')}, which npm test installs only on Debian or Ubuntu.`,
    'Install them, then say where they are:',
    `  ${overrides(purpose, packages)}`,
  ].join('\n');
}

/**
 * The decision, from the machine's facts alone: nothing when the browsers are
 * there (or an override names one), apt-get on Debian or Ubuntu as root or with
 * password-free sudo, otherwise a message with the exact command or variables.
 */
export function planBrowsers(purpose: Purpose, machine: Machine): Plan {
  const packages = missingPackages(purpose, machine);
  if (!Array.isArray(packages)) return { action: 'stop', message: packages.message };
  if (packages.length === 0) return { action: 'none' };
  const debian =
    machine.platform === 'linux' &&
    isDebianLike(machine.osRelease) &&
    machine.executable('/usr/bin/apt-get');
  if (!debian) return { action: 'stop', message: instructions(purpose, packages, false) };
  const root = machine.uid === 0;
  if (!root && !machine.sudo()) {
    return { action: 'stop', message: instructions(purpose, packages, true) };
  }
  const prefix = [...(root ? [] : ['sudo', '-n']), 'env', 'DEBIAN_FRONTEND=noninteractive'];
  const list = packages.join(' and ');
  return {
    action: 'install',
    packages,
    notice: `Dramatis: installing Debian's ${list} (apt-get${root ? '' : ' via sudo'}) for ${FOR[purpose]}…`,
    commands: [
      [...prefix, 'apt-get', 'update'],
      [...prefix, 'apt-get', 'install', '-y', ...packages],
    ],
  };
}

/** Whether a path is a file this user may run. */
function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** This machine's facts. */
export function thisMachine(): Machine {
  let osRelease = '';
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8');
  } catch {
    // Not Linux, or a Linux without it: nothing to install with.
  }
  return {
    osRelease,
    uid: process.getuid?.(),
    sudo: () => spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
    executable: isExecutable,
    env: process.env,
    platform: process.platform,
  };
}

/** Runs a command with the terminal's input and output; returns why it failed, or null. */
function runInherited(argv: string[]): string | null {
  const [command = '', ...args] = argv;
  const { status, error } = spawnSync(command, args, { stdio: 'inherit' });
  if (error) return error.message;
  return status === 0 ? null : `exit ${status}`;
}

/**
 * Installs what `purpose` is missing, saying so first, or returns what the
 * user must do (an install that failed included); null when all is ready.
 */
export function ensureBrowsers(
  purpose: Purpose,
  machine: Machine = thisMachine(),
  run: (argv: string[]) => string | null = runInherited,
): string | null {
  const plan = planBrowsers(purpose, machine);
  if (plan.action === 'none') return null;
  if (plan.action === 'stop') return plan.message;
  console.log(plan.notice);
  for (const argv of plan.commands) {
    const failure = run(argv);
    if (failure !== null) {
      return `Dramatis: \`${argv.join(' ')}\` failed (${failure}). Install the browsers yourself, or choose your own: ${overrides(purpose, plan.packages)}`;
    }
  }
  return null;
}

/** Whether this file is the script Node was asked to run (Node resolves its symlinks). */
function isMain(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === import.meta.filename;
  } catch {
    return false;
  }
}

if (isMain()) {
  const problem = ensureBrowsers('test');
  if (problem !== null) {
    console.error(problem);
    process.exitCode = 1;
  }
}
