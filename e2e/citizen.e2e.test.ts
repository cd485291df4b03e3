/**
 * The citizen's own view in a real browser at a phone's size (390×844): the citizen opens
 * their personal link, asks for and types the one-time code (both read from the development
 * mail viewer, as a developer without SMTP would), reads
 * the plan, answers a progression measurement skipping one item and sends a comment; the
 * caseworker then sees the new point on the curve and the comment on the course page.
 * axe-core checks every citizen page, and no sentence on them runs over 25 words.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CASEWORKER, CITIZEN_SMS } from '../test/helpers/course-fixture.js';
import { devMail, loggedInPage } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';
import {
  citizenCode,
  enterCitizenCode,
  openCitizenLink,
  useCitizenCourse,
} from './helpers/citizen.js';
import { danishDay } from '../test/helpers/dates.js';

const GOAL = 'Mette har en fast hverdag og er i praktik til sommer.';
const COMMENT = 'Jeg vil gerne have møderne om formiddagen.';
/** Plain language: no sentence on a citizen page may be longer than this. */
const MAX_WORDS = 25;

/** The longest sentence of the page's main text, in words. */
async function longestSentence(page: Page): Promise<{ words: number; sentence: string }> {
  const text = await page.locator('main').innerText();
  const sentences = text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return sentences
    .map((sentence) => ({ sentence, words: sentence.split(/\s+/).length }))
    .reduce((a, b) => (b.words > a.words ? b : a), { words: 0, sentence: '' });
}

async function expectPlain(page: Page, label: string) {
  const longest = await longestSentence(page);
  expect(longest.words, `${label}: "${longest.sentence}"`).toBeLessThanOrEqual(MAX_WORDS);
}

describe.skipIf(!haveChromium)('the citizen’s own view on a phone', () => {
  const shared = useCitizenCourse('individual', async (sara, course) => {
    const { courseId } = course;
    const plan = {
      parts: [
        {
          memberId: course.citizenId,
          dreams: 'Jeg vil gerne arbejde med dyr.',
          goal: GOAL,
          subGoals: [
            {
              id: randomUUID(),
              text: 'Vej mod praktik',
              actions: [
                {
                  id: randomUUID(),
                  text: 'Samtale om praktik hos Jobcentret',
                  responsiblePartyId: course.parties.unit,
                  law: 'LAB',
                  paragraph: '§ 42',
                  start: danishDay(),
                  end: null,
                  status: 'planlagt',
                },
              ],
            },
          ],
        },
      ],
    };
    const saved = await sara.request('PUT', `/api/courses/${courseId}/plan`, {
      baseVersion: 1,
      plan,
      participants: ['Mette Hansen', 'Sara Sagsbehandler'],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const instruments = (await sara.get('/api/progression/instruments')).json<{
      instruments: { id: string; targetGroup: string }[];
    }>().instruments;
    const scheduled = await sara.request('PUT', `/api/courses/${courseId}/progression/schedule`, {
      instrumentId: instruments.find((i) => i.targetGroup === 'voksne')!.id,
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
  });

  test('the citizen opens the link, enters the code, reads the plan, answers and comments; the caseworker sees it', async () => {
    const { app, courseId } = shared;
    const page = await openCitizenLink(shared);
    await page.getByRole('heading', { name: 'Din plan' }).waitFor();
    await checkA11y(page, 'citizen: before the code');
    await expectPlain(page, 'citizen: before the code');

    await page.getByRole('button', { name: 'Send mig en kode' }).click();
    // She prefers SMS: with no gateway configured it lands in the development outbox.
    await page.getByText(/Koden er sendt som SMS til •• •• •• 50/).waitFor();
    const code = await citizenCode(app);
    // A reload keeps the step: the code field is still there and no new code was sent.
    await page.reload();
    await page.getByLabel('Kode (6 tal)').waitFor();
    await checkA11y(page, 'citizen: code pending after a reload');
    await expect(devMail(app, 'citizen-code', CITIZEN_SMS)).resolves.toHaveLength(1);
    await enterCitizenCode(page, code);

    await page.getByRole('heading', { name: 'Hej Mette' }).waitFor();
    await page.getByText(GOAL).waitFor();
    await expect(
      page.getByText('Samtale om praktik hos Jobcentret').first().isVisible(),
    ).resolves.toBe(true);
    // The law paragraph is shown only when asked for.
    await expect(page.getByText('§ 42').count()).resolves.toBe(0);
    await page.getByLabel('Vis lovgrundlag').check();
    await expect(page.getByText(/§ 42/).count()).resolves.toBeGreaterThan(0);
    await page.getByLabel('Vis lovgrundlag').uncheck();
    await expect(page.getByText('Lægehuset Torvet').isVisible()).resolves.toBe(true);
    await checkA11y(page, 'citizen: my plan');
    await expectPlain(page, 'citizen: my plan');

    // Answer the measurement, skipping "Hvor godt sover du?".
    const question = (legend: string) => page.getByRole('group', { name: legend });
    await question('Hvordan har du det for tiden?').getByLabel('4', { exact: true }).check();
    await question('Hvor godt klarer du din hverdag?').getByLabel('3', { exact: true }).check();
    await question('Har du nogen at tale med, når det er svært?').getByLabel('Ja').check();
    await expect(
      question('Hvor godt sover du?').getByLabel('Spring over').isChecked(),
    ).resolves.toBe(true);
    await page.getByRole('button', { name: 'Send svar' }).click();
    await page.getByText('Tak for dine svar.').waitFor();
    await page
      .getByRole('img', { name: /Kurve over tid: Hvordan har du det for tiden\?/ })
      .waitFor();

    // Write a comment to the plan.
    await page.getByLabel('Din besked').fill(COMMENT);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Tak. Din sagsbehandler får besked.').waitFor();
    await checkA11y(page, 'citizen: after answering');
    await expectPlain(page, 'citizen: after answering');
    await page.context().close();

    const stored = await app.handle.db
      .selectFrom('progression_response')
      .select(['answers', 'answered_by'])
      .where('course_id', '=', courseId)
      .executeTakeFirstOrThrow();
    expect(stored.answered_by).toBe('borger');
    expect(stored.answers).toEqual({ trivsel: 4, hverdag: 3, netvaerk: true });

    // The caseworker sees the new point on the curve and the comment.
    const staff = await loggedInPage(shared, CASEWORKER);
    await staff.goto(`${app.url}/forloeb/${courseId}/progression`);
    const item = staff.getByRole('region', { name: 'Hvordan har du det for tiden?' });
    await item.getByRole('img', { name: /Kurve over tid/ }).waitFor();
    await expect(item.locator('svg circle').count()).resolves.toBe(1);
    await expect(item.getByRole('cell', { name: '4', exact: true }).count()).resolves.toBe(1);
    await checkA11y(staff, 'course: progression');
    await staff.goto(`${app.url}/forloeb/${courseId}/borgeren`);
    await staff.getByText(COMMENT).waitFor();
    await checkA11y(staff, 'course: the citizen');
    await staff.close();
  });
});
