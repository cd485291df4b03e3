/** The leader's overview on each test database: scoped figures with links, development points, interventions, a director's view. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../contract/overview.schema.js';
import type { WorkshopState } from '../../contract/workshops.schema.js';
import { testDatabases } from '../helpers/databases.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';
import { createPerson, createLogin, signedIn, startDemoApp } from '../helpers/demo-and-other.js';

for (const database of testDatabases()) {
  describe(`leader's overview on ${database.name}`, () => {
    let t: TestApp;
    let owner: TestClient;
    let leader: TestClient;
    let units: { id: string; name: string }[];

    beforeAll(async () => {
      t = await startDemoApp(database);
      owner = await signedIn(t.app, 'analytiker@demo.samspil.dk');
      leader = await signedIn(t.app, 'leder@demo.samspil.dk');
      units = (await owner.get('/api/org')).json<{ units: { id: string; name: string }[] }>().units;
    });
    afterAll(async () => t.close());

    it("shows a leader their unit's latest figures, weakest ties, asymmetries and change, each with its link", async () => {
      const response = await leader.get('/api/overview');
      expect(response.statusCode, response.body).toBe(200);
      const overview = response.json<Overview>();
      expect(overview.scope).toBe('leader');
      expect(overview.units).toEqual(['Jobcenter']);
      const m = overview.measurement!;
      expect(m.wave).toBe('efter');
      expect(m.previousWave).toBe('før');
      expect(m.link).toBe(`/maalinger/${m.id}/analyse`);
      expect(m.units.map((u) => u.unit)).toEqual(['Jobcenter']);
      expect(m.units[0]!.outChange).not.toBeNull();
      expect(m.weakestTies.length).toBeGreaterThan(0);
      expect(m.weakestTies.length).toBeLessThanOrEqual(5);
      for (const tie of m.weakestTies) {
        expect(tie.from === 'Jobcenter' || tie.to === 'Jobcenter').toBe(true);
        expect(tie.link).toBe(`${m.link}#a-map`);
      }
      const scores = m.weakestTies.map((tie) => tie.score);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
      for (const a of m.asymmetries) {
        expect(a.unit).toBe('Jobcenter');
        expect(a.unitRates).toBeGreaterThan(a.partnerRates);
        expect(a.gap).toBeCloseTo(a.unitRates - a.partnerRates, 10);
      }
      // The same figures as the analysis page the links lead to.
      const analysis = (await leader.get(`/api/measurements/${m.id}/analysis`)).json<{
        result: { waves: { units: { unit: string; outScore: number | null }[] }[] };
      }>();
      expect(m.units[0]!.outScore).toBe(analysis.result.waves[1]!.units[0]!.outScore);
    });

    it('lists open development points of workshops with the unit, and the interventions, then a director sees all units', async () => {
      const w = (
        await owner.post('/api/workshops', { title: 'Overblik', targetGroup: 'Unge' })
      ).json<WorkshopState>();
      const jobcenter = units.find((u) => u.name === 'Jobcenter')!.id;
      await owner.post(`/api/workshops/${w.id}/actors`, { unitId: jobcenter, x: 10, y: 10 });
      await owner.post(`/api/workshops/${w.id}/points`, {
        text: 'Fælles sagsgennemgang hver måned',
        owner: 'Lise Leder',
        dueOn: '2026-10-01',
      });
      const other = (
        await owner.post('/api/workshops', { title: 'Uden Jobcenter', targetGroup: 'Børn' })
      ).json<WorkshopState>();
      await owner.post(`/api/workshops/${other.id}/points`, { text: 'Skjult', owner: 'X' });

      const created = await leader.post('/api/interventions', {
        title: 'Netværksmøder i Jobcenter',
        unitIds: [jobcenter],
        meetings: [
          {
            startsAt: '2026-03-02T09:00:00Z',
            durationMinutes: 50,
            facilitator: 'A',
            colleague: 'B',
          },
          {
            startsAt: '2026-04-01T09:00:00Z',
            durationMinutes: 50,
            facilitator: 'A',
            colleague: 'B',
          },
        ],
      });
      expect(created.statusCode, created.body).toBe(201);

      // The demo (src/demo/demo-actions.ts) brings a workshop with two open points and an intervention.
      const ours = new Set([w.id, other.id]);
      const mine = (await leader.get('/api/overview')).json<Overview>();
      const minePoints = mine.developmentPoints.filter((p) => ours.has(p.workshopId));
      expect(minePoints.map((p) => p.text)).toEqual(['Fælles sagsgennemgang hver måned']);
      expect(minePoints[0]).toMatchObject({
        owner: 'Lise Leder',
        dueOn: '2026-10-01',
        workshopId: w.id,
      });
      const demoPoints = mine.developmentPoints.filter((p) => !ours.has(p.workshopId));
      expect(demoPoints).toHaveLength(2);
      expect(demoPoints.every((p) => p.workshopTitle.startsWith('Dobbeltdiagnoser'))).toBe(true);
      expect(mine.interventions.map((i) => i.title).sort()).toEqual([
        'Netværksmøder i Jobcenter',
        'Netværksmøder om borgere med dobbeltdiagnose',
      ]);
      expect(mine.interventions).toContainEqual(
        expect.objectContaining({
          title: 'Netværksmøder i Jobcenter',
          status: 'planned',
          units: ['Jobcenter'],
        }),
      );

      const director = (await owner.get('/api/overview')).json<Overview>();
      expect(director.scope).toBe('director');
      expect(director.units).toBeNull();
      expect(director.measurement!.units.length).toBeGreaterThan(5);
      expect(
        director.developmentPoints
          .filter((p) => ours.has(p.workshopId))
          .map((p) => p.text)
          .sort(),
      ).toEqual(['Fælles sagsgennemgang hver måned', 'Skjult']);
      expect(director.developmentPoints).toHaveLength(4);
      expect(director.interventions).toHaveLength(2);
    });

    it('refuses employees and leaders without a unit', async () => {
      const employee = await signedIn(t.app, 'sagsbehandler@demo.samspil.dk');
      expect((await employee.get('/api/overview')).statusCode).toBe(403);
      const admin = await signedIn(t.app, 'admin@demo.samspil.dk');
      await createLogin(admin, 'leder', {
        name: 'Leder uden enhed',
        email: 'uden.enhed@demo.samspil.dk',
      });
      const loose = await signedIn(t.app, 'uden.enhed@demo.samspil.dk');
      const response = await loose.get('/api/overview');
      expect(response.statusCode).toBe(403);
      expect(response.json<{ message: { da: string } }>().message.da).toContain('ikke knyttet');
    });

    it('links a leader login to the person with the same e-mail, whichever came first', async () => {
      const admin = await signedIn(t.app, 'admin@demo.samspil.dk');
      const unit = units.find((u) => u.name === 'Misbrugscenter')!;
      const overviewOf = async (email: string) => {
        const client = await signedIn(t.app, email);
        return client.get('/api/overview');
      };

      // The person first (as an organisation import makes them), then the login.
      await createPerson(admin, 'leder', {
        name: 'Nina Ny',
        email: 'nina.ny@demo.samspil.dk',
        unitId: unit.id,
      });
      await createLogin(admin, 'leder', { name: 'Nina Ny', email: 'Nina.Ny@demo.samspil.dk' });
      const first = await overviewOf('nina.ny@demo.samspil.dk');
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json<Overview>().units).toEqual(['Misbrugscenter']);

      // The login first, then the person: the person's creation links it.
      await createLogin(admin, 'leder', {
        name: 'Ole Omvendt',
        email: 'ole.omvendt@demo.samspil.dk',
      });
      expect((await overviewOf('ole.omvendt@demo.samspil.dk')).statusCode).toBe(403);
      await createPerson(admin, 'leder', {
        name: 'Ole Omvendt',
        email: 'ole.omvendt@demo.samspil.dk',
        unitId: unit.id,
      });
      const second = await overviewOf('ole.omvendt@demo.samspil.dk');
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json<Overview>().units).toEqual(['Misbrugscenter']);
    });
  });
}
