/**
 * A PostgreSQL restart under load (issue #13): the app keeps running, answers 503 with
 * Retry-After while the database is away (never 500), reports not-ready and then ready
 * again, and afterwards saves, logs in and reads as before; the job worker and the
 * LISTEN connection recover by themselves. The test runs its own throwaway cluster,
 * because it stops and restarts the server. An unhandled 'error' event from a pooled
 * client would end this process, which fails the run.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-organisation.js';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';
import { enqueueJob } from '../../src/jobs/job.repository.js';
import { JobWorker } from '../../src/jobs/job-worker.js';
import { outboxTransport } from '../../src/mail/mail-transport.js';
import { RESYNC } from '../../src/realtime/notifier.js';
import { buildApp } from '../../src/server/app.js';
import { createMeasurement, surveyLinks } from '../helpers/measurement-fixture.js';
import { testConfig, TestClient } from '../helpers/test-app.js';
import {
  havePostgres15,
  PG_BIN,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../helpers/throwaway-postgres.js';
import { signedIn } from '../helpers/demo-and-other.js';

const available = havePostgres15();
if (!available) {
  console.warn(`Skipping the PostgreSQL restart test: ${PG_BIN} is not installed.`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!available)('a PostgreSQL restart under load', () => {
  let cluster: ThrowawayPostgres;
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let worker: JobWorker;
  let owner: TestClient;
  let links: string[];
  const ran: number[] = [];
  const events: Record<string, unknown>[] = [];

  beforeAll(async () => {
    cluster = await startThrowawayPostgres();
    handle = await openDatabase({ kind: 'postgres', url: cluster.url, poolSize: 8 });
    await createDemoMunicipality(handle.db);
    app = await buildApp({
      config: testConfig(),
      db: handle.db,
      mail: outboxTransport,
      notifier: handle.notifier,
    });
    await app.ready();
    worker = new JobWorker(
      handle.db,
      { probe: async (payload) => void ran.push(Number(payload.n)) },
      { pollMs: 50, lockMs: 1500, backoffMs: 50 },
    );
    worker.start();
    await handle.notifier.subscribe('probe', (data) => events.push(data));

    owner = await signedIn(app, 'analytiker@demo.samspil.dk');
    const { id, org } = await createMeasurement(owner, ['Jobcenter', 'Misbrugscenter']);
    const unitIds = org.units.filter((u) => u.name === 'Jobcenter').map((u) => u.id);
    expect((await owner.post(`/api/measurements/${id}/invitations`, { unitIds })).statusCode).toBe(
      200,
    );
    expect((await owner.post(`/api/measurements/${id}/open`)).statusCode).toBe(200);
    links = [...(await surveyLinks(handle.db, id)).values()];
    expect(links.length).toBeGreaterThan(10);
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await handle?.close();
    await cluster?.close();
  });

  /** One round of traffic: a survey save, a read and (every fourth round) a login. */
  async function round(i: number): Promise<LightMyRequestResponse[]> {
    const respondent = new TestClient(app);
    const link = links[i % links.length]!;
    const requests = [
      respondent.request('PUT', `${link}/answers`, {
        answers: [{ target: '', item: 'ledelse2', value: (i % 5) + 1 }],
      }),
      owner.get('/api/measurements'),
    ];
    if (i % 4 === 0) {
      requests.push(new TestClient(app).login('leder@demo.samspil.dk', DEMO_PASSWORD));
    }
    return Promise.all(requests);
  }

  /** Send rounds of traffic until `during` settles (at most `max` rounds); every answer. */
  async function underLoad(during: Promise<void>, max = 400) {
    let done = false;
    const settled = during.finally(() => (done = true));
    const responses: LightMyRequestResponse[] = [];
    for (let i = 0; i < max && !done; i++) responses.push(...(await round(i)));
    await settled;
    return responses;
  }

  function expectNoServerErrors(responses: LightMyRequestResponse[]) {
    const statuses = new Set(responses.map((r) => r.statusCode));
    for (const status of statuses) expect([200, 503]).toContain(status);
    for (const response of responses.filter((r) => r.statusCode === 503)) {
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json()).toMatchObject({ code: 'unavailable' });
    }
  }

  async function ready(): Promise<number> {
    return (await app.inject({ method: 'GET', url: '/api/ready' })).statusCode;
  }

  async function waitUntilReady() {
    const deadline = Date.now() + 30_000;
    while ((await ready()) !== 200) {
      if (Date.now() > deadline) throw new Error('the app never became ready');
      await sleep(200);
    }
  }

  /** Everything works again: requests, a new job, and a LISTEN event. */
  async function expectRecovered(n: number) {
    await waitUntilReady();
    const responses = await round(0);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    await enqueueJob(handle.db, { kind: 'probe', payload: { n } });
    const deadline = Date.now() + 15_000;
    while (!ran.includes(n)) {
      if (Date.now() > deadline) throw new Error(`job ${n} never ran`);
      await sleep(100);
    }
    // The LISTEN connection comes back on its own; publish until an event arrives.
    const eventDeadline = Date.now() + 15_000;
    while (!events.some((e) => e.n === n)) {
      if (Date.now() > eventDeadline) throw new Error(`event ${n} never arrived`);
      await handle.notifier.publish('probe', { n });
      await sleep(300);
    }
  }

  it('works before the restart', async () => {
    expect(await ready()).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    await expectRecovered(1);
  });

  it('survives `pg_ctl restart -m fast` under load', async () => {
    const responses = await underLoad(sleep(300).then(() => cluster.restart('fast')));
    expect(responses.length).toBeGreaterThan(10);
    expectNoServerErrors(responses);
    await expectRecovered(2);
    expect(events).toContainEqual(RESYNC);
  });

  it('answers 503 with Retry-After and is not ready while the server is down, then recovers', async () => {
    const responses = await underLoad(sleep(300).then(() => cluster.stop('immediate')));
    expectNoServerErrors(responses);
    // Down: every request that needs the database gets 503; liveness stays 200.
    const outage = await round(0);
    expect(outage.map((r) => r.statusCode)).toEqual([503, 503, 503]);
    expectNoServerErrors(outage);
    expect(await ready()).toBe(503);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    // Jobs queued while it is down cannot even be queued; the worker keeps polling.
    await sleep(500);
    await cluster.start();
    await expectRecovered(3);
  });

  it('survives `pg_ctl restart -m immediate` under load', async () => {
    events.length = 0;
    const responses = await underLoad(sleep(300).then(() => cluster.restart('immediate')));
    expectNoServerErrors(responses);
    await expectRecovered(4);
    expect(events).toContainEqual(RESYNC);
  });
});
