/**
 * Case-level relational capacity over HTTP on each test database: a case measurement
 * started from a course, answered through the survey API, closed, its group result
 * shown or withheld by the anonymity rules, and the analysis across courses.
 * The app runs with MIN_GROUP_SIZE=3, so three respondents make a group.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RK_ITEMS } from '../../src/analysis/answer.js';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';
import {
  addParty,
  CASEWORKER,
  PROFESSIONAL,
  createCourseFixture,
  openCourse,
  personIdOf,
  lastCitizenLink,
  mailsTo,
} from '../helpers/course-fixture.js';
import { testDatabases } from '../helpers/databases.js';
import { signedIn } from '../helpers/demo-and-other.js';
import { surveyLinks } from '../helpers/measurement-fixture.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';
import type { CaseAnalysis } from '../../contract/case-analysis.schema.js';

type CaseView = CaseAnalysis;
interface Person {
  id: string;
  email: string;
  unit_id: string;
}

for (const database of testDatabases()) {
  describe(`case analysis API on ${database.name}`, () => {
    let t: TestApp;
    let sara: TestClient;
    let analyst: TestClient;
    let cpr = 0;

    beforeAll(async () => {
      t = await startTestApp(database, { env: { MIN_GROUP_SIZE: '3' } });
      await createDemoMunicipality(t.handle.db);
      sara = await signedIn(t.app, CASEWORKER);
      analyst = await signedIn(t.app, 'analytiker@demo.samspil.dk');
    });
    afterAll(async () => t.close());

    /** Staff (not leaders, not the demo logins) of a unit, in a stable order. */
    async function staff(unit: string, count: number, skip = 0): Promise<Person[]> {
      const rows = await t.handle.db
        .selectFrom('person')
        .innerJoin('unit', 'unit.id', 'person.unit_id')
        .select(['person.id', 'person.email', 'person.unit_id'])
        .where('unit.name', '=', unit)
        .where('person.role', '=', 'medarbejder')
        .where('person.email', 'not in', [CASEWORKER, PROFESSIONAL])
        .orderBy('person.email')
        .execute();
      return rows.slice(skip, skip + count);
    }

    /** A course coordinated by Sara with the given named professionals and outside actors. */
    async function course(professionals: Person[], externals: number, citizenEmail: string) {
      cpr++;
      const { id } = await openCourse(sara, await personIdOf(t.handle.db, CASEWORKER), {
        name: `Borger ${cpr}`,
        cpr: `${String(cpr).padStart(2, '0')}0690-2${String(cpr).padStart(3, '0')}`,
        email: citizenEmail,
        preferredContact: 'e-mail',
      });
      for (const p of professionals) {
        await addParty(sara, id, {
          kind: 'professional',
          personId: p.id,
          task: 'Indsats',
          responseTime: '2 hverdage',
        });
      }
      for (let i = 0; i < externals; i++) {
        await addParty(sara, id, {
          kind: 'external',
          externalType: 'andet',
          name: `Ekstern ${i + 1}`,
          task: 'Indsats',
          responseTime: '2 hverdage',
        });
      }
      return id;
    }

    /** Each person answers all six items with `value` about every group except their own, and submits. */
    async function answer(measurementId: string, people: [Person, number][]) {
      const links = await surveyLinks(t.handle.db, measurementId);
      for (const [person, value] of people) {
        const link = links.get(person.email);
        expect(link, person.email).toBeDefined();
        const client = await new TestClient(t.app).start();
        const survey = (await client.get(link!)).json<{ groups: { id: string }[] }>();
        const answers = survey.groups
          .filter((g) => g.id !== person.unit_id)
          .flatMap((g) => RK_ITEMS.map((item) => ({ target: g.id, item, value })));
        const saved = await client.request('PUT', `${link!}/answers`, { answers });
        expect(saved.statusCode, saved.body).toBe(200);
        expect((await client.post(`${link!}/submit`)).statusCode).toBe(200);
      }
    }

    async function start(courseId: string, body: Record<string, unknown> = {}) {
      const response = await sara.post(`/api/courses/${courseId}/case-analysis`, body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json<CaseView>().measurements.at(-1)!;
    }

    async function close(courseId: string, measurementId: string) {
      const response = await sara.post(
        `/api/courses/${courseId}/case-analysis/${measurementId}/close`,
      );
      expect(response.statusCode, response.body).toBe(200);
      return response.json<CaseView>();
    }

    /** The citizen answers the citizen scale through their own link and one-time code. */
    async function citizenAnswers(
      courseId: string,
      email: string,
      answers: Record<string, unknown>,
    ) {
      expect((await sara.post(`/api/courses/${courseId}/citizen-scale`, {})).statusCode).toBe(201);
      const link = await sara.post(`/api/courses/${courseId}/citizen-links`, { validDays: 30 });
      expect(link.statusCode, link.body).toBe(201);
      const api = `/api${new URL(await lastCitizenLink(t.handle.db)).pathname}`;
      const citizen = await new TestClient(t.app).start();
      expect((await citizen.post(`${api}/code`)).statusCode).toBe(200);
      const mails = await mailsTo(t.handle.db, email, 'citizen-code');
      const code = /\b(\d{6})\b/.exec(mails.at(-1)!.body_text)![1]!;
      expect((await citizen.post(`${api}/session`, { code })).statusCode).toBe(200);
      const answered = await citizen.post('/api/borger/me/scale', { answers });
      expect(answered.statusCode, answered.body).toBe(200);
    }

    describe('bad input', () => {
      it('refuses a case measurement on a network smaller than the minimum group size, and makes nothing', async () => {
        // The fixture's network: Jobcenter (a unit party), Frida (named) and a doctor; with
        // the coordinator that is two people to ask.
        const fixture = await createCourseFixture(t.handle.db, sara);
        const before = await t.handle.db.selectFrom('measurement').select('id').execute();
        const refused = await sara.post(`/api/courses/${fixture.courseId}/case-analysis`, {});
        expect(refused.statusCode).toBe(400);
        expect(refused.json()).toMatchObject({
          code: 'bad_request',
          message: {
            da: expect.stringContaining('færre end mindste gruppestørrelse (3)') as string,
            en: expect.stringContaining('fewer than the minimum group size (3)') as string,
          },
          details: { invitees: 2, minGroup: 3 },
        });
        const bigger = await sara.post(`/api/courses/${fixture.courseId}/case-analysis`, {
          minGroup: 5,
          includeUnitMembers: false,
        });
        expect(bigger.statusCode).toBe(400);
        expect(
          (await sara.post(`/api/courses/${fixture.courseId}/case-analysis`, { minGroup: 2 }))
            .statusCode,
        ).toBe(400);
        const after = await t.handle.db.selectFrom('measurement').select('id').execute();
        expect(after).toHaveLength(before.length);
        expect(
          (await sara.get(`/api/courses/${fixture.courseId}/case-analysis`)).json<CaseView>()
            .measurements,
        ).toEqual([]);

        // With the unit party's staff the network is big enough: Jobcenter's 24, Frida, Sara.
        const started = await start(fixture.courseId, { includeUnitMembers: true });
        expect(started).toMatchObject({ status: 'open', invited: 26, wave: 'før' });
        const stored = await t.handle.db
          .selectFrom('measurement')
          .selectAll()
          .where('id', '=', started.id)
          .executeTakeFirstOrThrow();
        expect(stored).toMatchObject({
          course_id: fixture.courseId,
          include_leadership: false,
          choose_groups: false,
          focal_process: 'forløbet for denne voksne borger',
          min_group: 3,
        });
        // A second one while this one runs is a conflict.
        expect(
          (await sara.post(`/api/courses/${fixture.courseId}/case-analysis`, {})).statusCode,
        ).toBe(409);
      });

      it('lets only the coordinator or a leader of a network unit start one', async () => {
        const fixture = await createCourseFixture(t.handle.db, sara);
        const frida = await signedIn(t.app, PROFESSIONAL);
        // Frida is in the network: she may read the (empty) case analysis but not start one.
        expect((await frida.get(`/api/courses/${fixture.courseId}/case-analysis`)).statusCode).toBe(
          200,
        );
        expect(
          (await frida.post(`/api/courses/${fixture.courseId}/case-analysis`, {})).statusCode,
        ).toBe(403);
        // The analyst has no access to the course at all.
        expect(
          (await analyst.get(`/api/courses/${fixture.courseId}/case-analysis`)).statusCode,
        ).toBe(404);
        // Lise leads Jobcenter, a unit party of the network.
        const lise = await signedIn(t.app, 'leder@demo.samspil.dk');
        const view = await lise.get(`/api/courses/${fixture.courseId}/case-analysis`);
        expect(view.json<CaseView>()).toMatchObject({ canStart: true, citizenScore: null });
        const started = await lise.post(`/api/courses/${fixture.courseId}/case-analysis`, {
          includeUnitMembers: true,
        });
        expect(started.statusCode, started.body).toBe(201);
        // The case view for others is withheld below the minimum group size: nobody has answered.
        expect(
          (await frida.get(`/api/courses/${fixture.courseId}/case-analysis`)).json<CaseView>()
            .measurements[0],
        ).toMatchObject({ finished: 0, result: null });
        expect(
          (
            await sara.request('PUT', `/api/courses/${fixture.courseId}/case-analysis/arm`, {
              arm: 'placebo',
            })
          ).statusCode,
        ).toBe(400);
      });
    });

    describe('the course result', () => {
      it('is withheld below the minimum group size and shown for the group together above it', async () => {
        const job = await staff('Jobcenter', 3);
        const mis = await staff('Misbrugscenter', 3);
        const bo = await staff('Bostøtte', 1);
        const id = await course([...job, ...mis, ...bo], 0, 'case-a@example.dk');
        const m = await start(id);
        // Sara and seven professionals.
        expect(m.invited).toBe(8);
        expect(m.minGroup).toBe(3);
        await answer(m.id, [
          [job[0]!, 4],
          [job[1]!, 4],
        ]);
        let view = (await sara.get(`/api/courses/${id}/case-analysis`)).json<CaseView>();
        // Two answers while open: counted in whole steps of the minimum group (3), so 0.
        expect(view.measurements[0]).toMatchObject({ finished: 0, finishedSuppressed: false });
        await answer(m.id, [
          [job[2]!, 4],
          [mis[0]!, 2],
          [mis[1]!, 3],
          [mis[2]!, 4],
          [bo[0]!, 5],
        ]);
        view = (await sara.get(`/api/courses/${id}/case-analysis`)).json<CaseView>();
        // Seven: still open, so rounded down to 6; no result until it closes.
        expect(view.measurements[0]).toMatchObject({ finished: 6, result: null });

        const closed = await close(id, m.id);
        const result = closed.measurements[0]!.result!;
        // Every respondent rates every other group with one value, so s(r,t) = that value:
        // case RK = mean over pairs; groups are Sara's unit and the three units (4 groups),
        // 3 pairs each: (4·3·3 + (2+3+4)·3 + 5·3) / 21 = (36 + 27 + 15)/21 = 78/21.
        expect(result.caseRk.n).toBe(7);
        expect(result.caseRk.rk).toBeCloseTo(78 / 21, 12);
        expect(result.network).toMatchObject({ n: 7, suppressed: false });
        expect(result.network.score).toBeCloseTo(78 / 21, 12);
        // Units of 3, 3 and 1 respondents: Bostøtte's one is withheld, and so is Jobcenter
        // (the smaller of the rest, first), or the network minus Misbrugscenter would give
        // Bostøtte's answer away. Only Misbrugscenter's ties are shown.
        const names = new Map(
          (await t.handle.db.selectFrom('unit').select(['id', 'name']).execute()).map((u) => [
            u.name,
            u.id,
          ]),
        );
        expect(names.size).toBeGreaterThan(0);
        const shown = result.ties.filter((tie) => !tie.suppressed);
        expect(shown.map((tie) => tie.from)).toEqual([
          'Misbrugscenter',
          'Misbrugscenter',
          'Misbrugscenter',
        ]);
        expect(shown.every((tie) => tie.n === 3 && tie.score === 3)).toBe(true);
        const hidden = result.ties.filter((tie) => tie.suppressed);
        expect(new Set(hidden.map((tie) => tie.from))).toEqual(new Set(['Jobcenter', 'Bostøtte']));
        expect(hidden.every((tie) => tie.n === null && tie.score === null)).toBe(true);
        expect(JSON.stringify(closed)).not.toMatch(/"selfTies"/);
      });

      it('shows nothing but the withheld network for a small group of respondents', async () => {
        const job = await staff('Jobcenter', 2, 3);
        const mis = await staff('Misbrugscenter', 2, 3);
        const id = await course([...job, ...mis], 0, 'case-b@example.dk');
        const m = await start(id);
        await answer(m.id, [
          [job[0]!, 5],
          [mis[0]!, 1],
        ]);
        const result = (await close(id, m.id)).measurements[0]!.result!;
        expect(result.caseRk).toEqual({ rk: null, n: null, suppressed: true });
        expect(result.network).toMatchObject({ score: null, n: null, suppressed: true });
        expect(result.ties).toEqual([]);
      });
    });

    describe('across courses', () => {
      const courses: { id: string; email: string; people: Person[] }[] = [];

      it('regresses the citizen score on case RK and case RK on the number of units', async () => {
        // Three courses, three professionals each from Jobcenter, Bostøtte and Skole; 0, 1
        // and 2 outside actors give 3, 4 and 5 units. Case RK 2, 3, 4; citizen scores 2, 4, 4.
        const before = (await analyst.get('/api/case-analysis')).json<{ courses: number }>();
        for (let i = 0; i < 3; i++) {
          const people = [
            ...(await staff('Jobcenter', 1, 6 + i)),
            ...(await staff('Bostøtte', 1, 1 + i)),
            ...(await staff('Skole', 1, i)),
          ];
          const email = `case-${i}@example.dk`;
          courses.push({ id: await course(people, i, email), email, people });
        }
        const rk = [2, 3, 4];
        const citizen = [
          { borger1: 2, borger2: 2, borger3: 'dk' },
          { borger1: 4, borger2: 5, borger3: 3, borger4: 'dk', borger5: 4 },
          { borger1: 4 },
        ];
        for (const [i, c] of courses.entries()) {
          const m = await start(c.id);
          await answer(
            m.id,
            c.people.map((p) => [p, rk[i]!]),
          );
          await close(c.id, m.id);
          await citizenAnswers(c.id, c.email, citizen[i]!);
        }
        const own = (
          await sara.get(`/api/courses/${courses[1]!.id}/case-analysis`)
        ).json<CaseView>();
        expect(own.citizenScore).toBe(4);
        expect(own.units).toBe(4);

        const response = await analyst.get('/api/case-analysis');
        expect(response.statusCode).toBe(200);
        const body = response.json<{
          minCases: number;
          courses: number;
          result: {
            cases: number;
            citizen: Record<string, unknown> & { points: unknown };
            units: Record<string, unknown>;
            did: unknown;
          };
        }>();
        expect(body.minCases).toBe(3);
        expect(body.courses).toBe(before.courses + 3);
        // The earlier courses of this file: one with a shown RK (no citizen score), one withheld.
        expect(body.result.cases).toBe(4);
        // x = [2,3,4], y = [2,4,4]: Sxx = 2, Sxy = 2, Syy = 24/9 → slope 1, intercept 1/3,
        // r = √3/2, t = √3 with df 1 → p = 1/3, elasticity = 1·3/(10/3) = 0.9.
        const fit = body.result.citizen as Record<string, number>;
        expect(fit.n).toBe(3);
        expect(fit.slope).toBeCloseTo(1, 12);
        expect(fit.intercept).toBeCloseTo(1 / 3, 12);
        expect(fit.r).toBeCloseTo(Math.sqrt(3) / 2, 12);
        expect(fit.p).toBeCloseTo(1 / 3, 8);
        expect(fit.elasticity).toBeCloseTo(0.9, 12);
        expect(body.result.citizen.points).toEqual([
          { x: 2, y: 2 },
          { x: 3, y: 4 },
          { x: 4, y: 4 },
        ]);
        // Units: the three courses (3, 4, 5 units → RK 2, 3, 4) and the first course of
        // 'the course result' (3 units, RK 78/21) make four cases.
        expect(body.result.units).toMatchObject({ n: 4, suppressed: false });
        expect(JSON.stringify(body)).not.toContain(courses[0]!.id);
        expect(body.result.did).toBeNull();
        // Only analysis owners.
        expect((await sara.get('/api/case-analysis')).statusCode).toBe(403);
      });

      it('gives the difference in differences when both arms have two waves', async () => {
        const [first, second] = courses;
        expect(
          (
            await sara.request('PUT', `/api/courses/${first!.id}/case-analysis/arm`, {
              arm: 'intervention',
            })
          ).statusCode,
        ).toBe(200);
        const tagged = await sara.request('PUT', `/api/courses/${second!.id}/case-analysis/arm`, {
          arm: 'kontrol',
        });
        expect(tagged.json<CaseView>().arm).toBe('kontrol');
        const after = [
          [3, 4, 5],
          [2, 3, 4],
        ];
        for (const [i, c] of [first!, second!].entries()) {
          const m = await start(c.id);
          expect(m.wave).toBe('efter');
          await answer(
            m.id,
            c.people.map((p, j) => [p, after[i]![j]!]),
          );
          await close(c.id, m.id);
          const stored = await t.handle.db
            .selectFrom('measurement')
            .select('previous_measurement_id')
            .where('id', '=', m.id)
            .executeTakeFirstOrThrow();
          expect(stored.previous_measurement_id).not.toBeNull();
        }
        const body = (await analyst.get('/api/case-analysis')).json<{
          result: { did: Record<string, unknown> & { cells: unknown }; citizen: { slope: number } };
        }>();
        // I: before [2,2,2], after [3,4,5]; C: before [3,3,3], after [2,3,4].
        // did = (4 − 2) − (3 − 3) = 2; se = √(0 + 1/3 + 0 + 1/3) = √(2/3);
        // df = (2/3)² / ((1/3)²/2 + (1/3)²/2) = 4.
        const did = body.result.did as Record<string, number>;
        expect(did.did).toBeCloseTo(2, 12);
        expect(did.se).toBeCloseTo(Math.sqrt(2 / 3), 12);
        expect(did.df).toBeCloseTo(4, 12);
        expect(body.result.did.cells).toMatchObject({
          intervention: { before: { mean: 2, n: 3 }, after: { mean: 4, n: 3 } },
          kontrol: { before: { mean: 3, n: 3 }, after: { mean: 3, n: 3 } },
        });
        // The regression uses each case's latest wave: x = RK [4,3,4], y = [2,4,4] → slope −1.
        expect(body.result.citizen.slope).toBeCloseTo(-1, 12);
      });
    });
  });
}
