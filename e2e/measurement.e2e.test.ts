/**
 * A measurement in a real browser: the analytiker creates and opens it, three people
 * answer by their mail links on a phone (one leaves halfway and comes back), the owner
 * follows the response rate and closes it, and a link then shows the closed page.
 * Every page is checked with axe-core (WCAG 2.1 A/AA).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDemoMunicipality } from '../src/demo/demo.service.js';
import { testDatabases } from '../test/helpers/databases.js';
import { startTestApp, type TestApp } from '../test/helpers/test-app.js';
import { checkA11y, haveChromium, launchBrowser } from './helpers/browser.js';

const WEB_INDEX = fileURLToPath(new URL('../dist/web/index.html', import.meta.url));
const PASSWORD = 'samspil-demo-2026';
const TITLE = 'Samarbejde om dobbeltdiagnose';
const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 900 };
const LINK = /\/s\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{43}/g;

describe.skipIf(!haveChromium)('a measurement in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let owner: Page;
  let links: string[] = [];

  beforeAll(async () => {
    if (!existsSync(WEB_INDEX)) {
      throw new Error(
        `The web front end is not built (${WEB_INDEX} is missing). Run "npm run build:web"; "npm test" builds it first.`,
      );
    }
    const database = testDatabases()[0];
    if (!database) throw new Error('no test database');
    app = await startTestApp(database, { listen: true });
    await createDemoMunicipality(app.handle.db);
    browser = await launchBrowser();
    owner = await browser.newPage({ viewport: WIDE });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const heading = (page: Page) => page.getByRole('heading', { level: 1 });

  /** Answer every statement shown in `scope`, cycling through `labels`. */
  async function answerAll(scope: Locator, labels: string[], limit = Infinity): Promise<void> {
    const questions = scope.locator('fieldset.question');
    const count = Math.min(await questions.count(), limit);
    for (let i = 0; i < count; i += 1) {
      await questions
        .nth(i)
        .getByLabel(labels[i % labels.length] ?? 'Enig', { exact: true })
        .check();
    }
  }

  async function waitSaved(page: Page): Promise<void> {
    await expect
      .poll(() => page.locator('.survey__saved').textContent(), { timeout: 10_000 })
      .toBe('Gemt');
  }

  async function submit(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Indsend svar' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, indsend' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Tak for dine svar');
  }

  async function respondent(
    viewport: typeof PHONE,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport });
    return { context, page: await context.newPage() };
  }

  test('the analytiker creates, fills and opens a measurement', async () => {
    await owner.goto(`${app.url}/login`);
    await owner.getByLabel('E-mail').fill('analytiker@demo.samspil.dk');
    await owner.getByLabel('Adgangskode').fill(PASSWORD);
    await owner.getByRole('button', { name: 'Log ind' }).click();
    await owner.waitForURL(`${app.url}/organisation`);

    await owner.getByRole('link', { name: 'Målinger' }).click();
    await expect.poll(() => heading(owner).textContent()).toBe('Målinger');
    await owner.locator('table, .empty-state').first().waitFor();
    await checkA11y(owner, 'the measurements list');

    await owner.getByRole('link', { name: 'Ny måling' }).click();
    await expect.poll(() => heading(owner).textContent()).toBe('Ny måling');
    await owner.getByLabel('Titel').fill(TITLE);
    await owner.getByLabel('Fokusproces').fill('borgere med dobbeltdiagnose');
    for (const unit of ['Jobcenter', 'Misbrugscenter', 'Bostøtte']) {
      await owner.getByLabel(unit, { exact: true }).check();
    }
    await owner.getByLabel('Arm for Misbrugscenter').selectOption('intervention');
    await owner.getByLabel('Lukker (dato)').fill('2099-12-31');
    await checkA11y(owner, 'the new measurement form');
    await owner.getByRole('button', { name: 'Opret måling' }).click();
    await expect.poll(() => heading(owner).textContent()).toBe(TITLE);
    await owner.getByText('Kladde', { exact: true }).waitFor();
    await checkA11y(owner, 'the measurement detail page (draft)');

    await owner.getByRole('button', { name: 'Invitér personer' }).click();
    const inviteDialog = owner.getByRole('dialog');
    await inviteDialog.getByLabel('Enhed').selectOption({ label: 'Misbrugscenter' });
    await inviteDialog.getByRole('button', { name: 'Invitér', exact: true }).click();
    await owner.getByText('14 inviteret (14 fundet).').waitFor();

    await owner.getByRole('button', { name: 'Åbn måling' }).click();
    await owner.getByRole('dialog').getByRole('button', { name: 'Åbn måling' }).click();
    await owner.getByText(/Målingen er åben\. 14 invitationer er sendt\./).waitFor();
    await owner.getByText('Åben', { exact: true }).waitFor();

    const mails = await app.handle.db
      .selectFrom('mail_message')
      .select('body_text')
      .where('kind', 'like', 'invitation%')
      .execute();
    links = [...new Set(mails.flatMap((m) => m.body_text.match(LINK) ?? []))];
    expect(links.length).toBe(14);
  });

  test('a respondent leaves halfway, comes back to the kept answers, and submits', async () => {
    const link = `${app.url}${links[0]}`;
    const first = await respondent(PHONE);
    let page = first.page;
    await page.goto(link);
    await expect.poll(() => heading(page).textContent()).toBe(TITLE);
    await page.getByText('Dine svar er fortrolige').waitFor();
    await checkA11y(page, 'the survey intro (phone)');

    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByLabel('Jobcenter').check();
    await page.getByLabel('Bostøtte').check();
    await waitSaved(page);
    await page.getByRole('button', { name: 'Næste' }).click();
    await page.getByRole('heading', { name: 'Enhed 1 af 2' }).waitFor();
    await answerAll(page.locator('main'), ['Ved ikke', 'Enig', 'Meget enig']);
    await expect.poll(() => page.getByRole('progressbar').getAttribute('value')).toBe('6');
    await checkA11y(page, 'the survey group step (phone)');
    await page.getByRole('button', { name: 'Næste' }).click();
    await page.getByRole('heading', { name: 'Enhed 2 af 2' }).waitFor();
    await answerAll(page.locator('main'), ['Uenig'], 3);
    await waitSaved(page);
    await page.close();
    await first.context.close();

    // Later, in a fresh browser: the same link continues where it left off.
    const again = await respondent(PHONE);
    page = again.page;
    await page.goto(link);
    await page.getByRole('heading', { name: 'Enhed 2 af 2' }).waitFor();
    await page.getByText(/Velkommen tilbage/).waitFor();
    await page.getByText('9 af 19 besvaret').waitFor();
    const kept = page.locator('fieldset.question');
    for (let i = 0; i < 3; i += 1) {
      expect(await kept.nth(i).getByLabel('Uenig', { exact: true }).isChecked()).toBe(true);
    }
    expect(await kept.nth(3).locator('input:checked').count()).toBe(0);
    await page.getByRole('button', { name: 'Tilbage' }).click();
    await page.getByRole('heading', { name: 'Enhed 1 af 2' }).waitFor();
    expect(await kept.nth(0).getByLabel('Ved ikke').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Næste' }).click();
    await answerAll(page.locator('main'), ['Enig']);
    await page.getByRole('button', { name: 'Næste' }).click();
    await page.getByRole('heading', { name: 'Ledelse' }).waitFor();
    await answerAll(page.locator('main'), ['Hverken enig eller uenig', 'Ved ikke']);
    await waitSaved(page);
    await page.getByRole('button', { name: 'Næste' }).click();
    await page.getByText('Du har svaret på alle spørgsmål.').waitFor();
    await submit(page);
    await checkA11y(page, 'the survey end page');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Thank you for your answers');
    await again.context.close();
  });

  test('two more respondents answer, one on a wide screen (matrix)', async () => {
    const wide = await respondent(WIDE);
    await wide.page.goto(`${app.url}${links[1]}`);
    await wide.page.getByRole('button', { name: 'Start' }).click();
    for (const unit of ['Jobcenter', 'Bostøtte', 'Misbrugscenter (din egen enhed)']) {
      await wide.page.getByLabel(unit).check();
    }
    await wide.page.getByRole('button', { name: 'Næste' }).click();
    await wide.page.getByRole('heading', { name: 'Dit samarbejde med enhederne' }).waitFor();
    expect(await wide.page.locator('fieldset.question').count()).toBe(18);
    await answerAll(wide.page.locator('main'), ['Meget enig', 'Ved ikke', 'Enig']);
    await checkA11y(wide.page, 'the survey matrix (wide)');
    await wide.page.getByRole('button', { name: 'Næste' }).click();
    await answerAll(wide.page.locator('main'), ['Enig']);
    await waitSaved(wide.page);
    await wide.page.getByRole('button', { name: 'Næste' }).click();
    await submit(wide.page);
    await wide.context.close();

    const phone = await respondent(PHONE);
    await phone.page.goto(`${app.url}${links[2]}`);
    await phone.page.getByRole('button', { name: 'Start' }).click();
    await phone.page.getByLabel('Jobcenter').check();
    await phone.page.getByRole('button', { name: 'Næste' }).click();
    await answerAll(phone.page.locator('main'), ['Helt uenig', 'Ved ikke']);
    await phone.page.getByRole('button', { name: 'Næste' }).click();
    await answerAll(phone.page.locator('main'), ['Enig']);
    await waitSaved(phone.page);
    await phone.page.getByRole('button', { name: 'Næste' }).click();
    await submit(phone.page);

    // The submitted link now says so.
    await phone.page.goto(`${app.url}${links[2]}`);
    await expect.poll(() => heading(phone.page).textContent()).toBe('Du har allerede svaret');
    await phone.context.close();

    const submitted = await app.handle.db
      .selectFrom('invitation')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'finished')
      .executeTakeFirstOrThrow();
    expect(Number(submitted.n)).toBe(3);
  });

  test('the owner follows the responses and closes; a link then shows the closed page', async () => {
    await owner.reload();
    await expect.poll(() => heading(owner).textContent()).toBe(TITLE);
    const table = owner.getByRole('table', { name: 'Svarprocent' });
    const row = table.getByRole('row', { name: /Misbrugscenter/ });
    await expect.poll(() => row.textContent()).toContain('færre end 5');
    await checkA11y(owner, 'the measurement detail page (open)');

    await owner.getByRole('button', { name: 'Luk måling' }).click();
    await owner.getByRole('dialog').getByRole('button', { name: 'Luk måling' }).click();
    await owner.getByText('Målingen er lukket.').waitFor();
    await owner.getByText('Lukket', { exact: true }).waitFor();

    const late = await respondent(PHONE);
    await late.page.goto(`${app.url}${links[3]}`);
    await expect.poll(() => heading(late.page).textContent()).toBe('Undersøgelsen er lukket');
    await checkA11y(late.page, 'the closed survey page');
    await late.page.goto(`${app.url}/s/${crypto.randomUUID()}/${'x'.repeat(43)}`);
    await expect.poll(() => heading(late.page).textContent()).toBe('Linket virker ikke');
    await late.context.close();

    await owner.getByRole('link', { name: 'Se udbakken' }).click();
    await expect.poll(() => heading(owner).textContent()).toBe('Udbakke');
    await owner.locator('.mail summary').first().click();
    await checkA11y(owner, 'the outbox');
  });
});
