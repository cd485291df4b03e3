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
  const add = (body: Record<string, unknown>) => addParty(caseworker, course.id, body);
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

/** The id of the person with this e-mail (a demo person unless the test made one). */
export async function personIdOf(db: Kysely<Database>, email: string): Promise<string> {
  const person = await db
    .selectFrom('person')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return person.id;
}

/** Open an adult's individual course with `coordinatorId` (a person) as coordinator. */
export async function openCourse(
  caseworker: TestClient,
  coordinatorId: string,
  citizen: Record<string, unknown>,
  startDate = danishDay(),
): Promise<{ id: string; members: { id: string }[] }> {
  const created = await caseworker.post('/api/courses', {
    kind: 'individual',
    targetGroup: 'voksne',
    startDate,
    citizen,
    coordinator: { personId: coordinatorId, role: 'koordinerende-sagsbehandler' },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string; members: { id: string }[] }>();
}

/** Add a party to a course's network; its id. */
export async function addParty(
  caseworker: TestClient,
  courseId: string,
  body: Record<string, unknown>,
): Promise<string> {
  const response = await caseworker.post(`/api/courses/${courseId}/parties`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

/** Record a consent on a course; its id. */
export async function giveConsent(
  caseworker: TestClient,
  courseId: string,
  consent: {
    purpose: string;
    partyIds: string[];
    memberIds: string[];
    givenOn: string;
    form: string;
    expiresOn: string;
  },
): Promise<string> {
  const response = await caseworker.post(`/api/courses/${courseId}/consents`, consent);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

/**
 * The demo caseworker's course for a citizen who signs in with MitID (the CPR claim): the
 * family doctor is in the network and the citizen has consented to sharing with them.
 */
export async function courseForMitid(
  db: Kysely<Database>,
  caseworker: TestClient,
  citizen: { name: string; cpr: string },
): Promise<{ courseId: string; consentId: string }> {
  const course = await openCourse(caseworker, await personIdOf(db, CASEWORKER), {
    ...citizen,
    phone: '20 30 40 50',
    preferredContact: 'sms',
  });
  const doctor = await addParty(caseworker, course.id, {
    kind: 'external',
    externalType: 'egen-laege',
    name: 'Lægehuset',
    task: 'Medicin',
    responseTime: '3 hverdage',
  });
  const consentId = await giveConsent(caseworker, course.id, {
    purpose: 'Samarbejde om planen',
    partyIds: [doctor],
    memberIds: [course.members[0]!.id],
    givenOn: danishDay(-1),
    form: 'digital',
    expiresOn: '2099-12-31',
  });
  return { courseId: course.id, consentId };
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
