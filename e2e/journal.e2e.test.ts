/**
 * The course journal in a real browser: the demo caseworker opens Mikkel's course, reads the
 * Journal tab with the demo's entries and obtained information, is told in Danish when the
 * entry is empty, writes an entry, registers a new piece of information, and is warned when
 * registering a medical certificate the course already has, before registering it anyway.
 * Every state is checked with axe-core.
 */
import { describe, expect, test } from 'vitest';
import { login, useBrowserPage } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';

describe.skipIf(!haveChromium)('course journal in the browser', () => {
  const shared = useBrowserPage({ demoCourses: true });

  test('the coordinator reads the journal and writes an entry', async () => {
    const { app, page } = shared;
    await login(page, app, 'sagsbehandler@demo.samspil.dk');
    await page.getByRole('link', { name: 'Mikkel Holm' }).click();
    await page.waitForURL(/\/forloeb\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Journal', exact: true }).click();
    await page.waitForURL(/\/forloeb\/[0-9a-f-]{36}\/journal$/);
    await page.getByRole('heading', { name: 'Forløbsjournal' }).waitFor();
    const entries = page.locator('.journal__entries > li');
    await expect.poll(() => entries.count()).toBe(3);
    // Newest first, with author and unit; the corrected one keeps its earlier text.
    expect(await entries.first().textContent()).toContain(
      'Sara Sagsbehandler, Socialafdelingen voksne',
    );
    expect(await entries.nth(1).textContent()).toContain('Frida Fagperson, Misbrugscenter');
    await entries.nth(1).getByText('Tidligere tekst').click();
    await entries.nth(1).getByText('møder stabilt op.', { exact: false }).first().waitFor();
    const register = page.getByRole('table', { name: 'Indhentede oplysninger' });
    await expect.poll(() => register.textContent()).toContain('Lægeerklæring');
    await checkA11y(page, 'journal tab');

    await page.getByRole('button', { name: 'Gem notat' }).click();
    await page.getByText('Skriv notatet.').waitFor();
    await checkA11y(page, 'journal form with an error');

    await page
      .getByLabel(/^Notat( \*)?$/)
      .fill('Mikkel har fået tilbudt en praktikplads hos en tømrer.');
    await page.getByRole('button', { name: 'Gem notat' }).click();
    await page.getByText('Notatet er gemt.').waitFor();
    await expect.poll(() => entries.count()).toBe(4);
    expect(await entries.first().textContent()).toContain('praktikplads hos en tømrer');
    await entries.first().getByRole('button', { name: /Ret/ }).waitFor();
  });

  test('the coordinator registers information and is warned about a duplicate', async () => {
    const { page } = shared;
    const register = page.getByRole('table', { name: 'Indhentede oplysninger' });
    await page.getByRole('button', { name: 'Registrér oplysning' }).click();
    let dialog = page.getByRole('dialog', { name: 'Registrér indhentet oplysning' });
    await dialog.getByLabel(/^Hvad( \*)?$/).fill('Skoleudtalelse');
    await dialog.getByLabel('Indhentet fra').selectOption({ label: 'Andet (skriv hvem)' });
    await dialog.getByLabel(/^Hvem( \*)?$/).fill('VUC Syd');
    await dialog.getByLabel('Hvor den ligger').fill('ESDH, sag 27.24.00-G01-7-26');
    await checkA11y(page, 'information form');
    await dialog.getByRole('button', { name: 'Registrér', exact: true }).click();
    await page.getByText('Oplysningen er registreret.').waitFor();
    await expect.poll(() => register.textContent()).toContain('VUC Syd');

    await page.getByRole('button', { name: 'Registrér oplysning' }).click();
    dialog = page.getByRole('dialog', { name: 'Registrér indhentet oplysning' });
    await dialog.getByLabel(/^Hvad( \*)?$/).fill('Lægeerklæring');
    await dialog.getByLabel('Indhentet fra').selectOption({ label: 'Lægehuset Torvet' });
    await dialog.getByLabel('Hvor den ligger').fill('Ny erklæring');
    await dialog.getByRole('button', { name: 'Registrér', exact: true }).click();
    await dialog.getByText('Den er allerede indhentet').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toContain('ESDH, sag 27.24.00-G01-40-26');
    await checkA11y(page, 'duplicate warning');
    await dialog.getByRole('button', { name: 'Registrér alligevel' }).click();
    await page.getByText('Oplysningen er registreret.').waitFor();
    await expect.poll(() => register.getByRole('row', { name: /Lægeerklæring/ }).count()).toBe(2);
  });
});
