/**
 * Carrying out the install plan with a fake command runner: each command is
 * announced before it runs, and the first failure stops with what to do.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureBrowsers } from '@/lib/demo/ensure-browsers';
import { APT, FEDORA, machine, UBUNTU } from './machines';

afterEach(() => vi.restoreAllMocks());

describe('ensureBrowsers', () => {
  it('returns the message for the user when it cannot install', () => {
    expect(ensureBrowsers('test', machine({ osRelease: FEDORA }))).toMatch(/npm test$/);
  });

  it('says what each command does before running it, in order', () => {
    const said: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void said.push(line));
    const ran: string[][] = [];
    const paths = ['/usr/bin/apt-get', '/usr/bin/snap', '/usr/bin/add-apt-repository'];
    const ok = ensureBrowsers(
      'test',
      machine({ osRelease: UBUNTU, uid: 1000, sudo: () => true, paths }),
      (argv) => {
        // The announcement of this command came before it ran.
        expect(said.at(-1)).toContain(`  $ ${argv.join(' ')}`);
        ran.push(argv);
        return null;
      },
    );
    expect(ok).toBeNull();
    expect(ran.map((argv) => argv.slice(2, 5).join(' '))).toEqual([
      'snap install chromium',
      'env DEBIAN_FRONTEND=noninteractive add-apt-repository',
      'env DEBIAN_FRONTEND=noninteractive apt-get',
      'env DEBIAN_FRONTEND=noninteractive apt-get',
    ]);
    expect(said[0]).toBe(
      'Dramatis: installing Chromium from the Snap Store (Ubuntu ships it only as a snap, at /snap/bin/chromium), for the browser tests…\n  $ sudo -n snap install chromium',
    );
  });

  it('stops at the first failure, naming the command', () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const ran: string[][] = [];
    const failed = ensureBrowsers('test', machine(), (argv) => (ran.push(argv), 'exit 100'));
    expect(ran).toEqual([[...APT, 'update']]);
    expect(failed).toBe(
      'Dramatis: `env DEBIAN_FRONTEND=noninteractive apt-get update` failed (exit 100). Install the browsers yourself, or choose your own: CHROMIUM_PATH=/path/to/chromium FIREFOX_PATH=/path/to/firefox-esr npm test',
    );
  });
});
