/**
 * The popover page's end of the popover channel (spec: lib/messaging/popover-channel.ts).
 *
 * Only the runtime port carries commands: the page around the iframe can post
 * window messages to it, so this page never listens for them. Every message is
 * checked against the channel's typed union before it changes anything.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import {
  isHostToFrame,
  POPOVER_FRAME_PORT,
  type FrameToHost,
  type HostToFrame,
} from '@/lib/messaging/popover-channel';

/** A request to show an entity's card. */
export type ShowRequest = Extract<HostToFrame, { type: 'show' }>;

/** What the host last asked the frame to show (an entity or a saved quote); null while hidden. */
export type ShownRequest = Exclude<HostToFrame, { type: 'hide' } | { type: 'cover' }>;

/** The frame's side of the channel as the page uses it. */
export interface PopoverPort {
  /** The last `show` or `showQuote`, or null before any and after `hide`. */
  shown: ShownRequest | null;
  /** True while the host reports the page painting over the card (lib/page/cover-watch.ts). */
  covered: boolean;
  /** Sends a message to the host; dropped while the port is down. */
  post: (message: FrameToHost) => void;
}

/** First wait before reconnecting after the port dropped (the service worker restarted). */
const RETRY_FIRST_MS = 200;
const RETRY_MAX_MS = 5000;
/**
 * Reconnects without a single message from the host before giving up. A port the
 * background keeps refusing (the frame is not in a tab, or a newer frame of this
 * tab replaced it) must not reconnect forever and push the newer frame out.
 */
const RETRY_LIMIT = 6;

/** Connects to the host through the background, says `ready`, and follows its show/hide messages. */
export function usePopoverPort(enabled: boolean): PopoverPort {
  const [shown, setShown] = useState<ShownRequest | null>(null);
  const [covered, setCovered] = useState(false);
  const port = useRef<Browser.runtime.Port | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let retries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const connect = () => {
      const next = browser.runtime.connect({ name: POPOVER_FRAME_PORT });
      port.current = next;
      next.onMessage.addListener((message: unknown) => {
        if (!isHostToFrame(message)) {
          console.warn('Dramatis: the card ignored a malformed message', message);
          return;
        }
        retries = 0;
        if (message.type === 'cover') setCovered(message.covered);
        else setShown(message.type === 'hide' ? null : message);
      });
      next.onDisconnect.addListener(() => {
        if (port.current === next) port.current = null;
        if (stopped) return;
        if (retries >= RETRY_LIMIT) {
          console.warn('Dramatis: the card lost its connection to the page; reload the page.');
          return;
        }
        const wait = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** retries);
        retries += 1;
        timer = setTimeout(connect, wait);
      });
      next.postMessage({ type: 'ready' } satisfies FrameToHost);
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      port.current?.disconnect();
      port.current = null;
    };
  }, [enabled]);

  const post = useCallback((message: FrameToHost) => {
    try {
      port.current?.postMessage(message);
    } catch (error) {
      // The port closed between the check and the post; the next `ready` resyncs.
      console.warn('Dramatis: the card could not reach the page', error);
    }
  }, []);

  return { shown, covered, post };
}
