// @vitest-environment happy-dom
/**
 * The card's host sends the reader's theme with every show, and shows an open
 * card again when the theme setting changes, so the card follows Settings.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HostToFrame } from '@/lib/messaging/popover-channel';
import { PopoverHost } from '@/lib/page/popover-host';

let sent: HostToFrame[];
let host: PopoverHost;

beforeEach(() => {
  sent = [];
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(
    () =>
      ({
        postMessage: (message: HostToFrame) => sent.push(message),
        disconnect: () => undefined,
        onMessage: { addListener: () => undefined },
        onDisconnect: { addListener: () => undefined },
      }) as unknown as ReturnType<typeof fakeBrowser.runtime.connect>,
  );
  document.body.innerHTML = '<p>Mu Sochua spoke.</p>';
  // The card's page is not under test: its frame loads an empty page.
  const { happyDOM } = window as unknown as { happyDOM: { settings: object } };
  Object.assign(happyDOM.settings, {
    disableIframePageLoading: false,
    enableIframePageLoading: true,
  });
  host = new PopoverHost(document, 'about:blank', {
    onClosedByFrame: () => undefined,
    onPointerInCard: () => undefined,
  });
});
afterEach(() => {
  host.destroy();
  vi.restoreAllMocks();
});

function mention(): { entityId: string; mentionText: string; range: Range } {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('p')!.firstChild!);
  return { entityId: 'person:mu-sochua', mentionText: 'Mu Sochua', range };
}

describe('the card host and the theme setting', () => {
  it('sends the theme with each show, and shows an open card again when it changes', () => {
    host.setTheme('dark');
    host.show(mention(), 'hover');
    expect(sent.at(-1)).toEqual({
      type: 'show',
      entityId: 'person:mu-sochua',
      mentionText: 'Mu Sochua',
      trigger: 'hover',
      theme: 'dark',
    });
    const before = sent.length;
    host.setTheme('dark');
    expect(sent).toHaveLength(before);
    host.setTheme('light');
    expect(sent.at(-1)).toMatchObject({ type: 'show', theme: 'light' });
  });

  it('tells a hidden card nothing until the next show', () => {
    host.show(mention(), 'hover');
    host.hide();
    const before = sent.length;
    host.setTheme('dark');
    expect(sent).toHaveLength(before);
    host.show({ annotationId: 'a1', justSaved: true, range: mention().range }, 'keyboard');
    expect(sent.at(-1)).toMatchObject({ type: 'showQuote', annotationId: 'a1', theme: 'dark' });
  });
});
