/** The citizen's personal link in browser tests: made by the caseworker, read from the mail, opened with the code. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { CITIZEN_EMAIL, CITIZEN_SMS } from '../../test/helpers/course-fixture.js';
import type { TestApp, TestClient } from '../../test/helpers/test-app.js';
import { devMail } from './app.js';

/** Make a 30-day link for the course's citizen and return its path, as the mail gives it. */
export async function citizenLinkPath(
  app: TestApp,
  caseworker: TestClient,
  courseId: string,
): Promise<string> {
  const link = await caseworker.post(`/api/courses/${courseId}/citizen-links`, { validDays: 30 });
  expect(link.statusCode, link.body).toBe(201);
  const [mail] = await devMail(app, 'citizen-link', CITIZEN_EMAIL);
  return new URL(/https?:\/\/\S+\/borger\/\S+/.exec(mail!.text)![0]).pathname;
}

/** The six-digit code last sent to the fixture citizen (by SMS, to the development outbox). */
export async function citizenCode(app: TestApp): Promise<string> {
  const [mail] = await devMail(app, 'citizen-code', CITIZEN_SMS);
  return /\b(\d{6})\b/.exec(mail!.text)![1]!;
}

/** Enter the code on the link's page and open the plan. */
export async function enterCitizenCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('Kode (6 tal)').fill(code);
  await page.getByRole('button', { name: 'Åbn min plan' }).click();
}
