/** Progression over HTTP on each test database: instruments, schedule, due reminders, answers, bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxTransport } from '../../src/mail/mail-transport.js';
import type {
  Instrument as InstrumentView,
  Progression as ProgressionView,
  ProgressionResponse as ResponseView,
} from '../../contract/progression.schema.js';
import { danishToday } from '../../src/courses/course-access.js';
import { addMonths } from '../../src/progression/occasions.js';
import { createWorker } from '../../src/server/background.js';
import { testDatabases } from '../helpers/databases.js';
import { CASEWORKER, createCourseFixture, mailsTo } from '../helpers/course-fixture.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';
import { danishDay } from '../helpers/dates.js';
import { rerunAfterCrash } from '../helpers/jobs.js';
import { signedIn, startDemoApp } from '../helpers/demo-and-other.js';

const today = () => danishDay();

/** A colleague in the demo's organisation with an e-mail, to coordinate beside the lead. */
const MAKKER = 'fagperson@demo.samspil.dk';

for (const database of testDatabases()) {
  describe(`progression API on ${database.name}`, () => {
    let t: TestApp;
    let sara: TestClient;
    let admin: TestClient;
    let instruments: InstrumentView[];

    beforeAll(async () => {
      t = await startDemoApp(database);
      sara = await signedIn(t.app, CASEWORKER);
      admin = await signedIn(t.app, 'admin@demo.samspil.dk');
    });
    afterAll(async () => t.close());

    it('seeds the plain-language defaults once, on first use', async () => {
      const first = await sara.get('/api/progression/instruments');
      expect(first.statusCode, first.body).toBe(200);
      instruments = first.json<{ instruments: InstrumentView[] }>().instruments;
      expect(instruments.map((i) => i.structure).sort()).toEqual([
        'general',
        'general',
        'indicators',
        'per-child',
        'session',
      ]);
      expect(instruments.every((i) => i.isDefault && i.items.length >= 5)).toBe(true);
      const kinds = new Set(instruments.flatMap((i) => i.items.map((item) => item.kind)));
      expect([...kinds].sort()).toEqual(['options', 'scale-0-10', 'scale-1-5', 'text', 'yes-no']);
      const second = (await admin.get('/api/progression/instruments')).json<{
        instruments: InstrumentView[];
      }>();
      expect(second.instruments).toHaveLength(5);
    });

    it('lets only the admin create and edit instruments, and never one without items', async () => {
      const empty = await admin.post('/api/progression/instruments', {
        name: 'Tomt',
        targetGroup: 'alle',
        items: [],
      });
      expect(empty.statusCode).toBe(400);
      expect(empty.json<{ message: { da: string } }>().message.da).toContain('mindst ét');
      const good = {
        name: 'Familiens trivsel',
        targetGroup: 'familier',
        items: [{ id: 'hverdag', text: 'Hvordan går hverdagen?', kind: 'scale-1-5' }],
      };
      expect((await sara.post('/api/progression/instruments', good)).statusCode).toBe(403);
      const created = await admin.post('/api/progression/instruments', good);
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<InstrumentView>().id;
      expect(
        (await admin.patch(`/api/progression/instruments/${id}`, { items: [] })).statusCode,
      ).toBe(400);
      const renamed = await admin.patch(`/api/progression/instruments/${id}`, { name: 'Familien' });
      expect(renamed.json<InstrumentView>().name).toBe('Familien');
      const list = (await admin.get('/api/progression/instruments')).json<{
        instruments: InstrumentView[];
      }>();
      expect(list.instruments).toHaveLength(6);
    });

    it('schedules start, every six months and closure, and reminds once per occasion', async () => {
      const course = await createCourseFixture(t.handle.db, sara);
      const adults = instruments.find((i) => i.targetGroup === 'voksne')!;
      const set = await sara.request(
        'PUT',
        `/api/courses/${course.courseId}/progression/schedule`,
        {
          instrumentId: adults.id,
        },
      );
      expect(set.statusCode, set.body).toBe(200);
      const view = set.json<ProgressionView>();
      expect(view.schedule!.due!.key).toBe('start');
      expect(view.schedule!.next).toEqual({ key: 'm6', due: addMonths(today(), 6) });
      const keys = (
        await t.handle.db
          .selectFrom('job')
          .select('dedupe_key')
          .where('kind', '=', 'progression-due')
          .where('dedupe_key', 'like', `progression-due:${course.courseId}:%`)
          .execute()
      ).map((j) => j.dedupe_key);
      expect(keys.sort()).toEqual([
        `progression-due:${course.courseId}:m6`,
        `progression-due:${course.courseId}:start`,
      ]);
      // Setting the schedule again queues nothing new.
      await sara.request('PUT', `/api/courses/${course.courseId}/progression/schedule`, {
        instrumentId: adults.id,
      });
      const worker = createWorker(t.handle.db, outboxTransport, { backoffMs: 10 });
      await worker.runDue();
      await worker.runDue();
      // A copy of the same job (as after a crash before it was marked done) mails nobody.
      await rerunAfterCrash(t.handle.db, worker, 'progression-due', {
        courseId: course.courseId,
        occasion: 'start',
        publicUrl: '',
      });
      const reminders = await mailsTo(t.handle.db, CASEWORKER, 'progression-due');
      expect(reminders).toHaveLength(1);
      expect(reminders[0]!.body_text).toContain(`/forloeb/${course.courseId}/progression`);
      const pending = await t.handle.db
        .selectFrom('job')
        .select(['dedupe_key', 'done_at'])
        .where('dedupe_key', '=', `progression-due:${course.courseId}:m6`)
        .executeTakeFirstOrThrow();
      expect(pending.done_at).toBeNull();
    });

    it('makes the closing measurement due when a course is closed and reminds the coordinator once', async () => {
      const course = await createCourseFixture(t.handle.db, sara);
      const unscheduled = await createCourseFixture(t.handle.db, sara);
      const adults = instruments.find((i) => i.targetGroup === 'voksne')!;
      const url = `/api/courses/${course.courseId}/progression`;
      await sara.request('PUT', `${url}/schedule`, { instrumentId: adults.id });
      // A makker coordinates beside the lead and is reminded too.
      const org = (await admin.get('/api/org')).json<{ people: { id: string; email: string }[] }>();
      const makker = org.people.find((p) => p.email === MAKKER)!;
      const added = await sara.post(`/api/courses/${course.courseId}/coordinators`, {
        personId: makker.id,
        role: 'makker',
      });
      expect(added.statusCode, added.body).toBe(201);
      const worker = createWorker(t.handle.db, outboxTransport, { backoffMs: 10 });
      await worker.runDue();
      expect((await sara.post(`/api/courses/${course.courseId}/close`)).statusCode).toBe(200);
      expect((await sara.post(`/api/courses/${unscheduled.courseId}/close`)).statusCode).toBe(200);
      const closingJobs = await t.handle.db
        .selectFrom('job')
        .select('dedupe_key')
        .where('dedupe_key', 'like', 'progression-due:%:afslutning')
        .execute();
      // Only the course with a schedule has a closing occasion to remind of.
      expect(closingJobs.map((j) => j.dedupe_key)).toEqual([
        `progression-due:${course.courseId}:afslutning`,
      ]);
      const view = (await sara.get(url)).json<ProgressionView>();
      expect(view.schedule!.due).toMatchObject({ key: 'afslutning', due: danishToday() });
      expect(view.schedule!.next).toBeNull();
      await worker.runDue();
      // A copy of the closing job (as after a crash before it was marked done) mails nobody.
      await rerunAfterCrash(t.handle.db, worker, 'progression-due', {
        courseId: course.courseId,
        occasion: 'afslutning',
        publicUrl: '',
      });
      const closing = (await mailsTo(t.handle.db, CASEWORKER, 'progression-due')).filter(
        (m) => m.body_text.includes('afsluttet') && m.body_text.includes(course.courseId),
      );
      expect(closing).toHaveLength(1);
      expect(closing[0]!.body_text).toContain('closing measurement');
      const makkers = (await mailsTo(t.handle.db, MAKKER, 'progression-due')).filter(
        (m) => m.body_text.includes('afsluttet') && m.body_text.includes(course.courseId),
      );
      expect(makkers).toHaveLength(1);
      // The m6 reminder of the closed course never goes out.
      const m6 = await t.handle.db
        .selectFrom('job')
        .select(['done_at'])
        .where('dedupe_key', '=', `progression-due:${course.courseId}:m6`)
        .executeTakeFirstOrThrow();
      expect(m6.done_at).toBeNull();
    });

    it('refuses out-of-range and unknown answers, stores skipped items as absent, and draws two points', async () => {
      const start = addMonths(today(), -7);
      const course = await createCourseFixture(t.handle.db, sara, { startDate: start });
      const adults = instruments.find((i) => i.targetGroup === 'voksne')!;
      const url = `/api/courses/${course.courseId}/progression`;
      const early = await sara.post(`${url}/responses`, {
        answeredBy: 'borger',
        answers: { trivsel: 3 },
      });
      expect(early.statusCode).toBe(409);
      await sara.request('PUT', `${url}/schedule`, { instrumentId: adults.id, intervalMonths: 6 });
      const bad = [
        { trivsel: 6 },
        { trivsel: 0 },
        { trivsel: 2.5 },
        { arbejde: 11 },
        { netvaerk: 1 },
        { ord: 5 },
        { findesikke: 3 },
        {},
      ];
      for (const answers of bad) {
        const response = await sara.post(`${url}/responses`, { answeredBy: 'borger', answers });
        expect(response.statusCode, JSON.stringify(answers)).toBe(400);
      }
      expect((await sara.get(url)).json<ProgressionView>().responses).toEqual([]);
      const first = await sara.post(`${url}/responses`, {
        answeredBy: 'sagsbehandler',
        occasion: 'start',
        answers: { trivsel: 2, arbejde: 3, netvaerk: false },
      });
      expect(first.statusCode, first.body).toBe(201);
      const second = await sara.post(`${url}/responses`, {
        answeredBy: 'borger',
        answers: { trivsel: 4, arbejde: 5, ord: 'Det går bedre' },
      });
      expect(second.statusCode, second.body).toBe(201);
      expect(second.json<ResponseView>().occasion).toBe('m6');
      const again = await sara.post(`${url}/responses`, {
        answeredBy: 'borger',
        occasion: 'm6',
        answers: { trivsel: 1 },
      });
      expect(again.statusCode).toBe(409);
      const view = (await sara.get(url)).json<ProgressionView>();
      expect(view.responses.map((r) => [r.occasion, r.answers.trivsel])).toEqual([
        ['start', 2],
        ['m6', 4],
      ]);
      expect('soevn' in view.responses[1]!.answers).toBe(false);
      expect(view.schedule!.due).toBeNull();
      expect(view.schedule!.occasions.map((o) => [o.key, o.answered])).toEqual([
        ['start', true],
        ['m6', true],
      ]);

      // Closed: only the closing measurement can still be answered.
      expect((await sara.post(`/api/courses/${course.courseId}/close`)).statusCode).toBe(200);
      const closing = await sara.post(`${url}/responses`, {
        answeredBy: 'borger',
        occasion: 'afslutning',
        answers: { trivsel: 5 },
      });
      expect(closing.statusCode, closing.body).toBe(201);
      const closed = (await sara.get(url)).json<ProgressionView>();
      expect(closed.schedule!.occasions.at(-1)).toMatchObject({
        key: 'afslutning',
        answered: true,
      });
    });
  });
}
