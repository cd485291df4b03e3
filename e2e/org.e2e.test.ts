/**
 * The organisation in a real browser: log in, import a file with a bad row (nothing
 * changes, the error names its line), import the corrected file, and check the pages
 * with axe-core (WCAG 2.1 A/AA) and on a phone-sized screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { TestApp } from '../test/helpers/test-app.js';
import { DEMO_PASSWORD, login as loginAs, useBrowserApp } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';

/** Line 3 has an unknown unit kind. */
const BAD_FILE = [
  'område;enhed;type;navn;email;rolle',
  'Sundhed og Omsorg;Træningsenheden;udfører;Eva Holm;eva.holm@test.dk;leder',
  'Sundhed og Omsorg;Hjemmesygeplejen;hjemmepleje;Ole Berg;ole.berg@test.dk;medarbejder',
].join('\n');
const GOOD_FILE = BAD_FILE.replace(';hjemmepleje;', ';udfører;');

describe.skipIf(!haveChromium)('organisation in the browser', () => {
  let app: TestApp;
  let page: Page;

  useBrowserApp({}, async (started) => {
    app = started.app;
    page = await started.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  const heading = () => page.getByRole('heading', { level: 1 });

  const login = (email: string) => loginAs(page, app, email);

  async function chooseFile(content: string): Promise<void> {
    await page.getByLabel(/Vælg (en anden )?fil/).setInputFiles({
      name: 'organisation.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(content, 'utf8'),
    });
  }

  const unitsNamed = (names: string[]) =>
    app.handle.db.selectFrom('unit').select('name').where('name', 'in', names).execute();

  test('the login page is accessible and shows why a login fails', async () => {
    await page.goto(`${app.url}/organisation`);
    await page.waitForURL(`${app.url}/login`);
    await expect.poll(() => heading().textContent()).toBe('Log ind');
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    await checkA11y(page, 'the login page');

    await page.getByLabel('E-mail').fill('analytiker@demo.samspil.dk');
    await page.getByLabel('Adgangskode').fill('not-the-password');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Forkert e-mail eller adgangskode.');
  });

  test('a file with a bad row imports nothing; the corrected file imports', async () => {
    await login('analytiker@demo.samspil.dk');
    await expect.poll(() => page.getByRole('heading', { name: 'Jobcenter' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Importér fra fil' }).click();
    await expect.poll(() => heading().textContent()).toBe('Importér organisation');
    await chooseFile(BAD_FILE);

    const errors = page.getByRole('table', { name: 'Fejl i filen' });
    await errors.waitFor();
    const errorRows = errors.locator('tbody tr');
    expect(await errorRows.count()).toBe(1);
    expect(await errorRows.locator('td').first().textContent()).toBe('3');
    expect(await errorRows.locator('td').nth(1).textContent()).toContain(
      'Ukendt type "hjemmepleje"',
    );
    expect(await page.getByText('Filen har 1 fejl.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Importér', exact: true }).isDisabled()).toBe(
      true,
    );
    await checkA11y(page, 'the import page with an error report');

    // Nothing changed: not in the database, not on the organisation page.
    expect(await unitsNamed(['Træningsenheden', 'Hjemmesygeplejen'])).toEqual([]);
    await page.getByRole('link', { name: 'Tilbage til organisationen' }).click();
    await page.getByRole('searchbox', { name: 'Søg' }).fill('Træningsenheden');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'matcher' }).textContent())
      .toContain('Ingen enheder eller personer matcher');

    await page.getByRole('link', { name: 'Importér fra fil' }).click();
    await chooseFile(GOOD_FILE);
    await page.getByText('Filen er i orden.').waitFor();
    const units = page.getByRole('table', { name: 'Enheder i filen' });
    expect(await units.locator('tbody tr').count()).toBe(2);
    expect(await units.getByText('Ny', { exact: true }).count()).toBe(2);
    await page.getByRole('button', { name: 'Importér', exact: true }).click();

    await page.waitForURL(`${app.url}/organisation`);
    await page.getByText('Importen er gennemført.').waitFor();
    const area = page.getByRole('region', { name: 'Sundhed og Omsorg' });
    await expect
      .poll(() => area.getByRole('heading', { level: 3 }).allTextContents())
      .toEqual(['Hjemmesygeplejen', 'Træningsenheden']);
    expect((await unitsNamed(['Træningsenheden', 'Hjemmesygeplejen'])).length).toBe(2);

    await area.getByRole('button', { name: /1 person i Træningsenheden/ }).click();
    await area.getByText('eva.holm@test.dk').waitFor();
    await checkA11y(page, 'the organisation page after an import');
  });

  test('the organisation page fits a phone screen', async () => {
    try {
      for (const viewport of [
        { width: 390, height: 844 },
        { width: 360, height: 780 },
      ]) {
        await page.setViewportSize(viewport);
        await page.goto(`${app.url}/organisation`);
        await page.getByRole('heading', { name: 'Jobcenter' }).waitFor();
        await page.getByRole('button', { name: /personer i Jobcenter/ }).click();
        await page.getByRole('list', { name: 'Personer i Jobcenter' }).waitFor();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `horizontal scroll at ${viewport.width} px`).toBeLessThanOrEqual(0);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test('the users page is accessible to an administrator', async () => {
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL(`${app.url}/login`);
    await login('admin@demo.samspil.dk');
    await page.getByRole('link', { name: 'Brugere' }).click();
    await expect.poll(() => heading().textContent()).toBe('Brugere');
    await page.getByRole('cell', { name: 'analytiker@demo.samspil.dk' }).waitFor();
    await checkA11y(page, 'the users page');
  });

  test('a user changes their own password and logs in with the new one', async () => {
    const newPassword = 'et-nyt-langt-kodeord';
    await page.getByRole('link', { name: /Min konto/ }).click();
    await expect.poll(() => heading().textContent()).toBe('Min konto');
    await page.getByLabel('Nuværende adgangskode').fill('forkert-kodeord');
    await page.getByLabel(/^Ny adgangskode/).fill(newPassword);
    await page.getByLabel('Gentag ny adgangskode').fill(`${newPassword}!`);
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await page.getByText('De to nye adgangskoder er ikke ens.').waitFor();
    await page.getByLabel('Gentag ny adgangskode').fill(newPassword);
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await page.getByText('Den nuværende adgangskode er forkert.').waitFor();
    await checkA11y(page, 'the account page with an error');

    // A password that is easy to guess is refused with the reason beside the field.
    await page.getByLabel('Nuværende adgangskode').fill(DEMO_PASSWORD);
    await page.getByLabel(/^Ny adgangskode/).fill('sommerfugl2024');
    await page.getByLabel('Gentag ny adgangskode').fill('sommerfugl2024');
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await page.getByText('Adgangskoden er for let at gætte', { exact: false }).waitFor();

    await page.getByLabel(/^Ny adgangskode/).fill(newPassword);
    await page.getByLabel('Gentag ny adgangskode').fill(newPassword);
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await page.getByText('Din adgangskode er skiftet.', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL(`${app.url}/login`);
    // The login page returns to the page last shown (Min konto).
    await loginAs(page, app, 'admin@demo.samspil.dk', newPassword, /\/(organisation|konto)$/);
    await page.getByRole('link', { name: /Min konto/ }).waitFor();
  });
});
