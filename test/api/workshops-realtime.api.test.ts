/**
 * Live workshop updates over server-sent events: a follower's stream gets an event for
 * every change the facilitator makes, on PGlite (one instance) and across two app
 * instances on the same PostgreSQL (LISTEN/NOTIFY).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.js';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';
import { outboxTransport } from '../../src/mail/mail-transport.js';
import { buildApp } from '../../src/server/app.js';
import type { WorkshopState } from '../../contract/workshops.schema.js';
import { browserLogin, listen, openStream } from '../helpers/http.js';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/postgres-database.js';
import { testConfig } from '../helpers/test-app.js';
import { signedIn } from '../helpers/demo-and-other.js';

async function appOn(handle: DatabaseHandle) {
  return buildApp({
    config: testConfig(),
    db: handle.db,
    mail: outboxTransport,
    notifier: handle.notifier,
  });
}

async function followAndChange(facilitatorApp: FastifyInstance, followerUrl: string) {
  const owner = await signedIn(facilitatorApp, 'analytiker@demo.samspil.dk');
  const created = (
    await owner.post('/api/workshops', { title: 'Live', targetGroup: 'Unge med misbrug' })
  ).json<WorkshopState>();
  const cookie = await browserLogin(followerUrl, 'sagsbehandler@demo.samspil.dk');
  const stream = await openStream(followerUrl, cookie, created.id);
  try {
    expect(await stream.next('hello')).toEqual({ version: created.version });
    const added = await owner.post(`/api/workshops/${created.id}/actors`, {
      label: 'Skolen',
      x: 100,
      y: 100,
    });
    const version = added.json<WorkshopState>().version;
    expect(await stream.next('changed')).toEqual({ type: 'changed', version });
    await owner.post(`/api/workshops/${created.id}/actors`, { label: 'PPR', x: 300, y: 100 });
    expect(await stream.next('changed')).toEqual({ type: 'changed', version: version + 1 });
    // A refused edit sends nothing; the next real change does.
    const refused = await owner.request('PUT', `/api/workshops/${created.id}/step`, { step: 4 });
    expect(refused.statusCode).toBe(400);
    await owner.request('PUT', `/api/workshops/${created.id}/step`, { step: 2 });
    expect(await stream.next('changed')).toEqual({ type: 'changed', version: version + 2 });
  } finally {
    stream.close();
  }
  // Without a login there is no stream.
  const anonymous = await fetch(`${followerUrl}/api/workshops/${created.id}/events`);
  expect(anonymous.status).toBe(401);
}

describe('workshop events on pglite (one instance)', () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    handle = await openDatabase({ kind: 'pglite' });
    await createDemoMunicipality(handle.db);
    app = await appOn(handle);
    url = await listen(app);
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it("streams every change to a follower's screen", async () => {
    await followAndChange(app, url);
  });

  it('ends open streams when the app closes (afterAll would otherwise wait for them)', async () => {
    const cookie = await browserLogin(url, 'leder@demo.samspil.dk');
    const list = (await (await fetch(`${url}/api/workshops`, { headers: { cookie } })).json()) as {
      id: string;
    }[];
    const stream = await openStream(url, cookie, list[0]!.id);
    expect(await stream.next('hello')).toHaveProperty('version');
  });
});

const baseUrl = process.env.TEST_DATABASE_URL;
describe.skipIf(!baseUrl)('workshop events across two instances on postgres', () => {
  let scratch: ScratchDatabase;
  let first: DatabaseHandle;
  let second: DatabaseHandle;
  let appA: FastifyInstance;
  let appB: FastifyInstance;
  let urlB: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase(baseUrl!);
    first = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 });
    second = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 });
    await createDemoMunicipality(first.db);
    appA = await appOn(first);
    appB = await appOn(second);
    await appA.ready();
    urlB = await listen(appB);
  });
  afterAll(async () => {
    await appA.close();
    await appB.close();
    await first.close();
    await second.close();
    await scratch.drop();
  });

  it('delivers a change made on instance A to a follower streaming from instance B', async () => {
    await followAndChange(appA, urlB);
  });
});
