/** The citizen's own view over HTTP on each test database: link, one-time code, session, what it shows, bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';
import { codeDestination } from '../../src/citizen-view/citizen-view.service.js';
import { noSms, outboxSms, smsNumber, smsTransportFor } from '../../src/mail/sms-transport.js';
import { testDatabases } from '../helpers/databases.js';
import { startSmsGateway, type SmsGateway } from '../helpers/sms-gateway.js';
import {
  CASEWORKER,
  CITIZEN_EMAIL,
  CITIZEN_SMS,
  createCourseFixture,
  lastCitizenLink,
  mailsTo,
  type CourseFixture,
} from '../helpers/course-fixture.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';
import type {
  CitizenLink,
  CitizenView,
  CodeSent,
  CodeStatus,
} from '../../contract/citizen-view.schema.js';
import type { Progression as ProgressionView } from '../../contract/progression.schema.js';
import { signedIn, startDemoApp } from '../helpers/demo-and-other.js';

type Link = CitizenLink;
type View = CitizenView;

for (const database of testDatabases()) {
  describe(`citizen view API on ${database.name}`, () => {
    let t: TestApp;
    let sara: TestClient;
    let course: CourseFixture;

    beforeAll(async () => {
      t = await startDemoApp(database);
      sara = await signedIn(t.app, CASEWORKER);
      course = await createCourseFixture(t.handle.db, sara);
    });
    afterAll(async () => t.close());

    async function newLink(courseId = course.courseId, memberId?: string) {
      const response = await sara.post(`/api/courses/${courseId}/citizen-links`, {
        ...(memberId ? { memberId } : {}),
        validDays: 30,
      });
      expect(response.statusCode, response.body).toBe(201);
      const link = response.json<Link>();
      // Only the citizen gets the link: the test reads it from the mail, as the citizen would.
      const url = await lastCitizenLink(t.handle.db);
      const path = new URL(url).pathname; // /borger/<course>/<token>
      return { ...link, url, api: `/api${path}` };
    }

    /** The newest code mailed to an address. */
    async function lastCode(to = CITIZEN_SMS) {
      const mails = await mailsTo(t.handle.db, to, 'citizen-code');
      return /\b(\d{6})\b/.exec(mails.at(-1)!.body_text)![1]!;
    }

    async function citizenIn(link: { api: string }) {
      const client = await new TestClient(t.app).start();
      expect((await client.post(`${link.api}/code`)).statusCode).toBe(200);
      const code = await lastCode();
      const opened = await client.post(`${link.api}/session`, { code });
      expect(opened.statusCode, opened.body).toBe(200);
      return client;
    }

    it('makes a ≥128-bit link, stores only its hash, and shows nothing without the code', async () => {
      const link = await newLink();
      const token = link.url.split('/').at(-1)!;
      expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
      const rows = await t.handle.db.selectFrom('citizen_link').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(token);
      const client = await new TestClient(t.app).start();
      expect((await client.get('/api/borger/me')).statusCode).toBe(401);
      // The page's first question answers without failing: no view yet.
      const current = await client.get('/api/borger/current');
      expect(current.statusCode).toBe(200);
      expect(current.json()).toEqual({ view: null });
      const wrongToken = await client.post(`/api/borger/${course.courseId}/${'x'.repeat(43)}/code`);
      expect(wrongToken.statusCode).toBe(404);
      // The link was mailed to the citizen.
      expect((await mailsTo(t.handle.db, CITIZEN_EMAIL, 'citizen-link')).length).toBeGreaterThan(0);
    });

    it('opens a session with the right code after wrong ones, and shows the plain view', async () => {
      await t.handle.db
        .updateTable('citizen')
        .set({ email: CITIZEN_EMAIL })
        .where('id', '=', course.citizenId)
        .execute();
      const link = await newLink();
      const client = await new TestClient(t.app).start();
      const sent = await client.post(`${link.api}/code`);
      expect(sent.statusCode, sent.body).toBe(200);
      // She prefers SMS: the code goes to her phone (the outbox, with no gateway configured).
      expect(sent.json<CodeSent>()).toMatchObject({ channel: 'sms', sentTo: '•• •• •• 50' });
      const code = await lastCode();
      const wrong = code === '000000' ? '111111' : '000000';
      const miss = await client.post(`${link.api}/session`, { code: wrong });
      expect(miss.statusCode).toBe(401);
      expect(miss.json<{ details: { triesLeft: number } }>().details.triesLeft).toBe(4);
      expect((await client.post(`${link.api}/session`, { code: '12ab56' })).statusCode).toBe(400);
      const opened = await client.post(`${link.api}/session`, { code });
      expect(opened.statusCode, opened.body).toBe(200);
      const cookie = opened.cookies.find((c) => c.name === 'samspil-borger')!;
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe('Strict');
      // The code is one-time.
      expect(
        (await new TestClient(t.app).start().then((c) => c.post(`${link.api}/session`, { code })))
          .statusCode,
      ).toBe(401);
      const view = (await client.get('/api/borger/me')).json<View>();
      expect(view.me.memberId).toBe(course.citizenId);
      expect((await client.get('/api/borger/current')).json<{ view: View }>().view).toEqual(view);
      expect(view.parts.map((p) => p.memberId)).toEqual([course.citizenId]);
      expect(view.coordinator?.name).toBe('Sara Sagsbehandler');
      expect(view.people.find((p) => p.name === 'Lægehuset Torvet')).toMatchObject({
        phone: '70 20 30 40',
        responseTime: '3 hverdage',
      });
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select(['user_id', 'citizen_id', 'detail'])
        .where('action', '=', 'citizen.read')
        .execute();
      expect(audit.length).toBeGreaterThan(0);
      expect(audit.every((a) => a.user_id === null && a.detail.actor === 'citizen')).toBe(true);
      expect(audit[0]!.citizen_id).toBe(course.citizenId);
    });

    it('locks the link after 5 wrong codes, even for the right one', async () => {
      const link = await newLink();
      const client = await new TestClient(t.app).start();
      await client.post(`${link.api}/code`);
      const code = await lastCode();
      const wrong = code === '999999' ? '888888' : '999999';
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await client.post(`${link.api}/session`, { code: wrong })).statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 423]);
      expect((await client.post(`${link.api}/session`, { code })).statusCode).toBe(423);
      expect((await client.post(`${link.api}/code`)).statusCode).toBe(423);
      const row = await t.handle.db
        .selectFrom('citizen_link')
        .select(['locked_at', 'failed_attempts'])
        .where('id', '=', link.id)
        .executeTakeFirstOrThrow();
      expect(row.locked_at).not.toBeNull();
      expect(row.failed_attempts).toBe(5);
    });

    it('refuses an expired link and an expired code', async () => {
      const link = await newLink();
      const client = await new TestClient(t.app).start();
      await client.post(`${link.api}/code`);
      const code = await lastCode();
      await t.handle.db
        .updateTable('citizen_link')
        .set({ code_expires_at: new Date(Date.now() - 1000) })
        .where('id', '=', link.id)
        .execute();
      const late = await client.post(`${link.api}/session`, { code });
      expect(late.statusCode).toBe(401);
      expect(late.json<{ message: { da: string } }>().message.da).toContain('udløbet');
      await t.handle.db
        .updateTable('citizen_link')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('id', '=', link.id)
        .execute();
      const expired = await client.post(`${link.api}/code`);
      expect(expired.statusCode).toBe(410);
      expect(expired.json<{ details: { reason: string } }>().details.reason).toBe('expired');
    });

    it('takes a comment to the coordinator, a progression answer with a skipped item, and the citizen scale', async () => {
      const link = await newLink();
      const client = await citizenIn(link);
      // Comment: stored, visible on the course page, mailed to the coordinator without its words.
      expect(
        (await client.post('/api/borger/me/messages', { kind: 'kommentar', text: '   ' }))
          .statusCode,
      ).toBe(400);
      const sent = await client.post('/api/borger/me/messages', {
        kind: 'oenske',
        text: 'Jeg vil gerne have møderne om formiddagen.',
      });
      expect(sent.statusCode, sent.body).toBe(201);
      const mails = await mailsTo(t.handle.db, CASEWORKER, 'citizen-message');
      expect(mails).toHaveLength(1);
      expect(mails[0]!.body_text).not.toContain('formiddagen');
      const activity = (await sara.get(`/api/courses/${course.courseId}/citizen-activity`)).json<{
        messages: { text: string; kind: string }[];
      }>();
      expect(activity.messages).toEqual([
        expect.objectContaining({
          kind: 'oenske',
          text: 'Jeg vil gerne have møderne om formiddagen.',
        }),
      ]);

      // Progression: nothing due before a schedule; then out of range refused, a skipped item fine.
      expect(
        (await client.post('/api/borger/me/progression', { answers: { trivsel: 3 } })).statusCode,
      ).toBe(409);
      const instruments = (await sara.get('/api/progression/instruments')).json<{
        instruments: { id: string; targetGroup: string }[];
      }>().instruments;
      await sara.request('PUT', `/api/courses/${course.courseId}/progression/schedule`, {
        instrumentId: instruments.find((i) => i.targetGroup === 'voksne')!.id,
      });
      expect((await client.get('/api/borger/me')).json<View>().progression.schedule?.due?.key).toBe(
        'start',
      );
      expect(
        (await client.post('/api/borger/me/progression', { answers: { trivsel: 7 } })).statusCode,
      ).toBe(400);
      const answered = await client.post('/api/borger/me/progression', {
        answers: { trivsel: 4, hverdag: 3, netvaerk: true },
      });
      expect(answered.statusCode, answered.body).toBe(201);
      const staffView = (
        await sara.get(`/api/courses/${course.courseId}/progression`)
      ).json<ProgressionView>();
      expect(staffView.responses).toEqual([
        expect.objectContaining({
          answeredBy: 'borger',
          answers: { trivsel: 4, hverdag: 3, netvaerk: true },
        }),
      ]);

      // The citizen scale: asked by the caseworker, answered once, "ved ikke" allowed.
      expect((await client.get('/api/borger/me')).json<View>().scale).toBeNull();
      expect(
        (await sara.post(`/api/courses/${course.courseId}/citizen-scale`, {})).statusCode,
      ).toBe(201);
      expect(
        (await sara.post(`/api/courses/${course.courseId}/citizen-scale`, {})).statusCode,
      ).toBe(409);
      const scale = (await client.get('/api/borger/me')).json<View>().scale!;
      expect(scale.items.map((i) => i.id)).toEqual([
        'borger1',
        'borger2',
        'borger3',
        'borger4',
        'borger5',
      ]);
      expect(
        (await client.post('/api/borger/me/scale', { answers: { borger1: 6 } })).statusCode,
      ).toBe(400);
      expect(
        (await client.post('/api/borger/me/scale', { answers: { borger9: 3 } })).statusCode,
      ).toBe(400);
      const ok = await client.post('/api/borger/me/scale', {
        answers: { borger1: 4, borger2: 'dk', borger5: 5 },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(
        (await client.post('/api/borger/me/scale', { answers: { borger1: 4 } })).statusCode,
      ).toBe(409);
    });

    it('shows a parent only their own and their children’s parts of a family plan', async () => {
      const family = await createCourseFixture(t.handle.db, sara, { kind: 'family' });
      const members = await t.handle.db
        .selectFrom('citizen')
        .select(['id', 'relation'])
        .where('course_id', '=', family.courseId)
        .execute();
      const child = members.find((m) => m.relation === 'barn')!.id;
      const father = members.find((m) => m.relation === 'forælder')!.id;
      await t.handle.db
        .updateTable('citizen')
        .set({ email: 'far@example.dk' })
        .where('id', '=', father)
        .execute();
      const mother = await citizenIn(await newLink(family.courseId));
      const seen = (await mother.get('/api/borger/me')).json<View>();
      expect(seen.parts.map((p) => p.memberId).sort()).toEqual([family.citizenId, child].sort());
      const fatherLink = await newLink(family.courseId, father);
      const client = await new TestClient(t.app).start();
      await client.post(`${fatherLink.api}/code`);
      await client.post(`${fatherLink.api}/session`, { code: await lastCode('far@example.dk') });
      const his = (await client.get('/api/borger/me')).json<View>();
      expect(his.parts.map((p) => p.memberId).sort()).toEqual([father, child].sort());
      expect(his.parts.some((p) => p.memberId === family.citizenId)).toBe(false);
    });

    it('stops the link and the session once the course is closed', async () => {
      const other = await createCourseFixture(t.handle.db, sara);
      await t.handle.db
        .updateTable('citizen')
        .set({ email: CITIZEN_EMAIL })
        .where('id', '=', other.citizenId)
        .execute();
      const link = await newLink(other.courseId);
      const client = await citizenIn(link);
      expect((await client.get('/api/borger/me')).statusCode).toBe(200);
      expect((await sara.post(`/api/courses/${other.courseId}/close`)).statusCode).toBe(200);
      const me = await client.get('/api/borger/me');
      expect(me.statusCode).toBe(410);
      expect(me.json<{ details: { reason: string } }>().details.reason).toBe('course-closed');
      const code = await (await new TestClient(t.app).start()).post(`${link.api}/code`);
      expect(code.statusCode).toBe(410);
      // And a citizen of one course never sees another's.
      expect((await client.get(`/api/courses/${course.courseId}`)).statusCode).toBe(401);
    });
    it('keeps a sent code across a reload: the status says it is pending, asking again sends nothing', async () => {
      const link = await newLink();
      const client = await new TestClient(t.app).start();
      const none = await client.get(`${link.api}/code-status`);
      expect(none.statusCode, none.body).toBe(200);
      expect(none.json<CodeStatus>().pending).toBeNull();
      const sent = (await client.post(`${link.api}/code`)).json<CodeSent>();
      const code = await lastCode();
      const before = (await mailsTo(t.handle.db, CITIZEN_SMS, 'citizen-code')).length;

      // The page reloads: it asks, and gets the same pending code back without a new one.
      const reloaded = await new TestClient(t.app).start();
      const status = (await reloaded.get(`${link.api}/code-status`)).json<CodeStatus>();
      expect(status.pending).toMatchObject({
        channel: 'sms',
        sentTo: sent.sentTo,
        expiresAt: sent.expiresAt,
        replaced: false,
      });
      const again = (await reloaded.post(`${link.api}/code`)).json<CodeSent>();
      expect(again).toMatchObject({ expiresAt: sent.expiresAt, replaced: false });
      expect((await mailsTo(t.handle.db, CITIZEN_SMS, 'citizen-code')).length).toBe(before);
      expect((await reloaded.post(`${link.api}/session`, { code })).statusCode).toBe(200);
      // A used code is no longer pending.
      const after = await new TestClient(t.app).start();
      expect((await after.get(`${link.api}/code-status`)).json<CodeStatus>().pending).toBeNull();
    });

    it('sends a new code only when asked explicitly, at most once a minute, and the new one replaces the old', async () => {
      const link = await newLink();
      const client = await new TestClient(t.app).start();
      await client.post(`${link.api}/code`);
      const first = await lastCode();
      const soon = await client.post(`${link.api}/code`, { again: true });
      expect(soon.statusCode).toBe(429);
      expect(soon.json<{ message: { da: string } }>().message.da).toMatch(
        /Vent \d+ sekunder.*virker stadig/,
      );
      const row = await t.handle.db
        .selectFrom('citizen_link')
        .select('code_expires_at')
        .where('id', '=', link.id)
        .executeTakeFirstOrThrow();
      // A minute later (moved back in time in the database rather than waiting).
      await t.handle.db
        .updateTable('citizen_link')
        .set({ code_expires_at: new Date(row.code_expires_at!.getTime() - 61_000) })
        .where('id', '=', link.id)
        .execute();
      const renewed = await client.post(`${link.api}/code`, { again: true });
      expect(renewed.statusCode, renewed.body).toBe(200);
      expect(renewed.json<CodeSent>()).toMatchObject({ replaced: true, againInSeconds: 60 });
      const second = await lastCode();
      if (second !== first) {
        expect((await client.post(`${link.api}/session`, { code: first })).statusCode).toBe(401);
      }
      expect((await client.post(`${link.api}/session`, { code: second })).statusCode).toBe(200);
    });

    it('sends the code by e-mail to a member who prefers e-mail', async () => {
      const other = await createCourseFixture(t.handle.db, sara);
      await t.handle.db
        .updateTable('citizen')
        .set({ preferred_contact: 'e-mail' })
        .where('id', '=', other.citizenId)
        .execute();
      const link = await newLink(other.courseId);
      const client = await new TestClient(t.app).start();
      const sent = (await client.post(`${link.api}/code`)).json<CodeSent>();
      expect(sent).toMatchObject({ channel: 'email' });
      expect(sent.sentTo).toMatch(/^me•+@example\.dk$/);
      const code = await lastCode(CITIZEN_EMAIL);
      expect((await client.post(`${link.api}/session`, { code })).statusCode).toBe(200);
    });

    it('lets the citizen answer every instrument due for her side, autosaved, beside the caseworker', async () => {
      const family = await createCourseFixture(t.handle.db, sara, { kind: 'family' });
      const url = `/api/courses/${family.courseId}/progression`;
      const instruments = (await sara.get('/api/progression/instruments')).json<{
        instruments: { id: string; structure: string; items: { id: string; kind: string }[] }[];
      }>().instruments;
      const byKey = (structure: string) => instruments.find((i) => i.structure === structure)!;
      const [indicators, perChild, session] = [
        byKey('indicators'),
        byKey('per-child'),
        byKey('session'),
      ];
      const set = await sara.request('PUT', `${url}/schedule`, {
        instrumentId: indicators.id,
        moreInstrumentIds: [perChild.id, session.id],
      });
      expect(set.statusCode, set.body).toBe(200);
      const members = (await sara.get(`/api/courses/${family.courseId}`)).json<{
        members: { id: string; relation: string }[];
      }>().members;
      const me = members.find((m) => m.relation === 'borger')!;
      const child = members.find((m) => m.relation === 'barn')!;

      const client = await citizenIn(await newLink(family.courseId));
      const view = (await client.get('/api/borger/me')).json<View>();
      // The indicators about herself, the questionnaire about her child, today's session.
      expect(view.toAnswer.map((task) => [task.instrumentId, task.memberId, task.answers])).toEqual(
        [
          [indicators.id, me.id, null],
          [perChild.id, child.id, null],
          [session.id, me.id, null],
        ],
      );
      expect(view.toAnswer[0]!.occasion).toBe('start');
      expect(view.toAnswer[2]!.occasion).toMatch(/^session-\d{4}-\d{2}-\d{2}$/);

      const post = (body: Record<string, unknown>) =>
        client.post('/api/borger/me/progression', body);
      const first = indicators.items[0]!.id;
      const second = indicators.items[1]!.id;
      // Autosave: the first save stores, the next replaces, the same again changes nothing.
      expect(
        (await post({ instrumentId: indicators.id, answers: { [first]: 2 } })).statusCode,
      ).toBe(201);
      const saved = await post({
        instrumentId: indicators.id,
        answers: { [first]: 3, [second]: 4 },
      });
      expect(saved.statusCode, saved.body).toBe(201);
      const again = await post({
        instrumentId: indicators.id,
        answers: { [first]: 3, [second]: 4 },
      });
      expect(again.statusCode, again.body).toBe(201);
      expect(again.json<{ id: string }>().id).toBe(saved.json<{ id: string }>().id);
      // The per-child questionnaire, as the parent: "passer godt" is option 2.
      const childItem = perChild.items[0]!.id;
      const aboutChild = await post({
        instrumentId: perChild.id,
        memberId: child.id,
        answers: { [childItem]: 2 },
      });
      expect(aboutChild.statusCode, aboutChild.body).toBe(201);
      expect(aboutChild.json<{ answeredBy: string; respondent: string }>()).toMatchObject({
        answeredBy: 'foraelder',
        respondent: 'citizen',
      });
      const rating = session.items.find((i) => i.kind === 'scale-0-10')!.id;
      expect((await post({ instrumentId: session.id, answers: { [rating]: 8 } })).statusCode).toBe(
        201,
      );
      // Refused: out of range, the per-child questionnaire about herself, someone she cannot see.
      expect(
        (await post({ instrumentId: perChild.id, memberId: child.id, answers: { [childItem]: 7 } }))
          .statusCode,
      ).toBe(400);
      expect(
        (await post({ instrumentId: perChild.id, answers: { [childItem]: 1 } })).statusCode,
      ).toBe(409);
      expect(
        (await post({ instrumentId: indicators.id, memberId: child.id, answers: { [first]: 1 } }))
          .statusCode,
      ).toBe(409);

      // The caseworker answers the same indicators; the course page shows both sides.
      const caseworker = await sara.post(`${url}/responses`, {
        instrumentId: indicators.id,
        answeredBy: 'sagsbehandler',
        occasion: 'start',
        answers: { [first]: 2 },
      });
      expect(caseworker.statusCode, caseworker.body).toBe(201);
      const progression = (await sara.get(url)).json<ProgressionView>();
      const sides = progression.responses
        .filter((r) => r.instrumentId === indicators.id && r.occasion === 'start')
        .map((r) => [r.respondent, r.answers[first]]);
      expect(sides.sort()).toEqual([
        ['caseworker', 2],
        ['citizen', 3],
      ]);
      expect(progression.responses).toHaveLength(4);
      const after = (await client.get('/api/borger/me')).json<View>();
      expect(after.toAnswer[0]!.answers).toEqual({ [first]: 3, [second]: 4 });
      expect(after.toAnswer.every((task) => task.editable)).toBe(true);
    });
  });
}

