/**
 * Signing in through OpenID Connect (issue #14) against a real provider in the test
 * process (`oidc-provider`), over real HTTP through every redirect: staff through the
 * municipality's provider (first sign-in, role mapping and its change, refusals for an
 * unmapped user, another domain, a wrong state, a replayed code, an expired ID token and an
 * expired sign-in),
 * the e-mail-first discovery, passwords turned off, and citizens with MitID through a
 * broker issuing a CPR claim.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealLoginState } from '../../src/auth/oidc/oidc-client.js';
import { redactTokens } from '../../src/server/logging.js';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-organisation.js';
import { testDatabases } from '../helpers/databases.js';
import { freePort } from '../helpers/http.js';
import { CASEWORKER, courseForMitid } from '../helpers/course-fixture.js';
import { signedIn } from '../helpers/demo-and-other.js';
import { CookieJar, startTestProvider, type TestProvider } from '../helpers/oidc-provider.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';

const CALLBACK = '/api/auth/oidc/callback';
const ROLE_MAP = {
  'samspil-admin': 'admin',
  'samspil-leder': 'leder',
  'samspil-sb': 'sagsbehandler',
};

describe.each(testDatabases())('OpenID Connect sign-in on $name', (database) => {
  let t: TestApp;
  let appUrl = '';
  let provider: TestProvider;
  let broker: TestProvider;
  let admin: TestClient;

  /** Start a sign-in and go through the provider's pages as `account`; stops at the callback. */
  async function toCallback(
    start: string,
    account: string,
    jar = new CookieJar(),
  ): Promise<{ jar: CookieJar; callback: string }> {
    let url = `${appUrl}${start}`;
    let method = 'GET';
    let body: string | undefined;
    for (let hop = 0; hop < 20; hop++) {
      if (url.startsWith(`${appUrl}${CALLBACK}`)) return { jar, callback: url };
      const response = await fetch(url, {
        method,
        redirect: 'manual',
        headers: {
          cookie: jar.header(url),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body,
      });
      jar.keep(url, response);
      method = 'GET';
      body = undefined;
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get('location')!, url).href;
      } else if (response.status === 200 && url.includes('/interaction/')) {
        method = 'POST';
        body = new URLSearchParams({ login: account }).toString();
      } else {
        throw new Error(`unexpected ${response.status} at ${url}: ${await response.text()}`);
      }
    }
    throw new Error('too many redirects');
  }

  /** Call the callback with the jar's cookies; returns where it sends the browser. */
  async function callback(jar: CookieJar, url: string) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url) } });
    jar.keep(url, response);
    expect(response.status).toBe(302);
    return response.headers.get('location')!;
  }

  async function sessionUser(jar: CookieJar) {
    const response = await fetch(`${appUrl}/api/session`, {
      headers: { cookie: jar.header(appUrl) },
    });
    return ((await response.json()) as { user: { email: string; role: string } | null }).user;
  }

  /** A whole staff sign-in as `account`; returns the landing place and the jar. */
  async function staffSignIn(account: string) {
    const { jar, callback: url } = await toCallback(
      '/api/auth/oidc/start?municipality=demo',
      account,
    );
    return { jar, location: await callback(jar, url) };
  }

  async function lastAudit(action: string) {
    return t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', action)
      .orderBy('id', 'desc')
      .executeTakeFirst();
  }

  beforeAll(async () => {
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    t = await startTestApp(database, { env: { PUBLIC_URL: appUrl } });
    await t.app.listen({ port, host: '127.0.0.1' });
    await createDemoMunicipality(t.handle.db, 2026, t.config.cprKey);
    provider = await startTestProvider(`${appUrl}${CALLBACK}`);
    broker = await startTestProvider(`${appUrl}${CALLBACK}`);
    admin = await signedIn(t.app, 'admin@demo.samspil.dk');
  });
  afterAll(async () => {
    await provider?.close();
    await broker?.close();
    await t?.close();
  });

  describe('staff', () => {
    it('lets an admin set the provider; the secret is stored sealed and never shown', async () => {
      const bad = await admin.request('PUT', '/api/municipality/oidc/staff', {
        issuer: 'not a url',
        clientId: 'x',
        clientSecret: 'y',
      });
      expect(bad.statusCode).toBe(400);
      const saved = await admin.request('PUT', '/api/municipality/oidc/staff', {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        roleClaim: 'roles',
        roleMap: ROLE_MAP,
        domains: ['demo.samspil.dk'],
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const shown = await admin.get('/api/municipality/oidc/staff');
      expect(shown.json()).toMatchObject({
        provider: {
          issuer: provider.issuer,
          emailClaim: 'email',
          roleMap: ROLE_MAP,
          passwordsAllowed: true,
          callbackUrl: `${appUrl}${CALLBACK}`,
        },
      });
      expect(shown.body).not.toContain(provider.clientSecret);
      const row = await t.handle.db
        .selectFrom('oidc_provider')
        .select('client_secret_sealed')
        .executeTakeFirstOrThrow();
      expect(row.client_secret_sealed).not.toContain(provider.clientSecret);
      expect(row.client_secret_sealed).toMatch(/^v1\./);

      const leader = await signedIn(t.app, 'leder@demo.samspil.dk');
      expect((await leader.get('/api/municipality/oidc/staff')).statusCode).toBe(403);
      const put = await leader.request('PUT', '/api/municipality/oidc/staff', {
        issuer: provider.issuer,
        clientId: 'evil',
      });
      expect(put.statusCode).toBe(403);
    });

    it('answers the e-mail-first step by domain only', async () => {
      const client = await new TestClient(t.app).start();
      const known = await client.post('/api/auth/sso/discover', { email: 'admin@demo.samspil.dk' });
      const unknown = await client.post('/api/auth/sso/discover', {
        email: 'nobody-at-all@demo.samspil.dk',
      });
      expect(known.json()).toEqual({
        method: 'oidc',
        label: 'Log ind med Samspil Demokommunes login',
        municipalityName: 'Samspil Demokommune',
        url: '/api/auth/oidc/start?municipality=demo',
        passwordAllowed: true,
      });
      expect(unknown.json()).toEqual(known.json());
      const other = await client.post('/api/auth/sso/discover', { email: 'a@elsewhere.dk' });
      expect(other.json()).toEqual({ method: 'password' });
    });

    it('creates a login at the first sign-in from the mapped role, and audits it', async () => {
      provider.accounts.set('alice', {
        email: 'Alice.Andersen@demo.samspil.dk',
        name: 'Alice Andersen',
        roles: ['samspil-sb', 'samspil-leder'],
      });
      const { jar, location } = await staffSignIn('alice');
      expect(location).toBe('/');
      expect(await sessionUser(jar)).toMatchObject({
        email: 'alice.andersen@demo.samspil.dk',
        role: 'leder',
      });
      const audit = await lastAudit('login');
      expect(audit?.detail).toEqual({ method: 'oidc' });
      expect(JSON.stringify(audit)).not.toContain('alice');
    });

    it('gives a changed mapped role at the next sign-in', async () => {
      provider.accounts.set('alice', {
        email: 'alice.andersen@demo.samspil.dk',
        roles: 'samspil-admin',
      });
      const { jar } = await staffSignIn('alice');
      expect(await sessionUser(jar)).toMatchObject({ role: 'admin' });
      const users = await t.handle.db
        .selectFrom('app_user')
        .select('role')
        .where('email', '=', 'alice.andersen@demo.samspil.dk')
        .execute();
      expect(users).toEqual([{ role: 'admin' }]);
    });

    it('links an existing login by e-mail', async () => {
      provider.accounts.set('sara', {
        email: 'sagsbehandler@demo.samspil.dk',
        roles: ['samspil-sb'],
      });
      const { jar } = await staffSignIn('sara');
      expect(await sessionUser(jar)).toMatchObject({
        email: 'sagsbehandler@demo.samspil.dk',
        role: 'sagsbehandler',
      });
      const count = await t.handle.db
        .selectFrom('app_user')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('email', '=', 'sagsbehandler@demo.samspil.dk')
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    });

    it('refuses a user the mapping gives no role, also one who had a login', async () => {
      provider.accounts.set('alice', { email: 'alice.andersen@demo.samspil.dk', roles: ['x'] });
      const { jar, location } = await staffSignIn('alice');
      expect(location).toBe('/login?sso=no-role');
      expect(await sessionUser(jar)).toBeNull();
      expect((await lastAudit('login-refused'))?.detail).toEqual({
        method: 'oidc',
        reason: 'no-role',
      });
      provider.accounts.set('nils', { email: 'nils@demo.samspil.dk', roles: [] });
      expect((await staffSignIn('nils')).location).toBe('/login?sso=no-role');
      const nils = await t.handle.db
        .selectFrom('app_user')
        .select('id')
        .where('email', '=', 'nils@demo.samspil.dk')
        .execute();
      expect(nils).toEqual([]);
    });

    it("refuses a user of another municipality's domain", async () => {
      provider.accounts.set('bob', { email: 'bob@aarhus.dk', roles: ['samspil-admin'] });
      const { jar, location } = await staffSignIn('bob');
      expect(location).toBe('/login?sso=domain');
      expect(await sessionUser(jar)).toBeNull();
    });

    it('refuses a disabled login', async () => {
      provider.accounts.set('leif', { email: 'leder@demo.samspil.dk', roles: ['samspil-leder'] });
      await t.handle.db
        .updateTable('app_user')
        .set({ disabled_at: new Date() })
        .where('email', '=', 'leder@demo.samspil.dk')
        .execute();
      expect((await staffSignIn('leif')).location).toBe('/login?sso=disabled');
      await t.handle.db
        .updateTable('app_user')
        .set({ disabled_at: null })
        .where('email', '=', 'leder@demo.samspil.dk')
        .execute();
    });

    it('refuses a wrong state', async () => {
      provider.accounts.set('sara', {
        email: 'sagsbehandler@demo.samspil.dk',
        roles: ['samspil-sb'],
      });
      const { jar, callback: url } = await toCallback(
        '/api/auth/oidc/start?municipality=demo',
        'sara',
      );
      const tampered = new URL(url);
      tampered.searchParams.set('state', 'someone-elses-state');
      expect(await callback(jar, tampered.href)).toBe('/login?sso=state');
      expect(await sessionUser(jar)).toBeNull();
      // No state cookie at all (a callback link sent to a victim): refused too.
      expect(await callback(new CookieJar(), url)).toBe('/login?sso=state');
    });

    it('refuses a replayed code', async () => {
      const { jar, callback: url } = await toCallback(
        '/api/auth/oidc/start?municipality=demo',
        'sara',
      );
      const cookies = jar.header(url);
      expect(await callback(jar, url)).toBe('/');
      const replay = await fetch(url, { redirect: 'manual', headers: { cookie: cookies } });
      expect(replay.headers.get('location')).toBe('/login?sso=provider');
      expect(replay.headers.getSetCookie().some((c) => c.startsWith('samspil-sid='))).toBe(false);
    });

    it('documents its routes and their answers in the OpenAPI description', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(response.statusCode).toBe(200);
      const paths = response.json<{
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      }>().paths;
      expect(paths[CALLBACK]?.get?.responses).toHaveProperty('302');
      expect(paths['/api/auth/sso/discover']?.post?.responses).toHaveProperty('200');
      expect(paths['/api/municipality/oidc/{purpose}']?.put?.responses).toHaveProperty('200');
    });

    it('keeps the code, the state and e-mails out of the request log', () => {
      const logged = redactTokens(`${CALLBACK}?code=secret-code&state=secret-state&iss=x`);
      expect(logged).not.toMatch(/secret/);
      expect(redactTokens('/api/auth/oidc/start?email=a%40b.dk')).not.toContain('b.dk');
    });

    it('refuses an ID token that has expired', async () => {
      // A provider whose ID tokens expired two minutes before they were issued: beyond the
      // client's 30 seconds of clock tolerance, as a token replayed long after would be.
      const stale = await startTestProvider(`${appUrl}${CALLBACK}`, { idTokenTtlSeconds: -120 });
      stale.accounts.set('sara', { email: 'sagsbehandler@demo.samspil.dk', roles: ['samspil-sb'] });
      const point = (to: TestProvider) =>
        admin.request('PUT', '/api/municipality/oidc/staff', {
          issuer: to.issuer,
          clientId: to.clientId,
          clientSecret: to.clientSecret,
          roleClaim: 'roles',
          roleMap: ROLE_MAP,
          domains: ['demo.samspil.dk'],
        });
      try {
        expect((await point(stale)).statusCode).toBe(200);
        const { jar, callback: url } = await toCallback(
          '/api/auth/oidc/start?municipality=demo',
          'sara',
        );
        const location = await callback(jar, url);
        // Refused as the provider's answer (the token's checks), like a replayed code.
        expect(location).toBe('/login?sso=provider');
        expect(await sessionUser(jar)).toBeNull();
      } finally {
        expect((await point(provider)).statusCode).toBe(200);
        await stale.close();
      }
    });

    it('refuses a sign-in that took too long', async () => {
      const { jar, callback: url } = await toCallback(
        '/api/auth/oidc/start?municipality=demo',
        'sara',
      );
      const state = new URL(url).searchParams.get('state')!;
      const municipality = await t.handle.db
        .selectFrom('municipality')
        .select('id')
        .executeTakeFirstOrThrow();
      const stale = sealLoginState(t.config.sessionSecret, {
        purpose: 'staff',
        municipalityId: municipality.id,
        state,
        nonce: 'n',
        verifier: 'v',
        expiresAt: Date.now() - 1000,
      });
      const response = await fetch(url, {
        redirect: 'manual',
        headers: { cookie: `samspil-oidc=${stale}` },
      });
      expect(response.headers.get('location')).toBe('/login?sso=expired');
      expect(await sessionUser(jar)).toBeNull();
    });

    it('keeps passwords working where allowed and refuses them clearly where not', async () => {
      const client = new TestClient(t.app);
      expect((await client.login('analytiker@demo.samspil.dk', DEMO_PASSWORD)).statusCode).toBe(
        200,
      );
      const off = await admin.request('PUT', '/api/municipality/oidc/staff', {
        issuer: provider.issuer,
        clientId: provider.clientId,
        roleClaim: 'roles',
        roleMap: ROLE_MAP,
        domains: ['demo.samspil.dk'],
        passwordsAllowed: false,
      });
      expect(off.statusCode, off.body).toBe(200);
      const refused = await new TestClient(t.app).login(
        'analytiker@demo.samspil.dk',
        DEMO_PASSWORD,
      );
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ details: { reason: 'password_login_disabled' } });
      // The secret was kept, and the changed setting is used at once.
      expect((await staffSignIn('sara')).location).toBe('/');
      const wrong = await new TestClient(t.app).login(
        'analytiker@demo.samspil.dk',
        'wrong-password-123',
      );
      expect(wrong.statusCode).toBe(401);
      const on = await admin.request('PUT', '/api/municipality/oidc/staff', {
        issuer: provider.issuer,
        clientId: provider.clientId,
        passwordsAllowed: true,
      });
      expect(on.statusCode, on.body).toBe(200);
      expect(
        (await new TestClient(t.app).login('analytiker@demo.samspil.dk', DEMO_PASSWORD)).statusCode,
      ).toBe(200);
    });
  });

  describe('citizens with MitID', () => {
    const CPR_WITH_COURSE = '0303851234';
    let courseId = '';
    let consentId = '';
    let caseworker: TestClient;

    beforeAll(async () => {
      const saved = await admin.request('PUT', '/api/municipality/oidc/citizen', {
        issuer: broker.issuer,
        clientId: broker.clientId,
        clientSecret: broker.clientSecret,
        cprClaim: 'dk:gov:cpr',
      });
      expect(saved.statusCode, saved.body).toBe(200);
      caseworker = await signedIn(t.app, CASEWORKER);
      ({ courseId, consentId } = await courseForMitid(t.handle.db, caseworker, {
        name: 'Mette Hansen',
        cpr: '030385-1234',
      }));
      broker.accounts.set('mette', { 'dk:gov:cpr': CPR_WITH_COURSE });
      broker.accounts.set('ukendt', { 'dk:gov:cpr': '0101901111' });
    });

    async function mitid(account: string) {
      const { jar, callback: url } = await toCallback(
        '/api/auth/mitid/start?municipality=demo',
        account,
      );
      return { jar, location: await callback(jar, url) };
    }

    it('opens the citizen view of their own course from the CPR claim', async () => {
      const { jar, location } = await mitid('mette');
      expect(location).toBe('/borger/mitid/demo');
      const me = await fetch(`${appUrl}/api/borger/me`, {
        headers: { cookie: jar.header(appUrl) },
      });
      expect(me.status).toBe(200);
      const view = (await me.json()) as { course: { id: string }; me: { name: string } };
      expect(view.course.id).toBe(courseId);
      expect(view.me.name).toBe('Mette Hansen');
      const audit = await lastAudit('citizen.login');
      expect(audit).toMatchObject({ entity_id: courseId, detail: { method: 'mitid' } });
      expect(JSON.stringify(audit)).not.toContain(CPR_WITH_COURSE);
    });

    it('says plainly when the CPR number has no course', async () => {
      const { jar, location } = await mitid('ukendt');
      expect(location).toBe('/borger/mitid/demo?fejl=no-course');
      const me = await fetch(`${appUrl}/api/borger/me`, {
        headers: { cookie: jar.header(appUrl) },
      });
      expect(me.status).toBe(401);
    });

    it('refuses a course whose consent the citizen withdrew', async () => {
      const withdrawn = await caseworker.post(
        `/api/courses/${courseId}/consents/${consentId}/withdraw`,
        { reason: 'Borgeren trak samtykket tilbage' },
      );
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      const { jar, location } = await mitid('mette');
      expect(location).toBe('/borger/mitid/demo?fejl=no-consent');
      const me = await fetch(`${appUrl}/api/borger/me`, {
        headers: { cookie: jar.header(appUrl) },
      });
      expect(me.status).toBe(401);
    });

    it('keeps staff and citizen providers apart', async () => {
      // The broker knows no staff; its citizens cannot start a staff sign-in there.
      const response = await fetch(`${appUrl}/api/auth/mitid/start?municipality=nowhere`, {
        redirect: 'manual',
      });
      expect(response.status).toBe(404);
    });
  });
});
