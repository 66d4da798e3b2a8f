/** Made-up machines for the browser install tests: os-release texts and facts. */
import type { Machine } from '@/lib/demo/browser-install-plan';

/** /etc/os-release of Debian, Ubuntu, two derivatives, and a distribution without apt. */
export const DEBIAN =
  'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n';
export const UBUNTU = 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n';
export const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
export const RASPBIAN = 'NAME="Raspbian GNU/Linux"\nID=raspbian\nID_LIKE=debian\n';
export const FEDORA = 'NAME="Fedora Linux"\nID=fedora\nVERSION_ID=41\n';

/** A Debian machine as root with apt-get and no browser; `over` changes any fact. */
export function machine(over: Partial<Machine> & { paths?: string[] } = {}): Machine {
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

/** Ubuntu's tools to install with: apt-get, snap and add-apt-repository. */
export const UBUNTU_TOOLS = ['/usr/bin/apt-get', '/usr/bin/snap', '/usr/bin/add-apt-repository'];

/** The start of every apt-get command the plan runs as root. */
export const APT = ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
/** The start of the PPA command the plan runs as root. */
export const ADD_PPA = ['env', 'DEBIAN_FRONTEND=noninteractive', 'add-apt-repository'];