for (const database of testDatabases()) {
  describe(`citizen codes by SMS through an HTTP gateway on ${database.name}`, () => {
    let t: TestApp;
    let gateway: SmsGateway;
    let sara: TestClient;
    let course: CourseFixture;

    beforeAll(async () => {
      gateway = await startSmsGateway();
      t = await startTestApp(database, {
        env: { SMS_URL: gateway.url, SMS_TOKEN: 'gateway-token-123' },
      });
      await createDemoMunicipality(t.handle.db);
      sara = await signedIn(t.app, CASEWORKER);
      course = await createCourseFixture(t.handle.db, sara);
    });
    afterAll(async () => {
      await t.close();
      await gateway.close();
    });

    it('delivers the code to the gateway with the token, retries a refusal, and keeps no code afterwards', async () => {
      expect(
        (await sara.post(`/api/courses/${course.courseId}/citizen-links`, { validDays: 30 }))
          .statusCode,
      ).toBe(201);
      const api = `/api${new URL(await lastCitizenLink(t.handle.db)).pathname}`;
      const client = await new TestClient(t.app).start();
      const sent = await client.post(`${api}/code`);
      expect(sent.json<CodeSent>()).toMatchObject({ channel: 'sms', sentTo: '•• •• •• 50' });
      gateway.failNext(1);
      await t.worker.runDue();
      expect(gateway.received).toHaveLength(0);
      const queued = await t.handle.db
        .selectFrom('mail_message')
        .select(['status', 'channel', 'last_error'])
        .where('kind', '=', 'citizen-code')
        .executeTakeFirstOrThrow();
      expect(queued).toMatchObject({ status: 'queued', channel: 'sms' });
      expect(queued.last_error).toContain('503');
      await new Promise((resolve) => setTimeout(resolve, 50));
      await t.worker.runDue();
      expect(gateway.received).toHaveLength(1);
      const [sms] = gateway.received;
      expect(sms!.authorization).toBe('Bearer gateway-token-123');
      expect(sms!.body.to).toBe(CITIZEN_SMS);
      const code = /\b(\d{6})\b/.exec(sms!.body.text)![1]!;
      const row = await t.handle.db
        .selectFrom('mail_message')
        .select(['status', 'secrets', 'body_text'])
        .where('kind', '=', 'citizen-code')
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('sent');
      expect(row.secrets).toBeNull();
      expect(row.body_text).not.toContain(code);
      expect((await client.post(`${api}/session`, { code })).statusCode).toBe(200);
    });
  });
}

