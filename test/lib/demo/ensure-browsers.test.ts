import { describe, expect, it, vi } from 'vitest';
import {
  ensureBrowsers,
  isDebianLike,
  planBrowsers,
  type Machine,
} from '@/lib/demo/ensure-browsers';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\nVERSION_ID=41\n';

/** A Debian machine as root with apt-get and no browser; `over` changes any fact. */
function machine(over: Partial<Machine> & { paths?: string[] } = {}): Machine {
  const paths = new Set(over.paths ?? ['/usr/bin/apt-get']);
  return {
    osRelease: DEBIAN,
    uid: 0,
    sudo: () => false,
    executable: (path) => paths.has(path),
    env: {},
    platform: 'linux',
    ...over,
  };
}

const APT = ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];

describe('isDebianLike', () => {
  it('reads ID and ID_LIKE, quoted or not', () => {
    expect(isDebianLike(DEBIAN)).toBe(true);
    expect(isDebianLike(UBUNTU)).toBe(true);
    expect(isDebianLike(MINT)).toBe(true);
    expect(isDebianLike(FEDORA)).toBe(false);
    expect(isDebianLike('')).toBe(false);
    // A name that merely contains "debian" is not Debian.
    expect(isDebianLike('ID=notdebian\nVERSION_CODENAME=debian\n')).toBe(false);
  });
});

describe('planBrowsers for npm test', () => {
  it('does nothing when both browsers are installed, without asking sudo', () => {
    const sudo = vi.fn(() => true);
    const paths = ['/usr/bin/apt-get', '/usr/bin/chromium', '/usr/bin/firefox-esr'];
    expect(planBrowsers('test', machine({ uid: 1000, sudo, paths }))).toEqual({ action: 'none' });
    expect(sudo).not.toHaveBeenCalled();
  });

  it('installs both with apt-get as root on Debian, updating first', () => {
    expect(planBrowsers('test', machine())).toEqual({
      action: 'install',
      packages: ['chromium', 'firefox-esr'],
      notice:
        "Dramatis: installing Debian's chromium and firefox-esr (apt-get) for the browser tests…",
      commands: [
        [...APT, 'update'],
        [...APT, 'install', '-y', 'chromium', 'firefox-esr'],
      ],
    });
  });

  it('installs only the missing one, with sudo -n on Ubuntu when sudo asks no password', () => {
    const plan = planBrowsers(
      'test',
      machine({
        osRelease: UBUNTU,
        uid: 1000,
        sudo: () => true,
        paths: ['/usr/bin/apt-get', '/usr/bin/chromium'],
      }),
    );
    expect(plan).toMatchObject({
      action: 'install',
      notice: "Dramatis: installing Debian's firefox-esr (apt-get via sudo) for the browser tests…",
      commands: [
        ['sudo', '-n', ...APT, 'update'],
        ['sudo', '-n', ...APT, 'install', '-y', 'firefox-esr'],
      ],
    });
  });

  it('on Debian without root or password-free sudo, stops with the exact command', () => {
    const plan = planBrowsers('test', machine({ uid: 1000 }));
    expect(plan.action).toBe('stop');
    if (plan.action !== 'stop') return;
    expect(plan.message).toContain(
      '  sudo apt-get update && sudo apt-get install -y chromium firefox-esr\n',
    );
    expect(plan.message).toContain(
      'CHROMIUM_PATH=/path/to/chromium FIREFOX_PATH=/path/to/firefox-esr npm test',
    );
  });

  it('on Fedora, macOS or Windows, says which variables to set instead', () => {
    const withApt = ['/usr/bin/apt-get', '/usr/bin/chromium'];
    for (const facts of [
      { osRelease: FEDORA, paths: withApt },
      { osRelease: '', platform: 'darwin' as const, uid: 501, paths: withApt },
      { osRelease: '', platform: 'win32' as const, uid: undefined, paths: withApt },
      // Debian, but no apt-get to install with.
      { paths: ['/usr/bin/chromium'] },
    ]) {
      const plan = planBrowsers('test', machine(facts));
      expect(plan).toEqual({
        action: 'stop',
        message: expect.stringContaining('  FIREFOX_PATH=/path/to/firefox-esr npm test') as string,
      });
    }
  });

  it('trusts CHROMIUM_PATH and FIREFOX_PATH that point at executables', () => {
    const env = { CHROMIUM_PATH: '/opt/c/chrome', FIREFOX_PATH: '/opt/f/firefox' };
    const paths = ['/usr/bin/apt-get', '/opt/c/chrome', '/opt/f/firefox'];
    expect(planBrowsers('test', machine({ env, paths }))).toEqual({ action: 'none' });
    // Only the browser no variable chooses is installed.
    expect(
      planBrowsers('test', machine({ env: { CHROMIUM_PATH: '/opt/c/chrome' }, paths })),
    ).toMatchObject({ action: 'install', packages: ['firefox-esr'] });
  });

  it('stops, installing nothing, when an override points nowhere', () => {
    const plan = planBrowsers('test', machine({ env: { FIREFOX_PATH: '/nowhere/firefox' } }));
    expect(plan).toEqual({
      action: 'stop',
      message: expect.stringMatching(
        /^Dramatis: FIREFOX_PATH is set to \/nowhere\/firefox/,
      ) as string,
    });
  });
});

