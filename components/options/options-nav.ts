/**
 * The options page's sections, as the side navigation lists them, and which
 * one the reader is at: the address's hash when they followed a link, then
 * whichever section's top is nearest the top of the window as they scroll
 * (Chrome's settings pages keep their menu in step the same way).
 */
import { useEffect, useState } from 'preact/hooks';

/** The sections in page order; each id is the hash route (`options.html#profiles`). */
export const OPTIONS_SECTIONS = ['notes', 'profiles', 'sources', 'settings', 'data'] as const;

/** One section's id. */
export type OptionsSectionId = (typeof OPTIONS_SECTIONS)[number];

/** The section a hash names, or null for any other hash. */
export function sectionOfHash(hash: string): OptionsSectionId | null {
  const id = hash.replace(/^#/, '');
  return (OPTIONS_SECTIONS as readonly string[]).includes(id) ? (id as OptionsSectionId) : null;
}

/** The section the reader is at: follows the hash and the scroll position. */
export function useCurrentSection(): OptionsSectionId {
  const [current, setCurrent] = useState<OptionsSectionId>(
    () => sectionOfHash(globalThis.location?.hash ?? '') ?? OPTIONS_SECTIONS[0],
  );
  useEffect(() => {
    const onHash = () => {
      const section = sectionOfHash(location.hash);
      if (section) setCurrent(section);
    };
    window.addEventListener('hashchange', onHash);
    // A section counts as current while it crosses the top third of the window.
    const visible = new Set<string>();
    const observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver(
            (entries) => {
              for (const entry of entries) {
                if (entry.isIntersecting) visible.add(entry.target.id);
                else visible.delete(entry.target.id);
              }
              const first = OPTIONS_SECTIONS.find((id) => visible.has(id));
              if (first) setCurrent(first);
            },
            { rootMargin: '0px 0px -66% 0px' },
          )
        : null;
    for (const id of OPTIONS_SECTIONS) {
      const element = document.getElementById(id);
      if (element) observer?.observe(element);
    }
    return () => {
      window.removeEventListener('hashchange', onHash);
      observer?.disconnect();
    };
  }, []);
  return current;
}
