/**
 * Making sure the browsers `npm start` and `npm test` drive are installed.
 *
 * On Debian or Ubuntu, as root or with a sudo that asks no password, a missing
 * browser is installed (Debian: apt-get; Ubuntu: the Chromium snap and the
 * Mozilla team PPA's firefox-esr), each command announced before it runs.
 * Anywhere else the user is told the exact command to run, or which variable to
 * set. CHROME_PATH (the demo), CHROMIUM_PATH and FIREFOX_PATH (the tests) choose
 * the browser instead and are never second-guessed. The decision is
 * browser-install-plan.ts, a pure function; this file gathers the facts and
 * carries the plan out.
 *
 * Run directly (`node --import tsx lib/demo/ensure-browsers.ts`, as `npm test`
 * does before its E2E stage), it ensures the test browsers and exits non-zero
 * with what to do when it cannot.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { overrides, planBrowsers, type Machine, type Purpose } from './browser-install-plan';
import { isExecutable } from './test-browsers';

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
 * Installs what `purpose` is missing, saying what each command does before it
 * runs, or returns what the user must do (an install that failed included);
 * null when all is ready.
 */
export function ensureBrowsers(
  purpose: Purpose,
  machine: Machine = thisMachine(),
  run: (argv: string[]) => string | null = runInherited,
): string | null {
  const plan = planBrowsers(purpose, machine);
  if (plan.action === 'none') return null;
  if (plan.action === 'stop') return plan.message;
  for (const { say, argv } of plan.steps) {
    console.log(`${say}\n  $ ${argv.join(' ')}`);
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
