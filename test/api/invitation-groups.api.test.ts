/** Invitations on each test database: only the measurement's groups, and withdrawing a group's invitations while nobody of it has answered. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseRates, Withdrawn } from '../../contract/measurements.schema.js';
import { testDatabases } from '../helpers/databases.js';
import { createMeasurement, surveyLinks, type Org } from '../helpers/measurement-fixture.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';
import { signedIn, startDemoApp } from '../helpers/demo-and-other.js';

type Failure = { code: string; message: { da: string; en: string } };

for (const database of testDatabases()) {
  describe(`invitations by group on ${database.name}`, () => {
    let t: TestApp;
    let owner: TestClient;
    let id: string;
    let org: Org;
    const unit = (name: string) => org.units.find((u) => u.name === name)!.id;
    const rates = async () =>
      (await owner.get(`/api/measurements/${id}/responses`)).json<ResponseRates>();
    const invitedIn = async (name: string) =>
      (await rates()).units.find((u) => u.unitId === unit(name))?.invited ?? 0;
    const withdraw = (group: string) =>
      owner.post(`/api/measurements/${id}/invitations/withdraw`, { group });

    beforeAll(async () => {
      t = await startDemoApp(database);
      owner = await signedIn(t.app, 'analytiker@demo.samspil.dk');
      ({ id, org } = await createMeasurement(owner, ['Jobcenter', 'Misbrugscenter', 'Bostøtte']));
    });
    afterAll(async () => t.close());

    it('refuses a unit that is not a group, or a person from one, and invites nobody', async () => {
      const byUnit = await owner.post(`/api/measurements/${id}/invitations`, {
        unitIds: [unit('Skole')],
      });
      expect(byUnit.statusCode).toBe(400);
      const failure = byUnit.json<Failure>();
      expect(failure.message.da).toContain('Kun målingens grupper kan inviteres');
      expect(failure.message.da).toContain('Skole');
      expect(failure.message.en).toContain("Only the measurement's groups can be invited");

      const someone = org.people.find((p) => p.unitId === unit('Skole'))!;
      const byPerson = await owner.post(`/api/measurements/${id}/invitations`, {
        personIds: [someone.id],
      });
      expect(byPerson.statusCode).toBe(400);
      expect(byPerson.json<Failure>().message.da).toContain('ikke med i målingen');
      const byEmail = await owner.post(`/api/measurements/${id}/invitations`, {
        emails: [someone.email],
        unitIds: [unit('Jobcenter')],
      });
      expect(byEmail.statusCode).toBe(400);
      expect((await rates()).invited).toBe(0);
    });

    it('invites by role only the people of the groups', async () => {
      const groups = new Set(['Jobcenter', 'Misbrugscenter', 'Bostøtte'].map(unit));
      const leaders = org.people.filter((p) => p.role === 'leder' && groups.has(p.unitId));
      const response = await owner.post(`/api/measurements/${id}/invitations`, {
        roles: ['leder'],
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<{ matched: number }>().matched).toBe(leaders.length);
      expect((await rates()).invited).toBe(leaders.length);
    });

    it("withdraws a draft's group, audited", async () => {
      const before = await invitedIn('Misbrugscenter');
      expect(before).toBeGreaterThan(0);
      const response = await withdraw(unit('Misbrugscenter'));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<Withdrawn>()).toEqual({ withdrawn: before });
      expect(await invitedIn('Misbrugscenter')).toBe(0);
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select(['detail'])
        .where('action', '=', 'withdraw-invitations')
        .where('entity_id', '=', id)
        .execute();
      expect(audit.map((a) => a.detail)).toEqual([{ withdrawn: before }]);
      const again = await withdraw(unit('Misbrugscenter'));
      expect(again.statusCode).toBe(404);
    });

    it('in an open measurement: refuses a group with answers or too few invited, withdraws one without and deletes its unsubmitted answers', async () => {
      for (const name of ['Jobcenter', 'Bostøtte']) {
        await owner.post(`/api/measurements/${id}/invitations`, { unitIds: [unit(name)] });
      }
      await owner.post(`/api/measurements/${id}/invitations`, {
        unitIds: [unit('Misbrugscenter')],
        roles: ['leder'],
      });
      const opened = await owner.post(`/api/measurements/${id}/open`);
      expect(opened.statusCode, opened.body).toBe(200);
      const links = await surveyLinks(t.handle.db, id);
      const linkOf = (name: string) =>
        [...links].find(
          ([email]) => org.people.find((p) => p.email === email)?.unitId === unit(name),
        )![1];
      const respondent = new TestClient(t.app);
      // Someone of Bostøtte submits; someone of Jobcenter is still answering.
      const bost = linkOf('Bostøtte');
      await respondent.request('PUT', `${bost}/groups`, { unitIds: [unit('Jobcenter')] });
      expect((await respondent.post(`${bost}/submit`)).statusCode).toBe(200);
      const job = linkOf('Jobcenter');
      await respondent.request('PUT', `${job}/groups`, { unitIds: [unit('Bostøtte')] });
      const saved = await respondent.request('PUT', `${job}/answers`, {
        answers: [{ target: unit('Bostøtte'), item: 'respekt', value: 4 }],
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const unsubmitted = () =>
        t.handle.db
          .selectFrom('respondent')
          .select('id')
          .where('measurement_id', '=', id)
          .where('submitted', '=', false)
          .execute();
      expect(await unsubmitted()).toHaveLength(1);

      const small = await withdraw(unit('Misbrugscenter'));
      expect(small.statusCode).toBe(409);
      expect(small.json<Failure>().message.da).toContain('færre end 5 inviterede');
      const answered = await withdraw(unit('Bostøtte'));
      expect(answered.statusCode).toBe(409);
      expect(answered.json<Failure>().message.da).toContain('nogen i gruppen har allerede svaret');
      expect(answered.json<Failure>().message.en).toContain('does not say who');
      expect(await invitedIn('Bostøtte')).toBe(16);

      const jobcenter = await invitedIn('Jobcenter');
      const done = await withdraw(unit('Jobcenter'));
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json<Withdrawn>()).toEqual({ withdrawn: jobcenter });
      expect(await invitedIn('Jobcenter')).toBe(0);
      expect(await unsubmitted()).toHaveLength(0);
      expect((await respondent.get(job)).statusCode).toBe(404);
      // The submitted answers stay.
      expect((await respondent.get(bost)).statusCode).toBe(200);
    });

    it('refuses leaders, other groups and closed measurements', async () => {
      const leader = await signedIn(t.app, 'leder@demo.samspil.dk');
      const asLeader = await leader.post(`/api/measurements/${id}/invitations/withdraw`, {
        group: unit('Bostøtte'),
      });
      expect(asLeader.statusCode).toBe(403);
      expect((await withdraw('no-such-group')).statusCode).toBe(404);
      expect((await owner.post(`/api/measurements/${id}/close`)).statusCode).toBe(200);
      const closed = await withdraw(unit('Bostøtte'));
      expect(closed.statusCode).toBe(409);
      expect(closed.json<Failure>().code).toBe('closed');
    });
  });
}
