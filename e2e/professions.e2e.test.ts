/**
 * Groups by profession across units, in a real browser: the analytiker gives people
 * professions (by import and in the person dialog), creates a measurement whose groups
 * are professions, invites everyone with those professions and opens it; a respondent
 * answers on a phone and sees the professions as the groups, their own marked. Every
 * page is checked with axe-core (WCAG 2.1 A/AA).
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { TestApp } from '../test/helpers/test-app.js';
import { devMail, login, useBrowserApp } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';

const TITLE = 'Samarbejde på tværs af fag';
const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 900 };
const LINK = /\/s\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{43}/;

/**
 * Three social workers and three nurses in two new units; the professions in mixed
 * case, as people type them. Bo Berg has no profession yet: the dialog gives him one.
 */
const ORG_FILE = [
  'område;enhed;type;navn;email;rolle;fag',
  'Social;Socialcenter Nord;myndighed;Ane Andersen;ane@fag.dk;medarbejder;Socialrådgiver',
  'Social;Socialcenter Nord;myndighed;Carl Carlsen;carl@fag.dk;medarbejder;socialrådgiver',
  'Social;Sundhedshuset;udfører;Dorte Dahl;dorte@fag.dk;medarbejder; Socialrådgiver ',
  'Social;Sundhedshuset;udfører;Eva Eriksen;eva@fag.dk;medarbejder;Sygeplejerske',
  'Social;Sundhedshuset;udfører;Finn Friis;finn@fag.dk;leder;sygeplejerske',
  'Social;Socialcenter Nord;myndighed;Bo Berg;bo@fag.dk;medarbejder;',
].join('\n');

