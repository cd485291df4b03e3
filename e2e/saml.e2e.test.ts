/**
 * SAML sign-in in a real browser (issue #14). A tiny identity provider runs in the test on
 * another site (localhost, while the app is 127.0.0.1): its page posts a signed
 * SAMLResponse form to the ACS, as KOMBIT's login page would. The admin sets SAML up in the
 * settings page (checked with axe), then a staff member goes to the start URL, "logs in"
 * at the IdP and lands in the app, signed in with the role mapped from KOMBIT privileges.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestApp } from '../test/helpers/test-app.js';
import {
  authnRequestOf,
  idpMetadata,
  kombitPrivilegeList,
  makeKeyPair,
  samlResponse,
} from '../test/helpers/saml-idp.js';
import { login, startBrowserApp, type BrowserApp } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';

const ROLE = 'http://demo.samspil.dk/roles/usersystemrole/samspil-leder/1';
const CVR = '11223344';

describe.skipIf(!haveChromium)('SAML sign-in in the browser', () => {
  let started: BrowserApp | undefined;
  let app: TestApp;
  let page: Page;
  let idp: Server;
  let idpUrl: string;
  const keys = makeKeyPair('E2E IdP');

  beforeAll(async () => {
    started = await startBrowserApp();
    app = started.app;
    page = await started.browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The IdP: metadata, and a login page answering the AuthnRequest with a signed response.
    idp = createServer((request, response) => {
      const url = new URL(request.url ?? '/', idpUrl);
      if (url.pathname === '/metadata') {
        response.setHeader('content-type', 'application/samlmetadata+xml');
        response.end(idpMetadata(`${idpUrl}/idp`, `${idpUrl}/sso`, keys.certBase64));
        return;
      }
      if (url.pathname !== '/sso') {
        response.statusCode = 404;
        response.end();
        return;
      }
      const authn = authnRequestOf(url.toString());
      const saml = samlResponse({
        issuer: `${idpUrl}/idp`,
        inResponseTo: authn.id,
        audience: authn.issuer,
        acsUrl: authn.acs,
        nameId: 'mette-persistent-id',
        attributes: {
          'urn:oid:0.9.2342.19200300.100.1.3': ['mette.saml@demo.samspil.dk'],
          'urn:oid:2.5.4.3': ['Mette Saml'],
          'dk:gov:saml:attribute:Privileges_intermediate': [
            kombitPrivilegeList([{ cvr: CVR, privileges: [ROLE] }]),
          ],
        },
        signWith: keys.key,
      });
      response.setHeader('content-type', 'text/html; charset=utf-8');
      // The form goes to the app's real address; the AuthnRequest names PUBLIC_URL's.
      response.end(`<!doctype html><html lang="da"><title>Test-IdP</title><main>
        <h1>Test-IdP</h1>
        <form method="post" action="${app.url}/api/auth/saml/acs">
          <input type="hidden" name="SAMLResponse" value="${saml}">
          <button type="submit">Log ind som Mette</button>
        </form></main></html>`);
    });
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    idpUrl = `http://localhost:${(idp.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    idp?.close();
    await started?.close();
  });

  test('the admin sets up SAML in the settings page, which is accessible', async () => {
    await login(page, app, 'admin@demo.samspil.dk');
    await page.goto(`${app.url}/indstillinger`);
    const section = page.getByRole('region', { name: 'Log ind med SAML (KOMBIT)' });
    await section.waitFor();
    await checkA11y(page, 'the settings page with SAML');
    await section.getByLabel('Udbyderens metadata-URL').fill(`${idpUrl}/metadata`);
    await section.getByLabel('E-maildomæner').fill('demo.samspil.dk');
    await section.getByLabel('Roller: systemrolle=Samspil-rolle').fill(`${ROLE}=leder`);
    await section.getByLabel('CVR-nummer (valgfrit)').fill(CVR);
    await section.getByRole('button', { name: 'Gem SAML-indstillinger' }).click();
    await expect.poll(() => section.getByText('SAML-indstillingerne er gemt.').count()).toBe(1);
    await expect.poll(() => section.getByText(`${idpUrl}/idp`).count()).toBe(1);
    await checkA11y(page, 'the settings page with SAML set up');
  });

  test('a staff member signs in at the IdP and lands in the app, signed in', async () => {
    const context = await started!.browser.newContext();
    const staff = await context.newPage();
    try {
      await staff.goto(`${app.url}/api/auth/saml/login?municipality=demo`);
      await staff.waitForURL(`${idpUrl}/sso?**`);
      await staff.getByRole('button', { name: 'Log ind som Mette' }).click();
      await staff.waitForURL((url) => url.origin === app.url && !url.pathname.startsWith('/api/'));
      const me = await staff.evaluate(
        async () => (await fetch('/api/me')).json() as Promise<unknown>,
      );
      expect(me).toMatchObject({
        email: 'mette.saml@demo.samspil.dk',
        name: 'Mette Saml',
        role: 'leder',
      });
      // The app itself shows the signed-in staff member's pages, not the login page.
      await expect.poll(() => staff.url()).not.toContain('/login');
      await expect.poll(() => staff.getByRole('button', { name: 'Log ud' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
