/**
 * Progression as the trial measured it, over HTTP on each test database: citizen and
 * caseworker side by side, one measurement per child, sub-scale scores, a licensed
 * instrument entered without code, session ratings, and what closing records.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Closing,
  Instrument as InstrumentView,
  Progression as ProgressionView,
  ProgressionResponse as ResponseView,
} from '../../contract/progression.schema.js';
import { testDatabases } from '../helpers/databases.js';
import { CASEWORKER, createCourseFixture } from '../helpers/course-fixture.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';
import { signedIn, startDemoApp } from '../helpers/demo-and-other.js';

type Message = { message: { da: string; en: string } };

/** The answer options "Aldrig", "Nogle gange" and "Tit" with these scores. */
const often = (...scores: [number, number, number]) =>
  ['Aldrig', 'Nogle gange', 'Tit'].map((label, i) => ({ label, score: scores[i]! }));

for (const database of testDatabases()) {
  describe(`progression as the trial measured it on ${database.name}`, () => {
    let t: TestApp;
    let sara: TestClient;
    let analyst: TestClient;
    let instruments: InstrumentView[];
    const byKey = (structure: string) => instruments.find((i) => i.structure === structure)!;

    beforeAll(async () => {
      t = await startDemoApp(database);
      sara = await signedIn(t.app, CASEWORKER);
      analyst = await signedIn(t.app, 'analytiker@demo.samspil.dk');
      instruments = (await sara.get('/api/progression/instruments')).json<{
        instruments: InstrumentView[];
      }>().instruments;
    });
    afterAll(async () => t.close());

    it('takes the citizen and the caseworker on the same instrument and occasion, side by side', async () => {
      const course = await createCourseFixture(t.handle.db, sara);
      const url = `/api/courses/${course.courseId}/progression`;
      const indicators = byKey('indicators');
      const set = await sara.request('PUT', `${url}/schedule`, { instrumentId: indicators.id });
      expect(set.statusCode, set.body).toBe(200);
      const citizen = await sara.post(`${url}/responses`, {
        answeredBy: 'borger',
        answers: { helbred: 2, hverdag: 3, tro: 4, netvaerk: 3, kunnen: 4, soege: 2 },
      });
      expect(citizen.statusCode, citizen.body).toBe(201);
      const caseworker = await sara.post(`${url}/responses`, {
        answeredBy: 'sagsbehandler',
        answers: { helbred: 2, hverdag: 2, tro: 2, netvaerk: 2, kunnen: 3, soege: 4 },
      });
      expect(caseworker.statusCode, caseworker.body).toBe(201);
      // The same side cannot answer the same occasion twice; nor can a parent beside the citizen.
      const twice = await sara.post(`${url}/responses`, {
        answeredBy: 'foraelder',
        occasion: 'start',
        answers: { helbred: 5 },
      });
      expect(twice.statusCode).toBe(409);
      const view = (await sara.get(url)).json<ProgressionView>();
      expect(view.responses.map((r) => [r.occasion, r.respondent, r.scores])).toEqual([
        ['start', 'citizen', { personlige: 3, arbejdsmarked: 3 }],
        ['start', 'caseworker', { personlige: 2, arbejdsmarked: 3.5 }],
      ]);
      const read = await t.handle.db
        .selectFrom('audit_log')
        .select(['action', 'citizen_id'])
        .where('entity_id', '=', course.courseId)
        .where('action', 'in', ['progression.answer', 'progression.read'])
        .execute();
      expect(read.filter((r) => r.action === 'progression.answer')).toHaveLength(2);
      expect(read.some((r) => r.action === 'progression.read')).toBe(true);
    });

    it('measures each child of a family course once per side, with sub-scale sums', async () => {
      const course = await createCourseFixture(t.handle.db, sara, { kind: 'family' });
      const url = `/api/courses/${course.courseId}/progression`;
      const members = (await sara.get(`/api/courses/${course.courseId}`)).json<{
        members: { id: string; relation: string }[];
      }>().members;
      const child = members.find((m) => m.relation === 'barn')!;
      const perChild = byKey('per-child');
      const session = byKey('session');
      const set = await sara.request('PUT', `${url}/schedule`, {
        instrumentId: byKey('indicators').id,
        moreInstrumentIds: [perChild.id, session.id],
      });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json<ProgressionView>().schedule!.instrumentIds).toEqual([
        byKey('indicators').id,
        perChild.id,
        session.id,
      ]);
      // A per-child questionnaire about the main citizen is refused with a clear message.
      const notAChild = await sara.post(`${url}/responses`, {
        instrumentId: perChild.id,
        answeredBy: 'foraelder',
        answers: { glad: 2 },
      });
      expect(notAChild.statusCode).toBe(400);
      expect(notAChild.json<Message>().message.da).toContain('barn');
      // Options are answered by index: 3 is past "passer godt".
      const outside = await sara.post(`${url}/responses`, {
        instrumentId: perChild.id,
        memberId: child.id,
        answeredBy: 'foraelder',
        answers: { glad: 3 },
      });
      expect(outside.statusCode).toBe(400);
      const parent = await sara.post(`${url}/responses`, {
        instrumentId: perChild.id,
        memberId: child.id,
        answeredBy: 'foraelder',
        answers: { glad: 2, sove: 1, ro: 1, venner: 2, lege: 0, moede: 2, laere: 1 },
      });
      expect(parent.statusCode, parent.body).toBe(201);
      // Trivsel 2+1+1 = 4, fællesskab 2+0 = 2, skole misses "voksen": no sum.
      expect(parent.json<ResponseView>().scores).toEqual({
        trivsel: 4,
        faellesskab: 2,
        skole: null,
      });
      const worker = await sara.post(`${url}/responses`, {
        instrumentId: perChild.id,
        memberId: child.id,
        answeredBy: 'sagsbehandler',
        answers: { glad: 1, sove: 1, ro: 0, venner: 1, lege: 1, moede: 2, laere: 2, voksen: 2 },
      });
      expect(worker.statusCode, worker.body).toBe(201);
      expect(worker.json<ResponseView>().scores).toEqual({ trivsel: 2, faellesskab: 2, skole: 6 });
      // A session rating on today's date; one in the future is refused.
      const rated = await sara.post(`${url}/responses`, {
        instrumentId: session.id,
        answeredBy: 'borger',
        answers: { hoert: 8, vigtigt: 9, maade: 7, samlet: 8 },
      });
      expect(rated.statusCode, rated.body).toBe(201);
      // The session's date is the Danish date, which differs from UTC's late in the evening.
      expect(rated.json<ResponseView>().occasion).toMatch(/^session-\d{4}-\d{2}-\d{2}$/);
      expect(rated.json<ResponseView>().scores).toEqual({ samtale: 32 });
      const future = await sara.post(`${url}/responses`, {
        instrumentId: session.id,
        answeredBy: 'borger',
        occasion: 'session-2999-01-01',
        answers: { hoert: 8 },
      });
      expect(future.statusCode).toBe(400);
      const view = (await sara.get(url)).json<ProgressionView>();
      expect(
        view.responses
          .filter((r) => r.instrumentId === perChild.id)
          .map((r) => [r.memberId, r.respondent]),
      ).toEqual([
        [child.id, 'citizen'],
        [child.id, 'caseworker'],
      ]);
    });

    it('lets an analyst enter a licensed instrument with options and sub-scales, and checks it', async () => {
      const licensed = {
        name: 'Licenseret skema (eksempel)',
        targetGroup: 'familier',
        structure: 'per-child',
        source: 'Udgiver A/S, licens 2026-17',
        items: [
          {
            id: 'q1',
            text: 'Spørgsmål 1',
            kind: 'options',
            options: often(0, 1, 2),
          },
          {
            id: 'q2',
            text: 'Spørgsmål 2 (omvendt)',
            kind: 'options',
            options: often(2, 1, 0),
          },
          { id: 'note', text: 'Bemærkning', kind: 'text' },
        ],
        subscales: [{ id: 'samlet', name: 'Samlet', method: 'mean', items: ['q1', 'q2'] }],
      };
      expect((await sara.post('/api/progression/instruments', licensed)).statusCode).toBe(403);
      const bad: [Record<string, unknown>, string][] = [
        [{ subscales: [{ id: 's', name: 'Tekst', method: 'sum', items: ['note'] }] }, 'Delskalaen'],
        [{ subscales: [{ id: 's', name: 'Ukendt', method: 'sum', items: ['q9'] }] }, 'q9'],
        [
          {
            items: [
              { id: 'q1', text: 'Ét svar', kind: 'options', options: [{ label: 'Ja', score: 1 }] },
            ],
            subscales: [],
          },
          'to svarmuligheder',
        ],
        [
          {
            items: [
              { id: 'q1', text: 'Skala', kind: 'scale-1-5', options: [{ label: 'A', score: 1 }] },
            ],
            subscales: [],
          },
          'svarmuligheder',
        ],
      ];
      for (const [change, words] of bad) {
        const response = await analyst.post('/api/progression/instruments', {
          ...licensed,
          ...change,
        });
        expect(response.statusCode, JSON.stringify(change)).toBe(400);
        expect(response.json<Message>().message.da).toContain(words);
      }
      const created = await analyst.post('/api/progression/instruments', licensed);
      expect(created.statusCode, created.body).toBe(201);
      const instrument = created.json<InstrumentView>();
      expect(instrument).toMatchObject({ structure: 'per-child', source: licensed.source });

      const course = await createCourseFixture(t.handle.db, sara, { kind: 'family' });
      const url = `/api/courses/${course.courseId}/progression`;
      const child = (await sara.get(`/api/courses/${course.courseId}`))
        .json<{ members: { id: string; relation: string }[] }>()
        .members.find((m) => m.relation === 'barn')!;
      await sara.request('PUT', `${url}/schedule`, { instrumentId: instrument.id });
      const answered = await sara.post(`${url}/responses`, {
        memberId: child.id,
        answeredBy: 'foraelder',
        answers: { q1: 2, q2: 0, note: 'Fint' },
      });
      expect(answered.statusCode, answered.body).toBe(201);
      // q1 "Tit" scores 2, q2 "Aldrig" (reversed) scores 2: mean 2.
      expect(answered.json<ResponseView>().scores).toEqual({ samlet: 2 });
      const restructure = await analyst.patch(`/api/progression/instruments/${instrument.id}`, {
        structure: 'general',
      });
      expect(restructure.statusCode).toBe(409);
    });

    it('records the experience and education/employment status at closure, audited', async () => {
      const course = await createCourseFixture(t.handle.db, sara);
      const url = `/api/courses/${course.courseId}/progression`;
      const bad = await sara.request('PUT', `${url}/closing`, { experience: 6, status: 'job' });
      expect(bad.statusCode).toBe(400);
      expect((await sara.post(`/api/courses/${course.courseId}/close`)).statusCode).toBe(200);
      const recorded = await sara.request('PUT', `${url}/closing`, {
        experience: 4,
        status: 'uddannelse',
      });
      expect(recorded.statusCode, recorded.body).toBe(200);
      expect(recorded.json<Closing>()).toMatchObject({ experience: 4, status: 'uddannelse' });
      const corrected = await sara.request('PUT', `${url}/closing`, { status: 'ordinaert-job' });
      expect(corrected.json<Closing>()).toMatchObject({
        experience: null,
        status: 'ordinaert-job',
      });
      const view = (await sara.get(url)).json<ProgressionView>();
      expect(view.closing).toMatchObject({ status: 'ordinaert-job' });
      // An analyst has no access to the course's citizen data.
      const outsider = await analyst.request('PUT', `${url}/closing`, { status: 'ledig' });
      expect([403, 404]).toContain(outsider.statusCode);
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select('citizen_id')
        .where('entity_id', '=', course.courseId)
        .where('action', '=', 'progression.closing')
        .execute();
      expect(audit.map((a) => a.citizen_id)).toEqual([course.citizenId, course.citizenId]);
    });

    it('closes a course and records how it ended in one transaction', async () => {
      const course = await createCourseFixture(t.handle.db, sara);
      const close = `/api/courses/${course.courseId}/close`;
      const progression = `/api/courses/${course.courseId}/progression`;
      const status = async () =>
        (
          await t.handle.db
            .selectFrom('course')
            .select('status')
            .where('id', '=', course.courseId)
            .executeTakeFirstOrThrow()
        ).status;
      // A bad closing refuses the whole step: the course stays open, nothing recorded.
      const bad = await sara.post(close, { closing: { experience: 9, status: 'job' } });
      expect(bad.statusCode).toBe(400);
      expect(await status()).toBe('open');
      // When the close itself fails, the closing is not left behind either.
      await sql`ALTER TABLE course ADD CONSTRAINT test_no_close CHECK (status <> 'closed') NOT VALID`.execute(
        t.handle.db,
      );
      const failed = await sara.post(close, { closing: { experience: 4, status: 'ledig' } });
      await sql`ALTER TABLE course DROP CONSTRAINT test_no_close`.execute(t.handle.db);
      expect(failed.statusCode).toBe(500);
      expect(await status()).toBe('open');
      expect((await sara.get(progression)).json<ProgressionView>().closing).toBeNull();

      const closed = await sara.post(close, { closing: { experience: 5, status: 'uddannelse' } });
      expect(closed.statusCode, closed.body).toBe(200);
      expect(await status()).toBe('closed');
      expect((await sara.get(progression)).json<ProgressionView>().closing).toMatchObject({
        experience: 5,
        status: 'uddannelse',
      });
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', course.courseId)
        .where('action', 'in', ['course.close', 'progression.closing'])
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['course.close', 'progression.closing']);

      // Closing without the closing (no body at all) still works, as before.
      const plain = await createCourseFixture(t.handle.db, sara);
      const response = await sara.request('POST', `/api/courses/${plain.courseId}/close`);
      expect(response.statusCode, response.body).toBe(200);
    });
  });
}
