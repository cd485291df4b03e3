/**
 * The Én plan fidelity checklist and implementation index over HTTP on each test database:
 * due dates, drafts, scoring with "ved ikke", idempotent submission, who may answer and
 * read, the coordinator's due list, the index per unit and municipality, and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CourseFidelity,
  FidelityChecklist,
  FidelityDue,
  FidelityIndex,
} from '../../contract/fidelity.schema.js';
import { addMonths } from '../../src/progression/occasions.js';
import { testDatabases } from '../helpers/databases.js';
import { createLogin, demoAndOther, OTHER_ADMIN, signedIn } from '../helpers/demo-and-other.js';
import {
  CASEWORKER,
  createCourseFixture,
  giveConsent,
  openCourse,
  PROFESSIONAL,
} from '../helpers/course-fixture.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';
import { danishDay } from '../helpers/dates.js';

const today = () => danishDay();

/** Known answers: scored 1, .5, 0, 1, 1, 1, .5, 0 (one "ved ikke") = 5/8. */
const KNOWN = {
  'plan-samlet': 'ja',
  'plan-borger': 'delvist',
  'plan-bruges': 'ved-ikke',
  'indgange-kender': 'nej',
  'indgange-gennem': 'ja',
  'progression-start': 'ja',
  'progression-halvaar': 'ja',
  'maal-faelles': 'delvist',
  'maal-afstemt': 'nej',
} as const;

