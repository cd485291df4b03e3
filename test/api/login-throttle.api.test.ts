/**
 * Login throttling per account and per address on each test database, through HTTP behind
 * a trusted proxy (TRUST_PROXY=127.0.0.1) so each request can come from its own address.
 * On PostgreSQL also: two app instances on one database share the throttle.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FREE_ACCOUNT_FAILURES,
  FREE_ADDRESS_FAILURES,
  delayAfter,
  throttleWait,
} from '../../src/auth/login-throttle.js';
import { openDatabase } from '../../src/db/connection.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-organisation.js';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';
import { outboxTransport } from '../../src/mail/mail-transport.js';
import { buildApp } from '../../src/server/app.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestApp, testConfig, TestClient, type TestApp } from '../helpers/test-app.js';

const PROXIED = { TRUST_PROXY: '127.0.0.1' };
let addressCount = 0;
/** A fresh client address (from the documentation ranges), as a botnet would have. */
const freshAddress = () => {
  addressCount++;
  return `198.51.${Math.floor(addressCount / 250)}.${(addressCount % 250) + 1}`;
};

/** Log in through the trusted proxy at 127.0.0.1 as if from `address`. */
async function loginFrom(app: FastifyInstance, address: string, email: string, password: string) {
  const client = new TestClient(app, '127.0.0.1');
  const session = await client.request('GET', '/api/session', undefined, {
    'x-forwarded-for': address,
  });
  client.csrfToken = session.json<{ csrfToken: string }>().csrfToken;
  return client.request(
    'POST',
    '/api/auth/login',
    { email, password },
    {
      'x-forwarded-for': address,
    },
  );
}

describe('throttle policy', () => {
  it('grows the delay exponentially after the free failures, up to the cap', () => {
    expect(delayAfter(4, 5)).toBe(0);
    expect(delayAfter(5, 5)).toBe(1000);
    expect(delayAfter(8, 5)).toBe(8000);
    expect(delayAfter(1000, 5)).toBe(15 * 60 * 1000);
  });

  it('lets a known address past the account delay but not past its own', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    const counts = {
      accountFailures: 20,
      accountLastFailure: now,
      addressFailures: 0,
      addressLastFailure: null,
      knownAddress: false,
      now,
    };
    expect(throttleWait(counts)).toEqual({ ms: 15 * 60 * 1000, by: 'account' });
    expect(throttleWait({ ...counts, knownAddress: true })).toBeUndefined();
    expect(
      throttleWait({
        ...counts,
        knownAddress: true,
        addressFailures: FREE_ADDRESS_FAILURES + 2,
        addressLastFailure: now,
      }),
    ).toEqual({ ms: 4000, by: 'address' });
  });
});

