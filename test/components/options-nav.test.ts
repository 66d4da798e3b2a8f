/**
 * The options page's hash routes: each section of the side navigation is a
 * hash the page understands; any other hash is not a section.
 */
import { describe, expect, it } from 'vitest';
import { OPTIONS_SECTIONS, sectionOfHash } from '@/components/options/options-nav';

describe('options sections', () => {
  it('reads each section from its hash and nothing from other hashes', () => {
    expect(OPTIONS_SECTIONS).toEqual(['notes', 'profiles', 'sources', 'settings', 'data']);
    for (const section of OPTIONS_SECTIONS) expect(sectionOfHash(`#${section}`)).toBe(section);
    expect(sectionOfHash('')).toBeNull();
    expect(sectionOfHash('#profiles-heading')).toBeNull();
    expect(sectionOfHash('#constructor')).toBeNull();
  });
});
