/**
 * The analysis in a real browser: the analytiker opens the demo "efter" measurement's
 * analysis, sees the network map and the table of ties, switches dimension and role,
 * opens a tie's details, downloads the PDF and the XLSX, and axe-core finds nothing at
 * a wide and a phone viewport.
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { TestApp } from '../test/helpers/test-app.js';
import { login, useBrowserApp } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';

const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(!haveChromium)('the analysis in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  useBrowserApp({}, async (started) => {
    ({ app, browser } = started);
    page = await browser.newPage({ viewport: WIDE, acceptDownloads: true });
  });

  async function download(name: string): Promise<Buffer> {
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.getByRole('button', { name, exact: true }).click(),
    ]);
    const path = await file.path();
    return readFile(path);
  }

  test('the analytiker reads the map, a tie and downloads the report', async () => {
    await login(page, app, 'analytiker@demo.samspil.dk');
    await page.getByRole('link', { name: 'Målinger' }).click();
    await page.locator('a[href$="/analyse"]').filter({ hasText: '(efter)' }).click();
    await page.waitForURL(/\/maalinger\/[0-9a-f-]{36}\/analyse$/);

    const map = page.locator('.network-map');
    await map.locator('canvas').first().waitFor();
    await expect.poll(() => map.getAttribute('role')).toBe('img');
    expect(await map.getAttribute('aria-label')).toMatch(/Netværkskort med \d+ enheder/);

    const ties = page.getByRole('table', { name: /^Relationer i runden efter/ });
    await ties.waitFor();
    expect(await ties.locator('tbody tr').count()).toBeGreaterThan(2);
    await expect.poll(() => page.getByRole('heading', { name: 'Før og efter' }).count()).toBe(1);
    await checkA11y(page, 'the analysis page (wide)');

    await page.getByLabel('Dimension', { exact: true }).selectOption({ label: 'Respekt' });
    await expect.poll(() => ties.locator('thead th').nth(1).textContent()).toBe('Respekt');

    await page.getByLabel('Hvem svarede').selectOption('leder');
    await expect.poll(() => page.locator('p.loading').count(), { timeout: 10_000 }).toBe(0);
    await ties.waitFor();

    await ties
      .getByRole('button', { name: /^Vis detaljer/ })
      .first()
      .click();
    const details = page.locator('.tie-details');
    await details.waitFor();
    expect(await details.getByRole('heading', { level: 3 }).textContent()).toContain('→');
    expect(await details.textContent()).toContain('De seks dimensioner');
    expect(await details.textContent()).toContain('Den modsatte vej');

    await page.getByLabel('Hvem svarede').selectOption('');
    const pdf = await download('PDF-rapport (dansk)');
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    await expect.poll(() => page.locator('.export-status').textContent()).toMatch(/er hentet/);

    const xlsx = await download('Excel (XLSX)');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toContain('relationer');

    await page.setViewportSize(PHONE);
    await checkA11y(page, 'the analysis page (phone)');
  }, 60_000);
});
