/**
 * The popover channel: how the content script (the "host", which owns the
 * iframe on the page) and the popover page (`popover.html`, the "frame", which
 * shows the card) talk to each other.
 *
 * Why not `window.postMessage`: the page shares the host's window, so any page
 * script can forge or read posted messages. Runtime ports are only reachable
 * from extension contexts, so the channel runs over two ports relayed by the
 * background (lib/messaging/popover-relay.ts):
 *
 * ```
 * content script ──connect({name: POPOVER_HOST_PORT})──►  background  ◄──connect({name: POPOVER_FRAME_PORT})── popover.html
 *                 ◄─────────── FrameToHost ────────────  (pairs by tab) ─────────── HostToFrame ──────────►
 * ```
 *
 * Spec:
 * 1. The background accepts a port only when `sender.id === runtime.id`; a host
 *    port must come from a content script in the top frame of a tab, a frame port
 *    from our own extension page inside a tab, whose URL ends with the token
 *    the host named its port with ({@link hostPortName}; a page can frame its
 *    own copy of popover.html, which must not be paired). Ports are paired by
 *    `sender.tab.id`: one host and at most one frame per tab. A newer port of the
 *    same role in the same tab replaces the older one (which is disconnected).
 * 2. Messages are relayed unchanged, host → frame and frame → host, after the
 *    background checks their shape ({@link isHostToFrame}, {@link isFrameToHost});
 *    anything else is dropped and logged. A message to a side that is not
 *    connected yet is dropped, never queued: the frame says {@link FrameToHost}
 *    `ready` when it connects, and the host answers with the current state
 *    (`show` again if a card is open). So the frame is a pure function of the
 *    last message it got.
 * 3. The host creates the iframe (hidden) on the reader's first hover intent, so
 *    the frame is usually connected and `ready` before the first `show`.
 * 4. The frame never learns the page's URL or text beyond `mentionText` (the
 *    name as the page wrote it); it reads the profile and the reader's notes
 *    from the background with its own protocol messages (`getProfile` etc.).
 *
 * Frame side, in popover.html:
 * ```ts
 * const port = browser.runtime.connect({ name: POPOVER_FRAME_PORT });
 * port.onMessage.addListener((message: unknown) => {
 *   if (!isHostToFrame(message)) return;
 *   if (message.type === 'show') renderCard(message.entityId, message.mentionText, message.trigger);
 *   else clearCard();
 * });
 * port.postMessage({ type: 'ready' } satisfies FrameToHost);
 * // after each render: port.postMessage({ type: 'size', width, height });
 * // on Escape or the close button: port.postMessage({ type: 'close', reason: 'escape' });
 * ```
 */
import type { FrameToHost, HostToFrame } from './protocol';
import { isRecord } from '@/lib/model/json-check';
import { THEMES } from '@/lib/model/settings';

export type { FrameToHost, HostToFrame, PopoverTrigger } from './protocol';

/** Port name the content script connects with. */
export const POPOVER_HOST_PORT = 'dramatis-popover-host';

/**
 * The host's port name carrying its frame token: `dramatis-popover-host#<token>`.
 * Why a token: popover.html is web-accessible, so a page can frame its own
 * copy, which would connect as this tab's frame and be shown the card. The
 * host puts a random token in its iframe's URL fragment (in a closed shadow
 * root of the content script's world, never sent over the network) and in its
 * port name; the relay pairs only a frame whose URL ends with `#<token>`.
 */
export function hostPortName(token: string): string {
  return `${POPOVER_HOST_PORT}#${token}`;
}

/** The frame token of a host port's name; `''` for a bare host name (no token: any frame of the tab). */
export function frameTokenOf(portName: string): string | null {
  if (portName === POPOVER_HOST_PORT) return '';
  if (!portName.startsWith(`${POPOVER_HOST_PORT}#`)) return null;
  const token = portName.slice(POPOVER_HOST_PORT.length + 1);
  return /^[\w-]{16,64}$/.test(token) ? token : null;
}

/** Port name the popover page connects with. */
export const POPOVER_FRAME_PORT = 'dramatis-popover-frame';

/** Largest card the host will size its iframe to, in CSS pixels; bigger sizes are clamped. */
export const MAX_CARD_SIZE = { width: 480, height: 640 } as const;

/** Longest `mentionText` accepted: a name, never a paragraph. */
const MAX_MENTION_TEXT = 300;

/** True when `message` is a well-formed host → frame message. */
export function isHostToFrame(message: unknown): message is HostToFrame {
  if (!isRecord(message)) return false;
  if (message.type === 'hide') return true;
  if (message.type === 'cover') return typeof message.covered === 'boolean';
  if (message.type === 'showQuote') {
    return (
      typeof message.annotationId === 'string' &&
      message.annotationId.length > 0 &&
      typeof message.justSaved === 'boolean' &&
      isTrigger(message.trigger) &&
      isTheme(message.theme)
    );
  }
  return (
    message.type === 'show' &&
    typeof message.entityId === 'string' &&
    message.entityId.length > 0 &&
    typeof message.mentionText === 'string' &&
    message.mentionText.length <= MAX_MENTION_TEXT &&
    isTrigger(message.trigger) &&
    isTheme(message.theme)
  );
}

function isTheme(value: unknown): boolean {
  return (THEMES as readonly unknown[]).includes(value);
}

function isTrigger(value: unknown): boolean {
  return value === 'hover' || value === 'click' || value === 'keyboard';
}

/** True when `message` is a well-formed frame → host message. */
export function isFrameToHost(message: unknown): message is FrameToHost {
  if (!isRecord(message)) return false;
  switch (message.type) {
    case 'ready':
    case 'focus-return':
      return true;
    case 'size':
      return isSize(message.width) && isSize(message.height);
    case 'close':
      return message.reason === 'escape' || message.reason === 'button';
    default:
      return false;
  }
}

function isSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10_000;
}
