/**
 * The intervention study on citizens' cases over HTTP on each test database: random
 * allocation of a period's complex courses (half/half, seed and audit recorded,
 * re-derived, never edited), a case intervention on an allocated course, and the
 * comparison of the arms with its anonymity rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../src/analysis/allocation.js';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';
import type { Allocation, CourseCaseIntervention } from '../../contract/allocations.schema.js';
import type { Intervention } from '../../contract/interventions.schema.js';
import { addParty, CASEWORKER, openCourse, personIdOf } from '../helpers/course-fixture.js';
import { testDatabases } from '../helpers/databases.js';
import { signedIn } from '../helpers/demo-and-other.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';

const today = new Date().toISOString().slice(0, 10);
const FIVE = [
  'Jobcenter',
  'Ungeindsatsen',
  'Socialafdelingen voksne',
  'Misbrugscenter',
  'Bostøtte',
];

for (const database of testDatabases()) {
  describe(`allocations API on ${database.name}`, () => {
    let t: TestApp;
    let sara: TestClient;
    let analyst: TestClient;
    let leader: TestClient;
    let cpr = 0;
    const courses: string[] = [];
    let simple = '';
    let allocation: Allocation;

    beforeAll(async () => {
      t = await startTestApp(database, { env: { MIN_GROUP_SIZE: '3' } });
      await createDemoMunicipality(t.handle.db);
      sara = await signedIn(t.app, CASEWORKER);
      analyst = await signedIn(t.app, 'analytiker@demo.samspil.dk');
      leader = await signedIn(t.app, 'leder@demo.samspil.dk');
      const saraPerson = await personIdOf(t.handle.db, CASEWORKER);
      const units = new Map(
        (await t.handle.db.selectFrom('unit').select(['id', 'name']).execute()).map((u) => [
          u.name,
          u.id,
        ]),
      );
      async function course(unitNames: string[]) {
        cpr++;
        const { id } = await openCourse(
          sara,
          saraPerson,
          {
            name: `Borger ${cpr}`,
            cpr: `${String(cpr).padStart(2, '0')}0690-2${String(cpr).padStart(3, '0')}`,
            phone: '20 30 40 50',
            preferredContact: 'telefon',
          },
          today,
        );
        for (const name of unitNames) {
          await addParty(sara, id, {
            kind: 'unit',
            unitId: units.get(name),
            task: 'Indsats',
            responseTime: '2 hverdage',
          });
        }
        return id;
      }
      courses.push(await course(FIVE), await course(FIVE));
      courses.push(await course([...FIVE, 'Familieafdelingen']));
      // Six units, but one is an outside actor's unit: complex, not among the most complex.
      courses.push(await course([...FIVE, 'Regionspsykiatrien']));
      courses.push(await course([...FIVE, 'Familieafdelingen']));
      simple = await course(['Jobcenter', 'Misbrugscenter']);
    });
    afterAll(async () => t.close());

    it('refuses others than the analysis owner, a reversed period, and a period with too few courses', async () => {
      const body = { from: today, to: today };
      expect((await sara.post('/api/allocations', body)).statusCode).toBe(403);
      expect((await leader.post('/api/allocations', body)).statusCode).toBe(403);
      expect((await leader.get('/api/allocations')).statusCode).toBe(403);
      const reversed = await analyst.post('/api/allocations', { from: today, to: '2000-01-01' });
      expect(reversed.statusCode).toBe(400);
      expect(reversed.json()).toMatchObject({
        message: { da: expect.stringContaining('slutdato') as string },
      });
      const empty = await analyst.post('/api/allocations', {
        from: '2000-01-01',
        to: '2000-12-31',
      });
      expect(empty.statusCode).toBe(400);
      expect(empty.json()).toMatchObject({ details: { eligible: 0 } });
      expect(
        (await analyst.post('/api/allocations', { from: 'i går', to: today })).statusCode,
      ).toBe(400);
      expect(await t.handle.db.selectFrom('allocation').select('id').execute()).toEqual([]);
    });

    it('lists the eligible courses: open, complex, in the period', async () => {
      const eligible = await analyst.get(`/api/allocations/eligible?from=${today}&to=${today}`);
      expect(eligible.statusCode, eligible.body).toBe(200);
      const list = eligible.json<{
        courses: { courseId: string; municipalUnits: number; mostComplex: boolean }[];
      }>().courses;
      expect(list.map((c) => c.courseId).sort()).toEqual([...courses].sort());
      expect(list.find((c) => c.courseId === courses[3])).toMatchObject({
        municipalUnits: 5,
        mostComplex: false,
      });
      expect(list.find((c) => c.courseId === courses[2])).toMatchObject({
        municipalUnits: 6,
        mostComplex: true,
      });
      expect(list.some((c) => c.courseId === simple)).toBe(false);
    });

    it('allocates half to intervention with a recorded seed and an audit entry, and re-derives it', async () => {
      const response = await analyst.post('/api/allocations', { from: today, to: today });
      expect(response.statusCode, response.body).toBe(201);
      allocation = response.json<Allocation>();
      expect(allocation.counts).toEqual({ intervention: 2, kontrol: 3 });
      expect(allocation.courses).toHaveLength(5);
      expect(allocation.courses.filter((c) => c.mostComplex)).toHaveLength(2);
      const stored = await t.handle.db
        .selectFrom('allocation')
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(Number(stored.seed)).toBe(allocation.seed);
      // The arms follow from the seed alone, and the courses carry them.
      const derived = allocate(courses, allocation.seed);
      for (const c of allocation.courses) {
        expect(c.arm).toBe(derived.find((d) => d.courseId === c.courseId)!.arm);
      }
      const arms = await t.handle.db.selectFrom('course').select(['id', 'arm']).execute();
      for (const d of derived) expect(arms.find((a) => a.id === d.courseId)!.arm).toBe(d.arm);
      expect(arms.find((a) => a.id === simple)!.arm).toBeNull();
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'allocation.run')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ entity: 'allocation', entity_id: allocation.id });
      expect(audit[0]!.detail).toMatchObject({
        seed: allocation.seed,
        intervention: 2,
        kontrol: 3,
      });

      const verify = await analyst.get(`/api/allocations/${allocation.id}/verify`);
      expect(verify.json()).toEqual({
        id: allocation.id,
        seed: allocation.seed,
        courses: 5,
        matches: true,
        differences: [],
      });
      const list = await analyst.get('/api/allocations');
      expect(list.json<{ id: string }[]>().map((a) => a.id)).toEqual([allocation.id]);
    });

    it('refuses to edit an allocation: no second draw, no arm change by API or in the database', async () => {
      const again = await analyst.post('/api/allocations', { from: today, to: today });
      expect(again.statusCode).toBe(400);
      const control = allocation.courses.find((c) => c.arm === 'kontrol')!.courseId;
      const arm = await sara.request('PUT', `/api/courses/${control}/case-analysis/arm`, {
        arm: 'intervention',
      });
      expect(arm.statusCode).toBe(409);
      await expect(
        t.handle.db
          .updateTable('allocation_course')
          .set({ arm: 'intervention' })
          .where('course_id', '=', control)
          .execute(),
      ).rejects.toThrow(/append-only/);
      await expect(t.handle.db.deleteFrom('allocation').execute()).rejects.toThrow(/append-only/);
      await expect(
        t.handle.db
          .updateTable('course')
          .set({ arm: 'intervention' })
          .where('id', '=', control)
          .execute(),
      ).rejects.toThrow(/allocated/);
      const stored = await t.handle.db
        .selectFrom('allocation_course')
        .select(['course_id', 'arm'])
        .execute();
      expect(stored.find((s) => s.course_id === control)!.arm).toBe('kontrol');
      expect((await analyst.get(`/api/allocations/${allocation.id}/verify`)).json()).toMatchObject({
        matches: true,
      });
    });

    it('holds a case intervention on an intervention course, with participants, and none on a control course', async () => {
      const treated = allocation.courses.find((c) => c.arm === 'intervention')!.courseId;
      const control = allocation.courses.find((c) => c.arm === 'kontrol')!.courseId;
      const before = (
        await sara.get(`/api/courses/${treated}/case-intervention`)
      ).json<CourseCaseIntervention>();
      expect(before).toMatchObject({
        arm: 'intervention',
        intervention: null,
        allocation: { id: allocation.id },
      });
      const lise = (
        await leader.get(`/api/courses/${treated}/case-intervention`)
      ).json<CourseCaseIntervention>();
      expect(lise.canPlan).toBe(true);
      const [p1, p2, p3] = before.parties;
      const meeting = (day: number, participants: string[]) => ({
        startsAt: new Date(Date.now() + day * 86_400_000).toISOString(),
        durationMinutes: 50,
        facilitator: 'Lise Leder',
        colleague: 'Leder i Misbrugscenter',
        participants,
      });
      const body = {
        title: 'Netværksmøder om borgerens forløb',
        courseId: treated,
        meetings: [meeting(7, [p1!.id, p2!.id, p3!.id]), meeting(35, [p1!.id, p2!.id])],
      };
      const outsider = await leader.post('/api/interventions', {
        ...body,
        meetings: [meeting(7, ['00000000-0000-4000-8000-000000000000']), meeting(35, [p1!.id])],
      });
      expect(outsider.statusCode).toBe(400);
      expect(outsider.json<{ message: { da: string } }>().message.da).toMatch(
        /ikke med i forløbets netværk/,
      );
      const nobody = await leader.post('/api/interventions', {
        ...body,
        meetings: [meeting(7, [p1!.id]), meeting(35, [])],
      });
      expect(nobody.statusCode).toBe(400);
      expect(nobody.json<{ message: { da: string } }>().message.da).toMatch(/netværksmøde 2/);
      expect(
        (await leader.post('/api/interventions', { ...body, courseId: control })).statusCode,
      ).toBe(409);
      expect((await sara.post('/api/interventions', body)).statusCode).toBe(403);
      const made = await leader.post('/api/interventions', body);
      expect(made.statusCode, made.body).toBe(201);
      const intervention = made.json<Intervention>();
      expect(intervention.courseId).toBe(treated);
      expect(intervention.meetings[0]!.participants.map((p) => p.id)).toEqual([
        p1!.id,
        p2!.id,
        p3!.id,
      ]);
      expect((await leader.post('/api/interventions', body)).statusCode).toBe(409);
      const agreed = await leader.post(`/api/interventions/${intervention.id}/agreements`, {
        checklistKey: 'phones',
        text: 'Vi har udvekslet telefonnumre.',
      });
      expect(agreed.statusCode).toBe(201);
      // The coordinator sees it on the course page, with the checklist ticked.
      const after = (
        await sara.get(`/api/courses/${treated}/case-intervention`)
      ).json<CourseCaseIntervention>();
      expect(after.intervention).toMatchObject({
        id: intervention.id,
        checklist: { phones: true },
      });
      expect(after.intervention!.meetings[1]!.participants).toHaveLength(2);
      const listed = (await analyst.get(`/api/allocations/${allocation.id}`)).json<Allocation>();
      expect(listed.courses.find((c) => c.courseId === treated)!.interventionId).toBe(
        intervention.id,
      );
    });

    it('compares the arms only where the minimum group allows: no case answers, nothing shown', async () => {
      const response = await analyst.get(`/api/allocations/${allocation.id}`);
      expect(response.statusCode).toBe(200);
      const { comparison } = response.json<Allocation>();
      expect(comparison.minGroup).toBe(3);
      expect(comparison.groups.map((g) => g.key)).toEqual(['all', 'mostComplex']);
      expect(comparison.groups[0]!.cases).toEqual({ intervention: 2, kontrol: 3 });
      for (const g of comparison.groups) {
        expect(g.rk).toEqual({ afterOnly: null, did: null });
        expect(g.leadership).toEqual({ afterOnly: null, did: null });
      }
      expect((await leader.get(`/api/allocations/${allocation.id}`)).statusCode).toBe(403);
      expect(
        (await analyst.get('/api/allocations/00000000-0000-4000-8000-000000000000')).statusCode,
      ).toBe(404);
    });
  });
}

for (const database of testDatabases()) {
  describe(`the demo allocation's comparison on ${database.name}`, () => {
    let t: TestApp;
    let analyst: TestClient;

    beforeAll(async () => {
      // A pooled minimum group of 7: above one demo case's 6 respondents.
      t = await startTestApp(database, { env: { MIN_GROUP_SIZE: '7' } });
      await createDemoMunicipality(t.handle.db, 2026, t.config.cprKey);
      analyst = await signedIn(t.app, 'analytiker@demo.samspil.dk');
    });
    afterAll(async () => t.close());

    it('shows intervention against control with CIs, and hides a pool that is one small case', async () => {
      const [summary] = (await analyst.get('/api/allocations')).json<{ id: string }[]>();
      const shown = (await analyst.get(`/api/allocations/${summary!.id}`)).json<Allocation>();
      expect(shown.comparison.minGroup).toBe(7);
      const all = shown.comparison.groups[0]!;
      expect(all.cases).toEqual({ intervention: 3, kontrol: 3 });
      expect(all.rk.afterOnly).toMatchObject({ suppressed: false, n1: 18, n2: 18 });
      expect(all.rk.afterOnly!.diff).toBeGreaterThan(0.5);
      expect(all.rk.afterOnly!.ci![0]).toBeGreaterThan(0);
      expect(all.rk.did!.did).toBeGreaterThan(0.5);
      expect(all.leadership.afterOnly!.suppressed).toBe(false);
      expect(shown.courses.filter((c) => c.interventionId !== null)).toHaveLength(1);

      // Raise two intervention cases' own minimum group above their 6 respondents: they
      // leave the comparison, and the one case left (6 < 7) must not show through the pool.
      const treated = shown.courses.filter((c) => c.arm === 'intervention').map((c) => c.courseId);
      await t.handle.db
        .updateTable('measurement')
        .set({ min_group: 7 })
        .where('course_id', 'in', treated.slice(1))
        .execute();
      const hidden = (await analyst.get(`/api/allocations/${summary!.id}`)).json<Allocation>();
      const pooled = hidden.comparison.groups[0]!;
      expect(pooled.rk.afterOnly).toMatchObject({
        suppressed: true,
        diff: null,
        ci: null,
        mean1: null,
        mean2: null,
        n1: null,
        n2: null,
      });
      expect(pooled.rk.did).toMatchObject({ suppressed: true, did: null, ci: null });
      expect(pooled.leadership.afterOnly!.suppressed).toBe(true);
    });
  });
}
