/**
 * A measurement in a real browser: the analytiker creates and opens it, three people
 * answer by their mail links on a phone (one leaves halfway and comes back), the owner
 * follows the response rate and closes it, and a link then shows the closed page.
 * Every page is checked with axe-core (WCAG 2.1 A/AA).
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { TestApp } from '../test/helpers/test-app.js';
import { devMail, login, useBrowserApp } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';
const TITLE = 'Samarbejde om dobbeltdiagnose';
const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 900 };
const LINK = /\/s\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{43}/g;

describe.skipIf(!haveChromium)('a measurement in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let owner: Page;
  let links: string[] = [];

  useBrowserApp({}, async (started) => {
    ({ app, browser } = started);
    owner = await browser.newPage({ viewport: WIDE });
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
    await login(owner, app, 'analytiker@demo.samspil.dk');

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

    // The draft's item wording can be edited, and is kept.
    const wording = owner.getByRole('group', { name: 'videndeling' }).getByLabel('Dansk');
    const newWording = 'Vi deler viden om {xx} med hinanden.';
    await wording.fill(newWording);
    await owner.getByRole('button', { name: 'Gem spørgsmål' }).click();
    await owner.getByText('Spørgsmålene er gemt.').waitFor();
    await owner.reload();
    await expect.poll(() => wording.inputValue()).toBe(newWording);

    // The draft's settings open prefilled; saving them unchanged sends nothing.
    await owner.getByRole('button', { name: 'Redigér kladde' }).click();
    const settings = owner.getByRole('region', { name: 'Redigér kladde' });
    expect(await settings.getByLabel('Titel').inputValue()).toBe(TITLE);
    expect(await settings.getByLabel('Misbrugscenter', { exact: true }).isChecked()).toBe(true);
    await checkA11y(owner, 'the draft settings form');
    await settings.getByRole('button', { name: 'Gem' }).click();
    await owner.getByText('Der var ingen ændringer at gemme.').waitFor();

    await owner.getByRole('button', { name: 'Invitér personer' }).click();
    const inviteDialog = owner.getByRole('dialog');
    await inviteDialog.getByLabel('Enhed').selectOption({ label: 'Misbrugscenter' });
    await inviteDialog.getByRole('button', { name: 'Invitér', exact: true }).click();
    // Misbrugscenter: 14 staff and the demo's network professional (fagperson@).
    await owner.getByText('15 inviteret (15 fundet).').waitFor();

    await owner.getByRole('button', { name: 'Åbn måling' }).click();
    await owner.getByRole('dialog').getByRole('button', { name: 'Åbn måling' }).click();
    await owner.getByText(/Målingen er åben\. 15 invitationer er sendt\./).waitFor();
    await owner.getByText('Åben', { exact: true }).waitFor();
    await owner.getByText('Spørgsmålene er låst, fordi målingen er åbnet.').waitFor();
    expect(await owner.getByRole('textbox', { name: 'Dansk' }).count()).toBe(0);

    const mails = await devMail(app, 'invitation');
    links = [...new Set(mails.flatMap((m) => m.text.match(LINK) ?? []))];
    expect(links.length).toBe(15);
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
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    // The step comes as HTML with the page, the survey's data beside it, before any script.
    const sent = await (await fetch(link)).text();
    expect(sent).toContain('Enhed 2 af 2');
    expect(sent).toContain('<script type="application/json" id="survey-data">');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Enhed 2 af 2' }).waitFor();
    await page.getByText(/Velkommen tilbage/).waitFor();
    await page.getByText('9 af 19 besvaret').waitFor();
    // Taken over by React without redrawing it (a mismatch would be reported as an error).
    await page.locator('.survey:not([inert])').waitFor();
    expect(errors).toEqual([]);
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
      // Only this measurement: the demo's own waves have finished invitations too.
      .where('measurement_id', 'in', (eb) =>
        eb.selectFrom('measurement').select('id').where('title', '=', TITLE),
      )
      .executeTakeFirstOrThrow();
    expect(Number(submitted.n)).toBe(3);
  });

  test('the owner follows the responses and closes; a link then shows the closed page', async () => {
    await owner.reload();
    await expect.poll(() => heading(owner).textContent()).toBe(TITLE);
    const table = owner.getByRole('table', { name: 'Svarprocent' });
    const row = table.getByRole('row', { name: /Misbrugscenter/ });
    // While open, finished counts are shown in steps of the minimum group (5).
    await expect.poll(() => row.textContent()).toContain('under 5');
    await checkA11y(owner, 'the measurement detail page (open)');

    await owner.getByRole('button', { name: 'Luk måling' }).click();
    await owner.getByRole('dialog').getByRole('button', { name: 'Luk måling' }).click();
    await owner.getByText('Målingen er lukket.', { exact: true }).waitFor();
    await owner.getByText('Lukket', { exact: true }).waitFor();

    const late = await respondent(PHONE);
    await late.page.goto(`${app.url}${links[3]}`);
    await expect.poll(() => heading(late.page).textContent()).toBe('Undersøgelsen er lukket');
    await checkA11y(late.page, 'the closed survey page');
    await late.page.goto(`${app.url}/s/${crypto.randomUUID()}/${'x'.repeat(43)}`);
    await expect.poll(() => heading(late.page).textContent()).toBe('Linket virker ikke');
    await late.context.close();

    // Answers from elsewhere: a file with a bad value imports nothing; the corrected one does.
    const answersFile = (value: string) => ({
      name: 'svar.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'respondent;unit;role;target;item;value;wave;arm;case',
          'x1;Jobcenter;medarbejder;Bostøtte;videndeling;4;1;;',
          `x1;Jobcenter;medarbejder;Bostøtte;respekt;${value};1;;`,
        ].join('\n'),
        'utf8',
      ),
    });
    const importPanel = owner.getByRole('region', { name: 'Importér svar' });
    await importPanel.getByLabel('Vælg fil …').setInputFiles(answersFile('6'));
    const errors = importPanel.getByRole('table', { name: 'Fejl i filen' });
    await errors.waitFor();
    expect(await errors.locator('tbody tr').count()).toBe(1);
    expect(await errors.locator('tbody td').first().textContent()).toBe('3');
    const importButton = importPanel.getByRole('button', { name: 'Importér', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await checkA11y(owner, 'the answer import with an error');
    await importPanel.getByLabel('Vælg en anden fil …').setInputFiles(answersFile('ved ikke'));
    await importPanel.getByText('2 svar fra 1 personer kan importeres.').waitFor();
    await importButton.click();
    await owner.getByText('2 svar fra 1 personer er importeret.').waitFor();

    await owner.getByRole('link', { name: 'Se udbakken' }).click();
    await expect.poll(() => heading(owner).textContent()).toBe('Udbakke');
    await owner.locator('.mail summary').first().click();
    await checkA11y(owner, 'the outbox');
  });
});