for (const database of testDatabases()) {
  describe(`login throttling on ${database.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(database, { env: PROXIED });
      await createDemoMunicipality(t.handle.db);
    });
    afterAll(async () => t.close());

    it('slows guesses at one account from rotating addresses, and audits it once', async () => {
      const owner = freshAddress();
      const email = 'leder@demo.samspil.dk';
      expect((await loginFrom(t.app, owner, email, DEMO_PASSWORD)).statusCode).toBe(200);

      const statuses: number[] = [];
      let retryAfter: string | undefined;
      for (let i = 0; i < 20; i++) {
        const response = await loginFrom(t.app, freshAddress(), email, `guess-${i}`);
        statuses.push(response.statusCode);
        if (response.statusCode === 429) {
          retryAfter = String(response.headers['retry-after']);
          expect(response.json()).toMatchObject({
            code: 'rate_limited',
            message: { da: expect.stringContaining('Vent'), en: expect.stringContaining('Wait') },
          });
        }
      }
      // The first failures are free; after them each guess waits 1 s, 2 s, 4 s … after the last.
      expect(statuses.slice(0, FREE_ACCOUNT_FAILURES)).toEqual(
        Array(FREE_ACCOUNT_FAILURES).fill(401),
      );
      expect(statuses.filter((s) => s === 401).length).toBeLessThan(FREE_ACCOUNT_FAILURES + 5);
      expect(statuses).toContain(429);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);

      // Many more failures: the delay reaches minutes, even from an address never seen.
      await t.handle.db
        .insertInto('login_attempt')
        .values(Array.from({ length: 10 }, () => ({ email, success: false, address: 'x' })))
        .execute();
      const slow = await loginFrom(t.app, freshAddress(), email, DEMO_PASSWORD);
      expect(slow.statusCode).toBe(429);
      expect(Number(slow.headers['retry-after'])).toBeGreaterThan(60);

      // The owner, from the address they logged in from before, is not held.
      expect((await loginFrom(t.app, owner, email, DEMO_PASSWORD)).statusCode).toBe(200);

      const user = await t.handle.db
        .selectFrom('app_user')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select(['user_id', 'detail', 'entity'])
        .where('action', '=', 'login-throttled')
        .where('entity_id', '=', user.id)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ user_id: null, entity: 'user' });
      expect(JSON.stringify(audit[0]!.detail)).not.toContain('@');
    });

    it('slows one address that guesses across accounts, not others', async () => {
      const guesser = freshAddress();
      await t.handle.db
        .insertInto('login_attempt')
        .values(
          Array.from({ length: FREE_ADDRESS_FAILURES + 3 }, (_, i) => ({
            email: `nobody-${i}@example.dk`,
            success: false,
            address: guesser,
          })),
        )
        .execute();
      const held = await loginFrom(t.app, guesser, 'analytiker@demo.samspil.dk', DEMO_PASSWORD);
      expect(held.statusCode).toBe(429);
      expect(Number(held.headers['retry-after'])).toBeGreaterThanOrEqual(7);
      const other = await loginFrom(
        t.app,
        freshAddress(),
        'analytiker@demo.samspil.dk',
        DEMO_PASSWORD,
      );
      expect(other.statusCode).toBe(200);
    });

    it('counts parallel guesses against each other', async () => {
      const email = 'sagsbehandler@demo.samspil.dk';
      const responses = await Promise.all(
        Array.from({ length: 12 }, (_, i) => loginFrom(t.app, freshAddress(), email, `p-${i}`)),
      );
      const checked = responses.filter((r) => r.statusCode === 401).length;
      expect(checked).toBeLessThanOrEqual(FREE_ACCOUNT_FAILURES + 2);
      expect(responses.filter((r) => r.statusCode === 429).length).toBeGreaterThan(0);
    });
  });
}

const postgresUrl = process.env.TEST_DATABASE_URL;
describe.skipIf(!postgresUrl)('login throttling across app instances on PostgreSQL', () => {
  const name = `samspil_test_${randomBytes(6).toString('hex')}`;
  let url = '';
  const apps: FastifyInstance[] = [];
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(postgresUrl!);
    target.pathname = `/${name}`;
    url = target.toString();
    for (let i = 0; i < 2; i++) {
      const handle = await openDatabase({ kind: 'postgres', url });
      const app = await buildApp({
        config: testConfig(PROXIED),
        db: handle.db,
        mail: outboxTransport,
        notifier: handle.notifier,
      });
      await app.ready();
      apps.push(app);
      closers.push(async () => {
        await app.close();
        await handle.close();
      });
      if (i === 0) await createDemoMunicipality(handle.db);
    }
  });
  afterAll(async () => {
    for (const close of closers) await close();
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('holds a guesser on the second instance after failures on the first', async () => {
    const [first, second] = apps as [FastifyInstance, FastifyInstance];
    const email = 'admin@demo.samspil.dk';
    for (let i = 0; i < FREE_ACCOUNT_FAILURES; i++) {
      expect((await loginFrom(first, freshAddress(), email, `wrong-${i}`)).statusCode).toBe(401);
    }
    // Far enough past the free failures that the wait outlasts the test's own speed.
    const handle = await openDatabase({ kind: 'postgres', url });
    await sql`INSERT INTO login_attempt (email, success, address)
              SELECT ${email}, false, 'elsewhere' FROM generate_series(1, 6)`.execute(handle.db);
    await handle.close();
    const held = await loginFrom(second, freshAddress(), email, DEMO_PASSWORD);
    expect(held.statusCode).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(30);
  });
});
