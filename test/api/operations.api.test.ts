/**
 * Operating Samspil (issue #13) on each test database: the JSON log keeps SQL values,
 * cookies and tokens out (a failing statement logs its code, not its row); `/metrics`
 * exists only with a token and reports requests, pool, queue and answers; `/api/ready`
 * checks the database; and 20 000 people can be invited in one call.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/demo-organisation.js';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';
import { testDatabases } from '../helpers/databases.js';
import { createMeasurement, surveyLinks } from '../helpers/measurement-fixture.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';
import { danishDay } from '../helpers/dates.js';
import { personIdOf } from '../helpers/course-fixture.js';
import { signedIn } from '../helpers/demo-and-other.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef-0123456789';
const CITIZEN = 'Mette Lækagesen';
const CPR = '010203-1234';

for (const database of testDatabases()) {
  describe(`operations on ${database.name}`, () => {
    let t: TestApp;
    const lines: string[] = [];
    const log = () => lines.join('');

    beforeAll(async () => {
      t = await startTestApp(database, {
        env: { METRICS_TOKEN, LOG_LEVEL: 'info' },
        logStream: { write: (line) => void lines.push(line) },
      });
      await createDemoMunicipality(t.handle.db);
    });
    afterAll(async () => {
      await t.close();
    });

    it('logs a failing statement by its code and constraint, never its values', async () => {
      // A constraint that refuses this one citizen: the insert fails inside PostgreSQL,
      // whose error quotes the whole row ("Failing row contains (…)").
      await sql
        .raw(`ALTER TABLE citizen ADD CONSTRAINT refuse_test CHECK (name <> '${CITIZEN}')`)
        .execute(t.handle.db);
      const caseworker = await signedIn(t.app, 'sagsbehandler@demo.samspil.dk');
      const saraId = await personIdOf(t.handle.db, 'sagsbehandler@demo.samspil.dk');
      lines.length = 0;
      const response = await caseworker.post('/api/courses', {
        kind: 'individual',
        targetGroup: 'voksne',
        startDate: danishDay(),
        citizen: { name: CITIZEN, cpr: CPR, phone: '20 30 40 50', preferredContact: 'sms' },
        coordinator: { personId: saraId, role: 'koordinerende-sagsbehandler' },
      });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toMatchObject({ code: 'internal' });
      const failed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      const entry = failed.find((l) => l.msg === 'request failed');
      expect(entry?.err).toMatchObject({
        type: 'DatabaseError',
        code: '23514',
        constraint: 'refuse_test',
      });
      expect(failed.find((l) => l.msg === 'incoming request')?.req).toEqual({
        method: 'POST',
        url: '/api/courses',
        route: '/api/courses',
      });
      for (const secret of [
        CITIZEN,
        'Lækagesen',
        CPR,
        '0102031234',
        '20 30 40 50',
        'Failing row',
      ]) {
        expect(log()).not.toContain(secret);
      }
      await sql.raw(`ALTER TABLE citizen DROP CONSTRAINT refuse_test`).execute(t.handle.db);
    });

    it('keeps cookies, CSRF tokens and survey tokens out of the log', async () => {
      const owner = new TestClient(t.app);
      lines.length = 0;
      await owner.login('analytiker@demo.samspil.dk', DEMO_PASSWORD);
      const { id, org } = await createMeasurement(owner, ['Jobcenter', 'Misbrugscenter']);
      const unitIds = org.units.filter((u) => u.name === 'Jobcenter').map((u) => u.id);
      await owner.post(`/api/measurements/${id}/invitations`, { unitIds });
      await owner.post(`/api/measurements/${id}/open`);
      const link = [...(await surveyLinks(t.handle.db, id)).values()][0]!;
      const respondent = new TestClient(t.app);
      const saved = await respondent.request('PUT', `${link}/answers`, {
        answers: [{ target: '', item: 'ledelse2', value: 4 }],
      });
      expect(saved.statusCode).toBe(200);
      const token = link.split('/').pop()!;
      expect(log()).toContain('[token]');
      expect(log()).not.toContain(token);
      expect(log()).not.toContain(owner.csrfToken);
      expect(log()).not.toContain(DEMO_PASSWORD);
      expect(log()).not.toMatch(/cookie|set-cookie|authorization/i);
      // Every line is one JSON object with a level (pino).
      for (const line of lines) expect(JSON.parse(line)).toHaveProperty('level');
    });

    it('serves Prometheus metrics only with the token', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
      const wrong = await t.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${METRICS_TOKEN.replace('0', '1')}` },
      });
      expect(wrong.statusCode).toBe(401);
      const metrics = await t.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(metrics.statusCode).toBe(200);
      expect(metrics.headers['content-type']).toContain('text/plain');
      const text = metrics.body;
      expect(text).toMatch(
        /samspil_http_request_duration_seconds_count\{method="PUT",route="\/api\/survey\/:measurementId\/:token\/answers",status="200"\} 1/,
      );
      expect(text).toMatch(/samspil_answer_sets_saved_total 1/);
      expect(text).toMatch(/samspil_job_queue_depth/);
      expect(text).toMatch(/samspil_process_resident_memory_bytes/);
      if (database.name === 'postgres') {
        expect(text).toMatch(/samspil_db_pool_connections\{state="total"\} \d+/);
        expect(text).toMatch(/samspil_db_pool_connections\{state="waiting"\} 0/);
      }
      // No URL with an id or token becomes a label.
      expect(text).not.toMatch(/route="\/api\/survey\/[0-9a-f]{8}-/);
    });

    it('has no metrics without a token, and a readiness check', async () => {
      const plain = await startTestApp(database);
      try {
        // Without the route, /metrics is the web app's fallback page, not metrics.
        const metrics = await plain.app.inject({ method: 'GET', url: '/metrics' });
        expect(metrics.headers['content-type']).toContain('text/html');
        expect(metrics.body).not.toContain('samspil_');
        const ready = await plain.app.inject({ method: 'GET', url: '/api/ready' });
        expect(ready.statusCode).toBe(200);
        expect(ready.json()).toEqual({ ready: true });
      } finally {
        await plain.close();
      }
    });

    it('invites 20 000 people in one call', async () => {
      const municipality = await t.handle.db
        .selectFrom('municipality')
        .select('id')
        .executeTakeFirstOrThrow();
      const unit = await t.handle.db
        .selectFrom('unit')
        .select('id')
        .where('name', '=', 'Jobcenter')
        .executeTakeFirstOrThrow();
      const { rows } = await sql<{ id: string }>`
        INSERT INTO person (municipality_id, unit_id, name, email, role)
        SELECT ${municipality.id}::uuid, ${unit.id}::uuid, 'Person ' || n, 'p' || n || '@mange.dk', 'medarbejder'
        FROM generate_series(1, 20000) AS n
        RETURNING id`.execute(t.handle.db);
      const owner = await signedIn(t.app, 'analytiker@demo.samspil.dk');
      const { id } = await createMeasurement(owner, ['Jobcenter', 'Misbrugscenter']);
      const invited = await owner.post(`/api/measurements/${id}/invitations`, {
        personIds: rows.map((r) => r.id),
      });
      expect(invited.statusCode, invited.body).toBe(200);
      expect(invited.json()).toEqual({ added: 20_000, matched: 20_000 });
      const again = await owner.post(`/api/measurements/${id}/invitations`, {
        personIds: rows.map((r) => r.id),
      });
      expect(again.json()).toEqual({ added: 0, matched: 20_000 });
    });
  });
}
