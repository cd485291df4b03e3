/**
 * A citizen's course made through the Én plan API for the course-over-time tests: the
 * demo caseworker Sara coordinates it; the network has a unit, a named professional and
 * an outside actor with e-mails, and the citizen has an e-mail for one-time codes.
 */
import { expect } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { fillSecrets } from '../../src/mail/mail.service.js';
import type { TestClient } from './test-app.js';
import { danishDay } from './dates.js';

export const CASEWORKER = 'sagsbehandler@demo.samspil.dk';
export const PROFESSIONAL = 'fagperson@demo.samspil.dk';
export const CITIZEN_EMAIL = 'mette.borger@example.dk';
/** Where the fixture citizen (who prefers SMS, phone 20 30 40 50) gets her one-time code. */
export const CITIZEN_SMS = '+4520304050';

export interface CourseFixture {
  courseId: string;
  citizenId: string;
  coordinatorPersonId: string;
  parties: { unit: string; professional: string; doctor: string };
}

let cprCounter = 0;
/** A valid, distinct CPR number per course (a real date, 7th digit 1 = 1900s). */
const nextCpr = () => {
  cprCounter++;
  return `${String((cprCounter % 28) + 1).padStart(2, '0')}0385-1${String(cprCounter).padStart(3, '0')}`;
};

export async function createCourseFixture(
  db: Kysely<Database>,
  caseworker: TestClient,
  options: { startDate?: string; kind?: 'individual' | 'family' } = {},
): Promise<CourseFixture> {
  const person = (email: string) =>
    db
      .selectFrom('person')
      .select(['id', 'unit_id'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
  const sara = await person(CASEWORKER);
  const frida = await person(PROFESSIONAL);
  const jobcenter = await db
    .selectFrom('unit')
    .select('id')
    .where('name', '=', 'Jobcenter')
    .executeTakeFirstOrThrow();
  const created = await caseworker.post('/api/courses', {
    kind: options.kind ?? 'individual',
    targetGroup: 'voksne',
    startDate: options.startDate ?? danishDay(),
    citizen: {
      name: 'Mette Hansen',
      cpr: nextCpr(),
      phone: '20 30 40 50',
      email: CITIZEN_EMAIL,
      preferredContact: 'sms',
    },
    ...(options.kind === 'family'
      ? {
          members: [
            { name: 'Oliver Hansen', relation: 'barn' },
            { name: 'Jens Hansen', relation: 'forælder' },
          ],
        }
      : {}),
    coordinator: { personId: sara.id, role: 'koordinerende-sagsbehandler' },
  });
  expect(created.statusCode, created.body).toBe(201);
  const course = created.json<{ id: string; members: { id: string }[] }>();
  const add = async (body: Record<string, unknown>) => {
    const response = await caseworker.post(`/api/courses/${course.id}/parties`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const unit = await add({
    kind: 'unit',
    unitId: jobcenter.id,
    email: 'jobcenter@demo.samspil.dk',
    phone: '70 11 22 33',
    task: 'Afklaring',
    responseTime: '2 hverdage',
  });
  const professional = await add({
    kind: 'professional',
    personId: frida.id,
    task: 'Behandling',
    responseTime: 'Samme dag',
  });
  const doctor = await add({
    kind: 'external',
    externalType: 'egen-laege',
    name: 'Lægehuset Torvet',
    phone: '70 20 30 40',
    email: 'laegehuset@example.dk',
    task: 'Medicin',
    responseTime: '3 hverdage',
  });
  return {
    courseId: course.id,
    citizenId: course.members[0]!.id,
    coordinatorPersonId: sara.id,
    parties: { unit, professional, doctor },
  };
}

/**
 * Mails of one kind to one address, newest last, as the recipient gets them (`body_text`
 * with its links and codes, read straight from the database as only the machine can).
 */
export async function mailsTo(db: Kysely<Database>, to: string, kind: string) {
  const rows = await db
    .selectFrom('mail_message')
    .select(['subject', 'body_text', 'secrets', 'kind'])
    .where('to_address', '=', to)
    .where('kind', '=', kind)
    .orderBy('created_at')
    .execute();
  return rows.map((m) => ({
    subject: m.subject,
    kind: m.kind,
    body_text: fillSecrets(m.body_text, m.secrets),
  }));
}

/** The newest citizen link mailed (its URL), as only the citizen gets it. */
export async function lastCitizenLink(db: Kysely<Database>): Promise<string> {
  const mail = await db
    .selectFrom('mail_message')
    .select(['body_text', 'secrets'])
    .where('kind', '=', 'citizen-link')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const url = /https?:\/\/\S+\/borger\/\S+/.exec(fillSecrets(mail.body_text, mail.secrets))?.[0];
  expect(url, 'a citizen link in the mail').toBeDefined();
  return url!;
}
