/** The citizen's personal link in browser tests: made by the caseworker, read from the mail, opened with the code. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import {
  CASEWORKER,
  CITIZEN_EMAIL,
  CITIZEN_SMS,
  createCourseFixture,
  type CourseFixture,
} from '../../test/helpers/course-fixture.js';
import { signedIn } from '../../test/helpers/demo-and-other.js';
import type { TestApp, TestClient } from '../../test/helpers/test-app.js';
import { devMail, useBrowserApp, type BrowserApp } from './app.js';

/** A phone's window, the size the citizen's pages are tested in. */
export const PHONE = { width: 390, height: 844 };

/** The browser app and a course whose citizen has a link, for the citizen's tests. */
export interface CitizenCourse extends Omit<BrowserApp, 'close'> {
  courseId: string;
  /** The path of the citizen's link, as the mail gives it. */
  linkPath: string;
}

/**
 * The browser app with a fixture course the caseworker opened (of `kind`) and readied with
 * `prepare` (a plan, instruments), and a link for its citizen; set before the first test.
 */
export function useCitizenCourse(
  kind: 'individual' | 'family',
  prepare: (caseworker: TestClient, course: CourseFixture) => Promise<void>,
): CitizenCourse {
  const shared = {} as CitizenCourse;
  useBrowserApp({}, async ({ app, browser }) => {
    const sara = await signedIn(app.app, CASEWORKER);
    const course = await createCourseFixture(app.handle.db, sara, { kind });
    await prepare(sara, course);
    const linkPath = await citizenLinkPath(app, sara, course.courseId);
    Object.assign(shared, { app, browser, courseId: course.courseId, linkPath });
  });
  return shared;
}

/** The citizen's link opened on a phone, in Danish. */
export async function openCitizenLink({ app, browser, linkPath }: CitizenCourse): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'da-DK' });
  const page = await context.newPage();
  await page.goto(`${app.url}${linkPath}`);
  return page;
}

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
