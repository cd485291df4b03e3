/**
 * Three journeys of issue #16 in a real browser, each checked with axe and without console
 * errors: an administrator links a new leader's login to the person leading a unit (and the
 * leader, told what to do until then, sees the unit's pages); an analysis owner invites only
 * the measurement's groups and withdraws a group's invitations (or learns why not); a
 * caseworker makes the coordinator and the citizen responsible in a plan and is told who
 * was not mailed.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { TestApp } from '../test/helpers/test-app.js';
import { login, useBrowserApp } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';
import { createPerson, signedIn } from '../test/helpers/demo-and-other.js';

describe.skipIf(!haveChromium)('links, invitations and plan responsibility in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  const consoleErrors: string[] = [];

  useBrowserApp({ demoCourses: true }, async (started) => {
    ({ app, browser } = started);
  });

  /** A page of its own (its own cookies) whose console errors are collected. */
  async function newPage(width = 1366, height = 900): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    page.on('console', (message) => {
      // checkA11y first tries an inline <script> for axe, which the app's CSP rightly refuses.
      const axeInjection = message.text().startsWith('Executing inline script violates');
      if (message.type() === 'error' && !axeInjection) {
        consoleErrors.push(`${page.url()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    return page;
  }
  const heading = (page: Page) => page.getByRole('heading', { level: 1 });

  test('an administrator links a new leader to the person leading a unit; until then the leader is told what to do', async () => {
    const admin = await newPage();
    const owner = await signedIn(app.app, 'admin@demo.samspil.dk');
    const unit = (await owner.get('/api/org'))
      .json<{ units: { id: string; name: string }[] }>()
      .units.find((u) => u.name === 'Bostøtte')!;
    // Imported with another e-mail than the login will have, so nothing links by itself.
    await createPerson(owner, 'leder', {
      name: 'Kim Kontakt',
      email: 'kim.kontakt@kommune.example',
      unitId: unit.id,
    });

    await login(admin, app, 'admin@demo.samspil.dk');
    await admin.goto(`${app.url}/brugere`);
    await admin.getByRole('button', { name: 'Ny bruger' }).click();
    const create = admin.getByRole('dialog');
    await create.getByLabel('Navn').fill('Kim Kontakt');
    await create.getByLabel('E-mail').fill('kim@demo.samspil.dk');
    await create.getByLabel('Rolle').selectOption('leder');
    await create.getByLabel('Startadgangskode').fill('Grøn kaffe på trappen 7');
    await checkA11y(admin, 'the new user dialog with the person choice');
    await create.getByRole('button', { name: 'Opret bruger' }).click();
    await admin.getByText('Brugeren Kim Kontakt er oprettet.').waitFor();

    const leader = await newPage(390, 844);
    await login(leader, app, 'kim@demo.samspil.dk', 'Grøn kaffe på trappen 7');
    for (const [path, title] of [
      ['/overblik', 'Overblik'],
      ['/maalinger', 'Målinger'],
      ['/indsatser', 'Ledelsesinterventioner'],
    ] as const) {
      await leader.goto(`${app.url}${path}`);
      await leader.getByText('Din bruger er ikke knyttet til en enhed').waitFor();
      expect(await heading(leader).textContent()).toContain(title);
      await leader.getByText('Bed kommunens administrator om at knytte din bruger').waitFor();
      await checkA11y(leader, `${path} for a leader without a unit`);
    }

    // The administrator links the login in "Skift rolle eller person".
    await admin.getByRole('button', { name: 'Skift rolle eller person Kim Kontakt' }).click();
    const edit = admin.getByRole('dialog');
    await edit
      .getByLabel('Person i organisationen')
      .selectOption({ label: 'Kim Kontakt – leder af Bostøtte' });
    await checkA11y(admin, 'the role and person dialog');
    await edit.getByRole('button', { name: 'Gem' }).click();
    await admin.getByText('Kim Kontakt er nu knyttet til Kim Kontakt.').waitFor();
    await admin.getByRole('cell', { name: 'Kim Kontakt', exact: true }).waitFor();

    await leader.goto(`${app.url}/overblik`);
    await leader
      .getByText(/Bostøtte/)
      .first()
      .waitFor();
    expect(await leader.getByText('Din bruger er ikke knyttet til en enhed').count()).toBe(0);
    await checkA11y(leader, 'the linked leader’s overview');
    await leader.goto(`${app.url}/indsatser`);
    await leader
      .getByRole('button', { name: /Planlæg en ledelsesintervention|Ny ledelsesintervention/ })
      .first()
      .waitFor();
    expect(await leader.getByText('Din bruger er ikke knyttet til en enhed').count()).toBe(0);

    // The person dialog shows the login and removes the link.
    await admin.goto(`${app.url}/organisation`);
    await admin.getByLabel('Søg').fill('Kim Kontakt');
    const editPerson = admin.getByRole('button', { name: 'Redigér Kim Kontakt' });
    if (!(await editPerson.isVisible())) {
      await admin.locator('button[aria-expanded="false"]', { hasText: 'Bostøtte' }).click();
    }
    await editPerson.click();
    const personDialog = admin.getByRole('dialog');
    const loginField = personDialog.getByLabel('Bruger (login)');
    await expect.poll(() => loginField.inputValue()).not.toBe('');
    await checkA11y(admin, 'the person dialog with its login');
    await loginField.selectOption({ label: 'Ingen bruger' });
    await personDialog.getByRole('button', { name: 'Gem' }).click();
    await personDialog.waitFor({ state: 'detached' });
    await leader.goto(`${app.url}/overblik`);
    await leader.getByText('Din bruger er ikke knyttet til en enhed').waitFor();
    expect(consoleErrors).toEqual([]);
  });

  test("an analysis owner invites only the measurement's groups and withdraws a group's invitations", async () => {
    const owner = await signedIn(app.app, 'analytiker@demo.samspil.dk');
    const org = (await owner.get('/api/org')).json<{ units: { id: string; name: string }[] }>();
    const unit = (name: string) => org.units.find((u) => u.name === name)!.id;
    const created = await owner.post('/api/measurements', {
      title: 'Invitationer i browseren',
      focalProcess: 'borgere med flere problemer',
      groups: ['Jobcenter', 'Misbrugscenter'].map((name) => ({ unitId: unit(name) })),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;

    const page = await newPage();
    await login(page, app, 'analytiker@demo.samspil.dk');
    await page.goto(`${app.url}/maalinger/${id}`);
    await page.getByRole('button', { name: 'Invitér personer' }).click();
    const invite = page.getByRole('dialog');
    await invite.getByText('Kun målingens grupper kan inviteres.').waitFor();
    const options = await invite.getByLabel('Enhed').locator('option').allTextContents();
    expect(options).toEqual(['Vælg enhed', 'Jobcenter', 'Misbrugscenter']);
    await checkA11y(page, 'the invite dialog');
    await invite.getByLabel('Enhed').selectOption({ label: 'Misbrugscenter' });
    await invite.getByRole('button', { name: 'Invitér', exact: true }).click();
    await page.getByText(/inviteret \(\d+ fundet\)/).waitFor();

    await page.getByRole('button', { name: 'Træk tilbage Misbrugscenter' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText(/så længe ingen i gruppen har svaret/).waitFor();
    await checkA11y(page, 'the withdraw dialog');
    await confirm.getByRole('button', { name: 'Træk tilbage' }).click();
    await page.getByText(/invitationer til Misbrugscenter er trukket tilbage/).waitFor();

    // Open with a small group: withdrawing it is refused with the reason, in the dialog.
    await owner.post(`/api/measurements/${id}/invitations`, { unitIds: [unit('Jobcenter')] });
    await owner.post(`/api/measurements/${id}/invitations`, {
      unitIds: [unit('Misbrugscenter')],
      roles: ['leder'],
    });
    expect((await owner.post(`/api/measurements/${id}/open`)).statusCode).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: 'Træk tilbage Misbrugscenter' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Træk tilbage' }).click();
    await page
      .getByRole('dialog')
      .getByText(/færre end 5 inviterede/)
      .waitFor();
    await checkA11y(page, 'the refused withdrawal');
    // A refusal is an answer the page expected, shown in the dialog; nothing else failed.
    expect(consoleErrors.filter((e) => !e.includes('409'))).toEqual([]);
    consoleErrors.length = 0;
  });

  test('a caseworker makes the coordinator and the citizen responsible, and is told who was not mailed', async () => {
    const course = await app.handle.db
      .selectFrom('course')
      .innerJoin('citizen', 'citizen.course_id', 'course.id')
      .select('course.id')
      .where('citizen.name', '=', 'Mikkel Holm')
      .executeTakeFirstOrThrow();
    const page = await newPage();
    await login(page, app, 'sagsbehandler@demo.samspil.dk');
    await page.goto(`${app.url}/forloeb/${course.id}/plan`);
    const first = page.getByRole('group', { name: 'Indsats 1 under delmål 1' });
    const second = page.getByRole('group', { name: 'Indsats 2 under delmål 1' });
    await first.getByLabel('Ansvarlig').selectOption({ label: 'Sara Sagsbehandler (koordinator)' });
    await second.getByLabel('Ansvarlig').selectOption({ label: 'Mikkel Holm (Borger)' });
    await checkA11y(page, 'the plan editor with the coordinator and the citizen responsible');
    await page
      .getByRole('region', { name: 'Gem planen som ny version' })
      .getByRole('button', { name: 'Gem plan' })
      .click();
    await page
      .getByText(/ansvarlige har fået besked\. Har ikke fået besked pr\. mail: .*Mikkel Holm/)
      .waitFor();
    await checkA11y(page, 'the saved plan');
    expect(consoleErrors).toEqual([]);
  });
});
