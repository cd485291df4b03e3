/**
 * The analysts' allocation page in a real browser: the demo's allocation is shown with its
 * courses' arms and the case-level comparison, the analyst verifies it from its seed, and a
 * period without eligible courses is refused with a message. Checked with axe-core.
 */
import { describe, expect, test } from 'vitest';
import { DEMO_ALLOCATION_SEED } from '../src/demo/demo-allocation.js';
import { login, useBrowserPage } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';

describe.skipIf(!haveChromium)('the allocation page in the browser', () => {
  const shared = useBrowserPage({ demoCourses: true });

  test('the analyst sees, verifies and compares the demo allocation', async () => {
    const { app, page } = shared;
    await login(page, app, 'analytiker@demo.samspil.dk');
    await page.getByRole('link', { name: 'Lodtrækning' }).click();
    await page.waitForURL(/\/analyse\/lodtraekning$/);
    await page
      .getByRole('heading', { name: 'Intervention mod kontrol på forløbsniveau' })
      .waitFor();
    await expect.poll(() => page.locator('code').textContent()).toBe(String(DEMO_ALLOCATION_SEED));
    const courses = page.getByRole('table', { name: 'Forløbene og deres gruppe' });
    await expect.poll(() => courses.getByRole('row').count()).toBe(7);
    const all = page.getByRole('table', { name: 'Alle forløb i lodtrækningen' });
    const rk = all.getByRole('row', { name: /Relationel kapacitet/ });
    await expect.poll(() => rk.textContent()).toMatch(/95 % KI/);
    await checkA11y(page, 'allocation page with the comparison');

    await page.getByRole('button', { name: 'Efterprøv lodtrækningen' }).click();
    await page.getByText('Efterprøvet: frøet giver præcis de samme grupper (6 forløb).').waitFor();

    await page.getByLabel('Startet fra').fill('2000-01-01');
    await page.getByLabel('Startet til og med').fill('2000-12-31');
    await page.getByRole('button', { name: 'Træk lod' }).click();
    await page.getByText(/Perioden har 0 komplekse forløb/).waitFor();
    await checkA11y(page, 'allocation page with a refused period');
  });
});
