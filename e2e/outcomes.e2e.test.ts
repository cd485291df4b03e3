/**
 * Outcomes in a real browser: the demo caseworker opens Mikkel's course, finds the Udfald
 * tab with the demo's decision, is told in Danish when a date is wrong, records a complaint,
 * and deletes it after confirming; the analyst reads the outcome report with the export.
 * Every page is checked with axe-core.
 */
import { describe, expect, test } from 'vitest';
import { danishToday } from '../src/courses/course-access.js';
import { addMonths } from '../src/progression/occasions.js';
import { loggedInPage, login, useBrowserPage } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';

describe.skipIf(!haveChromium)('outcomes in the browser', () => {
  const shared = useBrowserPage({ demoCourses: true });

  test('the coordinator records an outcome on a course and deletes it after confirming', async () => {
    const { app, page } = shared;
    await login(page, app, 'sagsbehandler@demo.samspil.dk');
    await page.getByRole('link', { name: 'Mikkel Holm' }).click();
    await page.waitForURL(/\/forloeb\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Udfald', exact: true }).click();
    await page.waitForURL(/\/forloeb\/[0-9a-f-]{36}\/udfald$/);
    await page.locator('#outcomes-title').waitFor();
    const table = page.getByRole('table', { name: 'Udfald' });
    await expect.poll(() => table.textContent()).toContain('18 dage');
    await checkA11y(page, 'outcomes tab');

    await page.getByRole('button', { name: 'Registrér udfald' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrér udfald' });
    await dialog.getByLabel('Type').selectOption({ label: 'Klage over afgørelse' });
    await dialog.getByLabel('Dato for klagen').fill(addMonths(danishToday(), 1));
    await dialog.getByRole('button', { name: 'Gem udfald' }).click();
    await dialog.getByText('Datoen ligger i fremtiden.', { exact: false }).waitFor();
    await checkA11y(page, 'outcome form with an error');

    await dialog.getByLabel('Dato for klagen').fill(danishToday());
    await dialog.getByLabel('Resultat').selectOption({ label: 'Delvist medhold' });
    await dialog.getByLabel('Hvad afgørelsen handlede om (valgfrit)').fill('Afslag på bostøtte');
    await dialog.getByRole('button', { name: 'Gem udfald' }).click();
    await page.getByText('Udfaldet er gemt.').waitFor();
    const row = table.getByRole('row', { name: /Klage over afgørelse/ });
    await expect.poll(() => row.textContent()).toContain('Delvist medhold');
    expect(await row.textContent()).toContain('Afslag på bostøtte');

    await row.getByRole('button', { name: /Slet/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Slet udfaldet?' });
    await checkA11y(page, 'delete confirmation');
    await confirm.getByRole('button', { name: 'Slet' }).click();
    await page.getByText('Udfaldet er slettet.').waitFor();
    await expect
      .poll(() => table.getByRole('row', { name: /Klage over afgørelse/ }).count())
      .toBe(0);
  });

  test('the analyst reads the outcome report and finds the export', async () => {
    const analyst = await loggedInPage(shared, 'analytiker@demo.samspil.dk');
    await analyst.getByRole('link', { name: 'Udfald', exact: true }).click();
    await analyst.waitForURL(/\/analyse\/udfald$/);
    await analyst.getByRole('heading', { name: 'Udfald pr. enhed, arm og halvår' }).waitFor();
    const report = analyst.getByRole('table', { name: 'Udfald pr. enhed, arm og halvår' });
    await expect.poll(() => report.textContent()).toContain('Hele kommunen');
    // The demo's few courses per unit are under the minimum group.
    expect(await report.textContent()).toContain('skjult');
    expect(await report.textContent()).toContain('ikke fordelt');
    expect(await analyst.locator('main').textContent()).not.toContain('Mikkel');
    await analyst.getByRole('link', { name: 'Hent CSV' }).waitFor();
    await checkA11y(analyst, 'outcome report');
    await analyst.close();
  });
});