describe('where a citizen code goes', () => {
  const member = { email: 'a@example.dk', phone: '20 30 40 50', preferred_contact: 'sms' as const };

  it('uses SMS only when the person prefers it and SMS is set up; production without a gateway offers none', () => {
    expect(smsTransportFor({ smsUrl: undefined, smsToken: undefined, production: true }).kind).toBe(
      'none',
    );
    expect(
      smsTransportFor({ smsUrl: undefined, smsToken: undefined, production: false }).kind,
    ).toBe('outbox');
    expect(codeDestination(member, noSms)).toEqual({ channel: 'email', to: 'a@example.dk' });
    expect(codeDestination(member, outboxSms)).toEqual({ channel: 'sms', to: '+4520304050' });
    expect(codeDestination({ ...member, preferred_contact: 'e-mail' }, outboxSms)).toEqual({
      channel: 'email',
      to: 'a@example.dk',
    });
    expect(codeDestination({ ...member, phone: 'ring til mor' }, outboxSms)).toEqual({
      channel: 'email',
      to: 'a@example.dk',
    });
    expect(codeDestination({ ...member, email: null }, noSms)).toBeNull();
  });

  it('reads Danish and international numbers and refuses what is not one', () => {
    expect(smsNumber('20 30 40 50')).toBe('+4520304050');
    expect(smsNumber('0046 70 123 45 67')).toBe('+46701234567');
    expect(smsNumber('+45 20-30-40-50')).toBe('+4520304050');
    expect(smsNumber('2030')).toBeNull();
    expect(smsNumber(null)).toBeNull();
  });
});
