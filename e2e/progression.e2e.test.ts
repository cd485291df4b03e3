/**
 * Progression side by side in a real browser: on the demo's family course the caseworker
 * sees the parent's and her own answers about the child with sub-scale scores, then rates
 * the same session the citizen rated and sees the two ratings side by side, and closes the
 * course, answering the closing's two questions in the close dialog. Every page is
 * checked with axe-core.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { TestApp } from '../test/helpers/test-app.js';
import { login, skipAfterFailure, useBrowserApp } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';

const WIDE = { width: 1280, height: 900 };

describe.skipIf(!haveChromium)('progression side by side in the browser', () => {
  let app: TestApp;
  let page: Page;
  let courseId: string;
  let session: string;

  useBrowserApp({ demoCourses: true }, async (started) => {
    app = started.app;
    page = await started.browser.newPage({ viewport: WIDE });
    // The demo's family course is the one with more than one instrument.
    const used = await app.handle.db
      .selectFrom('progression_course_instrument')
      .select('course_id')
      .executeTakeFirstOrThrow();
    courseId = used.course_id;
    const rated = await app.handle.db
      .selectFrom('progression_response')
      .select('occasion')
      .where('course_id', '=', courseId)
      .where('occasion', 'like', 'session-%')
      .executeTakeFirstOrThrow();
    session = rated.occasion;
  });

  skipAfterFailure();

  test('the caseworker sees the parent and herself side by side about the child', async () => {
    await login(page, app, 'sagsbehandler@demo.samspil.dk');
    await page.goto(`${app.url}/forloeb/${courseId}/progression`);
    const child = page.getByRole('table', { name: /Sådan har barnet det.*: Emil Bach/ });
    await child.waitFor();
    const heads = await child.locator('thead th').allTextContents();
    expect(heads).toEqual(['Spørgsmål', 'Borger, Start', 'Sagsbehandler, Start']);
    // Trivsel: the parent 1 + 2 + 1 = 4, the caseworker 1 + 1 + 0 = 2.
    const trivsel = child.getByRole('row', { name: /^Trivsel \(sum\)/ });
    expect(await trivsel.locator('td').allTextContents()).toEqual(['4', '2']);
    const glad = child.getByRole('row', { name: /Barnet virker glad/ });
    expect(await glad.locator('td').allTextContents()).toEqual([
      'Passer delvist',
      'Passer delvist',
    ]);
    await checkA11y(page, 'course: progression side by side');
  });

  test('the caseworker rates the session the citizen rated and sees both ratings', async () => {
    await page.getByText('Registrér en besvarelse').click();
    await page.getByLabel('Redskab at svare på').selectOption({ label: 'Sådan var samtalen' });
    await page.getByLabel('Samtalens dato (tom = i dag)').fill(session.slice('session-'.length));
    await page.getByLabel('Hvem svarer').selectOption({ label: 'Sagsbehandleren' });
    for (const text of [
      'Jeg følte mig hørt og forstået.',
      'Vi talte om det, der er vigtigt for mig.',
      'Måden, vi arbejdede på, passede til mig.',
      'Samlet set var samtalen god for mig.',
    ]) {
      await page.getByRole('group', { name: text }).getByRole('radio', { name: '7' }).check();
    }
    await checkA11y(page, 'course: recording a session rating');
    await page.getByRole('button', { name: 'Send svar' }).click();
    const table = page.getByRole('table', { name: 'Sådan var samtalen: Louise Bach' });
    const total = table.getByRole('row', { name: /^Samtalen i alt/ });
    // The citizen 8 + 7 + 8 + 8 = 31 beside the caseworker's 4 × 7 = 28.
    await expect.poll(() => total.locator('td').allTextContents()).toEqual(['31', '28']);
    await checkA11y(page, 'course: session ratings side by side');
  });

  test('closing the course asks how it ended and records it in the same step', async () => {
    await page.getByRole('button', { name: 'Afslut forløb' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Afslut forløbet?' });
    await dialog.getByText('Du kan lukke uden at udfylde dem.', { exact: false }).waitFor();
    await dialog
      .getByLabel('Hvordan har forløbet været for borgeren?')
      .selectOption({ label: '4 – Godt' });
    await dialog
      .getByLabel('Uddannelse eller beskæftigelse ved afslutning')
      .selectOption({ label: 'Uddannelse' });
    await checkA11y(page, 'course: the close dialog asks for the closing');
    await dialog.getByRole('button', { name: 'Afslut forløb' }).click();
    await page.getByText('Forløbet er afsluttet.').waitFor();
    await page.getByText('Status: Uddannelse. Borgerens oplevelse af forløbet: 4/5.').waitFor();
    const course = await app.handle.db
      .selectFrom('course')
      .select('status')
      .where('id', '=', courseId)
      .executeTakeFirstOrThrow();
    expect(course.status).toBe('closed');
  });
});
