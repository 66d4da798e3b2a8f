/**
 * The options page shows one section at a time (components/options/options-nav.ts):
 * tests open the section they need, or move to it the way a reader does.
 */
import type { Page } from 'playwright-core';
import type { OptionsSectionId } from '@/components/options/options-nav';

/** The options page's address opened on `section`. */
export function optionsUrl(section: OptionsSectionId): string {
  return `options.html#${section}`;
}

/** Moves an open options page to `section` with its side navigation, and waits until it shows. */
export async function showSection(page: Page, section: OptionsSectionId): Promise<void> {
  const nav = page.getByRole('navigation');
  await nav.locator(`a[href="#${section}"]`).click();
  await nav.locator(`a[href="#${section}"][aria-current="page"]`).waitFor();
  await page.locator(`[data-section="${section}"]:not([hidden])`).waitFor({ state: 'attached' });
}