describe('planBrowsers for npm start', () => {
  it('does nothing when a Chromium or Chrome is installed', () => {
    const paths = ['/usr/bin/apt-get', '/usr/bin/google-chrome'];
    expect(planBrowsers('start', machine({ paths }))).toEqual({ action: 'none' });
    const env = { CHROME_PATH: '/opt/c/chrome' };
    expect(planBrowsers('start', machine({ env, paths: ['/opt/c/chrome'] }))).toEqual({
      action: 'none',
    });
  });

  it('installs only chromium on Debian as root', () => {
    expect(planBrowsers('start', machine())).toMatchObject({
      action: 'install',
      notice: "Dramatis: installing Debian's chromium (apt-get) for the demo…",
      commands: [
        [...APT, 'update'],
        [...APT, 'install', '-y', 'chromium'],
      ],
    });
  });

  it('without root or sudo, or elsewhere, says what to do', () => {
    const debian = planBrowsers('start', machine({ uid: 1000 }));
    expect(debian).toMatchObject({ action: 'stop' });
    if (debian.action === 'stop') {
      expect(debian.message).toContain('sudo apt-get update && sudo apt-get install -y chromium\n');
      expect(debian.message).toContain('CHROME_PATH=/path/to/chrome npm start');
    }
    const mac = planBrowsers('start', machine({ osRelease: '', platform: 'darwin', uid: 501 }));
    expect(mac).toEqual({
      action: 'stop',
      message: expect.stringContaining('brew install --cask chromium') as string,
    });
  });

  it('stops on a CHROME_PATH that points nowhere, rather than installing another browser', () => {
    const plan = planBrowsers('start', machine({ env: { CHROME_PATH: '/nowhere/chrome' } }));
    expect(plan).toEqual({
      action: 'stop',
      message: expect.stringContaining('CHROME_PATH is set to /nowhere/chrome') as string,
    });
  });
});

describe('ensureBrowsers', () => {
  it('returns the message for the user when it cannot install', () => {
    expect(ensureBrowsers('test', machine({ osRelease: FEDORA }))).toMatch(/npm test$/);
  });

  it('says what it installs, runs update then install, and stops at the first failure', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const ran: string[][] = [];
    const ok = ensureBrowsers('start', machine(), (argv) => (ran.push(argv), null));
    expect(ok).toBeNull();
    expect(log).toHaveBeenCalledWith(
      "Dramatis: installing Debian's chromium (apt-get) for the demo…",
    );
    expect(ran).toEqual([
      [...APT, 'update'],
      [...APT, 'install', '-y', 'chromium'],
    ]);

    const failed = ensureBrowsers('test', machine(), () => 'exit 100');
    expect(failed).toBe(
      'Dramatis: `env DEBIAN_FRONTEND=noninteractive apt-get update` failed (exit 100). Install the browsers yourself, or choose your own: CHROMIUM_PATH=/path/to/chromium FIREFOX_PATH=/path/to/firefox-esr npm test',
    );
    log.mockRestore();
  });
});
