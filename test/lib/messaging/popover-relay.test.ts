/**
 * The background's popover relay: pairs a tab's content script with its
 * popover frame, relays checked messages, and refuses strangers.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  hostPortName,
  POPOVER_FRAME_PORT,
  POPOVER_HOST_PORT,
} from '@/lib/messaging/popover-channel';
import { createPopoverRelay, type RelayPort } from '@/lib/messaging/popover-relay';
import type { MessageSender } from '@/lib/messaging/router';

const ID = 'ext-id';
const POPOVER = 'chrome-extension://ext-id/popover.html';

interface FakePort extends RelayPort {
  received: unknown[];
  send(message: unknown): void;
  drop(): void;
  disconnected: boolean;
}

function port(name: string, sender: MessageSender): FakePort {
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const fake: FakePort = {
    name,
    sender,
    received: [],
    disconnected: false,
    postMessage: (message) => fake.received.push(message),
    disconnect: () => (fake.disconnected = true),
    onMessage: { addListener: (listener) => onMessage.push(listener) },
    onDisconnect: { addListener: (listener) => onDisconnect.push(listener) },
    send: (message) => onMessage.forEach((listener) => listener(message)),
    drop: () => onDisconnect.forEach((listener) => listener()),
  };
  return fake;
}

const host = (tabId: number, frameId = 0) =>
  port(POPOVER_HOST_PORT, {
    id: ID,
    tab: { id: tabId } as MessageSender['tab'],
    frameId,
    url: 'https://news.example/a',
  });
const frame = (tabId: number, url = POPOVER) =>
  port(POPOVER_FRAME_PORT, { id: ID, tab: { id: tabId } as MessageSender['tab'], frameId: 3, url });

const SHOW = {
  type: 'show',
  entityId: 'person:mu-sochua',
  mentionText: 'Mu Sochua',
  trigger: 'hover',
  theme: 'system',
};

function relay() {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  return createPopoverRelay({ extensionId: ID, popoverUrl: POPOVER });
}

describe('popover relay', () => {
  it('relays between the host and the frame of the same tab only', () => {
    const accept = relay();
    const [h1, f1, h2, f2] = [host(1), frame(1), host(2), frame(2)];
    for (const p of [h1, f1, h2, f2]) expect(accept(p)).toBe(true);
    h1.send(SHOW);
    f1.send({ type: 'size', width: 300, height: 200 });
    expect(f1.received).toEqual([SHOW]);
    expect(h1.received).toEqual([{ type: 'size', width: 300, height: 200 }]);
    expect(f2.received).toEqual([]);
    expect(h2.received).toEqual([]);
  });

  it('drops malformed messages and messages meant for the other direction', () => {
    const accept = relay();
    const [h, f] = [host(1), frame(1)];
    accept(h);
    accept(f);
    h.send({ type: 'show', entityId: 'x' });
    h.send({ type: 'size', width: 1, height: 1 });
    f.send(SHOW);
    f.send('<img onerror>');
    expect(f.received).toEqual([]);
    expect(h.received).toEqual([]);
  });

  it('refuses other extensions, frames posing as hosts and pages posing as the popover', () => {
    const accept = relay();
    const stranger = port(POPOVER_HOST_PORT, {
      id: 'other',
      tab: { id: 1 } as MessageSender['tab'],
      frameId: 0,
    });
    const subframeHost = host(1, 5);
    const fakeFrame = frame(1, 'https://evil.example/popover.html');
    for (const p of [stranger, subframeHost, fakeFrame]) {
      expect(accept(p)).toBe(true);
      expect(p.disconnected).toBe(true);
    }
  });

  it('pairs a card page loaded from Chrome’s dynamic origin (use_dynamic_url)', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const dynamic = 'chrome-extension://0b9c6d5e-1f2a-4b3c-8d4e-5f6a7b8c9d0e/popover.html';
    const accept = createPopoverRelay({
      extensionId: ID,
      popoverUrl: POPOVER,
      dynamicPopoverUrl: dynamic,
    });
    const [h, f] = [host(1), frame(1, dynamic)];
    accept(h);
    accept(f);
    h.send(SHOW);
    expect(f.received).toEqual([SHOW]);
    expect(f.disconnected).toBe(false);
  });

  it('leaves other ports alone', () => {
    expect(relay()(port('something-else', { id: ID }))).toBe(false);
  });

  it('a new frame replaces the old one, and a gone side receives nothing', () => {
    const accept = relay();
    const [h, oldFrame, newFrame] = [host(1), frame(1), frame(1)];
    accept(h);
    accept(oldFrame);
    accept(newFrame);
    expect(oldFrame.disconnected).toBe(true);
    h.send(SHOW);
    expect(newFrame.received).toEqual([SHOW]);
    expect(oldFrame.received).toEqual([]);
    newFrame.drop();
    h.send({ type: 'hide' });
    expect(newFrame.received).toEqual([SHOW]);
  });

  describe('with the host’s frame token', () => {
    const TOKEN = '0123456789abcdef0123456789abcdef';
    const tokenHost = (tabId: number) =>
      port(hostPortName(TOKEN), {
        id: ID,
        tab: { id: tabId } as MessageSender['tab'],
        frameId: 0,
        url: 'https://news.example/a',
      });

    it('pairs only the frame the host created, not a copy the page framed itself', () => {
      const accept = relay();
      const [h, ours, pagesCopy] = [tokenHost(1), frame(1, `${POPOVER}#${TOKEN}`), frame(1)];
      accept(h);
      accept(ours);
      accept(pagesCopy);
      expect(pagesCopy.disconnected).toBe(true);
      expect(ours.disconnected).toBe(false);
      h.send(SHOW);
      expect(ours.received).toEqual([SHOW]);
      expect(pagesCopy.received).toEqual([]);
      // A copy guessing at the fragment fares no better.
      const guess = frame(1, `${POPOVER}#${TOKEN.slice(1)}`);
      accept(guess);
      expect(guess.disconnected).toBe(true);
    });

    it('after a background restart, takes a frame until its host returns, then drops a stranger', () => {
      const accept = relay();
      const pagesCopy = frame(1);
      accept(pagesCopy);
      expect(pagesCopy.disconnected).toBe(false);
      const h = tokenHost(1);
      accept(h);
      expect(pagesCopy.disconnected).toBe(true);
      const ours = frame(1, `${POPOVER}#${TOKEN}`);
      accept(ours);
      h.send(SHOW);
      expect(ours.received).toEqual([SHOW]);
    });

    it('refuses a host port whose token is malformed', () => {
      const accept = relay();
      const bad = port(`${POPOVER_HOST_PORT}#<x>`, {
        id: ID,
        tab: { id: 1 } as MessageSender['tab'],
        frameId: 0,
      });
      expect(accept(bad)).toBe(true);
      expect(bad.disconnected).toBe(true);
    });
  });
});
