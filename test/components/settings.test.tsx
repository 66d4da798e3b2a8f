// @vitest-environment happy-dom
/**
 * The options page's Settings section and the popup's switches, through the
 * real settings handlers: what the reader changes is what the store keeps.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/components/popup/PopupApp';
import { hoverDelayProblem, SettingsSection } from '@/components/options/SettingsSection';
import { activeSiteOf, sitePatch } from '@/components/popup/SiteToggle';
import type { DramatisDB } from '@/lib/store/db';
import { readSettings, writeSettings } from '@/lib/store/settings';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { PAGE_SENDER, startSeededBackground } from './seeded-background';

let db: DramatisDB;
beforeEach(async () => {
  db = await startSeededBackground(PAGE_SENDER);
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await db.delete();
});

describe('the Settings section', () => {
  it('saves a new hover delay typed in the number field', async () => {
    render(<SettingsSection />);
    const field = await screen.findByLabelText('Hover delay before a card opens');
    expect((field as HTMLInputElement).value).toBe(String(DEFAULT_SETTINGS.hoverDelayMs));
    fireEvent.change(field, { target: { value: '800' } });
    await waitFor(async () => expect((await readSettings(db)).hoverDelayMs).toBe(800));
  });

  it('refuses a delay out of range, saying the range, and saves nothing', async () => {
    render(<SettingsSection />);
    const field = await screen.findByLabelText('Hover delay before a card opens');
    fireEvent.change(field, { target: { value: '2500' } });
    expect(screen.getByText('Enter a whole number of milliseconds from 0 to 2000.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect((await readSettings(db)).hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
  });

  it('switches kinds, click mode and marking, and removes a disabled site', async () => {
    await writeSettings(db, { disabledSites: ['example.com', 'news.example.org'] });
    render(<SettingsSection />);
    fireEvent.click(await screen.findByLabelText('Places'));
    await waitFor(async () => expect((await readSettings(db)).kinds.place).toBe(false));
    fireEvent.click(screen.getByLabelText('only when I click a name'));
    await waitFor(async () => expect((await readSettings(db)).clickMode).toBe(true));
    // In click mode there is no hover delay to set.
    expect(screen.queryByLabelText('Hover delay before a card opens')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Mark names on example.com again' }));
    await waitFor(async () =>
      expect((await readSettings(db)).disabledSites).toEqual(['news.example.org']),
    );
    fireEvent.click(screen.getByLabelText('Mark names on pages'));
    await waitFor(async () => expect((await readSettings(db)).enabled).toBe(false));
  });

  it('checks typed delays', () => {
    expect(hoverDelayProblem('0')).toBeNull();
    expect(hoverDelayProblem('2000')).toBeNull();
    for (const bad of ['', ' ', '-1', '2001', '12.5', 'abc'])
      expect(hoverDelayProblem(bad)).not.toBeNull();
  });
});

/** Makes `tabs.query` answer one active tab at `url`, as the popup asks. */
function activeTabUrl(url: string): void {
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((() =>
    Promise.resolve([{ url }])) as never);
}

describe('the popup', () => {
  it('turns the active tab’s site off and on again', async () => {
    activeTabUrl('https://www.phnompenhpost.com/national/x');
    render(<PopupApp />);
    const site = await screen.findByRole('switch', { name: 'Mark names on www.phnompenhpost.com' });
    expect((site as HTMLInputElement).checked).toBe(true);
    fireEvent.click(site);
    await waitFor(async () =>
      expect((await readSettings(db)).disabledSites).toEqual(['www.phnompenhpost.com']),
    );
    expect((site as HTMLInputElement).checked).toBe(false);
    fireEvent.click(site);
    await waitFor(async () => expect((await readSettings(db)).disabledSites).toEqual([]));
  });

  it('offers no site switch on browser pages, and says why', async () => {
    activeTabUrl('chrome://extensions/');
    render(<PopupApp />);
    await screen.findByText('Dramatis does not mark names on browser and extension pages.');
    expect(screen.getAllByRole('switch')).toHaveLength(1);
  });
});

describe('site switch rules', () => {
  it('reads the host of web pages only', () => {
    expect(activeSiteOf('https://News.Example.com/a?b#c')).toEqual({ host: 'news.example.com' });
    expect(activeSiteOf('about:blank')).toHaveProperty('problem');
    expect(activeSiteOf(undefined)).toHaveProperty('problem');
  });

  it('turning a site on removes a parent domain that covered it', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['example.com', 'other.org'] };
    expect(sitePatch(settings, 'news.example.com', true)).toEqual({ disabledSites: ['other.org'] });
    expect(sitePatch(settings, 'a.net', false)).toEqual({
      disabledSites: ['example.com', 'other.org', 'a.net'],
    });
  });
});
