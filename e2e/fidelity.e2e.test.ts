/**
 * The Én plan fidelity checklist in a real browser: the demo caseworker finds the due
 * checklist above her courses, fills it in (partly with the keyboard), sees the draft
 * kept across a reload, is told what is missing, and submits; the analyst then reads the
 * implementation index with n beside every figure. Every page is checked with axe-core.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { FIDELITY_QUESTIONS } from '../contract/fidelity.js';
import { loggedInPage, login, useBrowserPage } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';

const question = (page: Page, i: number) =>
  page.getByRole('group', { name: FIDELITY_QUESTIONS[i]!.text.da });

describe.skipIf(!haveChromium)('the fidelity checklist in the browser', () => {
  const shared = useBrowserPage({ demoCourses: true });

  test('the coordinator finds the due checklist, fills it in and submits it', async () => {
    const { app, page } = shared;
    await login(page, app, 'sagsbehandler@demo.samspil.dk');
    const due = page.getByRole('region', { name: 'Tjeklister til udfyldning' });
    await due.waitFor();
    await checkA11y(page, 'course list with a due checklist');
    await due.getByRole('link', { name: /^Ahmed Yilmaz: Efter 6 måneder/ }).click();
    await page.waitForURL(/\/forloeb\/[0-9a-f-]{36}\/tjekliste$/);
    await page.locator('#fidelity-title').waitFor();
    await page.getByText('Tjeklisten for Efter 6 måneder skal udfyldes nu.').waitFor();
    await checkA11y(page, 'checklist tab');

    // Two answers with the mouse, saved as a draft that survives a reload.
    await question(page, 0).getByRole('radio', { name: 'Ja' }).check();
    await question(page, 1).getByRole('radio', { name: 'Delvist' }).check();
    await page.getByText('Kladden er gemt.').waitFor();
    await page.reload();
    await expect
      .poll(() => question(page, 1).getByRole('radio', { name: 'Delvist' }).isChecked())
      .toBe(true);

    // The next ones with the keyboard: Space chooses, the arrow keys move within a question.
    await question(page, 2).getByRole('radio', { name: 'Ja' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    expect(await question(page, 2).getByRole('radio', { name: 'Delvist' }).isChecked()).toBe(true);
    for (const i of [3, 4, 5, 6, 7]) {
      await question(page, i)
        .getByRole('radio', { name: i === 5 ? 'Ved ikke' : 'Ja' })
        .check();
    }
    await page.getByRole('button', { name: 'Indsend tjeklisten' }).click();
    await page.getByText('Mangler svar på 1 af 9 spørgsmål.', { exact: false }).waitFor();
    await checkA11y(page, 'checklist with a missing answer');

    await question(page, 8).getByRole('radio', { name: 'Nej' }).check();
    await page.getByRole('button', { name: 'Indsend tjeklisten' }).click();
    await page.getByText('Tjeklisten er indsendt.').waitFor();
    const row = page.getByRole('row', { name: /Efter 6 måneder/ });
    await expect.poll(() => row.textContent()).toContain('Indsendt');
    // 1 + .5 + .5 + 1 + 1 + 1 + 1 + 0 over 8 scored items ("Ved ikke" left out) = 75 %.
    expect(await row.textContent()).toContain('75 %');
    await expect.poll(() => page.getByText('skal udfyldes nu').count()).toBe(0);
  });

  test('the analyst reads the implementation index with n beside each figure', async () => {
    const analyst = await loggedInPage(shared, 'analytiker@demo.samspil.dk');
    await analyst.getByRole('link', { name: 'Implementeringsindeks', exact: true }).click();
    await analyst.waitForURL(/\/analyse\/implementering$/);
    await analyst.getByRole('heading', { name: 'Implementering af Én plan' }).waitFor();
    const municipality = analyst.getByRole('table', { name: 'Kommunen' });
    // The demo's six checklists and the one just submitted.
    await expect
      .poll(() => municipality.getByRole('row', { name: /^Alle/ }).textContent())
      .toContain('(n = 7)');
    const units = analyst.getByRole('table', { name: 'Enheder' });
    expect(await units.textContent()).toContain('Socialafdelingen voksne');
    expect(await units.textContent()).toContain('Jobcenter');
    expect(await analyst.locator('main').textContent()).not.toContain('Ahmed');
    await analyst.getByRole('link', { name: 'Hent som CSV' }).waitFor();
    await checkA11y(analyst, 'implementation index');
    await analyst.close();
  });
});