describe.skipIf(!haveChromium)('groups by profession in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let owner: Page;

  useBrowserApp({}, async (started) => {
    ({ app, browser } = started);
    owner = await browser.newPage({ viewport: WIDE });
  });

  const heading = (page: Page) => page.getByRole('heading', { level: 1 });

  async function answerAll(scope: Locator, label: string): Promise<void> {
    const questions = scope.locator('fieldset.question');
    const count = await questions.count();
    for (let i = 0; i < count; i += 1) {
      await questions.nth(i).getByLabel(label, { exact: true }).check();
    }
  }

  test('the analytiker gives people professions by import and in the person dialog', async () => {
    await login(owner, app, 'analytiker@demo.samspil.dk');
    await owner.goto(`${app.url}/organisation`);
    await owner.getByRole('link', { name: 'Importér fra fil' }).click();
    await expect.poll(() => heading(owner).textContent()).toBe('Importér organisation');
    await owner.getByLabel(/Vælg (en anden )?fil/).setInputFiles({
      name: 'organisation.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(ORG_FILE, 'utf8'),
    });
    await owner.getByText('Filen er i orden.').waitFor();
    const people = owner.getByRole('table', { name: 'Personer i filen' });
    await people.getByRole('columnheader', { name: 'Fag' }).waitFor();
    const dorte = people.getByRole('row', { name: /Dorte Dahl/ });
    // Stored normalised (trimmed, lower case) and shown with a capital.
    await expect.poll(() => dorte.getByRole('cell').nth(4).textContent()).toBe('Socialrådgiver');
    await checkA11y(owner, 'the import preview with professions');
    await owner.getByRole('button', { name: 'Importér', exact: true }).click();
    await owner.waitForURL(`${app.url}/organisation`);
    await owner.getByText('Importen er gennemført.').waitFor();

    const area = owner.getByRole('region', { name: 'Social', exact: true });
    await area.getByRole('button', { name: /personer i Socialcenter Nord/ }).click();
    const north = area.getByRole('list', { name: 'Personer i Socialcenter Nord' });
    await north.getByRole('listitem').filter({ hasText: 'Ane Andersen' }).waitFor();
    await expect
      .poll(() => north.getByRole('listitem').filter({ hasText: 'Ane Andersen' }).textContent())
      .toContain('Socialrådgiver');

    await north.getByRole('button', { name: 'Redigér Bo Berg' }).click();
    const dialog = owner.getByRole('dialog');
    const profession = dialog.getByLabel('Fag', { exact: true });
    expect(await profession.inputValue()).toBe('');
    // The professions already in use are offered as suggestions.
    const suggestions = await dialog
      .locator('datalist option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(suggestions).toEqual(['Socialrådgiver', 'Sygeplejerske']);
    await profession.fill('Sygeplejerske');
    await checkA11y(owner, 'the person dialog with a profession');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await owner.getByText('Ændringerne for Bo Berg er gemt.').waitFor();
    await expect
      .poll(() => north.getByRole('listitem').filter({ hasText: 'Bo Berg' }).textContent())
      .toContain('Sygeplejerske');
    const bo = await app.handle.db
      .selectFrom('person')
      .select('profession')
      .where('email', '=', 'bo@fag.dk')
      .executeTakeFirstOrThrow();
    expect(bo.profession).toBe('sygeplejerske');
    await checkA11y(owner, 'the organisation page with professions');
  });

  test('the analytiker creates a measurement of professions, invites and opens it', async () => {
    await owner.getByRole('link', { name: 'Målinger' }).click();
    await owner.getByRole('link', { name: 'Ny måling' }).click();
    await expect.poll(() => heading(owner).textContent()).toBe('Ny måling');
    await owner.getByLabel('Titel').fill(TITLE);
    await owner.getByLabel('Fokusproces').fill('borgere med dobbeltdiagnose');
    await owner.getByRole('radio', { name: /^Faggrupper/ }).check();
    const professions = owner.getByRole('group', { name: 'Faggrupper' });
    // Too few professions: the form says so and sends nothing.
    await owner.getByRole('button', { name: 'Opret måling' }).click();
    await professions.getByText('Vælg mindst to faggrupper.').waitFor();
    await professions.getByLabel('Socialrådgiver', { exact: true }).check();
    await professions.getByLabel('Sygeplejerske', { exact: true }).check();
    await professions.getByText('3 personer').first().waitFor();
    await professions.getByLabel('Arm for Sygeplejerske').selectOption('intervention');
    // The units are not asked about when the groups are professions.
    expect(await owner.getByLabel('Jobcenter', { exact: true }).count()).toBe(0);
    await owner.getByLabel('Lukker (dato)').fill('2099-12-31');
    await checkA11y(owner, 'the new measurement form (professions)');
    await owner.getByRole('button', { name: 'Opret måling' }).click();
    await expect.poll(() => heading(owner).textContent()).toBe(TITLE);
    const facts = owner.getByRole('region', { name: 'Overblik' });
    await facts.getByText('Socialrådgiver, Sygeplejerske (intervention)').waitFor();

    // The draft's settings open with the professions chosen.
    await owner.getByRole('button', { name: 'Redigér kladde' }).click();
    const settings = owner.getByRole('region', { name: 'Redigér kladde' });
    expect(await settings.getByRole('radio', { name: /^Faggrupper/ }).isChecked()).toBe(true);
    expect(await settings.getByLabel('Sygeplejerske', { exact: true }).isChecked()).toBe(true);
    await checkA11y(owner, 'the draft settings form (professions)');
    await settings.getByRole('button', { name: 'Annullér' }).click();

    await owner.getByRole('button', { name: 'Invitér personer' }).click();
    const invite = owner.getByRole('dialog');
    await invite.getByText(/kun personer med et af målingens fag inviteres/).waitFor();
    await invite.getByLabel('Enhed').selectOption({ label: 'Alle med et af målingens fag' });
    await invite.getByRole('button', { name: 'Invitér', exact: true }).click();
    await owner.getByText('6 inviteret (6 fundet).').waitFor();

    await owner.getByRole('button', { name: 'Åbn måling' }).click();
    await owner.getByRole('dialog').getByRole('button', { name: 'Åbn måling' }).click();
    await owner.getByText(/Målingen er åben\. 6 invitationer er sendt\./).waitFor();
    const rates = owner.getByRole('table', { name: 'Svarprocent' });
    await rates.getByRole('columnheader', { name: 'Faggruppe' }).waitFor();
    await expect
      .poll(() => rates.locator('tbody th').allTextContents())
      .toEqual(['Socialrådgiver', 'Sygeplejerske']);
    await checkA11y(owner, 'the measurement detail page (professions, open)');
  });

  test('a respondent on a phone sees the professions as the groups', async () => {
    const [mail] = await devMail(app, 'invitation', 'bo@fag.dk');
    const link = mail?.text.match(LINK)?.[0];
    expect(link).toBeDefined();

    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${app.url}${link}`);
    await expect.poll(() => heading(page).textContent()).toBe(TITLE);
    await page.getByText(/Du vælger først de faggrupper/).waitFor();
    await checkA11y(page, 'the survey intro (professions, phone)');
    await page.getByRole('button', { name: 'Start' }).click();

    const groups = page.getByRole('group', { name: 'Vælg de faggrupper, du arbejder sammen med' });
    await groups.waitFor();
    await expect
      .poll(() => groups.locator('.choice__label').allTextContents())
      .toEqual(['Socialrådgiver', 'Sygeplejerske (din egen faggruppe)']);
    await checkA11y(page, 'the survey group choice (professions, phone)');
    await groups.getByLabel('Socialrådgiver').check();
    await groups.getByLabel('Sygeplejerske (din egen faggruppe)').check();
    await page.getByRole('button', { name: 'Næste' }).click();

    await page.getByRole('heading', { name: 'Faggruppe 1 af 2' }).waitFor();
    await page.getByRole('heading', { name: 'Socialrådgiver', level: 3 }).waitFor();
    // The default wording speaks of professions.
    await page
      .getByText(/kolleger i disse faggrupper/)
      .first()
      .waitFor();
    await answerAll(page.locator('main'), 'Enig');
    await checkA11y(page, 'the survey items (professions, phone)');
    await page.getByRole('button', { name: 'Næste' }).click();
    await page.getByRole('heading', { name: 'Faggruppe 2 af 2' }).waitFor();
    await answerAll(page.locator('main'), 'Meget enig');
    await page.getByRole('button', { name: 'Næste' }).click();
    await page.getByRole('heading', { name: 'Ledelse' }).waitFor();
    await answerAll(page.locator('main'), 'Ved ikke');
    await expect
      .poll(() => page.locator('.survey__saved').textContent(), { timeout: 10_000 })
      .toBe('Gemt');
    await page.getByRole('button', { name: 'Næste' }).click();
    await page.getByText('Du har svaret på alle spørgsmål.').waitFor();
    await page.getByRole('button', { name: 'Indsend svar' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, indsend' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Tak for dine svar');
    await page.getByText(/samarbejdet mellem faggrupperne/).waitFor();
    await context.close();

    // The answers are stored with the professions as targets and the respondent's group.
    const stored = await app.handle.db
      .selectFrom('answer')
      .innerJoin('respondent', 'respondent.id', 'answer.respondent_id')
      .innerJoin('measurement', 'measurement.id', 'respondent.measurement_id')
      .select(['answer.target', 'respondent.profession', 'respondent.arm'])
      .distinct()
      .where('measurement.title', '=', TITLE)
      .where('answer.target', '<>', '')
      .orderBy('answer.target')
      .execute();
    expect(stored).toEqual([
      { target: 'socialrådgiver', profession: 'sygeplejerske', arm: 'intervention' },
      { target: 'sygeplejerske', profession: 'sygeplejerske', arm: 'intervention' },
    ]);
  });
});
