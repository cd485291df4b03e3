/**
 * Production safety on each test database: no demo data in production, forwarded headers
 * believed only from TRUST_PROXY, and CSRF tokens bound to the session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_MUNICIPALITY_HINT, prepareFirstStart } from '../../src/cli/first-start.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-organisation.js';
import type { DatabaseHandle } from '../../src/db/connection.js';
import { outboxTransport } from '../../src/mail/mail-transport.js';
import { buildApp } from '../../src/server/app.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestApp, testConfig, TestClient, type TestApp } from '../helpers/test-app.js';
import { signedIn, startDemoApp } from '../helpers/demo-and-other.js';

for (const database of testDatabases()) {
  describe(`security on ${database.name}`, () => {
    describe('first start', () => {
      it('creates no demo in production on an empty database and says how to begin', async () => {
        const t = await startTestApp(database, {
          env: { NODE_ENV: 'production', DATABASE_URL: '', PUBLIC_URL: 'https://x.dk' },
        });
        try {
          const start = await prepareFirstStart(t.handle.db, t.config);
          expect(start).toEqual({ createdDemo: false, messages: [FIRST_MUNICIPALITY_HINT] });
          expect(FIRST_MUNICIPALITY_HINT).toContain('samspil create-municipality');
          const count = await t.handle.db
            .selectFrom('municipality')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          expect(Number(count.n)).toBe(0);
          const login = await new TestClient(t.app).login('admin@demo.samspil.dk', DEMO_PASSWORD);
          expect(login.statusCode).toBe(401);
        } finally {
          await t.close();
        }
      });

      it('creates the demo outside production, once, and says so only when it did', async () => {
        const t = await startTestApp(database);
        try {
          const first = await prepareFirstStart(t.handle.db, t.config);
          expect(first.createdDemo).toBe(true);
          const login = await new TestClient(t.app).login('admin@demo.samspil.dk', DEMO_PASSWORD);
          expect(login.statusCode).toBe(200);
          expect(await prepareFirstStart(t.handle.db, t.config)).toEqual({
            createdDemo: false,
            messages: [],
          });
        } finally {
          await t.close();
        }
      });
    });

    describe('TRUST_PROXY', () => {
      let handle: DatabaseHandle;
      beforeAll(async () => {
        handle = await database.open();
      });
      afterAll(async () => handle.close());

      const ipSeen = async (env: Record<string, string>) => {
        const app = await buildApp({
          config: testConfig(env),
          db: handle.db,
          mail: outboxTransport,
          notifier: handle.notifier,
        });
        app.get('/test/ip', async (request) => ({ ip: request.ip }));
        try {
          const response = await app.inject({
            method: 'GET',
            url: '/test/ip',
            remoteAddress: '127.0.0.1',
            headers: { 'x-forwarded-for': '203.0.113.9' },
          });
          return response.json<{ ip: string }>().ip;
        } finally {
          await app.close();
        }
      };

      it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
        expect(await ipSeen({})).toBe('127.0.0.1');
        expect(await ipSeen({ TRUST_PROXY: '10.0.0.1' })).toBe('127.0.0.1');
        expect(await ipSeen({ TRUST_PROXY: '127.0.0.1' })).toBe('203.0.113.9');
        expect(await ipSeen({ TRUST_PROXY: '1' })).toBe('203.0.113.9');
      });
    });

    describe('password strength wherever a password is set', () => {
      let t: TestApp;
      beforeAll(async () => {
        t = await startDemoApp(database);
      });
      afterAll(async () => t.close());

      it('refuses weak and personal passwords at user creation and password change', async () => {
        const admin = await signedIn(t.app, 'admin@demo.samspil.dk');
        const person = { name: 'Birthe Kjærgaard', email: 'birthe.k@demo.dk', role: 'leder' };
        for (const password of [
          'aaaaaaaaaaaa',
          '123456789012',
          'sommerfugl2024',
          'birthe.k@demo.dk',
          'Kjærgaard-ost-1234',
        ]) {
          const weak = await admin.post('/api/users', { ...person, password });
          expect(weak.statusCode, password).toBe(400);
          expect(weak.json(), password).toMatchObject({
            code: 'bad_request',
            message: { da: expect.stringMatching(/Adgangskoden/), en: expect.any(String) },
          });
        }
        const created = await admin.post('/api/users', {
          ...person,
          password: 'grøn kaffe under broen',
        });
        expect(created.statusCode).toBe(201);
        const { id } = created.json<{ id: string }>();
        const reset = await admin.patch(`/api/users/${id}`, { password: 'birthe.k@demo.dk!' });
        expect(reset.json()).toMatchObject({
          message: { en: expect.stringMatching(/e-mail or name/) },
        });

        const birthe = new TestClient(t.app);
        expect((await birthe.login('birthe.k@demo.dk', 'grøn kaffe under broen')).statusCode).toBe(
          200,
        );
        const change = await birthe.post('/api/me/password', {
          currentPassword: 'grøn kaffe under broen',
          newPassword: 'qwertyuiop123',
        });
        expect(change.statusCode).toBe(400);
        expect(change.json<{ message: { da: string } }>().message.da).toMatch(/for let at gætte/);
        // The demo logins, whose password is fixed, still work.
        expect(
          (await new TestClient(t.app).login('leder@demo.samspil.dk', DEMO_PASSWORD)).statusCode,
        ).toBe(200);
      });
    });

    describe('CSRF bound to the session', () => {
      let t: TestApp;
      beforeAll(async () => {
        t = await startDemoApp(database);
      });
      afterAll(async () => t.close());

      it('refuses a token from one session in another, and the token from before login', async () => {
        const a = new TestClient(t.app);
        const b = new TestClient(t.app);
        expect((await a.login('admin@demo.samspil.dk', DEMO_PASSWORD)).statusCode).toBe(200);
        const anonymous = (await b.start()).csrfToken;
        expect((await b.login('analytiker@demo.samspil.dk', DEMO_PASSWORD)).statusCode).toBe(200);
        const unit = { name: 'CSRF-enhed', kind: 'ekstern' };
        // b's cookies with a's token: refused.
        const stolen = await b.request('POST', '/api/org/units', unit, {
          'x-csrf-token': a.csrfToken,
        });
        expect(stolen.statusCode).toBe(403);
        expect(stolen.json()).toMatchObject({ code: 'csrf_failed' });
        // b's token from before its login: refused too.
        const stale = await b.request('POST', '/api/org/units', unit, {
          'x-csrf-token': anonymous,
        });
        expect(stale.json()).toMatchObject({ code: 'csrf_failed' });
        expect((await b.post('/api/org/units', { ...unit, name: 'B-enhed' })).statusCode).toBe(201);
        // a's own token works, and /api/session hands out the same one.
        expect((await a.post('/api/org/units', unit)).statusCode).toBe(201);
        const session = await a.get('/api/session');
        expect(session.json<{ csrfToken: string }>().csrfToken).toBe(a.csrfToken);
      });
    });
  });
}
