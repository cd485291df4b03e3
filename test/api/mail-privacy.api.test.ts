/**
 * Attacks on mail, as the municipality's own staff would try them (issue #12): after a
 * reminder, nobody can tell who has or has not answered; nobody reads a personal survey
 * link, a citizen's link or one-time code, in the outbox or anywhere else; stored mail
 * keeps no secret once sent. Outbox mode (no SMTP) and SMTP mode with a real listener.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { OutboxMail } from '../../contract/mail.schema.js';
import type { Database } from '../../src/db/schema.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-organisation.js';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';
import { outboxTransport } from '../../src/mail/mail-transport.js';
import { queueMail } from '../../src/mail/mail.service.js';
import { createMunicipality } from '../../src/municipality/municipality.service.js';
import { testDatabases } from '../helpers/databases.js';
import {
  CASEWORKER,
  CITIZEN_EMAIL,
  CITIZEN_SMS,
  createCourseFixture,
  lastCitizenLink,
  mailsTo,
} from '../helpers/course-fixture.js';
import { createMeasurement, surveyLinks } from '../helpers/measurement-fixture.js';
import { startSmtpListener, type SmtpListener } from '../helpers/smtp.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';
import { signedIn, startDemoApp } from '../helpers/demo-and-other.js';

const STAFF = {
  admin: 'admin@demo.samspil.dk',
  analytiker: 'analytiker@demo.samspil.dk',
  leder: 'leder@demo.samspil.dk',
  sagsbehandler: CASEWORKER,
} as const;
type Role = keyof typeof STAFF;
const SURVEY_LINK = /\/s\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{20,}/;
const CITIZEN_LINK = /\/borger\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{20,}/;
const UNITS = ['Egen læge', 'Regionspsykiatrien'];

async function logins(t: TestApp): Promise<Record<Role, TestClient>> {
  const clients = {} as Record<Role, TestClient>;
  for (const [role, email] of Object.entries(STAFF) as [Role, string][]) {
    clients[role] = await signedIn(t.app, email);
  }
  return clients;
}

/** The people invited to a measurement: their e-mail addresses and names. */
async function invitees(db: Kysely<Database>, measurementId: string) {
  return db
    .selectFrom('invitation')
    .innerJoin('person', 'person.id', 'invitation.person_id')
    .select(['person.email', 'person.name'])
    .where('invitation.measurement_id', '=', measurementId)
    .execute();
}

/** Every secret the database holds for unsent mail, and every token in sent mail's links. */
async function storedSecrets(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('mail_message').select('secrets').execute();
  return rows.flatMap((r) => r.secrets ?? []);
}

/** What each staff role can read about mail and the measurement, as one text per role. */
async function staffView(clients: Record<Role, TestClient>, measurementId: string) {
  const seen: Record<string, string> = {};
  for (const [role, client] of Object.entries(clients)) {
    const bodies = [];
    for (const url of [
      '/api/outbox?limit=500',
      '/api/audit?limit=1000',
      `/api/measurements/${measurementId}`,
      `/api/measurements/${measurementId}/responses`,
      '/api/measurements',
    ]) {
      const response = await client.get(url);
      if (response.statusCode === 200) bodies.push(response.body);
      else expect([403, 404]).toContain(response.statusCode);
    }
    seen[role] = bodies.join('\n');
  }
  return seen;
}

