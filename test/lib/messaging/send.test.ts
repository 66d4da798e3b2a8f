/**
 * A send that fails because Dramatis is being updated or reloaded under a page
 * is not reported: the page's script learns a moment after the failure that it
 * was cut off, and a live page would otherwise log an error on every change.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CUT_OFF_GRACE_MS, reportUnlessCutOff, sendMessage } from '@/lib/messaging/send';

const EXTENSION_ID = fakeBrowser.runtime.id;

/** The extension going away under the page, as the browser shows it to the page's script. */
function cutOff(): void {
  Object.assign(fakeBrowser.runtime, { id: undefined });
}

let logged: unknown[][];
beforeEach(() => {
  vi.useFakeTimers();
  logged = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
  // Nothing listens in the background: every send fails as with a stopped background.
  fakeBrowser.reset();
});
afterEach(() => {
  Object.assign(fakeBrowser.runtime, { id: EXTENSION_ID });
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a failed send', () => {
  it('is reported once the grace period shows the extension is still there', async () => {
    const result = await sendMessage('getSettings', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(logged).toEqual([]);
    vi.advanceTimersByTime(CUT_OFF_GRACE_MS);
    expect(logged).toHaveLength(1);
    expect(String(logged[0]![0])).toBe('Dramatis: sending getSettings failed:');
  });

  it('is not reported when the extension turns out to have gone away meanwhile', async () => {
    const result = await sendMessage('matchPageText', { text: 'Mu Sochua', confirmed: [] });
    expect(result.ok).toBe(false);
    cutOff();
    vi.advanceTimersByTime(CUT_OFF_GRACE_MS);
    expect(logged).toEqual([]);
  });

  it('is not even tried once the extension is gone, and says to reload the page', async () => {
    cutOff();
    const result = await sendMessage('getSettings', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    if (!result.ok) expect(result.error.message).toMatch(/Dramatis was updated/);
    vi.advanceTimersByTime(CUT_OFF_GRACE_MS);
    expect(logged).toEqual([]);
  });
});

describe('reportUnlessCutOff', () => {
  it('logs what it was given only after the grace period, and only if still there', () => {
    let there = true;
    reportUnlessCutOff(() => there, 'Dramatis: scanning the page failed:', 'boom');
    reportUnlessCutOff(() => false, 'never shown');
    vi.advanceTimersByTime(CUT_OFF_GRACE_MS - 1);
    expect(logged).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(logged).toEqual([['Dramatis: scanning the page failed:', 'boom']]);
    there = false;
    reportUnlessCutOff(() => there, 'also never shown');
    vi.advanceTimersByTime(CUT_OFF_GRACE_MS);
    expect(logged).toHaveLength(1);
  });
});

describe('the first save', () => {
  it('runs the page’s callback once, on the first message that saves something', async () => {
    const { whenFirstSave } = await import('@/lib/messaging/send');
    let asked = 0;
    whenFirstSave(() => asked++);
    await sendMessage('getSettings', {});
    await sendMessage('listTags', {});
    expect(asked).toBe(0);
    await sendMessage('addEntityNote', { entityId: 'person:x', text: 'A note' });
    await sendMessage('saveQuote', {
      url: 'https://news.example/a',
      title: 'A',
      quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
      position: null,
    });
    expect(asked).toBe(1);
  });
});
