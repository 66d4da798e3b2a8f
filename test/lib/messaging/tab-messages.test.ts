/**
 * Background → content script messages: the settings broadcast skips tabs
 * without our content script, the shortcut goes to the active tab, and the
 * content script accepts only well-formed messages.
 */
import { describe, expect, it, vi } from 'vitest';
import { isContentRequest } from '@/lib/messaging/content-messages';
import { contentRequest } from '@/lib/messaging/protocol';
import { broadcastToTabs, sendNextMention, type TabsApi } from '@/lib/messaging/tab-messages';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';

function tabs(
  ids: (number | undefined)[],
  failing: number[] = [],
): TabsApi & { sent: unknown[][] } {
  const sent: unknown[][] = [];
  return {
    sent,
    query: vi.fn(async () =>
      ids.map((id) => ({ id }) as Awaited<ReturnType<TabsApi['query']>>[number]),
    ),
    sendMessage: vi.fn(async (tabId: number, message: unknown) => {
      if (failing.includes(tabId))
        throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push([tabId, message]);
    }),
  };
}

describe('background → content script', () => {
  it('broadcasts settings to every tab that listens, skipping the rest', async () => {
    const api = tabs([1, 2, undefined, 3], [2]);
    expect(await broadcastToTabs(api, 'settingsChanged', { settings: DEFAULT_SETTINGS })).toBe(2);
    expect(api.sent.map(([id]) => id)).toEqual([1, 3]);
    expect(isContentRequest(api.sent[0]![1])).toBe(true);
  });

  it('sends the shortcut to the active tab of the focused window', async () => {
    const api = tabs([7]);
    expect(await sendNextMention(api)).toBe(true);
    expect(api.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(api.sent).toEqual([[7, contentRequest('nextMention', {})]]);
  });

  it('accepts only well-formed content messages', () => {
    expect(isContentRequest(contentRequest('nextMention', {}))).toBe(true);
    expect(
      isContentRequest(contentRequest('settingsChanged', { settings: DEFAULT_SETTINGS })),
    ).toBe(true);
    expect(
      isContentRequest({
        dramatis: 1,
        type: 'settingsChanged',
        params: { settings: { enabled: false } },
      }),
    ).toBe(false);
    expect(
      isContentRequest({
        dramatis: 1,
        type: 'settingsChanged',
        params: { settings: { ...DEFAULT_SETTINGS, hoverDelayMs: -5 } },
      }),
    ).toBe(false);
    expect(isContentRequest({ dramatis: 2, type: 'nextMention', params: {} })).toBe(false);
    expect(isContentRequest({ type: 'nextMention' })).toBe(false);
  });
});
