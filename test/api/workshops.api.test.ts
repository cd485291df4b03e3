/** Dialogue workshops over HTTP on each test database: the three steps, the facilitator lock and bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxTransport } from '../../src/mail/mail-transport.js';
import { buildApp } from '../../src/server/app.js';
import type { WorkshopState } from '../../contract/workshops.schema.js';
import { testDatabases } from '../helpers/databases.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';
import { pdfText } from '../helpers/pdf-text.js';
import { signedIn, startDemoApp } from '../helpers/demo-and-other.js';

interface Org {
  units: { id: string; name: string }[];
}

for (const database of testDatabases()) {
  describe(`workshops API on ${database.name}`, () => {
    let t: TestApp;
    let owner: TestClient;
    let leader: TestClient;
    let employee: TestClient;
    let org: Org;
    let afterId: string;

    beforeAll(async () => {
      t = await startDemoApp(database);
      owner = await signedIn(t.app, 'analytiker@demo.samspil.dk');
      leader = await signedIn(t.app, 'leder@demo.samspil.dk');
      employee = await signedIn(t.app, 'sagsbehandler@demo.samspil.dk');
      org = (await owner.get('/api/org')).json<Org>();
      const list = (await owner.get('/api/measurements')).json<
        { id: string; waveLabel: string }[]
      >();
      afterId = list.find((m) => m.waveLabel === 'efter')!.id;
    });
    afterAll(async () => t.close());

    const unit = (name: string) => org.units.find((u) => u.name === name)!.id;

    async function newWorkshop(client: TestClient, measurementId: string | null = null) {
      const response = await client.post('/api/workshops', {
        title: 'Netværket om dobbeltdiagnoser',
        targetGroup: 'Borgere med dobbeltdiagnose',
        measurementId,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<WorkshopState>();
    }

    it('runs the three steps with four actors and keeps everything across a reload and a new app instance', async () => {
      let w = await newWorkshop(owner, afterId);
      expect(w.youFacilitate).toBe(true);
      const names = ['Jobcenter', 'Misbrugscenter', 'Socialafdelingen voksne'];
      for (const [i, name] of names.entries()) {
        const response = await owner.post(`/api/workshops/${w.id}/actors`, {
          unitId: unit(name),
          x: 100 + i * 200,
          y: 200,
        });
        expect(response.statusCode, response.body).toBe(201);
      }
      const typed = await owner.post(`/api/workshops/${w.id}/actors`, {
        label: 'Egen læge (Dr. Holm)',
        x: 800,
        y: 400,
      });
      w = typed.json<WorkshopState>();
      expect(w.actors.map((a) => a.label)).toEqual([...names, 'Egen læge (Dr. Holm)']);
      const [job, misbrug, social, laege] = w.actors.map((a) => a.id) as [
        string,
        string,
        string,
        string,
      ];

      // The same unit twice is refused, and moving an actor is saved.
      const twice = await owner.post(`/api/workshops/${w.id}/actors`, {
        unitId: unit('Jobcenter'),
        x: 1,
        y: 1,
      });
      expect(twice.statusCode).toBe(409);
      const moved = await owner.patch(`/api/workshops/${w.id}/actors/${laege}`, { x: 820, y: 420 });
      expect(moved.json<WorkshopState>().actors.find((a) => a.id === laege)).toMatchObject({
        x: 820,
        y: 420,
      });

      // Ratings belong to step 2.
      const early = await owner.request('PUT', `/api/workshops/${w.id}/ratings`, {
        fromActorId: job,
        toActorId: misbrug,
        rating: 'good',
      });
      expect(early.statusCode).toBe(400);

      w = (
        await owner.request('PUT', `/api/workshops/${w.id}/step`, { step: 2 })
      ).json<WorkshopState>();
      expect(w.step).toBe(2);
      expect(w.currentActorId).toBe(job);
      const rate = (from: string, to: string, rating: string | null) =>
        owner.request('PUT', `/api/workshops/${w.id}/ratings`, {
          fromActorId: from,
          toActorId: to,
          rating,
        });
      expect((await rate(job, misbrug, 'good')).statusCode).toBe(200);
      await rate(job, social, 'middle');
      await rate(job, laege, 'low');
      await owner.request('PUT', `/api/workshops/${w.id}/current-actor`, { actorId: misbrug });
      await rate(misbrug, job, 'low');
      await rate(misbrug, social, 'middle');

      // A reload in the middle of step 2: state and current actor come back.
      const reloaded = (await owner.get(`/api/workshops/${w.id}`)).json<WorkshopState>();
      expect(reloaded.step).toBe(2);
      expect(reloaded.currentActorId).toBe(misbrug);
      expect(reloaded.ratings).toHaveLength(5);
      expect(reloaded.differences).toEqual([{ a: job, b: misbrug, ab: 'good', ba: 'low', gap: 2 }]);

      // A follower (an employee) sees the same, but cannot edit.
      const followed = (await employee.get(`/api/workshops/${w.id}`)).json<WorkshopState>();
      expect(followed.currentActorId).toBe(misbrug);
      expect(followed.youFacilitate).toBe(false);
      expect((await rate(job, social, null)).statusCode).toBe(200);
      const notAllowed = await employee.request('PUT', `/api/workshops/${w.id}/ratings`, {
        fromActorId: job,
        toActorId: social,
        rating: 'good',
      });
      expect(notAllowed.statusCode).toBe(403);

      // Step 3: development points.
      await owner.request('PUT', `/api/workshops/${w.id}/step`, { step: 3 });
      const point = await owner.post(`/api/workshops/${w.id}/points`, {
        text: 'Fast telefontid mellem Jobcenter og Misbrugscenter',
        owner: 'Lise Leder',
        dueOn: '2026-09-01',
      });
      expect(point.statusCode, point.body).toBe(201);
      w = point.json<WorkshopState>();
      expect(w.points).toEqual([
        expect.objectContaining({ owner: 'Lise Leder', dueOn: '2026-09-01', done: false }),
      ]);

      // The room against the survey: ties between unit actors, from the analysis.
      const comparison = await owner.get(`/api/workshops/${w.id}/comparison`);
      expect(comparison.statusCode, comparison.body).toBe(200);
      const body = comparison.json<{
        wave: string;
        ties: {
          fromActorId: string;
          toActorId: string;
          room: string | null;
          survey: { level: string } | null;
          agrees: boolean | null;
        }[];
      }>();
      expect(body.wave).toBe('efter');
      const jobToMisbrug = body.ties.find((c) => c.fromActorId === job && c.toActorId === misbrug)!;
      expect(jobToMisbrug.room).toBe('good');
      expect(jobToMisbrug.survey).not.toBeNull();
      expect(jobToMisbrug.agrees).toBe(jobToMisbrug.survey!.level === 'high');
      expect(body.ties.some((c) => c.fromActorId === laege || c.toActorId === laege)).toBe(false);

      // A second app instance on the same database (a restart) shows the same workshop.
      const again = await buildApp({
        config: t.config,
        db: t.handle.db,
        mail: outboxTransport,
        notifier: t.handle.notifier,
      });
      try {
        const client = await signedIn(again, 'analytiker@demo.samspil.dk');
        const state = (await client.get(`/api/workshops/${w.id}`)).json<WorkshopState>();
        expect(state.step).toBe(3);
        expect(state.ratings).toHaveLength(4);
        expect(state.points).toHaveLength(1);
      } finally {
        await again.close();
      }

      // Exports and the list to reopen from.
      const pdf = await owner.get(`/api/workshops/${w.id}/export/pdf?lang=da`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      // The bullets print as bullets (the PDF embeds a Unicode font), not as "?".
      const text = await pdfText(pdf.rawPayload);
      expect(text).toMatch(/• \S/);
      expect(text).not.toContain('?');
      const list = (await employee.get('/api/workshops')).json<
        { id: string; actors: number; openPoints: number }[]
      >();
      expect(list.find((x) => x.id === w.id)).toMatchObject({ actors: 4, openPoints: 1 });
    });

    it('refuses a second facilitator (409) until the first hands over or has been idle for 2 minutes', async () => {
      const w = await newWorkshop(owner);
      const second = await leader.post(`/api/workshops/${w.id}/facilitate`);
      expect(second.statusCode).toBe(409);
      expect(second.json<{ message: { da: string; en: string } }>().message.da).toContain(
        'Aksel Analytiker faciliterer allerede',
      );
      const edit = await leader.post(`/api/workshops/${w.id}/actors`, {
        label: 'Skole',
        x: 10,
        y: 10,
      });
      expect(edit.statusCode).toBe(409);
      expect((await owner.get(`/api/workshops/${w.id}`)).json<WorkshopState>().actors).toHaveLength(
        0,
      );

      // Handing over.
      expect(
        (await owner.post(`/api/workshops/${w.id}/release`)).json<WorkshopState>().facilitator,
      ).toBeNull();
      const taken = await leader.post(`/api/workshops/${w.id}/facilitate`);
      expect(taken.statusCode).toBe(200);
      expect(taken.json<WorkshopState>().youFacilitate).toBe(true);
      expect((await owner.post(`/api/workshops/${w.id}/facilitate`)).statusCode).toBe(409);

      // Idle for more than 2 minutes: the next who asks takes over.
      await t.handle.db
        .updateTable('workshop')
        .set({ facilitator_seen_at: new Date(Date.now() - 3 * 60 * 1000) })
        .where('id', '=', w.id)
        .execute();
      const back = await owner.post(`/api/workshops/${w.id}/facilitate`);
      expect(back.statusCode).toBe(200);
      expect(back.json<WorkshopState>().facilitator?.name).toBe('Aksel Analytiker');
      expect((await employee.post(`/api/workshops/${w.id}/facilitate`)).statusCode).toBe(403);
    });

    it('will not move a workshop with one actor to step 2', async () => {
      const w = await newWorkshop(owner);
      await owner.post(`/api/workshops/${w.id}/actors`, { unitId: unit('Skole'), x: 300, y: 300 });
      const response = await owner.request('PUT', `/api/workshops/${w.id}/step`, { step: 2 });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ message: { da: string; en: string } }>().message).toEqual({
        da: 'En workshop skal have mindst to aktører, før I kan vurdere relationerne mellem dem.',
        en: 'A workshop needs at least two actors before you can rate the ties between them.',
      });
      const state = (await owner.get(`/api/workshops/${w.id}`)).json<WorkshopState>();
      expect(state.step).toBe(1);
      expect(state.currentActorId).toBeNull();
    });

    it('refuses a development point without owner and changes nothing', async () => {
      const w = await newWorkshop(owner);
      for (const owner_ of [undefined, '', '   ']) {
        const response = await owner.post(`/api/workshops/${w.id}/points`, {
          text: 'Fælles møde hver måned',
          ...(owner_ === undefined ? {} : { owner: owner_ }),
        });
        expect(response.statusCode).toBe(400);
        expect(response.json<{ message: { da: string } }>().message.da).toBe(
          'Et udviklingspunkt skal have en ansvarlig.',
        );
      }
      const bad = await owner.post(`/api/workshops/${w.id}/points`, {
        text: 'x',
        owner: 'A',
        dueOn: '1. maj',
      });
      expect(bad.statusCode).toBe(400);
      expect((await owner.get(`/api/workshops/${w.id}`)).json<WorkshopState>().points).toEqual([]);
    });

    it('keeps workshops inside the municipality and checks ids', async () => {
      expect(
        (await owner.get('/api/workshops/00000000-0000-0000-0000-000000000000')).statusCode,
      ).toBe(404);
      expect((await owner.get('/api/workshops/not-a-uuid')).statusCode).toBe(400);
      const other = await owner.post('/api/workshops', {
        title: 'x',
        targetGroup: 'y',
        measurementId: '00000000-0000-0000-0000-000000000000',
      });
      expect(other.statusCode).toBe(404);
      expect(
        (await employee.post('/api/workshops', { title: 'x', targetGroup: 'y' })).statusCode,
      ).toBe(403);
    });
  });
}
