// @vitest-environment happy-dom
/**
 * The popover page inside the host's iframe: it speaks only over its runtime
 * port, checks every message, reports its size and closes on Escape, and
 * takes the reader's theme from the host's show (or, on its own, from the store).
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopoverApp } from '@/components/card/PopoverApp';
import { POPOVER_FRAME_PORT, type FrameToHost } from '@/lib/messaging/popover-channel';
import type { DramatisDB } from '@/lib/store/db';
import { writeSettings } from '@/lib/store/settings';
import { startSeededBackground } from './seeded-background';

/** A runtime port whose other end is the test. */
function fakePort(name: string) {
  const listeners: Array<(message: unknown) => void> = [];
  return {
    name,
    sent: [] as FrameToHost[],
    postMessage(message: FrameToHost) {
      this.sent.push(message);
    },
    disconnect: vi.fn(),
    onMessage: { addListener: (fn: (message: unknown) => void) => listeners.push(fn) },
    onDisconnect: { addListener: () => undefined },
    /** Delivers a message from the host, as the background relays it. */
    deliver(message: unknown) {
      void act(() => listeners.forEach((fn) => fn(message)));
    },
  };
}

let db: DramatisDB;
let port: ReturnType<typeof fakePort>;
let resize: (() => void) | undefined;
beforeEach(async () => {
  db = await startSeededBackground();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation((...args: unknown[]) => {
    const info = args.find(
      (arg): arg is { name: string } => typeof arg === 'object' && arg !== null,
    );
    port = fakePort(info?.name ?? '');
    return port as unknown as ReturnType<typeof fakeBrowser.runtime.connect>;
  });
  // happy-dom does no layout: the observers (the size report's, the click guard's)
  // are driven by hand with a measured size.
  const observers: (() => void)[] = [];
  resize = () => observers.forEach((callback) => callback());
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        observers.push(callback);
      }
      observe() {}
      disconnect() {}
    },
  );
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
    width: 352.4,
    height: 410.2,
  } as DOMRect);
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  delete document.documentElement.dataset.theme;
  await db.delete();
});

const SHOW = {
  type: 'show',
  entityId: 'person:mu-sochua',
  mentionText: 'Sochua’s',
  trigger: 'hover',
  theme: 'system',
} as const;

describe('the popover frame', () => {
  it('connects its port by name and says ready', () => {
    render(<PopoverApp previewEntityId={null} />);
    expect(port.name).toBe(POPOVER_FRAME_PORT);
    expect(port.sent).toEqual([{ type: 'ready' }]);
  });

  it('shows the card the host asks for, with the page’s spelling, and hides it', async () => {
    render(<PopoverApp previewEntityId={null} />);
    port.deliver(SHOW);
    await screen.findByRole('dialog', { name: 'Mu Sochua' });
    // "Sochua’s" is another spelling of the name, so it is mentioned.
    expect(screen.getByText(/written “Sochua’s” on this page/)).toBeTruthy();
    port.deliver({ type: 'hide' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('ignores malformed port messages and every window message', async () => {
    render(<PopoverApp previewEntityId={null} />);
    port.deliver({ type: 'show', entityId: 'person:mu-sochua' });
    port.deliver({ ...SHOW, trigger: 'script' });
    void act(() => {
      window.postMessage(SHOW, '*');
      window.dispatchEvent(new MessageEvent('message', { data: SHOW }));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByText('Loading profile…')).toBeNull();
  });

  it('follows the reader’s theme sent with each show, keeping the card open', async () => {
    render(<PopoverApp previewEntityId={null} />);
    const theme = () => document.documentElement.dataset.theme;
    port.deliver({ ...SHOW, theme: 'dark' });
    await screen.findByRole('dialog', { name: 'Mu Sochua' });
    expect(theme()).toBe('dark');
    // The host sends the show again when the setting changes under an open card.
    port.deliver({ ...SHOW, theme: 'light' });
    expect(theme()).toBe('light');
    expect(screen.getByRole('dialog', { name: 'Mu Sochua' })).toBeTruthy();
    port.deliver(SHOW);
    expect(theme()).toBeUndefined();
    // A show with a theme the setting cannot have is refused whole.
    port.deliver({ ...SHOW, theme: 'dark;background:red' });
    expect(theme()).toBeUndefined();
  });

  it('on its own (?entity=), reads the theme from the store', async () => {
    await writeSettings(db, { theme: 'dark' });
    render(<PopoverApp previewEntityId="person:mu-sochua" />);
    await screen.findByRole('dialog', { name: 'Mu Sochua' });
    await vi.waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });

  it('reports its size, rounded up, after rendering', async () => {
    render(<PopoverApp previewEntityId={null} />);
    port.deliver(SHOW);
    await screen.findByRole('dialog');
    void act(() => resize?.());
    expect(port.sent).toContainEqual({ type: 'size', width: 353, height: 411 });
  });

  it('asks the host to close on Escape and on the close button', async () => {
    render(<PopoverApp previewEntityId={null} />);
    port.deliver(SHOW);
    await screen.findByRole('dialog');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Close card' }));
    expect(port.sent.filter((m) => m.type === 'close')).toEqual([
      { type: 'close', reason: 'escape' },
      { type: 'close', reason: 'button' },
    ]);
  });

  it('puts keyboard readers on the first control, and hands focus back on Shift+Tab', async () => {
    render(<PopoverApp previewEntityId={null} />);
    port.deliver({ ...SHOW, trigger: 'keyboard' });
    await screen.findByRole('dialog');
    await vi.waitFor(() => expect(document.activeElement?.tagName).toBe('BUTTON'));
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(port.sent).toContainEqual({ type: 'focus-return' });
  });
});
