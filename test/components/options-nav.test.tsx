// @vitest-environment happy-dom
/**
 * The options page's router: the hash chooses the one section shown, the nav
 * marks it as the current page, Back and Forward (hashchange) follow, unknown
 * hashes show Notes, and focus lands on the heading of the section navigated to.
 */
import { act, cleanup, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import {
  focusSectionStart,
  OPTIONS_SECTIONS,
  routeOfHash,
  sectionOfHash,
} from '@/components/options/options-nav';
import type { DramatisDB } from '@/lib/store/db';
import { freshDb } from '../lib/store/fixtures';
import { answerAsBackground } from './seeded-background';

describe('options routes', () => {
  it('reads each section from its hash and nothing from other hashes', () => {
    expect(OPTIONS_SECTIONS).toEqual(['notes', 'profiles', 'sources', 'settings', 'data']);
    for (const section of OPTIONS_SECTIONS) expect(sectionOfHash(`#${section}`)).toBe(section);
    expect(sectionOfHash('')).toBeNull();
    expect(sectionOfHash('#profiles-heading')).toBeNull();
    expect(sectionOfHash('#constructor')).toBeNull();
  });

  it('shows Notes for no hash or a hash that names no section', () => {
    expect(routeOfHash('')).toBe('notes');
    expect(routeOfHash('#')).toBe('notes');
    expect(routeOfHash('#nowhere')).toBe('notes');
    expect(routeOfHash('#__proto__')).toBe('notes');
    expect(routeOfHash('#data')).toBe('data');
  });

  it('focuses a section by its heading, which Tab still skips', () => {
    const section = document.createElement('div');
    section.innerHTML = '<h2>Profiles</h2><button>Sort</button>';
    document.body.append(section);
    focusSectionStart(section);
    const heading = section.querySelector('h2')!;
    expect(document.activeElement).toBe(heading);
    expect(heading.getAttribute('tabindex')).toBe('-1');
    section.remove();
  });
});

describe('OptionsApp navigation', () => {
  let db: DramatisDB;

  beforeEach(() => {
    fakeBrowser.reset();
    db = freshDb();
    answerAsBackground(db);
    history.replaceState(null, '', '/options.html');
  });
  afterEach(cleanup);

  /** Moves to `hash` the way a link, Back or Forward does. */
  async function go(hash: string) {
    await act(() => {
      location.hash = hash;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
  }

  function shown(): string[] {
    return OPTIONS_SECTIONS.filter(
      (id) => !document.querySelector<HTMLElement>(`[data-section="${id}"]`)!.hidden,
    );
  }

  function current(): string | null {
    const link = screen
      .getByRole('navigation')
      .querySelector<HTMLAnchorElement>('a[aria-current="page"]');
    return link?.getAttribute('href') ?? null;
  }

  it('shows Notes alone at first, then the section each hash names', async () => {
    render(<OptionsApp db={db} />);
    expect(shown()).toEqual(['notes']);
    expect(current()).toBe('#notes');
    // Focus stays at the top of the document on the first load.
    expect(document.activeElement).toBe(document.body);

    await go('#settings');
    expect(shown()).toEqual(['settings']);
    expect(current()).toBe('#settings');
    expect(screen.getAllByRole('link', { current: 'page' })).toHaveLength(1);
    const heading = await screen.findByRole('heading', { level: 2, name: 'Settings' });
    expect(document.activeElement).toBe(heading);

    await go('#data');
    expect(shown()).toEqual(['data']);
    expect(document.activeElement?.textContent).toBe('Data');

    // Back to Settings.
    await go('#settings');
    expect(shown()).toEqual(['settings']);
    expect(current()).toBe('#settings');

    await go('#no-such-section');
    expect(shown()).toEqual(['notes']);
    expect(current()).toBe('#notes');
  });

  it('opens on the section a link into the page names', () => {
    history.replaceState(null, '', '/options.html#profiles');
    render(<OptionsApp db={db} />);
    expect(shown()).toEqual(['profiles']);
    expect(current()).toBe('#profiles');
  });

  it('links every section from the navigation, each focusable', () => {
    render(<OptionsApp db={db} />);
    const links = screen.getByRole('navigation').querySelectorAll('a');
    expect([...links].map((link) => link.getAttribute('href'))).toEqual(
      OPTIONS_SECTIONS.map((id) => `#${id}`),
    );
    for (const link of links) {
      link.focus();
      expect(document.activeElement).toBe(link);
      // No element bears the hash's id, so following a link never jumps the page.
      expect(document.getElementById(link.hash.slice(1))).toBeNull();
    }
  });
});