for (const database of testDatabases()) {
  describe(`mail privacy without SMTP (the outbox) on ${database.name}`, () => {
    let t: TestApp;
    let staff: Record<Role, TestClient>;
    let measurementId: string;

    beforeAll(async () => {
      t = await startDemoApp(database);
      staff = await logins(t);
      const created = await createMeasurement(staff.analytiker, UNITS);
      measurementId = created.id;
      const unitIds = created.org.units.filter((u) => UNITS.includes(u.name)).map((u) => u.id);
      await staff.analytiker.post(`/api/measurements/${measurementId}/invitations`, { unitIds });
      expect(
        (await staff.analytiker.post(`/api/measurements/${measurementId}/open`)).statusCode,
      ).toBe(200);
    });
    afterAll(async () => t.close());

    it('a reminder tells the owner only how many; no staff role can then tell who answered', async () => {
      const links = [...(await surveyLinks(t.handle.db, measurementId)).entries()];
      const respondent = await new TestClient(t.app).start();
      const answered = links.slice(0, 6);
      for (const [, link] of answered) {
        expect((await respondent.post(`${link}/submit`)).statusCode).toBe(200);
      }
      const remind = await staff.analytiker.post(`/api/measurements/${measurementId}/remind`);
      expect(remind.statusCode).toBe(200);
      expect(remind.json()).toEqual({ reminded: links.length - answered.length });

      const people = await invitees(t.handle.db, measurementId);
      const seen = await staffView(staff, measurementId);
      for (const [role, text] of Object.entries(seen)) {
        for (const person of people) {
          expect(text, `${role} sees ${person.email}`).not.toContain(person.email);
          expect(text, `${role} sees ${person.name}`).not.toContain(person.name);
        }
      }
      const outbox = (await staff.admin.get('/api/outbox?limit=500')).json<{
        mails: OutboxMail[];
      }>().mails;
      const reminders = outbox.filter((m) => m.kind === 'reminder');
      expect(reminders).toHaveLength(links.length - answered.length);
      for (const mail of outbox.filter((m) => m.kind === 'reminder' || m.kind === 'invitation')) {
        expect(mail).toMatchObject({ personal: true, to: null, body: null, lastError: null });
      }
    });

    it('no staff role reads a survey link, a citizen link or a one-time code', async () => {
      const course = await createCourseFixture(t.handle.db, staff.sagsbehandler);
      const made = await staff.sagsbehandler.post(`/api/courses/${course.courseId}/citizen-links`, {
        validDays: 30,
      });
      expect(made.statusCode, made.body).toBe(201);
      // The caseworker learns where the link went, not the link.
      expect(made.body).not.toMatch(CITIZEN_LINK);
      expect(Object.keys(made.json<object>()).sort()).toEqual([
        'expiresAt',
        'id',
        'memberId',
        'sentTo',
      ]);
      const citizen = await new TestClient(t.app).start();
      const api = `/api${new URL(await lastCitizenLink(t.handle.db)).pathname}`;
      expect((await citizen.post(`${api}/code`)).statusCode).toBe(200);
      const codeMail = (await mailsTo(t.handle.db, CITIZEN_SMS, 'citizen-code')).at(-1)!;
      const code = /\b(\d{6})\b/.exec(codeMail.body_text)![1]!;
      expect(codeMail.subject).not.toMatch(/\d{6}/);

      const secrets = await storedSecrets(t.handle.db);
      expect(secrets.some((s) => SURVEY_LINK.test(s))).toBe(true);
      expect(secrets.some((s) => CITIZEN_LINK.test(s))).toBe(true);
      expect(secrets).toContain(code);
      const seen = await staffView(staff, measurementId);
      for (const [role, text] of Object.entries(seen)) {
        expect(text, role).not.toMatch(SURVEY_LINK);
        expect(text, role).not.toMatch(CITIZEN_LINK);
        for (const secret of secrets) expect(text, `${role} reads a secret`).not.toContain(secret);
      }
      // The course pages the caseworker reads hold neither.
      for (const url of [
        `/api/courses/${course.courseId}`,
        `/api/courses/${course.courseId}/citizen-activity`,
        `/api/courses/${course.courseId}/audit`,
      ]) {
        const response = await staff.sagsbehandler.get(url);
        for (const secret of secrets) expect(response.body, url).not.toContain(secret);
      }
      // Only admins and analysis owners read the outbox at all.
      expect((await staff.leder.get('/api/outbox')).statusCode).toBe(403);
      expect((await staff.sagsbehandler.get('/api/outbox')).statusCode).toBe(403);
      const subjects = (await staff.admin.get('/api/outbox?limit=500'))
        .json<{ mails: OutboxMail[] }>()
        .mails.map((m) => m.subject);
      expect(subjects.every((s) => !s.includes(code))).toBe(true);
      // The stored text and subject never hold the secrets; only the secrets column does.
      const stored = await t.handle.db
        .selectFrom('mail_message')
        .select(['subject', 'body_text'])
        .execute();
      for (const row of stored) {
        expect(row.subject + row.body_text).not.toMatch(SURVEY_LINK);
        expect(row.subject + row.body_text).not.toMatch(CITIZEN_LINK);
        expect(row.subject + row.body_text).not.toContain(code);
      }
    });

    it('the development mail viewer shows the demo its links on the machine only, and no other municipality', async () => {
      const otherId = await createMunicipality(t.handle.db, {
        name: 'Anden Kommune',
        slug: 'anden',
        adminName: 'Anne Anden',
        adminEmail: 'admin@anden.dk',
        adminPassword: 'Tranebær-Lygtepæl-Vindue-73',
      });
      await queueMail(t.handle.db, outboxTransport, {
        municipalityId: otherId,
        kind: 'invitation',
        to: 'someone@anden.dk',
        subject: 'Anden',
        text: 'Dit link: http://localhost/s/00000000-0000-0000-0000-000000000000/secret-of-anden',
      });
      const local = await new TestClient(t.app, '127.0.0.1').start();
      const viewer = await local.get('/dev/mail.json');
      expect(viewer.statusCode).toBe(200);
      const mails = viewer.json<{ mails: { to: string; text: string }[] }>().mails;
      expect(mails.some((m) => SURVEY_LINK.test(m.text))).toBe(true);
      expect(viewer.body).not.toContain('anden');
      const html = await local.get('/dev/mail');
      expect(html.statusCode).toBe(200);
      expect(html.body).toMatch(/<a href="http[^"]*\/s\//);

      // From another machine it does not exist, logged in or not.
      const remote = await new TestClient(t.app, '10.1.2.3').start();
      expect((await remote.get('/dev/mail.json')).statusCode).toBe(404);
      const remoteAdmin = new TestClient(t.app, '10.1.2.4');
      await remoteAdmin.login(STAFF.admin, DEMO_PASSWORD);
      expect((await remoteAdmin.get('/dev/mail.json')).statusCode).toBe(404);
      const outbox = (await staff.admin.get('/api/outbox')).json<{ devMailViewer: boolean }>();
      expect(outbox.devMailViewer).toBe(true);
    });

    it('in production there is no development mail viewer', async () => {
      const production = await startTestApp(database, { env: { NODE_ENV: 'production' } });
      try {
        const demoId = await createMunicipality(production.handle.db, {
          name: 'Samspil Demokommune',
          slug: 'demo',
          adminName: 'Anna Admin',
          adminEmail: 'admin@demo.samspil.dk',
          adminPassword: DEMO_PASSWORD,
        });
        await queueMail(production.handle.db, outboxTransport, {
          municipalityId: demoId,
          kind: 'invitation',
          to: 'someone@demo.samspil.dk',
          subject: 'Demo',
          text: 'Dit link: http://localhost/s/00000000-0000-0000-0000-000000000000/secret-of-demo',
        });
        for (const url of ['/dev/mail', '/dev/mail.json']) {
          const response = await production.app.inject({ url, remoteAddress: '127.0.0.1' });
          expect(response.body).not.toContain('secret-of-demo');
          expect(response.body).not.toContain('Udviklerens postkasse');
        }
      } finally {
        await production.close();
      }
    });
  });

  describe(`mail privacy over SMTP on ${database.name}`, () => {
    let smtp: SmtpListener;
    let t: TestApp;
    let staff: Record<Role, TestClient>;

    beforeAll(async () => {
      smtp = await startSmtpListener();
      t = await startTestApp(database, { env: { SMTP_URL: smtp.url } });
      await createDemoMunicipality(t.handle.db);
      staff = await logins(t);
    });
    afterAll(async () => {
      await t.close();
      await smtp.close();
    });

    /** Run the mail jobs until the queue is empty. */
    async function deliver() {
      while ((await t.worker.runDue()) > 0);
    }

    it('delivers links and codes, then keeps none of them; reminders name nobody', async () => {
      const created = await createMeasurement(staff.analytiker, UNITS);
      const id = created.id;
      const unitIds = created.org.units.filter((u) => UNITS.includes(u.name)).map((u) => u.id);
      await staff.analytiker.post(`/api/measurements/${id}/invitations`, { unitIds });
      expect((await staff.analytiker.post(`/api/measurements/${id}/open`)).statusCode).toBe(200);
      // Before sending, the secrets are kept apart; after, they are gone.
      expect((await storedSecrets(t.handle.db)).length).toBeGreaterThan(0);
      await deliver();
      expect(await storedSecrets(t.handle.db)).toEqual([]);
      const delivered = smtp.received.map((m) => m.raw.replace(/=\r?\n/g, '')).join('\n');
      const tokens = [
        ...new Set(
          [...delivered.matchAll(/\/s\/[0-9a-f-]{36}\/([A-Za-z0-9_-]{43})/g)].map((m) => m[1]!),
        ),
      ];
      expect(tokens).toHaveLength(smtp.received.length);

      const remind = await staff.analytiker.post(`/api/measurements/${id}/remind`);
      expect(remind.json()).toEqual({ reminded: tokens.length });
      await deliver();

      const course = await createCourseFixture(t.handle.db, staff.sagsbehandler);
      // The code by mail (she would otherwise get it by SMS, which this test is not about).
      await t.handle.db
        .updateTable('citizen')
        .set({ preferred_contact: 'e-mail' })
        .where('id', '=', course.citizenId)
        .execute();
      const made = await staff.sagsbehandler.post(`/api/courses/${course.courseId}/citizen-links`, {
        validDays: 30,
      });
      expect(made.body).not.toMatch(CITIZEN_LINK);
      await deliver();
      const linkMail = smtp.received.at(-1)!.raw.replace(/=\r?\n/g, '');
      const citizenPath = CITIZEN_LINK.exec(linkMail)![0];
      const citizen = await new TestClient(t.app).start();
      expect((await citizen.post(`/api${citizenPath}/code`)).statusCode).toBe(200);
      await deliver();
      const codeMail = smtp.received.at(-1)!;
      expect(codeMail.to).toEqual([CITIZEN_EMAIL]);
      const subject = /^Subject: (.*)$/m.exec(codeMail.raw)![1]!;
      expect(subject).not.toMatch(/\d{6}/);
      const code = /Din kode er (\d{6})/.exec(codeMail.raw)![1]!;

      const citizenToken = citizenPath.split('/').at(-1)!;
      const stored = await t.handle.db.selectFrom('mail_message').selectAll().execute();
      expect(stored.every((m) => m.status === 'sent' && m.secrets === null)).toBe(true);
      const storedText = JSON.stringify(stored);
      for (const secret of [...tokens, citizenToken, code]) {
        expect(storedText).not.toContain(secret);
      }
      const jobs = JSON.stringify(await t.handle.db.selectFrom('job').selectAll().execute());
      for (const secret of [...tokens, citizenToken, code]) expect(jobs).not.toContain(secret);

      const people = await invitees(t.handle.db, id);
      const seen = await staffView(staff, id);
      for (const [role, text] of Object.entries(seen)) {
        for (const secret of [...tokens, citizenToken, code]) {
          expect(text, `${role} reads a secret`).not.toContain(secret);
        }
        for (const person of people) {
          expect(text, `${role} sees ${person.email}`).not.toContain(person.email);
        }
        expect(text, role).not.toContain(CITIZEN_EMAIL);
      }
      // With SMTP there is no development mail viewer.
      const local = await new TestClient(t.app, '127.0.0.1').start();
      for (const url of ['/dev/mail', '/dev/mail.json']) {
        const response = await local.get(url);
        expect(response.headers['content-type']).toMatch(/^text\/html/); // the web app's page
        expect(response.body).not.toContain('Udviklerens postkasse');
        expect(response.body).not.toMatch(SURVEY_LINK);
      }
    });

    it('a mail that finally fails keeps no secret, and its error names no address', async () => {
      await deliver();
      const municipality = await t.handle.db
        .selectFrom('municipality')
        .select('id')
        .where('slug', '=', 'demo')
        .executeTakeFirstOrThrow();
      const id = await queueMail(
        t.handle.db,
        { kind: 'smtp', send: async () => {}, close() {} },
        {
          municipalityId: municipality.id,
          kind: 'test',
          to: 'bounce@example.dk',
          subject: 'Hej',
          text: 'Koden er 123456.',
          secrets: ['123456'],
        },
      );
      await t.handle.db
        .updateTable('job')
        .set({ max_attempts: 1 })
        .where('done_at', 'is', null)
        .execute();
      smtp.failNext(1);
      await t.worker.runDue();
      const row = await t.handle.db
        .selectFrom('mail_message')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'failed', secrets: null });
      expect(row.body_text).not.toContain('123456');
      const outbox = (await staff.admin.get('/api/outbox')).json<{
        mails: OutboxMail[];
      }>();
      const shown = outbox.mails.find((m) => m.id === id)!;
      expect(shown.lastError).toMatch(/Try again later/);
      expect(JSON.stringify(shown)).not.toContain('123456');
    });
  });
}
