/** Leadership interventions over HTTP on each test database: planning from the template, co-leaders, the follow-up and bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intervention as InterventionView } from '../../contract/interventions.schema.js';
import { testDatabases } from '../helpers/databases.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';
import { createLogin, signedIn, startDemoApp } from '../helpers/demo-and-other.js';

interface Org {
  units: { id: string; name: string }[];
  people: { id: string; unitId: string; role: string; email: string }[];
}

const meetings = (first = '2026-03-02T09:00:00+01:00', second = '2026-03-30T09:00:00+02:00') => [
  { startsAt: first, durationMinutes: 60, facilitator: 'Lise Leder', colleague: 'Mads Misbrug' },
  { startsAt: second, durationMinutes: 45, facilitator: 'Mads Misbrug', colleague: 'Lise Leder' },
];

for (const database of testDatabases()) {
  describe(`interventions API on ${database.name}`, () => {
    let t: TestApp;
    let admin: TestClient;
    let leader: TestClient;
    let coLeader: TestClient;
    let employee: TestClient;
    let org: Org;
    let coLeaderId: string;
    let before: string;
    let after: string;

    beforeAll(async () => {
      t = await startDemoApp(database);
      admin = await signedIn(t.app, 'admin@demo.samspil.dk');
      org = (await admin.get('/api/org')).json<Org>();
      const misbrug = org.units.find((u) => u.name === 'Misbrugscenter')!;
      const person = org.people.find((p) => p.unitId === misbrug.id && p.role === 'leder')!;
      coLeaderId = await createLogin(admin, 'leder', {
        name: 'Mads Misbrug',
        email: 'mads.misbrug@demo.samspil.dk',
        personId: person.id,
      });
      leader = await signedIn(t.app, 'leder@demo.samspil.dk');
      coLeader = await signedIn(t.app, 'mads.misbrug@demo.samspil.dk');
      employee = await signedIn(t.app, 'sagsbehandler@demo.samspil.dk');
      const list = (await admin.get('/api/measurements')).json<
        { id: string; waveLabel: string }[]
      >();
      before = list.find((m) => m.waveLabel === 'før')!.id;
      after = list.find((m) => m.waveLabel === 'efter')!.id;
    });
    afterAll(async () => t.close());

    const unit = (name: string) => org.units.find((u) => u.name === name)!.id;

    it('plans a shared intervention from the template and schedules the follow-up as the next wave, tagged intervention', async () => {
      const template = (await leader.get('/api/interventions/template')).json<{
        meetings: unknown[];
        checklist: { key: string }[];
      }>();
      expect(template.meetings).toHaveLength(2);
      expect(template.checklist.map((c) => c.key)).toEqual([
        'faces',
        'phones',
        'responseTimes',
        'constraints',
        'prioritisation',
      ]);
      const candidates = (await leader.get('/api/interventions/leaders')).json<{
        own: { unitName: string };
        coLeaders: { id: string; unitName: string }[];
      }>();
      expect(candidates.own.unitName).toBe('Jobcenter');
      expect(candidates.coLeaders).toContainEqual(
        expect.objectContaining({ id: coLeaderId, unitName: 'Misbrugscenter' }),
      );

      const response = await leader.post('/api/interventions', {
        title: 'Netværksmøder om dobbeltdiagnoser',
        unitIds: [unit('Jobcenter'), unit('Misbrugscenter')],
        coLeaderUserIds: [coLeaderId],
        measurementId: after,
        meetings: meetings(),
      });
      expect(response.statusCode, response.body).toBe(201);
      const planned = response.json<InterventionView>();
      expect(planned.status).toBe('planned');
      expect(planned.leaders.map((l) => l.name).sort()).toEqual(['Lise Leder', 'Mads Misbrug']);
      expect(planned.meetings.map((m) => m.durationMinutes)).toEqual([60, 45]);
      expect(planned.followUpMeasurement).toBeNull();

      // The co-leader sees the same page and records a joint decision; an agreement ticks the checklist.
      const shared = await coLeader.post(`/api/interventions/${planned.id}/agreements`, {
        kind: 'decision',
        text: 'Vi inviterer hinanden til personalemøder i foråret.',
      });
      expect(shared.statusCode, shared.body).toBe(201);
      const agreed = await leader.post(`/api/interventions/${planned.id}/agreements`, {
        kind: 'agreement',
        checklistKey: 'phones',
        text: 'Telefonliste med direkte numre er delt.',
      });
      const withAgreements = agreed.json<InterventionView>();
      expect(withAgreements.agreements.map((a) => a.kind)).toEqual(['decision', 'agreement']);
      expect(withAgreements.checklist.phones).toBe(true);
      expect(withAgreements.checklist.faces).toBe(false);

      // Everyone in the involved units sees it, read-only; others do not.
      const seen = await employee.get(`/api/interventions/${planned.id}`);
      const employeeUnit = org.people.find((p) => p.email === 'sagsbehandler@demo.samspil.dk');
      if (
        employeeUnit &&
        [unit('Jobcenter'), unit('Misbrugscenter')].includes(employeeUnit.unitId)
      ) {
        expect(seen.statusCode).toBe(200);
      } else {
        expect(seen.statusCode).toBe(404);
      }
      expect(
        (await employee.post(`/api/interventions/${planned.id}/agreements`, { text: 'x' }))
          .statusCode,
      ).toBeGreaterThanOrEqual(403);

      // The follow-up: 2–4 months after the last meeting; a draft next wave with arms.
      const followUp = await leader.request('PUT', `/api/interventions/${planned.id}/follow-up`, {
        followUpOn: '2026-06-15',
      });
      expect(followUp.statusCode, followUp.body).toBe(200);
      const scheduled = followUp.json<InterventionView>();
      expect(scheduled.followUpOn).toBe('2026-06-15');
      expect(scheduled.followUpMeasurement).toMatchObject({
        status: 'draft',
        waveLabel: 'opfølgning',
      });
      const draft = (
        await admin.get(`/api/measurements/${scheduled.followUpMeasurement!.id}`)
      ).json<{
        measurement: { previousMeasurementId: string; status: string };
        groups: { id: string; arm: string | null }[];
      }>();
      expect(draft.measurement.previousMeasurementId).toBe(after);
      expect(draft.measurement.status).toBe('draft');
      const arms = new Map(draft.groups.map((g) => [g.id, g.arm]));
      expect(arms.get(unit('Jobcenter'))).toBe('intervention');
      expect(arms.get(unit('Misbrugscenter'))).toBe('intervention');
      // The base's other groups keep their arm, or become kontrol.
      const base = (await admin.get(`/api/measurements/${after}`)).json<{
        groups: { id: string; arm: string | null }[];
      }>();
      expect(draft.groups).toHaveLength(base.groups.length);
      for (const g of base.groups) {
        if (g.id === unit('Jobcenter') || g.id === unit('Misbrugscenter')) continue;
        expect(arms.get(g.id)).toBe(g.arm ?? 'kontrol');
      }

      // Status and the list.
      const running = await leader.patch(`/api/interventions/${planned.id}`, { status: 'running' });
      expect(running.json<InterventionView>().status).toBe('running');
      const list = (await coLeader.get('/api/interventions')).json<
        { id: string; status: string }[]
      >();
      expect(list).toContainEqual(expect.objectContaining({ id: planned.id, status: 'running' }));
      expect((await admin.get('/api/interventions')).json<unknown[]>().length).toBeGreaterThan(0);
    });

    it('refuses an intervention on groups the leader does not lead (403) and saves nothing', async () => {
      const response = await leader.post('/api/interventions', {
        title: 'Skole og familie',
        unitIds: [unit('Jobcenter'), unit('Skole')],
        measurementId: before,
        meetings: meetings(),
      });
      expect(response.statusCode).toBe(403);
      expect(response.json<{ message: { da: string; en: string } }>().message.da).toContain(
        'I leder ikke: Skole',
      );
      const list = (await leader.get('/api/interventions')).json<{ title: string }[]>();
      expect(list.some((i) => i.title === 'Skole og familie')).toBe(false);
      const notLeader = await employee.post('/api/interventions', {
        title: 'x',
        unitIds: [unit('Jobcenter')],
        meetings: meetings(),
      });
      expect(notLeader.statusCode).toBe(403);
    });

    it('refuses meetings outside 45–60 minutes, a second meeting before the first, and a follow-up before the meetings', async () => {
      const base = { title: 'Forkert', unitIds: [unit('Jobcenter')], measurementId: after };
      const short = meetings();
      short[0]!.durationMinutes = 30;
      const r1 = await leader.post('/api/interventions', { ...base, meetings: short });
      expect(r1.statusCode).toBe(400);
      expect(r1.json<{ message: { da: string } }>().message.da).toContain('45–60 minutter');

      const r2 = await leader.post('/api/interventions', {
        ...base,
        meetings: meetings('2026-04-01T09:00:00Z', '2026-03-01T09:00:00Z'),
      });
      expect(r2.statusCode).toBe(400);
      expect(r2.json<{ message: { en: string } }>().message.en).toContain(
        'Network meeting 2 must come after network meeting 1',
      );

      const r3 = await leader.post('/api/interventions', {
        ...base,
        meetings: meetings(),
        followUpOn: '2026-03-15',
      });
      expect(r3.statusCode).toBe(400);
      expect(r3.json<{ message: { da: string } }>().message.da).toContain(
        'skal ligge efter netværksmøderne',
      );
      const r4 = await leader.post('/api/interventions', {
        ...base,
        meetings: meetings(),
        followUpOn: '2026-12-01',
      });
      expect(r4.statusCode).toBe(400);
      expect(r4.json<{ message: { da: string } }>().message.da).toContain('2–4 måneder');

      const list = (await leader.get('/api/interventions')).json<{ title: string }[]>();
      expect(list.some((i) => i.title === 'Forkert')).toBe(false);

      // Re-planning a meeting keeps the rules.
      const ok = (
        await leader.post('/api/interventions', { ...base, title: 'Rigtig', meetings: meetings() })
      ).json<InterventionView>();
      const moved = await leader.request('PUT', `/api/interventions/${ok.id}/meetings/2`, {
        ...meetings()[1],
        startsAt: '2026-02-01T09:00:00Z',
      });
      expect(moved.statusCode).toBe(400);
      const held = await leader.request('PUT', `/api/interventions/${ok.id}/meetings/1`, {
        ...meetings()[0],
        held: true,
      });
      expect(held.json<InterventionView>().meetings[0]!.held).toBe(true);
      const early = await leader.request('PUT', `/api/interventions/${ok.id}/follow-up`, {
        followUpOn: '2026-03-29',
      });
      expect(early.statusCode).toBe(400);
      expect(
        (await leader.get(`/api/interventions/${ok.id}`)).json<InterventionView>().followUpOn,
      ).toBeNull();
    });
  });
}
