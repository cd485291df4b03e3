/**
 * Several stateless app instances on one PostgreSQL (issue #13): two apps, each with
 * its own database handle and pool, share workshop live updates (LISTEN/NOTIFY), rate
 * limits (counted in the database), sessions, and the job queue (each job run once).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-organisation.js';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';
import { enqueueJob } from '../../src/jobs/job.repository.js';
import { JobWorker } from '../../src/jobs/job-worker.js';
import { outboxTransport } from '../../src/mail/mail-transport.js';
import { buildApp } from '../../src/server/app.js';
import type { WorkshopState } from '../../contract/workshops.schema.js';
import { browserLogin, listen, openStream } from '../helpers/http.js';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/postgres-database.js';
import { testConfig, TestClient } from '../helpers/test-app.js';

const baseUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!baseUrl)('two app instances on one PostgreSQL', () => {
  let scratch: ScratchDatabase;
  const handles: DatabaseHandle[] = [];
  const apps: FastifyInstance[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase(baseUrl!);
    const config = testConfig();
    for (let i = 0; i < 2; i++) {
      const handle = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 });
      handles.push(handle);
      const app = await buildApp({
        config,
        db: handle.db,
        mail: outboxTransport,
        notifier: handle.notifier,
      });
      apps.push(app);
      urls.push(await listen(app));
    }
    await createDemoMunicipality(handles[0]!.db);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const handle of handles) await handle.close();
    await scratch.drop();
  });

  it('shows a workshop step done on one instance live on the other', async () => {
    const facilitator = new TestClient(apps[0]!);
    await facilitator.login('analytiker@demo.samspil.dk', DEMO_PASSWORD);
    const created = (
      await facilitator.post('/api/workshops', { title: 'Skaleret', targetGroup: 'Unge' })
    ).json<WorkshopState>();
    const cookie = await browserLogin(urls[1]!, 'sagsbehandler@demo.samspil.dk');
    const stream = await openStream(urls[1]!, cookie, created.id);
    try {
      expect(await stream.next('hello')).toEqual({ version: created.version });
      // Step 2 needs two actors; each one added is a change the follower sees.
      for (const label of ['Skolen', 'PPR']) {
        const actor = await facilitator.post(`/api/workshops/${created.id}/actors`, {
          label,
          x: 100,
          y: 100,
        });
        expect(await stream.next('changed')).toEqual({
          type: 'changed',
          version: actor.json<WorkshopState>().version,
        });
      }
      const step = await facilitator.request('PUT', `/api/workshops/${created.id}/step`, {
        step: 2,
      });
      expect(step.statusCode).toBe(200);
      expect(await stream.next('changed')).toEqual({
        type: 'changed',
        version: step.json<WorkshopState>().version,
      });
    } finally {
      stream.close();
    }
  });

  it('lets a session made on one instance work on the other', async () => {
    const cookie = await browserLogin(urls[0]!, 'leder@demo.samspil.dk');
    const session = await fetch(`${urls[1]}/api/session`, { headers: { cookie } });
    expect(((await session.json()) as { user?: { email: string } }).user?.email).toBe(
      'leder@demo.samspil.dk',
    );
  });

  it('counts a rate limit across both instances', async () => {
    // A survey link allows 600 requests a minute, wherever they land.
    const link = `/api/survey/${randomUUID()}/no-such-token`;
    const hit = (app: FastifyInstance) =>
      app.inject({ method: 'GET', url: link, remoteAddress: '10.9.8.7' });
    for (let i = 0; i < 300; i++) expect((await hit(apps[0]!)).statusCode).toBe(404);
    for (let i = 0; i < 300; i++) expect((await hit(apps[1]!)).statusCode).toBe(404);
    const over = await hit(apps[0]!);
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ code: 'rate_limited' });
    expect((await hit(apps[1]!)).statusCode).toBe(429);
    // Another link is counted on its own.
    const other = await apps[1]!.inject({
      method: 'GET',
      url: `/api/survey/${randomUUID()}/no-such-token`,
    });
    expect(other.statusCode).toBe(404);
  });

  it('runs a job queued by one instance exactly once, on either worker', async () => {
    const runs: { job: number; worker: number }[] = [];
    const workers = handles.map(
      (handle, worker) =>
        new JobWorker(
          handle.db,
          {
            scaled: async (payload) => {
              runs.push({ job: Number(payload.n), worker });
              await new Promise((resolve) => setTimeout(resolve, 5));
            },
          },
          { batch: 4 },
        ),
    );
    for (let n = 0; n < 30; n++) {
      await enqueueJob(handles[n % 2]!.db, { kind: 'scaled', payload: { n } });
    }
    for (let round = 0; round < 20 && runs.length < 30; round++) {
      await Promise.all(workers.map((w) => w.runDue()));
    }
    expect(runs.map((r) => r.job).sort((a, b) => a - b)).toEqual([...Array(30).keys()]);
    expect(new Set(runs.map((r) => r.worker))).toEqual(new Set([0, 1]));
  });
});
