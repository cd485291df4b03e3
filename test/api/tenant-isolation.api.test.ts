/**
 * Row-level security through HTTP: a logged-in staff user's request runs in their
 * municipality's scope, so a handler that forgets its municipality filter still finds only
 * their rows; anonymous requests, login and survey links run unrestricted, whoever's
 * session cookie comes along. A test route stands in for the forgetful handler.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connection.js';
import { currentTenant } from '../../src/db/tenant.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-organisation.js';
import { outboxTransport } from '../../src/mail/mail-transport.js';
import { buildApp } from '../../src/server/app.js';
import { testDatabases } from '../helpers/databases.js';
import { demoAndOther, OTHER_ADMIN, signedIn } from '../helpers/demo-and-other.js';
import { createMeasurement, surveyLinks } from '../helpers/measurement-fixture.js';
import { TestClient, testConfig } from '../helpers/test-app.js';

interface Forgetful {
  tenant: string | null;
  municipalities: string[];
  units: number;
}

for (const database of testDatabases()) {
  describe(`tenant isolation through the API on ${database.name}`, () => {
    let handle: DatabaseHandle;
    let app: FastifyInstance;
    let a: string;
    let b: string;
    let analystA: TestClient;
    let adminB: TestClient;

    beforeAll(async () => {
      handle = await database.open();
      const db = handle.db;
      app = await buildApp({
        config: testConfig(),
        db,
        mail: outboxTransport,
        notifier: handle.notifier,
      });
      // A handler that forgets the municipality filter, in a staff route and a system route.
      const forgetful = async (): Promise<Forgetful> => {
        const units = await db.selectFrom('unit').select('municipality_id').execute();
        return {
          tenant: currentTenant(),
          municipalities: [...new Set(units.map((u) => u.municipality_id))].sort(),
          units: units.length,
        };
      };
      app.get('/api/test/forgetful', forgetful);
      app.get('/api/test/forgetful-system', { config: { tenant: false } }, forgetful);
      await app.ready();

      ({ demo: a, other: b } = await demoAndOther(db));
      analystA = await signedIn(app, 'analytiker@demo.samspil.dk');
      adminB = await signedIn(app, OTHER_ADMIN.email, OTHER_ADMIN.password);
      // B's admin writes through the API, in B's scope.
      const unit = await adminB.post('/api/org/units', { name: 'Misbrugscenter', kind: 'udfører' });
      expect(unit.statusCode, unit.body).toBe(201);
    });
    afterAll(async () => {
      await app.close();
      await handle.close();
    });

    const forgetful = async (client: TestClient, path = '/api/test/forgetful') => {
      const response = await client.get(path);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Forgetful>();
    };

    it("runs a staff user's request in their municipality: a forgotten filter finds only theirs", async () => {
      const seenByA = await forgetful(analystA);
      expect(seenByA).toMatchObject({ tenant: a, municipalities: [a] });
      expect(seenByA.units).toBeGreaterThan(1);
      expect(await forgetful(adminB)).toEqual({ tenant: b, municipalities: [b], units: 1 });
      // The real routes agree.
      const units = (await adminB.get('/api/org')).json<{ units: { name: string }[] }>().units;
      expect(units.map((u) => u.name)).toEqual(['Misbrugscenter']);
    });

    it('runs anonymous requests and routes marked tenant: false unrestricted', async () => {
      const all = await forgetful(new TestClient(app));
      expect(all).toMatchObject({ tenant: null, municipalities: [a, b].sort() });
      expect(await forgetful(adminB, '/api/test/forgetful-system')).toEqual(all);
    });

    it("logs in to another municipality's account with a session cookie of the first", async () => {
      const client = new TestClient(app);
      expect((await client.login('analytiker@demo.samspil.dk', DEMO_PASSWORD)).statusCode).toBe(
        200,
      );
      expect((await client.login('admin@anden.dk', 'another-password-123')).statusCode).toBe(200);
      expect(await forgetful(client)).toMatchObject({ tenant: b, municipalities: [b] });
    });

    it("opens and saves to a survey link of one municipality with another's staff cookie", async () => {
      const { id } = await createMeasurement(analystA, ['Jobcenter', 'Misbrugscenter']);
      const org = (await analystA.get('/api/org')).json<{
        units: { id: string; name: string }[];
      }>();
      const invited = await analystA.post(`/api/measurements/${id}/invitations`, {
        unitIds: org.units.filter((u) => u.name === 'Jobcenter').map((u) => u.id),
      });
      expect(invited.statusCode, invited.body).toBe(200);
      expect((await analystA.post(`/api/measurements/${id}/open`)).statusCode).toBe(200);
      const [link] = [...(await surveyLinks(handle.db, id)).values()];
      const survey = await adminB.get(link!);
      expect(survey.statusCode, survey.body).toBe(200);
      const groups = survey.json<{ groups: { id: string; name: string }[] }>().groups;
      expect(groups.map((g) => g.name)).toEqual(['Jobcenter', 'Misbrugscenter']);
      const saved = await adminB.request('PUT', `${link!}/groups`, {
        unitIds: groups.map((g) => g.id),
      });
      expect(saved.statusCode, saved.body).toBeLessThan(300);
    });
  });
}
