/**
 * Case-level relational capacity in a real browser: the coordinating caseworker starts a
 * case measurement from the course's "Enkeltsag" tab (asking the unit party's staff too),
 * sees the count withheld while fewer than five have answered, closes it once five have
 * answered through their survey links, and sees the group result and the course's network
 * map; the analyst opens the analysis across courses. axe-core checks each view.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { RK_ITEMS } from '../src/analysis/answer.js';
import { CASEWORKER, createCourseFixture } from '../test/helpers/course-fixture.js';
import { surveyLinks } from '../test/helpers/measurement-fixture.js';
import { TestClient, type TestApp } from '../test/helpers/test-app.js';
import { login, useBrowserApp } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';

describe.skipIf(!haveChromium)('case analysis in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let courseId = '';

  useBrowserApp({}, async (started) => {
    ({ app, browser } = started);
    const sara = new TestClient(app.app);
    await sara.login(CASEWORKER, 'samspil-demo-2026');
    courseId = (await createCourseFixture(app.handle.db, sara)).courseId;
  });

  test('start, follow, close and read the course result; the analysis across courses', async () => {
    const page = await browser.newPage();
    await login(page, app, CASEWORKER, undefined, /\/forloeb|\/organisation|\/$/);
    await page.goto(`${app.url}/forloeb/${courseId}/enkeltsag`);
    await page
      .getByRole('heading', { name: 'Samarbejdet i forløbet (enkeltsagsanalyse)' })
      .waitFor();
    await page.getByText('Der er ikke lavet en enkeltsagsanalyse i forløbet endnu').waitFor();
    await checkA11y(page, 'case analysis: none yet');

    // Without the unit's staff the network is too small: a clear refusal.
    await page.getByRole('button', { name: 'Start enkeltsagsanalyse' }).click();
    await page.getByText(/færre end mindste gruppestørrelse \(5\)/).waitFor();
    await page.getByLabel('Spørg også alle medarbejdere i netværkets enheder').check();
    await page.getByRole('button', { name: 'Start enkeltsagsanalyse' }).click();
    await page.getByText('Målingen er startet.', { exact: false }).waitFor();
    await page.getByText('26 inviteret · svar: under 5').waitFor();
    await checkA11y(page, 'case analysis: open');

    // Five of Jobcenter's staff answer through their own links.
    const measurement = await app.handle.db
      .selectFrom('measurement')
      .select('id')
      .where('course_id', '=', courseId)
      .executeTakeFirstOrThrow();
    const links = await surveyLinks(app.handle.db, measurement.id);
    const jobcenter = await app.handle.db
      .selectFrom('person')
      .innerJoin('unit', 'unit.id', 'person.unit_id')
      .select(['person.email', 'person.unit_id'])
      .where('unit.name', '=', 'Jobcenter')
      .orderBy('person.email')
      .limit(5)
      .execute();
    for (const [i, person] of jobcenter.entries()) {
      const link = links.get(person.email)!;
      const client = await new TestClient(app.app).start();
      const survey = (await client.get(link)).json<{ groups: { id: string }[] }>();
      const answers = survey.groups
        .filter((g) => g.id !== person.unit_id)
        .flatMap((g) => RK_ITEMS.map((item) => ({ target: g.id, item, value: 3 + (i % 2) })));
      expect((await client.request('PUT', `${link}/answers`, { answers })).statusCode).toBe(200);
      expect((await client.post(`${link}/submit`)).statusCode).toBe(200);
      if (i === 1) {
        await page.reload();
        await page.getByText('26 inviteret · svar: under 5').waitFor();
      }
    }
    await page.reload();
    await page.getByText('26 inviteret · svar: mindst 5').waitFor();
    await page.getByRole('button', { name: 'Luk målingen' }).click();
    await page.getByText('Måling før · lukket').waitFor();
    await page.getByRole('table', { name: 'Dimensionsprofil for netværket' }).waitFor();
    await page.getByRole('table', { name: 'Bånd mellem enhederne' }).waitFor();
    await page.getByRole('img', { name: 'Netværkskort for forløbet' }).waitFor();
    // (3 + 4 + 3 + 4 + 3) / 5 = 3.4
    await expect.poll(() => page.locator('.case-figures').innerText()).toContain('3,40');
    await checkA11y(page, 'case analysis: closed');

    const analyst = await browser.newPage();
    await login(analyst, app, 'analytiker@demo.samspil.dk');
    await analyst.goto(`${app.url}/analyse/forloeb`);
    await analyst
      .getByRole('heading', { name: 'Relationel kapacitet på tværs af forløb' })
      .waitFor();
    await analyst.getByText('Forløb med enkeltsagsanalyse: 1. Med vist resultat: 1.').waitFor();
    await analyst.getByText('Vises først med mindst 5 forløb (nu 0).').waitFor();
    await checkA11y(analyst, 'case level across courses');
  });
});
