/**
 * The options page's router: the address's hash (`#profiles`) chooses the one
 * section shown, as Chrome's settings pages do with their paths. Links into a
 * section are plain hash links, so Back and Forward walk the sections the reader
 * visited, and a bookmark or another page's link (`options.html#data`) lands on
 * its section. A hash that names no section shows the first one, Notes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

/** The sections in navigation order; each id is the hash route (`options.html#profiles`). */
export const OPTIONS_SECTIONS = ['notes', 'profiles', 'sources', 'settings', 'data'] as const;

/** One section's id. */
export type OptionsSectionId = (typeof OPTIONS_SECTIONS)[number];

/** The section shown when the address names none. */
export const DEFAULT_SECTION: OptionsSectionId = 'notes';

/** The section a hash names, or null for any other hash. */
export function sectionOfHash(hash: string): OptionsSectionId | null {
  const id = hash.replace(/^#/, '');
  return (OPTIONS_SECTIONS as readonly string[]).includes(id) ? (id as OptionsSectionId) : null;
}

/** The section to show for a hash: the one it names, else {@link DEFAULT_SECTION}. */
export function routeOfHash(hash: string): OptionsSectionId {
  return sectionOfHash(hash) ?? DEFAULT_SECTION;
}

/**
 * Where keyboard focus goes once a section is shown: its first heading, so a
 * screen reader announces where the reader arrived and Tab continues inside the
 * section (Chrome's settings do the same). Headings are not tabbable, so the
 * heading gets `tabindex="-1"`: focusable by script, still skipped by Tab. A
 * section still loading (no heading yet) takes focus itself.
 */
export function focusSectionStart(section: HTMLElement): void {
  const target = section.querySelector<HTMLElement>('h2') ?? section;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}

/** Follows the hash: the section to show, updated on every hashchange (links, Back, Forward). */
export function useRoute(): OptionsSectionId {
  const [route, setRoute] = useState<OptionsSectionId>(() =>
    routeOfHash(globalThis.location?.hash ?? ''),
  );
  useEffect(() => {
    const onHash = () => setRoute(routeOfHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

/**
 * After the reader moves to another section (not on the page's first load,
 * where focus stays at the top of the document): scrolls to the top and
 * moves focus to the section shown, the element whose `data-section` is the route.
 */
export function useFocusOnRouteChange(route: OptionsSectionId): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const section = document.querySelector<HTMLElement>(`[data-section="${route}"]`);
    if (!section) return;
    window.scrollTo(0, 0);
    focusSectionStart(section);
  }, [route]);
}
