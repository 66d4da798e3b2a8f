/**
 * When the card opens and closes: resting on a name, passing over it, crossing
 * to the card, click mode.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent, type HoverIntentOptions } from '@/lib/page/hover-intent';

let options: HoverIntentOptions;
let events: string[];
let intent: HoverIntent<string>;

beforeEach(() => {
  vi.useFakeTimers();
  options = { delayMs: 300, closeDelayMs: 300, clickMode: false };
  events = [];
  intent = new HoverIntent(() => options, {
    preload: () => events.push('preload'),
    open: (mention, trigger) => events.push(`open ${mention} ${trigger}`),
    close: () => events.push('close'),
  });
});
afterEach(() => vi.useRealTimers());

describe('hover mode', () => {
  it('opens after the pointer rests for the delay, preloading at once', () => {
    intent.pointerOver('Sochua');
    expect(events).toEqual(['preload']);
    vi.advanceTimersByTime(299);
    expect(events).toEqual(['preload']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['preload', 'open Sochua hover']);
  });

  it('does not open for a pointer passing over a name', () => {
    intent.pointerOver('Sochua');
    vi.advanceTimersByTime(100);
    intent.pointerOver(null);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['preload']);
  });

  it('follows the delay setting live', () => {
    options.delayMs = 0;
    intent.pointerOver('Sochua');
    vi.advanceTimersByTime(0);
    expect(events).toContain('open Sochua hover');
  });

  it('stays open while the pointer crosses into the card, closes after leaving both', () => {
    intent.pointerOver('Sochua');
    vi.advanceTimersByTime(300);
    intent.pointerOver(null);
    vi.advanceTimersByTime(200);
    intent.pointerInCard(true);
    vi.advanceTimersByTime(1000);
    expect(events).not.toContain('close');
    intent.pointerInCard(false);
    vi.advanceTimersByTime(299);
    expect(events).not.toContain('close');
    vi.advanceTimersByTime(1);
    expect(events.at(-1)).toBe('close');
    expect(intent.current).toBeNull();
  });

  it('moving back onto the name cancels the close', () => {
    intent.pointerOver('Sochua');
    vi.advanceTimersByTime(300);
    intent.pointerOver(null);
    vi.advanceTimersByTime(100);
    intent.pointerOver('Sochua');
    vi.advanceTimersByTime(1000);
    expect(events.filter((event) => event === 'close')).toEqual([]);
  });

  it('a click on a name opens it at once; a click elsewhere closes', () => {
    intent.click('Hun Sen');
    expect(events).toEqual(['preload', 'open Hun Sen click']);
    intent.click(null);
    expect(events.at(-1)).toBe('close');
  });
});

describe('click mode', () => {
  beforeEach(() => (options.clickMode = true));

  it('ignores hovering and opens on click, closing on a click outside', () => {
    intent.pointerOver('Sochua');
    vi.advanceTimersByTime(2000);
    expect(events).toEqual([]);
    intent.click('Sochua');
    expect(events).toEqual(['preload', 'open Sochua click']);
    intent.pointerOver(null);
    vi.advanceTimersByTime(2000);
    expect(events).not.toContain('close');
    intent.click(null);
    expect(events.at(-1)).toBe('close');
  });
});

it('a card opened by keyboard is not closed by pointer movement alone', () => {
  intent.openedElsewhere('Sochua');
  intent.pointerOver(null);
  vi.advanceTimersByTime(2000);
  expect(events).toEqual([]);
  expect(intent.current).toBe('Sochua');
});
