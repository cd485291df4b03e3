/**
 * Paired coordination in a real browser: the demo caseworker opens a course's network tab,
 * adds a colleague as makker (co-coordinator), reads whom the network mail reached and
 * whom it did not, sees the makker in the course header, and removes them again after
 * confirming. Every step is checked with axe-core.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { TestApp } from '../test/helpers/test-app.js';
import { devMail, login, skipAfterFailure, useBrowserApp } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';

const WIDE = { width: 1280, height: 900 };
const CASEWORKER = 'sagsbehandler@demo.samspil.dk';

describe.skipIf(!haveChromium)('paired coordination in the browser', () => {
  let app: TestApp;
  let page: Page;
  let makker: { name: string; email: string };

  useBrowserApp({ demoCourses: true }, async (started) => {
    app = started.app;
    page = await started.browser.newPage({ viewport: WIDE });
    makker = await app.handle.db
      .selectFrom('person')
      .innerJoin('unit', 'unit.id', 'person.unit_id')
      .where('unit.name', '=', 'Jobcenter')
      .select(['person.name', 'person.email'])
      .orderBy('person.name')
      .executeTakeFirstOrThrow();
  });

  skipAfterFailure();

  test('the caseworker adds a makker and sees who in the network was told', async () => {
    await login(page, app, CASEWORKER);
    await page.getByRole('link', { name: 'Borgerforløb', exact: true }).click();
    await page.getByRole('link', { name: 'Mikkel Holm' }).click();
    await page.waitForURL(/\/forloeb\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Netværk' }).click();
    await page.waitForURL(/\/netvaerk$/);
    const coordinators = page.getByRole('table', { name: 'Koordinatorer' });
    await expect(
      coordinators.getByRole('row', { name: /Sara Sagsbehandler/ }).textContent(),
    ).resolves.toContain('Tovholder');
    await checkA11y(page, 'network tab with coordinators');

    await page.getByRole('button', { name: 'Tilføj medkoordinator' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Person/).selectOption({ label: makker.name });
    await dialog.getByLabel(/^Rolle/).selectOption('makker');
    await checkA11y(page, 'add co-coordinator dialog');
    await dialog.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const notice = page.getByText(`${makker.name} er tilføjet som medkoordinator.`);
    await notice.waitFor();
    await page.getByText(`Har fået besked pr. mail: ${makker.name}.`).waitFor();
    // Units without an e-mail of their own and actors with only a phone were not told.
    const notTold = await page.getByText(/^Har ikke fået besked pr\. mail/).textContent();
    expect(notTold).toContain('Jobcenter');
    expect(notTold).toContain('Lægehuset Torvet');
    await coordinators.getByRole('row', { name: new RegExp(makker.name) }).waitFor();
    expect(
      await coordinators.getByRole('row', { name: new RegExp(makker.name) }).textContent(),
    ).toContain('Makker');
    // The course header names the makker beside the lead.
    await page.locator('.coordinator-card').getByText(makker.name).waitFor();
    await checkA11y(page, 'network tab after adding a makker');

    const mails = await devMail(app, 'coordinator-changed', makker.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('medkoordinator');
    expect(mails[0]!.text).not.toContain('Mikkel Holm');
  });

  test('the caseworker removes the makker after confirming', async () => {
    await page.getByRole('button', { name: `Fjern ${makker.name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('mister adgangen til forløbet').waitFor();
    await checkA11y(page, 'remove co-coordinator dialog');
    await dialog.getByRole('button', { name: 'Fjern', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`${makker.name} er ikke længere medkoordinator.`).waitFor();
    await expect(
      page
        .getByRole('table', { name: 'Koordinatorer' })
        .getByRole('row', { name: new RegExp(makker.name) })
        .count(),
    ).resolves.toBe(0);
  });
});
