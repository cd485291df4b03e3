/**
 * The citizen answers every instrument due for her side on a phone (390×844): on a family
 * course with the indicators, the questionnaire about her child and the session rating,
 * she answers some items of each; her answers save themselves ("Gemt") and are there after
 * a reload, and the caseworker sees her side beside his own. axe-core checks the pages.
 */
import { describe, expect, test } from 'vitest';
import { CASEWORKER } from '../test/helpers/course-fixture.js';
import { loggedInPage } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';
import {
  citizenCode,
  enterCitizenCode,
  openCitizenLink,
  useCitizenCourse,
} from './helpers/citizen.js';

describe.skipIf(!haveChromium)('the citizen answers every instrument on a phone', () => {
  const shared = useCitizenCourse('family', async (sara, { courseId }) => {
    const instruments = (await sara.get('/api/progression/instruments')).json<{
      instruments: { id: string; structure: string }[];
    }>().instruments;
    const of = (structure: string) => instruments.find((i) => i.structure === structure)!.id;
    const set = await sara.request('PUT', `/api/courses/${courseId}/progression/schedule`, {
      instrumentId: of('indicators'),
      moreInstrumentIds: [of('per-child'), of('session')],
    });
    expect(set.statusCode, set.body).toBe(200);
  });

  test('she answers the indicators, the questionnaire about her child and the session; autosaved', async () => {
    const { app, courseId } = shared;
    const page = await openCitizenLink(shared);
    await page.getByRole('button', { name: 'Send mig en kode' }).click();
    await page.getByText(/Koden er sendt/).waitFor();
    await enterCitizenCode(page, await citizenCode(app));
    await page.getByRole('heading', { name: 'Hej Mette' }).waitFor();

    const indicators = page.getByRole('region', { name: /^Skridt mod job og uddannelse/ });
    const child = page.getByRole('region', { name: /^Sådan har barnet det.* – Oliver Hansen$/ });
    const session = page.getByRole('region', { name: 'Sådan var samtalen' });
    await indicators
      .getByRole('group', { name: 'Borgeren tror på, at det kan lykkes.' })
      .getByLabel('4', { exact: true })
      .check();
    await child
      .getByRole('group', { name: 'Barnet virker glad det meste af tiden.' })
      .getByLabel('Passer godt')
      .check();
    await session
      .getByRole('group', { name: 'Jeg følte mig hørt og forstået.' })
      .getByLabel('8', { exact: true })
      .check();
    for (const region of [indicators, child, session]) {
      await region.getByText('Gemt', { exact: true }).waitFor();
    }
    await checkA11y(page, 'citizen: every instrument');

    // Saved without pressing "Send svar": after a reload her answers are still chosen.
    await page.reload();
    await page.getByRole('heading', { name: 'Hej Mette' }).waitFor();
    await expect(
      child
        .getByRole('group', { name: 'Barnet virker glad det meste af tiden.' })
        .getByLabel('Passer godt')
        .isChecked(),
    ).resolves.toBe(true);
    // Changing an answer replaces it (the last save wins).
    await indicators
      .getByRole('group', { name: 'Borgeren tror på, at det kan lykkes.' })
      .getByLabel('5', { exact: true })
      .check();
    await indicators.getByRole('button', { name: 'Send svar' }).click();
    await page.getByText('Tak for dine svar.').waitFor();
    await checkA11y(page, 'citizen: after answering every instrument');
    await page.context().close();

    const stored = await app.handle.db
      .selectFrom('progression_response')
      .select(['answers', 'answered_by', 'respondent'])
      .where('course_id', '=', courseId)
      .orderBy('answered_by')
      .execute();
    expect(stored.map((r) => [r.answered_by, r.respondent, r.answers])).toEqual(
      expect.arrayContaining([
        ['borger', 'citizen', { tro: 5 }],
        ['foraelder', 'citizen', { glad: 2 }],
        ['borger', 'citizen', { hoert: 8 }],
      ]),
    );
    expect(stored).toHaveLength(3);
  });

  test('the caseworker sees her side beside his own', async () => {
    const { app, courseId } = shared;
    const staff = await loggedInPage(shared, CASEWORKER);
    await staff.goto(`${app.url}/forloeb/${courseId}/progression`);
    const table = staff.getByRole('table', { name: /Sådan har barnet det.*: Oliver Hansen/ });
    await table.waitFor();
    const heads = await table.locator('thead th').allTextContents();
    expect(heads).toContain('Borger, Start');
    await checkA11y(staff, 'course: the citizen side beside the caseworker');
    await staff.close();
  });
});