for (const database of testDatabases()) {
  describe(`fidelity API on ${database.name}`, () => {
    let t: TestApp;
    let sara: TestClient;
    let frida: TestClient;
    let leader: TestClient;
    let analyst: TestClient;
    let otherAdmin: TestClient;

    const login = (email: string, password?: string) => signedIn(t.app, email, password);
    const fidelity = async (client: TestClient, courseId: string) => {
      const response = await client.get(`/api/courses/${courseId}/fidelity`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<CourseFidelity>();
    };

    beforeAll(async () => {
      t = await startTestApp(database);
      await demoAndOther(t.handle.db);
      sara = await login(CASEWORKER);
      frida = await login(PROFESSIONAL);
      leader = await login('leder@demo.samspil.dk');
      analyst = await login('analytiker@demo.samspil.dk');
      otherAdmin = await login(OTHER_ADMIN.email, OTHER_ADMIN.password);
    });
    afterAll(async () => t.close());

    it('is due 6 months after the start, every 6 months after, and at closure', async () => {
      const start = addMonths(today(), -13);
      const old = await createCourseFixture(t.handle.db, sara, { startDate: start });
      const view = await fidelity(sara, old.courseId);
      expect(view.occasions).toEqual([
        { key: 'm6', due: addMonths(start, 6), status: 'open' },
        { key: 'm12', due: addMonths(start, 12), status: 'open' },
      ]);
      expect(view.due).toEqual({ key: 'm12', due: addMonths(start, 12) });
      expect(view.next).toEqual({ key: 'm18', due: addMonths(start, 18) });
      expect(view.canAnswer).toBe(true);
      expect(view.index).toMatchObject({ index: null, n: 0 });

      const fresh = await createCourseFixture(t.handle.db, sara);
      const before = await fidelity(sara, fresh.courseId);
      expect(before.occasions).toEqual([]);
      expect(before.due).toBeNull();
      expect(before.next).toEqual({ key: 'm6', due: addMonths(today(), 6) });
      expect((await sara.post(`/api/courses/${fresh.courseId}/close`)).statusCode).toBe(200);
      const closed = await fidelity(sara, fresh.courseId);
      expect(closed.occasions).toEqual([{ key: 'afslutning', due: today(), status: 'open' }]);
      expect(closed.due).toEqual({ key: 'afslutning', due: today() });
      expect(closed.next).toBeNull();
    });

    it('saves drafts, scores known answers with "ved ikke" left out, and submits once', async () => {
      const course = await createCourseFixture(t.handle.db, sara, {
        startDate: addMonths(today(), -7),
      });
      const url = `/api/courses/${course.courseId}/fidelity/m6`;
      const draft = await sara.request('PUT', url, {
        answers: { 'plan-samlet': 'ja', 'plan-bruges': 'ved-ikke' },
      });
      expect(draft.statusCode, draft.body).toBe(200);
      expect(draft.json<FidelityChecklist>()).toMatchObject({
        status: 'draft',
        submittedAt: null,
        score: { index: 1, scored: 1, dontKnow: 1 },
      });
      expect((await sara.get('/api/fidelity/due')).json<FidelityDue>().due).toContainEqual({
        courseId: course.courseId,
        citizenName: 'Mette Hansen',
        occasion: 'm6',
        due: addMonths(addMonths(today(), -7), 6),
        started: true,
      });

      // A submission with questions left out is refused and changes nothing.
      const partial = await sara.post(`${url}/submit`, { answers: { 'plan-samlet': 'nej' } });
      expect(partial.statusCode).toBe(400);
      expect(partial.json<{ message: { da: string; en: string } }>().message.da).toContain(
        'mangler 8',
      );
      const still = await fidelity(sara, course.courseId);
      expect(still.checklists[0]).toMatchObject({
        status: 'draft',
        answers: { 'plan-samlet': 'ja' },
      });

      const submitted = await sara.post(`${url}/submit`, { answers: KNOWN });
      expect(submitted.statusCode, submitted.body).toBe(200);
      const first = submitted.json<FidelityChecklist>();
      expect(first.status).toBe('submitted');
      expect(first.score).toEqual({
        index: 5 / 8,
        scored: 8,
        dontKnow: 1,
        elements: {
          plan: { score: 0.75, n: 2 },
          indgange: { score: 0.5, n: 2 },
          progression: { score: 1, n: 2 },
          maal: { score: 0.25, n: 2 },
        },
      });
      // The same submission again is answered as the first time and changes nothing.
      const again = await sara.post(`${url}/submit`, { answers: KNOWN });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json<FidelityChecklist>()).toEqual(first);
      // Other answers, or a draft, after submission are refused.
      const changed = await sara.post(`${url}/submit`, {
        answers: { ...KNOWN, 'maal-afstemt': 'ja' },
      });
      expect(changed.statusCode).toBe(409);
      expect(
        (await sara.request('PUT', url, { answers: { 'plan-samlet': 'nej' } })).statusCode,
      ).toBe(409);

      const view = await fidelity(sara, course.courseId);
      expect(view.occasions).toEqual([
        { key: 'm6', due: addMonths(addMonths(today(), -7), 6), status: 'submitted' },
      ]);
      expect(view.due).toBeNull();
      expect(view.index).toMatchObject({ index: 5 / 8, n: 1 });
      expect(
        (await sara.get('/api/fidelity/due')).json<FidelityDue>().due.map((d) => d.courseId),
      ).not.toContain(course.courseId);

      const rows = await t.handle.db
        .selectFrom('fidelity_checklist')
        .select(['status', 'submitted_at'])
        .where('course_id', '=', course.courseId)
        .execute();
      expect(rows).toHaveLength(1);
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select(['action', 'citizen_id'])
        .where('entity_id', '=', course.courseId)
        .where('action', 'like', 'fidelity.%')
        .execute();
      const actions = audit.map((a) => a.action);
      expect(actions.filter((a) => a === 'fidelity.submit')).toHaveLength(1);
      expect(actions).toEqual(
        expect.arrayContaining(['fidelity.read', 'fidelity.draft', 'fidelity.due']),
      );
      expect(audit.every((a) => a.citizen_id === course.citizenId)).toBe(true);
    });

    it('lets only the coordinator answer, the course readers read, and refuses bad input', async () => {
      const course = await createCourseFixture(t.handle.db, sara, {
        startDate: addMonths(today(), -7),
      });
      const url = `/api/courses/${course.courseId}/fidelity`;
      // Network professionals without consent (Frida; the leader through the Jobcenter unit),
      // an analyst outside the network, another municipality.
      expect((await frida.get(url)).statusCode).toBe(403);
      expect((await leader.get(url)).statusCode).toBe(403);
      expect((await analyst.get(url)).statusCode).toBe(404);
      expect((await otherAdmin.get(url)).statusCode).toBe(404);
      expect((await analyst.request('PUT', `${url}/m6`, { answers: {} })).statusCode).toBe(403);
      expect((await frida.request('PUT', `${url}/m6`, { answers: {} })).statusCode).toBe(403);
      // Consent lets the professional read, never answer.
      await giveConsent(sara, course.courseId, {
        purpose: 'Samarbejde',
        partyIds: [course.parties.professional],
        memberIds: [course.citizenId],
        givenOn: today(),
        form: 'underskrift',
        expiresOn: addMonths(today(), 6),
      });
      expect((await fidelity(frida, course.courseId)).canAnswer).toBe(false);
      const refused = await frida.request('PUT', `${url}/m6`, { answers: {} });
      expect(refused.statusCode).toBe(403);
      expect(refused.json<{ message: { da: string } }>().message.da).toContain('koordinerende');

      // Bad input: an occasion that is no occasion, one not due yet, an unknown answer or question.
      expect((await sara.request('PUT', `${url}/start`, { answers: {} })).statusCode).toBe(400);
      expect((await sara.request('PUT', `${url}/m12`, { answers: {} })).statusCode).toBe(409);
      expect((await sara.request('PUT', `${url}/afslutning`, { answers: {} })).statusCode).toBe(
        409,
      );
      const badValue = await sara.request('PUT', `${url}/m6`, {
        answers: { 'plan-samlet': 'måske' },
      });
      expect(badValue.statusCode).toBe(400);
      expect(badValue.json()).toMatchObject({ code: 'validation_failed' });
      expect(
        (await sara.request('PUT', `${url}/m6`, { answers: { ukendt: 'ja' } })).statusCode,
      ).toBe(400);
      expect((await sara.request('PUT', `${url}/m6`, {})).statusCode).toBe(400);
      expect((await fidelity(sara, course.courseId)).checklists).toEqual([]);

      // Closed: only the closing checklist can still be filled in.
      expect((await sara.post(`/api/courses/${course.courseId}/close`)).statusCode).toBe(200);
      const late = await sara.request('PUT', `${url}/m6`, { answers: { 'plan-samlet': 'ja' } });
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ code: 'closed' });
      const closing = await sara.post(`${url}/afslutning/submit`, { answers: KNOWN });
      expect(closing.statusCode, closing.body).toBe(200);
    });

    it('refuses a caseworker with full access who is not the coordinator', async () => {
      const jobcenter = await t.handle.db
        .selectFrom('person')
        .innerJoin('unit', 'unit.id', 'person.unit_id')
        .where('unit.name', '=', 'Jobcenter')
        .where('person.role', '=', 'medarbejder')
        .select('person.id')
        .executeTakeFirstOrThrow();
      const { id } = await openCourse(
        sara,
        jobcenter.id,
        { name: 'Karen Lund', cpr: '0101801234', preferredContact: 'sms' },
        addMonths(today(), -7),
      );
      const view = await fidelity(sara, id);
      expect(view.canAnswer).toBe(false);
      expect(view.due?.key).toBe('m6');
      expect(
        (await sara.request('PUT', `/api/courses/${id}/fidelity/m6`, { answers: {} })).statusCode,
      ).toBe(403);
    });

    it('combines submitted checklists into the index per unit and municipality, by half-year', async () => {
      const empty = (await otherAdmin.get('/api/fidelity/index')).json<FidelityIndex>();
      expect(empty.municipality?.overall.n).toBe(0);
      expect(empty.units).toEqual([]);
      expect((await sara.get('/api/fidelity/index')).statusCode).toBe(403);

      // A course the leader coordinates, from the Jobcenter: one checklist of all "ja".
      const leaderPerson = await t.handle.db
        .selectFrom('app_user')
        .select('person_id')
        .where('email', '=', 'leder@demo.samspil.dk')
        .executeTakeFirstOrThrow();
      const start = addMonths(today(), -7);
      const { id: leaderCourse } = await openCourse(
        leader,
        leaderPerson.person_id!,
        { name: 'Per Holm', cpr: '0202802345', preferredContact: 'sms' },
        start,
      );
      const allYes = Object.fromEntries(Object.keys(KNOWN).map((k) => [k, 'ja']));
      expect(
        (await leader.post(`/api/courses/${leaderCourse}/fidelity/m6/submit`, { answers: allYes }))
          .statusCode,
      ).toBe(200);

      const index = (await analyst.get('/api/fidelity/index')).json<FidelityIndex>();
      // Sara's two submitted checklists (5/8 each) and the leader's (1).
      expect(index.municipality!.overall.n).toBe(3);
      expect(index.municipality!.overall.index).toBeCloseTo((5 / 8 + 5 / 8 + 1) / 3, 10);
      expect(index.municipality!.overall.elements.maal).toEqual({
        score: (0.25 + 0.25 + 1) / 3,
        n: 3,
      });
      const byName = new Map(index.units.map((u) => [u.unitName, u]));
      expect(byName.get('Socialafdelingen voksne')!.overall).toMatchObject({ index: 5 / 8, n: 2 });
      expect(byName.get('Jobcenter')!.overall).toMatchObject({ index: 1, n: 1 });
      const half = `${addMonths(start, 6).slice(0, 4)}-H${Number(addMonths(start, 6).slice(5, 7)) <= 6 ? 1 : 2}`;
      expect(index.periods).toContain(half);
      expect(byName.get('Jobcenter')!.periods).toEqual([
        { period: half, figure: expect.objectContaining({ index: 1, n: 1 }) },
      ]);
      expect(index.courses.find((c) => c.courseId === leaderCourse)).toMatchObject({
        unitName: 'Jobcenter',
        status: 'open',
        startDate: start,
        overall: { index: 1, n: 1 },
      });
      expect(JSON.stringify(index)).not.toContain('Per Holm');

      // The leader sees their own unit only.
      const own = (await leader.get('/api/fidelity/index')).json<FidelityIndex>();
      expect(own.municipality).toBeNull();
      expect(own.units.map((u) => u.unitName)).toEqual(['Jobcenter']);
      expect(own.courses.map((c) => c.courseId)).toEqual([leaderCourse]);

      // A leader whose login is linked to no unit has no index to see.
      const admin = await login('admin@demo.samspil.dk');
      await createLogin(admin, 'leder', {
        name: 'Lone Uden Enhed',
        email: 'lone.uden.enhed@example.dk',
        password: 'a-leader-password-9',
      });
      const lone = await login('lone.uden.enhed@example.dk', 'a-leader-password-9');
      const refused = await lone.get('/api/fidelity/index');
      expect(refused.statusCode).toBe(403);
      expect(refused.json<{ message: { da: string } }>().message.da).toContain('enhed');

      const csv = await analyst.get('/api/fidelity/index/csv');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'niveau;navn;periode;indeks_pct;n;plan_pct;indgange_pct;progression_pct;maal_pct',
      );
      expect(lines).toContain('enhed;"Jobcenter";alle;100;1;100;100;100;100');
      expect(lines).toContain('enhed;"Socialafdelingen voksne";alle;63;2;75;50;100;25');
      expect((await leader.get('/api/fidelity/index/csv')).body).not.toContain('Socialafdelingen');
    });
  });
}
