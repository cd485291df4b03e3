/**
 * A leader plans the case leadership intervention on a citizen's course in a real browser:
 * Lise leads the Jobcenter, which is in the network of every demo course, and opens an
 * intervention-arm course without an intervention yet; meeting 2 before meeting 1 is refused
 * with a Danish message and nothing is saved; then the two meetings are planned with their
 * participants and the checklist of small agreements is shown. Checked with axe-core.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CHECKLIST_KEYS } from '../contract/interventions.js';
import { type TestApp } from '../test/helpers/test-app.js';
import { danishToday } from '../src/courses/course-access.js';
import { login, skipAfterFailure, useBrowserApp } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';
import { signedIn } from '../test/helpers/demo-and-other.js';

describe.skipIf(!haveChromium)('the case intervention on the course page in the browser', () => {
  let app: TestApp;
  let page: Page;
  let courseId = '';

  useBrowserApp({ demoCourses: true }, async (started) => {
    app = started.app;
    page = await started.browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The demo holds an intervention on the first intervention course only; take another.
    const course = await app.handle.db
      .selectFrom('course')
      .leftJoin('intervention', 'intervention.course_id', 'course.id')
      .select('course.id')
      .where('course.arm', '=', 'intervention')
      .where('intervention.id', 'is', null)
      .orderBy('course.start_date')
      .executeTakeFirstOrThrow();
    courseId = course.id;
    // Lise sees a course's tabs only with the citizen's consent for her unit's party, which
    // the coordinator records through the API (the demo's study courses have none).
    const jobcenter = await app.handle.db
      .selectFrom('course_party')
      .innerJoin('unit', 'unit.id', 'course_party.unit_id')
      .select('course_party.id')
      .where('course_party.course_id', '=', courseId)
      .where('unit.name', '=', 'Jobcenter')
      .executeTakeFirstOrThrow();
    const citizen = await app.handle.db
      .selectFrom('citizen')
      .select('id')
      .where('course_id', '=', courseId)
      .executeTakeFirstOrThrow();
    const sara = await signedIn(app.app, 'sagsbehandler@demo.samspil.dk');
    const consent = await sara.post(`/api/courses/${courseId}/consents`, {
      purpose: 'Netværksmøder om borgerens forløb',
      partyIds: [jobcenter.id],
      memberIds: [citizen.id],
      givenOn: danishToday(),
      form: 'underskrift',
      expiresOn: danishToday(new Date(Date.now() + 180 * 86_400_000)),
    });
    expect(consent.statusCode, consent.body).toBe(201);
  });

  skipAfterFailure();

  const interventions = () =>
    app.handle.db
      .selectFrom('intervention')
      .select('id')
      .where('course_id', '=', courseId)
      .execute();

  test('the leader sees the arm and the planning form; meeting 2 before meeting 1 is refused', async () => {
    await login(page, app, 'leder@demo.samspil.dk');
    await page.goto(`${app.url}/forloeb/${courseId}/enkeltsag`);
    await page.getByRole('heading', { name: 'Ledelsesintervention på forløbet' }).waitFor();
    await page.getByText('Gruppe i lodtrækningen: intervention').waitFor();
    await page.getByText(/Du leder en enhed i netværket/).waitFor();
    await checkA11y(page, 'case intervention: the planning form');

    await page.getByLabel('Leder, der holder møderne').fill('Lise Leder');
    await page.getByLabel('Ledelseskollega').fill('Leder i Misbrugscenter');
    await page.getByLabel('Netværksmøde 1 (roller og arbejdsvilkår)').fill('2030-03-04');
    await page
      .getByLabel('Netværksmøde 2 (udfordringer og fælles problemløsning)')
      .fill('2030-02-25');
    await page.getByRole('button', { name: 'Planlæg ledelsesinterventionen' }).click();
    await page
      .getByText('Netværksmøde 2 skal ligge efter netværksmøde 1', { exact: false })
      .waitFor();
    expect(await interventions()).toEqual([]);
    await checkA11y(page, 'case intervention: meeting 2 before meeting 1');
  });

  test('a plan without participants is refused with a Danish message and saves nothing', async () => {
    await page
      .getByLabel('Netværksmøde 2 (udfordringer og fælles problemløsning)')
      .fill('2030-04-01');
    const participants = page.getByRole('group', { name: 'Deltagere' });
    const boxes = participants.getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
    await page.getByRole('button', { name: 'Planlæg ledelsesinterventionen' }).click();
    await page
      .getByText('Vælg mindst én deltager fra forløbets netværk til netværksmøde 1.')
      .waitFor();
    expect(await interventions()).toEqual([]);
    await checkA11y(page, 'case intervention: no participants');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  });

  test('the leader plans the two meetings with participants and sees them and the checklist', async () => {
    await page
      .getByLabel('Netværksmøde 2 (udfordringer og fælles problemløsning)')
      .fill('2030-04-01');
    const participants = page.getByRole('group', { name: 'Deltagere' });
    await participants.getByLabel('Bostøtte').uncheck();
    await page.getByRole('button', { name: 'Planlæg ledelsesinterventionen' }).click();

    await page.getByRole('heading', { name: 'Tjekliste over små aftaler' }).waitFor();
    const first = page.getByText(/^Netværksmøde 1: 4\. mar\. 2030, \d{2}[.:]\d{2}, 60 min\./);
    await first.waitFor();
    await expect
      .poll(() => first.textContent())
      .toContain('Leder: Lise Leder, ledelseskollega: Leder i Misbrugscenter');
    await page.getByText(/^Netværksmøde 2: 1\. apr\. 2030/).waitFor();
    const lists = page.getByText(/^Deltagere: /);
    await expect.poll(() => lists.count()).toBe(2);
    for (const text of await lists.allTextContents()) {
      expect(text).toContain('Jobcenter');
      expect(text).toContain('Misbrugscenter');
      expect(text).not.toContain('Bostøtte');
    }
    const open = page.getByRole('listitem').filter({ hasText: /^○ / });
    await expect.poll(() => open.count()).toBe(CHECKLIST_KEYS.length);
    await expect(page.getByLabel('Leder, der holder møderne').count()).resolves.toBe(0);
    expect(await interventions()).toHaveLength(1);
    await checkA11y(page, 'case intervention: planned');
  });

  test('ticking a meeting as held on the intervention page keeps its participants', async () => {
    const id = (await interventions())[0]!.id;
    await page.goto(`${app.url}/indsatser/${id}`);
    const meetings = () =>
      app.handle.db
        .selectFrom('intervention_meeting')
        .select(['number', 'held', 'participants'])
        .where('intervention_id', '=', id)
        .orderBy('number')
        .execute();
    const before = await meetings();
    expect(before[0]?.participants.length).toBeGreaterThan(0);
    const held = page.getByRole('checkbox', { name: 'Afholdt (1)' });
    // The box follows the saved state, so it ticks once the server has answered.
    await held.click();
    await expect.poll(() => held.isChecked()).toBe(true);
    const after = await meetings();
    expect(after[0]?.held).toBe(true);
    expect(after.map((m) => m.participants)).toEqual(before.map((m) => m.participants));
    await checkA11y(page, 'intervention page with a held case meeting');
  });
});
