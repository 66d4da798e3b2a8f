/**
 * The browser install plan on made-up machines: /etc/os-release texts of
 * Debian, Ubuntu, an Ubuntu derivative and others, with and without root,
 * password-free sudo, snap or add-apt-repository. Nothing is installed here.
 */
import { describe, expect, it, vi } from 'vitest';
import { aptFamily, planBrowsers } from '@/lib/demo/browser-install-plan';
import {
  ADD_PPA,
  APT,
  DEBIAN,
  FEDORA,
  machine,
  MINT,
  RASPBIAN,
  UBUNTU,
  UBUNTU_TOOLS,
} from './machines';

describe('aptFamily', () => {
  it('reads ID and ID_LIKE, quoted or not; an Ubuntu derivative is Ubuntu', () => {
    expect(aptFamily(DEBIAN)).toBe('debian');
    expect(aptFamily(RASPBIAN)).toBe('debian');
    expect(aptFamily(UBUNTU)).toBe('ubuntu');
    expect(aptFamily(MINT)).toBe('ubuntu');
    expect(aptFamily(FEDORA)).toBeNull();
    expect(aptFamily('')).toBeNull();
    // A name that merely contains "debian" is not Debian.
    expect(aptFamily('ID=notdebian\nVERSION_CODENAME=debian\n')).toBeNull();
  });
});

