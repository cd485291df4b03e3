/** Workshops around a citizen's course, on each test database: who may start and see them, and what the actors carry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopState } from '../../contract/workshops.schema.js';
import { testDatabases } from '../helpers/databases.js';
import { signedIn, startDemoApp } from '../helpers/demo-and-other.js';
import {
  CASEWORKER,
  createCourseFixture,
  PROFESSIONAL,
  type CourseFixture,
} from '../helpers/course-fixture.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';

for (const database of testDatabases()) {
  describe(`workshops around a course on ${database.name}`, () => {
    let t: TestApp;
    let sara: TestClient;
    let frida: TestClient;
    let analyst: TestClient;
    let course: CourseFixture;
    let workshopId: string;

    const countWorkshops = async () =>
      Number(
        (
          await t.handle.db
            .selectFrom('workshop')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      t = await startDemoApp(database);
      sara = await signedIn(t.app, CASEWORKER);
      frida = await signedIn(t.app, PROFESSIONAL);
      analyst = await signedIn(t.app, 'analytiker@demo.samspil.dk');
      course = await createCourseFixture(t.handle.db, sara);
    });
    afterAll(async () => t.close());

    it('the demo brings a saved workshop with four actors, their ratings and two open points', async () => {
      const list = (await analyst.get('/api/workshops')).json<
        { id: string; title: string; actors: number; openPoints: number; step: number }[]
      >();
      const demo = list.find((w) => w.title.startsWith('Dobbeltdiagnoser'));
      expect(demo).toMatchObject({ actors: 4, openPoints: 2, step: 3 });
      const state = (await analyst.get(`/api/workshops/${demo!.id}`)).json<WorkshopState>();
      expect(state.ratings).toHaveLength(10);
      expect(state.differences.length).toBeGreaterThan(0);
      expect(state.points.every((p) => p.owner !== '' && p.dueOn !== null)).toBe(true);
    });

    it('refuses a course the user cannot see or that does not exist (404), creating nothing', async () => {
      const before = await countWorkshops();
      const body = { title: 'Netværket', targetGroup: 'Borgerforløb', courseId: course.courseId };
      const outsider = await analyst.post('/api/workshops', body);
      expect(outsider.statusCode).toBe(404);
      expect(outsider.json<{ message: { da: string; en: string } }>().message).toEqual({
        da: 'Forløbet findes ikke.',
        en: 'The course does not exist.',
      });
      const missing = await sara.post('/api/workshops', {
        ...body,
        courseId: '00000000-0000-4000-8000-000000000000',
      });
      expect(missing.statusCode).toBe(404);
      expect((await sara.post('/api/workshops', { ...body, courseId: 'x' })).statusCode).toBe(400);
      expect(await countWorkshops()).toBe(before);
    });

    it("lets the coordinator start a workshop from the course, with the network's parties suggested", async () => {
      const created = await sara.post('/api/workshops', {
        title: 'Netværket omkring forløbet',
        targetGroup: 'Borgerforløb',
        courseId: course.courseId,
      });
      expect(created.statusCode, created.body).toBe(201);
      const w = created.json<WorkshopState>();
      workshopId = w.id;
      expect(w.courseId).toBe(course.courseId);
      expect(w.youFacilitate).toBe(true);
      expect(w.mayFacilitate).toBe(true);
      expect(w.suggestedActors.map((a) => [a.kind, a.label, a.task, a.onCanvas])).toEqual([
        ['unit', 'Jobcenter', 'Afklaring', false],
        ['professional', 'Frida Fagperson', 'Behandling', false],
        ['external', 'Lægehuset Torvet', 'Medicin', false],
      ]);
      // Nothing of the citizen travels with the workshop.
      expect(created.body).not.toContain('Mette');
      const jobcenter = w.suggestedActors[0]!;
      const added = await sara.post(`/api/workshops/${w.id}/actors`, {
        unitId: jobcenter.unitId,
        x: 200,
        y: 200,
      });
      expect(added.statusCode, added.body).toBe(201);
      const doctor = await sara.post(`/api/workshops/${w.id}/actors`, {
        label: 'Lægehuset Torvet',
        x: 600,
        y: 200,
      });
      const state = doctor.json<WorkshopState>();
      expect(state.actors.map((a) => a.label)).toEqual(['Jobcenter', 'Lægehuset Torvet']);
      expect(state.suggestedActors.map((a) => a.onCanvas)).toEqual([true, false, true]);
      const list = (await sara.get('/api/workshops')).json<{ id: string; courseId: string }[]>();
      expect(list.find((x) => x.id === w.id)?.courseId).toBe(course.courseId);
    });

    it('hides the workshop from a user without access to the course (404 everywhere)', async () => {
      expect((await analyst.get(`/api/workshops/${workshopId}`)).statusCode).toBe(404);
      expect((await analyst.post(`/api/workshops/${workshopId}/facilitate`)).statusCode).toBe(404);
      const actor = await analyst.post(`/api/workshops/${workshopId}/actors`, {
        label: 'Skolen',
        x: 100,
        y: 100,
      });
      expect(actor.statusCode).toBe(404);
      const list = (await analyst.get('/api/workshops')).json<{ id: string }[]>();
      expect(list.some((w) => w.id === workshopId)).toBe(false);
      await sara.post(`/api/workshops/${workshopId}/step`, { step: 3 });
      const point = await sara.post(`/api/workshops/${workshopId}/points`, {
        text: 'Fælles telefonliste',
        owner: 'Sara',
        dueOn: null,
        x: 400,
        y: 400,
      });
      expect(point.statusCode, point.body).toBe(201);
      const overview = (await analyst.get('/api/overview')).json<{
        developmentPoints: { workshopId: string }[];
      }>();
      expect(overview.developmentPoints.some((p) => p.workshopId === workshopId)).toBe(false);
      const names = (await sara.get(`/api/workshops/${workshopId}`)).json<WorkshopState>();
      expect(names.actors).toHaveLength(2);
    });

    it('shows a network professional without full access only the parties’ names, and no facilitating', async () => {
      const seen = await frida.get(`/api/workshops/${workshopId}`);
      expect(seen.statusCode, seen.body).toBe(200);
      const w = seen.json<WorkshopState>();
      expect(w.mayFacilitate).toBe(false);
      expect(w.suggestedActors.map((a) => a.label)).toEqual([
        'Jobcenter',
        'Frida Fagperson',
        'Lægehuset Torvet',
      ]);
      expect(w.suggestedActors.every((a) => a.task === undefined)).toBe(true);
      expect(seen.body).not.toContain('Afklaring');
      expect((await frida.post(`/api/workshops/${workshopId}/facilitate`)).statusCode).toBe(403);
    });
  });
}
