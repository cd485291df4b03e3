/** The citizen's personal link in browser tests: made by the caseworker, read from the mail. */
import { expect } from 'vitest';
import { CITIZEN_EMAIL } from '../../test/helpers/course-fixture.js';
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
