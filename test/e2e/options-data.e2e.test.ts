/**
 * The options page in Chromium with the built extension: a note edited in
 * place and a deleted quote brought back with Undo survive a reload; the
 * JSON-LD export imported into a fresh browser profile exports identically;
 * a broken file shows what is wrong and changes nothing.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './support/extension';
import { showSection } from './support/options-page';
import { saveScreenshot } from './support/screenshots';
import { seedQuotes, waitForStore } from './support/seed';

const PAGE = { url: 'https://www.phnompenhpost.com/national/cnrp-alleges', title: 'CNRP alleges' };

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtension();
  await waitForStore(ext);
  await seedQuotes(ext, [
    {
      ...PAGE,
      exact: 'Mu Sochua, who fled the country',
      tags: ['exile'],
      entityIds: ['person:mu-sochua'],
    },
    { ...PAGE, exact: 'now it’s only a psychological threat', note: 'Meas Nee on intimidation' },
    { ...PAGE, exact: 'only about 40 CNRP officials of more than 5,800 nationwide had defected' },
  ]);
});
afterAll(async () => {
  await ext?.close();
});

const rows = (page: Page) =>
  page.getByRole('list', { name: 'Saved quotes and notes' }).getByRole('listitem');

/** Goes to Data, clicks the JSON-LD export and answers the downloaded file's text. */
async function exportJsonLd(page: Page): Promise<string> {
  await showSection(page, 'data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Web Annotation (JSON-LD)' }).click();
  return readFile(await (await download).path(), 'utf8');
}

describe('the options page', () => {
  it('edits a note in place and undoes a delete', async () => {
    const page = await ext.openPage('options.html');
    await expect.poll(() => rows(page).count()).toBe(3);
    const row = rows(page).filter({ hasText: 'Mu Sochua, who fled' });
    await row.getByRole('textbox', { name: 'Note' }).fill('She fled before the arrest warrant');
    await row.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    await rows(page).filter({ hasText: '5,800' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => rows(page).count()).toBe(2);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rows(page).count()).toBe(3);
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'options-notes');

    await page.reload();
    await expect.poll(() => rows(page).count()).toBe(3);
    expect(
      await rows(page)
        .filter({ hasText: 'Mu Sochua, who fled' })
        .getByRole('textbox', { name: 'Note' })
        .inputValue(),
    ).toBe('She fled before the arrest warrant');
    await page.close();
  });

  it('exports JSON-LD that a fresh browser profile imports into identical data', async () => {
    const page = await ext.openPage('options.html');
    await expect.poll(() => rows(page).count()).toBe(3);
    const exported = await exportJsonLd(page);
    await page.close();
    expect(JSON.parse(exported)).toMatchObject({ type: 'AnnotationCollection', total: 3 });

    const fresh = await launchExtension();
    try {
      await waitForStore(fresh);
      const other = await fresh.openPage('options.html#data');
      await other.getByLabel('Choose a file to import').setInputFiles({
        name: 'dramatis.jsonld',
        mimeType: 'application/ld+json',
        buffer: Buffer.from(exported),
      });
      const preview = other.getByRole('region', { name: 'Import preview' });
      expect(await preview.innerText()).toContain('3 new, 0 duplicates skipped, 0 refused');
      await preview.getByRole('button', { name: 'Import 3' }).click();
      await showSection(other, 'notes');
      await expect.poll(() => rows(other).count()).toBe(3);
      expect(JSON.parse(await exportJsonLd(other))).toEqual(JSON.parse(exported));
      await other.close();
    } finally {
      await fresh.close();
    }
  });

  it('shows what is wrong with a broken file and changes nothing', async () => {
    const page = await ext.openPage('options.html');
    await expect.poll(() => rows(page).count()).toBe(3);
    const before = await exportJsonLd(page);
    // exportJsonLd left the page on Data, where the import is.
    await page.getByLabel('Choose a file to import').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"type": "AnnotationCollection", "first": {"items": [ {"id": '),
    });
    expect(await page.getByRole('alert').innerText()).toContain(
      'broken.json: This file is not valid JSON',
    );
    expect(await page.getByRole('region', { name: 'Import preview' }).count()).toBe(0);
    expect(await exportJsonLd(page)).toBe(before);
    await page.close();
  });
});
