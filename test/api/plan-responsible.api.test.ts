/** A plan's responsible on each test database: the coordinator and the citizen can answer for an action, and a save names who was not told. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COORDINATOR_RESPONSIBLE } from '../../contract/plans.js';
import type { PlanAction, PlanSaved } from '../../contract/plans.schema.js';
import { CASEWORKER, createCourseFixture, mailsTo } from '../helpers/course-fixture.js';
import { testDatabases } from '../helpers/databases.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';
import { signedIn, startDemoApp } from '../helpers/demo-and-other.js';

const action = (responsiblePartyId: string, text: string): PlanAction => ({
  id: randomUUID(),
  text,
  responsiblePartyId,
  law: 'serviceloven',
  status: 'planlagt',
});

for (const database of testDatabases()) {
  describe(`a plan's responsible on ${database.name}`, () => {
    let t: TestApp;
    let sara: TestClient;

    beforeAll(async () => {
      t = await startDemoApp(database);
      sara = await signedIn(t.app, CASEWORKER);
    });
    afterAll(async () => t.close());

    it('takes the coordinator and the citizen as responsible, mails who can be mailed and names the rest', async () => {
      const course = await createCourseFixture(t.handle.db, sara);
      const misbrug = await t.handle.db
        .selectFrom('unit')
        .select('id')
        .where('name', '=', 'Misbrugscenter')
        .executeTakeFirstOrThrow();
      // A unit in the network with no e-mail of its own.
      const unitParty = await sara.post(`/api/courses/${course.courseId}/parties`, {
        kind: 'unit',
        unitId: misbrug.id,
        task: 'Behandling',
        responseTime: '2 hverdage',
      });
      expect(unitParty.statusCode, unitParty.body).toBe(201);
      const plan = (actions: PlanAction[]) => ({
        parts: [
          {
            memberId: course.citizenId,
            dreams: 'Et job',
            goal: 'Arbejde 15 timer om ugen',
            subGoals: [{ id: randomUUID(), text: 'Komme i gang', actions }],
          },
        ],
      });
      const before = (await mailsTo(t.handle.db, CASEWORKER, 'plan-changed')).length;

      const bad = await sara.request('PUT', `/api/courses/${course.courseId}/plan`, {
        baseVersion: 1,
        plan: plan([action(randomUUID(), 'Ingen kender den ansvarlige')]),
        participants: [],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ message: { da: string } }>().message.da).toContain(
        'koordinatoren, borgeren',
      );

      const saved = await sara.request('PUT', `/api/courses/${course.courseId}/plan`, {
        baseVersion: 1,
        plan: plan([
          action(COORDINATOR_RESPONSIBLE, 'Samle netværket'),
          action(course.citizenId, 'Søge tre job'),
          action(unitParty.json<{ id: string }>().id, 'Behandling'),
          action(course.parties.doctor, 'Medicin'),
        ]),
        participants: [],
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json<PlanSaved>()).toEqual({
        version: 2,
        notified: 2,
        notNotified: ['Mette Hansen', 'Misbrugscenter'],
      });
      // The coordinator (the demo caseworker) is told like any responsible party.
      expect(await mailsTo(t.handle.db, CASEWORKER, 'plan-changed')).toHaveLength(before + 1);

      const text = await sara.get(`/api/courses/${course.courseId}/plan/export?format=text`);
      expect(text.body).toContain('Ansvarlig: Sara Sagsbehandler (koordinerende sagsbehandler)');
      expect(text.body).toContain('Ansvarlig: Mette Hansen');
      expect(text.body).toContain('Ansvarlig: Misbrugscenter');
    });
  });
}
