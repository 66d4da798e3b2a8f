/**
 * The background's half of the popover channel (spec in ./popover-channel.ts):
 * pairs the content script's port with the popover frame's port of the same tab
 * and relays checked messages between them. Page scripts cannot reach runtime
 * ports, so nothing they post can reach the card or read what it shows.
 */
import type { MessageSender } from './router';
import {
  frameTokenOf,
  isFrameToHost,
  isHostToFrame,
  POPOVER_FRAME_PORT,
  POPOVER_HOST_PORT,
} from './popover-channel';

/** The part of a `runtime.Port` the relay uses, so tests can pass plain objects. */
export interface RelayPort {
  name: string;
  sender?: MessageSender;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** Who may open the channel: this extension, and its popover page for the frame side. */
export interface RelayPolicy {
  extensionId: string;
  /** `runtime.getURL('/')` + `popover.html`; the frame port must come from that page. */
  popoverUrl: string;
  /** The same page at Chrome's dynamic origin (`use_dynamic_url`), when it differs. */
  dynamicPopoverUrl?: string;
}

interface Pair {
  host?: RelayPort;
  frame?: RelayPort;
  /** The frame token of the tab's host ('' for a host without one); unset until a host connects. */
  token?: string;
}

type Role = 'host' | 'frame';

/** The role a port may take, or null when it must be refused. */
function roleOf(port: RelayPort, policy: RelayPolicy): Role | null {
  const sender = port.sender;
  if (!sender || sender.id !== policy.extensionId || sender.tab?.id === undefined) return null;
  // The host is the top frame's content script: the iframe it positions lives there.
  if (isHostName(port.name)) {
    return sender.frameId === 0 && frameTokenOf(port.name) !== null ? 'host' : null;
  }
  if (port.name === POPOVER_FRAME_PORT) {
    const url = sender.url;
    const fromCardPage =
      typeof url === 'string' &&
      [policy.popoverUrl, policy.dynamicPopoverUrl].some((page) => page && url.startsWith(page));
    return fromCardPage ? 'frame' : null;
  }
  return null;
}

function isHostName(name: string): boolean {
  return name === POPOVER_HOST_PORT || name.startsWith(`${POPOVER_HOST_PORT}#`);
}

/** True when frame `port` is the one its host created: its URL carries the host's token. */
function carriesToken(port: RelayPort, token: string): boolean {
  return token === '' || (port.sender?.url ?? '').endsWith(`#${token}`);
}

/**
 * Creates the relay; pass it every `runtime.onConnect` port. Returns false for
 * ports that are not the channel's (other features may own them).
 */
export function createPopoverRelay(policy: RelayPolicy): (port: RelayPort) => boolean {
  const pairs = new Map<number, Pair>();

  return (port) => {
    if (!isHostName(port.name) && port.name !== POPOVER_FRAME_PORT) return false;
    const role = roleOf(port, policy);
    const tabId = port.sender?.tab?.id;
    const pair = (tabId !== undefined && pairs.get(tabId)) || {};
    // A card page the tab's host did not create (a page framing its own copy) is refused.
    // Without a host yet (the background just restarted) a frame is taken, and checked when the host comes.
    const stranger =
      role === 'frame' && pair.token !== undefined && !carriesToken(port, pair.token);
    if (role === null || tabId === undefined || stranger) {
      console.warn('Dramatis: refused a popover port', { name: port.name, sender: port.sender });
      port.disconnect();
      return true;
    }
    pairs.set(tabId, pair);
    if (role === 'host') {
      pair.token = frameTokenOf(port.name)!;
      if (pair.frame && !carriesToken(pair.frame, pair.token)) {
        pair.frame.disconnect();
        delete pair.frame;
      }
    }
    // One host and one frame per tab: a reloaded page or a recreated iframe replaces the old port.
    pair[role]?.disconnect();
    pair[role] = port;

    const valid = role === 'host' ? isHostToFrame : isFrameToHost;
    const other: Role = role === 'host' ? 'frame' : 'host';
    port.onMessage.addListener((message) => {
      if (pair[role] !== port) return;
      if (!valid(message)) {
        console.warn(`Dramatis: dropped a malformed popover message from the ${role}`, message);
        return;
      }
      // A side that is not connected yet misses the message; the frame's `ready` resyncs it.
      pair[other]?.postMessage(message);
    });
    port.onDisconnect.addListener(() => {
      if (pair[role] !== port) return;
      delete pair[role];
      if (!pair.host && !pair.frame) pairs.delete(tabId);
    });
    return true;
  };
}
