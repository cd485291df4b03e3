/**
 * Staff sign-in with SAML 2.0 (issue #14) on each test database, through real HTTP: an IdP
 * made in the test (its own key and certificate, signed assertions built with xml-crypto),
 * metadata fetched from a real HTTP server, AuthnRequests from our login URL, and signed
 * responses posted to the ACS as a browser would. The app runs with an https PUBLIC_URL,
 * so the binding cookie applies as in production.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../src/municipality/municipality.service.js';
import { testDatabases } from '../helpers/databases.js';
import {
  authnRequestOf,
  encryptAssertion,
  idpMetadata,
  kombitPrivilegeList,
  makeKeyPair,
  redirectSignatureValid,
  samlResponse,
  type ResponseOptions,
} from '../helpers/saml-idp.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';

const PUBLIC_URL = 'https://samspil.example';
const SP_ENTITY = `${PUBLIC_URL}/api/auth/saml/metadata`;
const ACS = `${PUBLIC_URL}/api/auth/saml/acs`;
const IDP_ENTITY = 'https://adgangsstyring.eksterntest-stoettesystemerne.dk';
const IDP_SSO = 'https://adgangsstyring.example/runtime/saml2/issue.idp';
const PRIVILEGES = 'dk:gov:saml:attribute:Privileges_intermediate';
const MAIL = 'urn:oid:0.9.2342.19200300.100.1.3';
const NAME = 'urn:oid:2.5.4.3';
const CVR = '55133018';
const ROLE_LEDER = 'http://aarhus.dk/roles/usersystemrole/samspil-leder/1';
const ROLE_SAGSBEHANDLER = 'http://aarhus.dk/roles/usersystemrole/samspil-sagsbehandler/1';
const ADMIN_PASSWORD = 'aarhus-admin-password-2026';

const idpKeys = makeKeyPair('Adgangsstyring test');
const otherKeys = makeKeyPair('Somebody else');
// Our SP's own key pair: it signs AuthnRequests and decrypts encrypted assertions.
const spKeys = makeKeyPair('Samspil SP');
const spDir = mkdtempSync(path.join(tmpdir(), 'samspil-sp-'));
writeFileSync(path.join(spDir, 'sp.key'), spKeys.key);
writeFileSync(path.join(spDir, 'sp.crt'), spKeys.certPem);
const SP_ENV = {
  PUBLIC_URL,
  SAML_SP_KEY_FILE: path.join(spDir, 'sp.key'),
  SAML_SP_CERT_FILE: path.join(spDir, 'sp.crt'),
};

for (const database of testDatabases()) {
  describe(`SAML sign-in on ${database.name}`, () => {
    let t: TestApp;
    let admin: TestClient;
    let metadataServer: Server;
    let metadataUrl: string;
    /** The certificate the IdP's metadata URL publishes now (it can roll its key). */
    let publishedCert = idpKeys.certBase64;

    beforeAll(async () => {
      t = await startTestApp(database, { env: SP_ENV });
      await createMunicipality(
        t.handle.db,
        {
          name: 'Aarhus Kommune',
          slug: 'aarhus',
          adminName: 'Admin Aarhus',
          adminEmail: 'admin@aarhus.dk',
          adminPassword: ADMIN_PASSWORD,
        },
        { checkPassword: false },
      );
      metadataServer = createServer((_request, response) => {
        response.setHeader('content-type', 'application/samlmetadata+xml');
        response.end(idpMetadata(IDP_ENTITY, IDP_SSO, publishedCert));
      });
      await new Promise<void>((resolve) => metadataServer.listen(0, '127.0.0.1', resolve));
      metadataUrl = `http://127.0.0.1:${(metadataServer.address() as AddressInfo).port}/metadata`;
      admin = new TestClient(t.app);
      expect((await admin.login('admin@aarhus.dk', ADMIN_PASSWORD)).statusCode).toBe(200);
      await createMunicipality(
        t.handle.db,
        {
          name: 'Odense Kommune',
          slug: 'odense',
          adminName: 'Admin Odense',
          adminEmail: 'admin@odense.dk',
          adminPassword: ADMIN_PASSWORD,
        },
        { checkPassword: false },
      );
    });
    afterAll(async () => {
      metadataServer.close();
      await t.close();
    });

    /** Start a sign-in in a fresh browser; the request id the IdP would answer. */
    async function start(browser = new TestClient(t.app)) {
      const response = await browser.get('/api/auth/saml/login?municipality=aarhus');
      expect(response.statusCode).toBe(302);
      return { browser, request: authnRequestOf(response.headers.location as string) };
    }

    /** A response for `request` from the test IdP for Mette, a KOMBIT user of Aarhus. */
    function answer(requestId: string, changes: Partial<ResponseOptions> = {}) {
      return samlResponse({
        issuer: IDP_ENTITY,
        inResponseTo: requestId,
        audience: SP_ENTITY,
        acsUrl: ACS,
        nameId: 'CN=Mette Hansen,Serial=1234',
        attributes: {
          [MAIL]: ['Mette.Hansen@aarhus.dk'],
          [NAME]: ['Mette Hansen'],
          [PRIVILEGES]: [kombitPrivilegeList([{ cvr: CVR, privileges: [ROLE_LEDER] }])],
        },
        signWith: idpKeys.key,
        ...changes,
      });
    }

    function post(browser: TestClient, saml: string) {
      return browser.request(
        'POST',
        '/api/auth/saml/acs',
        new URLSearchParams({ SAMLResponse: saml }).toString(),
        {
          'content-type': 'application/x-www-form-urlencoded',
        },
      );
    }

    async function refusals(reason: string): Promise<number> {
      const rows = await t.handle.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'login-refused')
        .execute();
      return rows.filter((r) => (r.detail as { reason?: string }).reason === reason).length;
    }

    /** The newest refusal in the audit log: its reason and node-saml's explanation. */
    async function lastRefusal(): Promise<{ reason?: string; error?: string }> {
      const row = await t.handle.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'login-refused')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      return row.detail;
    }

    it('serves the SP metadata: our entity id, the ACS, signed assertions wanted', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/auth/saml/metadata' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('application/samlmetadata+xml');
      expect(response.body).toContain(`entityID="${SP_ENTITY}"`);
      expect(response.body).toContain(`Location="${ACS}"`);
      expect(response.body).toContain('WantAssertionsSigned="true"');
      expect(response.body).toContain('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST');
      // Our certificate, for the IdP to check our requests and to encrypt its assertions.
      expect(response.body).toContain('AuthnRequestsSigned="true"');
      expect(response.body).toContain('use="signing"');
      expect(response.body).toContain('use="encryption"');
      expect(response.body.replace(/\s+/g, '')).toContain(spKeys.certBase64);
    });

    it('documents its routes and their answers in the OpenAPI description', async () => {
      const openapi = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
      const paths = openapi.json<{
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      }>().paths;
      expect(Object.keys(paths['/api/auth/saml/metadata']!.get!.responses)).toEqual(['200']);
      expect(Object.keys(paths['/api/auth/saml/login']!.get!.responses)).toEqual(['302', '404']);
      expect(Object.keys(paths['/api/auth/saml/acs']!.post!.responses)).toEqual(['303', '403']);
      expect(Object.keys(paths['/api/municipality/saml']!)).toEqual(['get', 'put', 'delete']);
    });

    it('refuses to start where SAML is not set up, with a page saying so', async () => {
      const response = await new TestClient(t.app).get('/api/auth/saml/login?municipality=aarhus');
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('ikke sat login via SAML op');
    });

    it('refuses bad metadata and bad domains, changing nothing', async () => {
      const bad = await admin.request('PUT', '/api/municipality/saml', {
        metadataXml:
          '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>',
        emailDomains: ['aarhus.dk'],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ message: { da: string } }>().message.da).toContain('identitetsudbyder');
      const noCert = await admin.request('PUT', '/api/municipality/saml', {
        metadataXml: idpMetadata(IDP_ENTITY, IDP_SSO, '').replace(
          /<md:KeyDescriptor.*KeyDescriptor>/,
          '',
        ),
        emailDomains: ['aarhus.dk'],
      });
      expect(noCert.statusCode).toBe(400);
      const badDomain = await admin.request('PUT', '/api/municipality/saml', {
        metadataUrl,
        emailDomains: ['not a domain'],
      });
      expect(badDomain.statusCode).toBe(400);
      const view = await admin.get('/api/municipality/saml');
      expect(view.json()).toMatchObject({
        settings: null,
        serviceProvider: { entityId: SP_ENTITY, acsUrl: ACS },
      });
    });

    it('lets the admin set it up from the metadata URL', async () => {
      const response = await admin.request('PUT', '/api/municipality/saml', {
        metadataUrl,
        emailDomains: ['Aarhus.dk'],
        roleMap: { [ROLE_LEDER]: 'leder', [ROLE_SAGSBEHANDLER]: 'sagsbehandler' },
        cvr: CVR,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        settings: {
          idpEntityId: IDP_ENTITY,
          idpSsoUrl: IDP_SSO,
          idpCertificateCount: 1,
          emailDomains: ['aarhus.dk'],
          roleAttribute: PRIVILEGES,
          emailAttribute: MAIL,
          localPasswords: true,
        },
      });
    });

    it("keeps municipalities apart: no one claims another's domain or signs in its people", async () => {
      const odense = new TestClient(t.app);
      expect((await odense.login('admin@odense.dk', ADMIN_PASSWORD)).statusCode).toBe(200);
      const claim = await odense.request('PUT', '/api/municipality/saml', {
        metadataUrl,
        emailDomains: ['odense.dk', 'aarhus.dk'],
      });
      expect(claim.statusCode).toBe(409);
      expect(claim.json<{ details: unknown }>().details).toEqual({ domains: ['aarhus.dk'] });
      const own = await odense.request('PUT', '/api/municipality/saml', {
        metadataUrl,
        emailDomains: ['odense.dk'],
        roleMap: { [ROLE_LEDER]: 'leder' },
      });
      expect(own.statusCode).toBe(200);
      // The same KOMBIT IdP vouches for an Aarhus employee in a sign-in started at Odense.
      const browser = new TestClient(t.app);
      const started = await browser.get('/api/auth/saml/login?municipality=odense');
      const request = authnRequestOf(started.headers.location as string);
      const response = await post(browser, answer(request.id));
      expect(response.statusCode).toBe(403);
      expect(await lastRefusal()).toMatchObject({ reason: 'domain_not_allowed' });
      expect((await browser.get('/api/me')).statusCode).toBe(401);
      // Each admin sees only their own settings.
      expect((await odense.get('/api/municipality/saml')).json()).toMatchObject({
        settings: { emailDomains: ['odense.dk'] },
      });
    });

    it('finds the SAML sign-in by e-mail domain for the login page', async () => {
      const client = await new TestClient(t.app).start();
      const discover = async (email: string) =>
        (await client.post('/api/auth/sso/discover', { email })).json<unknown>();
      expect(await discover('someone@AARHUS.dk')).toMatchObject({
        method: 'saml',
        label: 'Log ind med Aarhus Kommunes login',
        municipalityName: 'Aarhus Kommune',
        url: '/api/auth/saml/login?municipality=aarhus',
      });
      expect(await discover('someone@vejle.dk')).toEqual({ method: 'password' });
      expect(await discover('no-at-sign')).toEqual({ method: 'password' });
    });

    it('sends an AuthnRequest naming our entity id and ACS to the IdP', async () => {
      const response = await new TestClient(t.app).get('/api/auth/saml/login?municipality=aarhus');
      expect(response.statusCode).toBe(302);
      const location = response.headers.location as string;
      expect(location.startsWith(`${IDP_SSO}?SAMLRequest=`)).toBe(true);
      expect(authnRequestOf(location)).toMatchObject({ acs: ACS, issuer: SP_ENTITY });
      expect(redirectSignatureValid(location, spKeys.certPem)).toBe(true);
      expect(redirectSignatureValid(location, otherKeys.certPem)).toBe(false);
    });

    it('signs in a KOMBIT user: creates the login with the mapped role, the session works', async () => {
      const { browser, request } = await start();
      const response = await post(browser, answer(request.id));
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/');
      await browser.start();
      const me = await browser.get('/api/me');
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({
        email: 'mette.hansen@aarhus.dk',
        name: 'Mette Hansen',
        role: 'leder',
        municipality: { name: 'Aarhus Kommune' },
      });
      // The session is a real one: a state-changing request with its CSRF token works.
      expect((await browser.post('/api/auth/logout')).statusCode).toBe(204);
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('action', 'in', ['login', 'create'])
        .where('entity', 'in', ['session', 'user'])
        .execute();
      expect(audit.filter((a) => (a.detail as { method?: string }).method === 'saml')).toHaveLength(
        2,
      );
    });

    it('accepts an encrypted assertion (as KOMBIT sends them), decrypted with our key', async () => {
      const { browser, request } = await start();
      const saml = await encryptAssertion(answer(request.id), spKeys.certPem);
      expect(Buffer.from(saml, 'base64').toString()).not.toContain('Mette');
      expect((await post(browser, saml)).statusCode).toBe(303);
      await browser.start();
      expect((await browser.get('/api/me')).json()).toMatchObject({ role: 'leder' });
    });

    it('gives a changed role at the next sign-in', async () => {
      const { browser, request } = await start();
      const saml = answer(request.id, {
        attributes: {
          [MAIL]: ['mette.hansen@aarhus.dk'],
          [PRIVILEGES]: [kombitPrivilegeList([{ cvr: CVR, privileges: [ROLE_SAGSBEHANDLER] }])],
        },
      });
      expect((await post(browser, saml)).statusCode).toBe(303);
      await browser.start();
      expect((await browser.get('/api/me')).json()).toMatchObject({ role: 'sagsbehandler' });
      // Only admins see or change the SAML settings.
      expect((await browser.get('/api/municipality/saml')).statusCode).toBe(403);
      const change = await browser.request('PUT', '/api/municipality/saml', {
        emailDomains: ['evil.example'],
      });
      expect(change.statusCode).toBe(403);
    });

    it('refuses an unsigned assertion', async () => {
      const { browser, request } = await start();
      const before = await refusals('invalid_response');
      const response = await post(browser, answer(request.id, { signWith: undefined }));
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('Login afvist');
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(await refusals('invalid_response')).toBe(before + 1);
      expect(await lastRefusal()).toMatchObject({
        error: expect.stringMatching(/Invalid signature/),
      });
      expect((await browser.get('/api/me')).statusCode).toBe(401);
    });

    it('refuses an assertion signed with another key', async () => {
      const { browser, request } = await start();
      const response = await post(browser, answer(request.id, { signWith: otherKeys.key }));
      expect(response.statusCode).toBe(403);
      expect(await lastRefusal()).toMatchObject({
        reason: 'invalid_response',
        error: expect.stringMatching(/Invalid signature/),
      });
      expect((await browser.get('/api/me')).statusCode).toBe(401);
    });

    it('refuses an assertion for another audience', async () => {
      const { browser, request } = await start();
      const response = await post(
        browser,
        answer(request.id, { audience: 'https://other.example/sp' }),
      );
      expect(response.statusCode).toBe(403);
      expect(await lastRefusal()).toMatchObject({
        reason: 'invalid_response',
        error: expect.stringMatching(/audience mismatch/),
      });
      expect((await browser.get('/api/me')).statusCode).toBe(401);
    });

    it('refuses an expired assertion', async () => {
      const { browser, request } = await start();
      const response = await post(
        browser,
        answer(request.id, { notBeforeSeconds: -900, notOnOrAfterSeconds: -600 }),
      );
      expect(response.statusCode).toBe(403);
      expect(await lastRefusal()).toMatchObject({
        reason: 'invalid_response',
        error: expect.stringMatching(/expired|NotOnOrAfter|subject confirmation/i),
      });
      expect((await browser.get('/api/me')).statusCode).toBe(401);
    });

    it('refuses a response that answers no request of ours (unsolicited or made up)', async () => {
      const browser = new TestClient(t.app);
      const audited = await t.handle.db.selectFrom('audit_log').select('id').execute();
      const response = await post(browser, answer('_never-sent'));
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('ukendt, udløbet eller allerede brugt');
      // It belongs to no municipality, so no audit log gets it.
      expect(await t.handle.db.selectFrom('audit_log').select('id').execute()).toHaveLength(
        audited.length,
      );
      expect((await browser.get('/api/me')).statusCode).toBe(401);
    });

    it('answers garbage at the ACS with a 4xx, never a 500', async () => {
      const browser = new TestClient(t.app);
      for (const body of ['', 'SAMLResponse=', 'SAMLResponse=%%%', 'SAMLResponse=PHg%2B']) {
        const response = await browser.request('POST', '/api/auth/saml/acs', body, {
          'content-type': 'application/x-www-form-urlencoded',
        });
        expect([body, response.statusCode]).toEqual([body, body.length > 13 ? 403 : 400]);
      }
    });

    it('refuses a replayed response, and a replayed assertion under a fresh request', async () => {
      const { browser, request } = await start();
      const saml = answer(request.id, { assertionId: '_replayed-assertion' });
      expect((await post(browser, saml)).statusCode).toBe(303);
      // The same response again, in the same browser, even with the binding cookie restored.
      await start(browser);
      const replay = await post(browser, saml);
      expect(replay.statusCode).toBe(403);
      expect(replay.body).toContain('allerede brugt');
      // The same assertion id answering a new request: the assertion store refuses it.
      const fresh = await start();
      const before = await refusals('replayed');
      const reused = await post(
        fresh.browser,
        answer(fresh.request.id, { assertionId: '_replayed-assertion' }),
      );
      expect(reused.statusCode).toBe(403);
      expect(await refusals('replayed')).toBe(before + 1);
      expect((await fresh.browser.get('/api/me')).statusCode).toBe(401);
    });

    it('refuses an answer posted in another browser than the one that started', async () => {
      const { request } = await start();
      const stranger = new TestClient(t.app);
      const response = await post(stranger, answer(request.id));
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('anden browser');
      expect(await lastRefusal()).toMatchObject({ reason: 'other_browser' });
    });

    it('refuses a user with no mapped role, saying why, and records the refusal', async () => {
      const before = await refusals('no_role');
      for (const privileges of [
        [{ cvr: CVR, privileges: ['http://aarhus.dk/roles/usersystemrole/andet-system/1'] }],
        // A Samspil role, but given by another municipality (CVR).
        [{ cvr: '29189846', privileges: [ROLE_LEDER] }],
      ]) {
        const { browser, request } = await start();
        const response = await post(
          browser,
          answer(request.id, {
            attributes: {
              [MAIL]: ['jens@aarhus.dk'],
              [PRIVILEGES]: [kombitPrivilegeList(privileges)],
            },
          }),
        );
        expect(response.statusCode).toBe(403);
        expect(response.body).toContain('ingen rolle i Samspil');
        expect((await browser.get('/api/me')).statusCode).toBe(401);
      }
      expect(await refusals('no_role')).toBe(before + 2);
      const created = await t.handle.db
        .selectFrom('app_user')
        .select('id')
        .where('email', '=', 'jens@aarhus.dk')
        .execute();
      expect(created).toEqual([]);
    });

    it('refuses an e-mail outside the allowed domains', async () => {
      const { browser, request } = await start();
      const response = await post(
        browser,
        answer(request.id, {
          attributes: {
            [MAIL]: ['mette@odense.dk'],
            [PRIVILEGES]: [kombitPrivilegeList([{ cvr: CVR, privileges: [ROLE_LEDER] }])],
          },
        }),
      );
      expect(response.statusCode).toBe(403);
      expect(await lastRefusal()).toMatchObject({
        reason: 'domain_not_allowed',
        domain: 'odense.dk',
      });
    });

    it('maps a plain multi-valued role attribute too, and links an existing login by e-mail', async () => {
      const groups = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups';
      expect(
        (
          await admin.request('PUT', '/api/municipality/saml', {
            emailDomains: ['aarhus.dk'],
            roleAttribute: groups,
            roleMap: { 'Samspil-Admins': 'admin' },
          })
        ).statusCode,
      ).toBe(200);
      const { browser, request } = await start();
      const response = await post(
        browser,
        answer(request.id, {
          attributes: { [MAIL]: ['ADMIN@aarhus.dk'], [groups]: ['Alle ansatte', 'Samspil-Admins'] },
        }),
      );
      expect(response.statusCode).toBe(303);
      await browser.start();
      expect((await browser.get('/api/me')).json()).toMatchObject({
        email: 'admin@aarhus.dk',
        name: 'Admin Aarhus',
        role: 'admin',
      });
    });

    it('turns local passwords off and on without a restart', async () => {
      const settings = { emailDomains: ['aarhus.dk'], roleMap: { [ROLE_LEDER]: 'leder' } };
      const off = await admin.request('PUT', '/api/municipality/saml', {
        ...settings,
        localPasswords: false,
      });
      expect(off.statusCode).toBe(200);
      expect(
        (await new TestClient(t.app).login('admin@aarhus.dk', ADMIN_PASSWORD)).statusCode,
      ).toBe(401);
      await t.handle.db.updateTable('saml_settings').set({ local_passwords: true }).execute();
      expect(
        (await new TestClient(t.app).login('admin@aarhus.dk', ADMIN_PASSWORD)).statusCode,
      ).toBe(200);
    });

    it("picks up the IdP's new signing key from its metadata URL a day later", async () => {
      const rolled = makeKeyPair('Adgangsstyring, new key');
      publishedCert = rolled.certBase64;
      const { browser, request } = await start();
      // Fetched less than a day ago: the old key still holds, the new one is not known yet.
      expect((await post(browser, answer(request.id, { signWith: rolled.key }))).statusCode).toBe(
        403,
      );
      await t.handle.db
        .updateTable('saml_settings')
        .set({ metadata_fetched_at: new Date(Date.now() - 25 * 60 * 60 * 1000) })
        .execute();
      const next = await start();
      expect(
        (await post(next.browser, answer(next.request.id, { signWith: rolled.key }))).statusCode,
      ).toBe(303);
    });
  });
}