describe('planBrowsers for npm test on Debian', () => {
  it('does nothing when both browsers are installed, without asking sudo', () => {
    const sudo = vi.fn(() => true);
    const paths = ['/usr/bin/apt-get', '/usr/bin/chromium', '/usr/bin/firefox-esr'];
    expect(planBrowsers('test', machine({ uid: 1000, sudo, paths }))).toEqual({ action: 'none' });
    expect(sudo).not.toHaveBeenCalled();
  });

  it('installs both with apt-get as root, updating first, saying what each command does', () => {
    expect(planBrowsers('test', machine())).toEqual({
      action: 'install',
      packages: ['chromium', 'firefox-esr'],
      steps: [
        {
          say: "Dramatis: updating apt's package lists, for the browser tests…",
          argv: [...APT, 'update'],
        },
        {
          say: "Dramatis: installing Debian's chromium and firefox-esr with apt-get, for the browser tests…",
          argv: [...APT, 'install', '-y', 'chromium', 'firefox-esr'],
        },
      ],
    });
  });

  it('installs only the missing one, with sudo -n when sudo asks no password', () => {
    const plan = planBrowsers(
      'test',
      machine({ uid: 1000, sudo: () => true, paths: ['/usr/bin/apt-get', '/usr/bin/chromium'] }),
    );
    expect(plan).toMatchObject({
      action: 'install',
      packages: ['firefox-esr'],
      steps: [
        { argv: ['sudo', '-n', ...APT, 'update'] },
        {
          say: "Dramatis: installing Debian's firefox-esr with apt-get, for the browser tests…",
          argv: ['sudo', '-n', ...APT, 'install', '-y', 'firefox-esr'],
        },
      ],
    });
  });

  it('without root or password-free sudo, stops with the exact command', () => {
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
});

describe('planBrowsers for npm test on Ubuntu', () => {
  it('installs Chromium as a snap and firefox-esr from the Mozilla team PPA', () => {
    const plan = planBrowsers('test', machine({ osRelease: UBUNTU, paths: UBUNTU_TOOLS }));
    expect(plan).toEqual({
      action: 'install',
      packages: ['chromium', 'firefox-esr'],
      steps: [
        {
          say: 'Dramatis: installing Chromium from the Snap Store (Ubuntu ships it only as a snap, at /snap/bin/chromium), for the browser tests…',
          argv: ['snap', 'install', 'chromium'],
        },
        {
          say: "Dramatis: adding the Mozilla team PPA (ppa:mozillateam/ppa), Ubuntu's only source of firefox-esr, for the browser tests…",
          argv: [...ADD_PPA, '-y', 'ppa:mozillateam/ppa'],
        },
        {
          say: "Dramatis: updating apt's package lists, for the browser tests…",
          argv: [...APT, 'update'],
        },
        {
          say: 'Dramatis: installing firefox-esr from the Mozilla team PPA with apt-get, for the browser tests…',
          argv: [...APT, 'install', '-y', 'firefox-esr'],
        },
      ],
    });
  });

  it('counts the snap at /snap/bin/chromium as installed', () => {
    const paths = [...UBUNTU_TOOLS, '/snap/bin/chromium', '/usr/bin/firefox-esr'];
    expect(planBrowsers('test', machine({ osRelease: UBUNTU, paths }))).toEqual({
      action: 'none',
    });
    const plan = planBrowsers(
      'test',
      machine({ osRelease: UBUNTU, paths: [...UBUNTU_TOOLS, '/snap/bin/chromium'] }),
    );
    expect(plan).toMatchObject({ action: 'install', packages: ['firefox-esr'] });
    if (plan.action === 'install') {
      expect(plan.steps.map((step) => step.argv.at(-1))).not.toContain('chromium');
    }
  });

  it('installs add-apt-repository first where a minimal image lacks it, with sudo -n', () => {
    const plan = planBrowsers(
      'test',
      machine({
        osRelease: MINT,
        uid: 1000,
        sudo: () => true,
        paths: ['/usr/bin/apt-get', '/snap/bin/chromium'],
      }),
    );
    expect(plan.action === 'install' && plan.steps.map((step) => step.argv)).toEqual([
      ['sudo', '-n', ...APT, 'update'],
      ['sudo', '-n', ...APT, 'install', '-y', 'software-properties-common'],
      ['sudo', '-n', ...ADD_PPA, '-y', 'ppa:mozillateam/ppa'],
      ['sudo', '-n', ...APT, 'update'],
      ['sudo', '-n', ...APT, 'install', '-y', 'firefox-esr'],
    ]);
  });

  it('without root or password-free sudo, stops with the exact Ubuntu commands', () => {
    const plan = planBrowsers(
      'test',
      machine({ osRelease: UBUNTU, uid: 1000, paths: UBUNTU_TOOLS }),
    );
    expect(plan).toEqual({
      action: 'stop',
      message: [
        "Dramatis: installing Ubuntu's chromium and firefox-esr for the browser tests needs root, or a sudo that asks no password. Run:",
        '  sudo snap install chromium && sudo add-apt-repository -y ppa:mozillateam/ppa && sudo apt-get update && sudo apt-get install -y firefox-esr',
        'then `npm test` again, or choose your own: CHROMIUM_PATH=/path/to/chromium FIREFOX_PATH=/path/to/firefox-esr npm test',
      ].join('\n'),
    });
  });

  it('stops, naming the variable, where there is no snap to install Chromium with', () => {
    const plan = planBrowsers(
      'test',
      machine({ osRelease: UBUNTU, paths: ['/usr/bin/apt-get', '/usr/bin/firefox-esr'] }),
    );
    expect(plan).toEqual({
      action: 'stop',
      message: expect.stringMatching(
        /only as a snap, and snap is not available here[\s\S]*\n {2}CHROMIUM_PATH=\/path\/to\/chromium npm test$/,
      ) as string,
    });
  });
});

describe('planBrowsers for npm test elsewhere', () => {
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
  it('does nothing when a Chromium or Chrome is installed, the snap included', () => {
    for (const found of ['/usr/bin/google-chrome', '/snap/bin/chromium']) {
      const paths = ['/usr/bin/apt-get', found];
      expect(planBrowsers('start', machine({ osRelease: UBUNTU, paths }))).toEqual({
        action: 'none',
      });
    }
    const env = { CHROME_PATH: '/opt/c/chrome' };
    expect(planBrowsers('start', machine({ env, paths: ['/opt/c/chrome'] }))).toEqual({
      action: 'none',
    });
  });

  it('installs only Chromium: with apt-get on Debian, as a snap on Ubuntu', () => {
    expect(planBrowsers('start', machine())).toMatchObject({
      action: 'install',
      steps: [
        {
          say: "Dramatis: updating apt's package lists, for the demo…",
          argv: [...APT, 'update'],
        },
        { argv: [...APT, 'install', '-y', 'chromium'] },
      ],
    });
    const ubuntu = planBrowsers(
      'start',
      machine({ osRelease: UBUNTU, uid: 1000, sudo: () => true, paths: UBUNTU_TOOLS }),
    );
    expect(ubuntu.action === 'install' && ubuntu.steps.map((step) => step.argv)).toEqual([
      ['sudo', '-n', 'snap', 'install', 'chromium'],
    ]);
  });

  it('without root or sudo, or elsewhere, says what to do', () => {
    const debian = planBrowsers('start', machine({ uid: 1000 }));
    expect(debian).toMatchObject({ action: 'stop' });
    if (debian.action === 'stop') {
      expect(debian.message).toContain('sudo apt-get update && sudo apt-get install -y chromium\n');
      expect(debian.message).toContain('CHROME_PATH=/path/to/chrome npm start');
    }
    const ubuntu = planBrowsers(
      'start',
      machine({ osRelease: UBUNTU, uid: 1000, paths: UBUNTU_TOOLS }),
    );
    expect(ubuntu).toMatchObject({
      action: 'stop',
      message: expect.stringContaining('  sudo snap install chromium\n') as string,
    });
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
