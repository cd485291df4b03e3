/**
 * Signing in through OpenID Connect in a real browser, against a real provider in the
 * test process (`oidc-provider` with a minimal sign-in form of the test's own): a staff
 * member types their e-mail on the login page, is offered the municipality's own sign-in,
 * signs in at the provider and lands in Samspil with the mapped role; a citizen opens the
 * MitID entry, signs in at the broker and sees their plan. axe-core checks every page of ours.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDemoMunicipality } from '../src/demo/demo.service.js';
import { testDatabases } from '../test/helpers/databases.js';
import { freePort } from '../test/helpers/http.js';
import { CASEWORKER, courseForMitid } from '../test/helpers/course-fixture.js';
import { signedIn } from '../test/helpers/demo-and-other.js';
import { startTestProvider, type TestProvider } from '../test/helpers/oidc-provider.js';
import { startTestApp, type TestApp } from '../test/helpers/test-app.js';
import { checkA11y, haveChromium, launchBrowser } from './helpers/browser.js';

const CALLBACK = '/api/auth/oidc/callback';

describe.skipIf(!haveChromium)('OpenID Connect sign-in in the browser', () => {
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  let provider: TestProvider | undefined;
  let broker: TestProvider | undefined;
  let url = '';

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    t = await startTestApp(testDatabases()[0]!, { env: { PUBLIC_URL: url } });
    await t.app.listen({ port, host: '127.0.0.1' });
    await createDemoMunicipality(t.handle.db, undefined, t.config.cprKey);
    provider = await startTestProvider(`${url}${CALLBACK}`);
    broker = await startTestProvider(`${url}${CALLBACK}`);
    const admin = await signedIn(t.app, 'admin@demo.samspil.dk');
    const staff = await admin.request('PUT', '/api/municipality/oidc/staff', {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      roleClaim: 'roles',
      roleMap: { 'Samspil.Leder': 'leder' },
      domains: ['demo.samspil.dk'],
    });
    expect(staff.statusCode, staff.body).toBe(200);
    const citizen = await admin.request('PUT', '/api/municipality/oidc/citizen', {
      issuer: broker.issuer,
      clientId: broker.clientId,
      clientSecret: broker.clientSecret,
    });
    expect(citizen.statusCode, citizen.body).toBe(200);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await provider?.close();
    await broker?.close();
    await t?.close();
  });

  test('a staff member signs in with the municipality’s login, e-mail first', async () => {
    provider!.accounts.set('lis', {
      email: 'lis.leder@demo.samspil.dk',
      name: 'Lis Leder',
      roles: ['Samspil.Leder'],
    });
    const page = await browser!.newPage();
    await page.goto(`${url}/login`);
    await page.getByLabel('E-mail').fill('lis.leder@demo.samspil.dk');
    const sso = page.getByRole('link', { name: 'Log ind med Samspil Demokommunes login' });
    await sso.waitFor();
    // Passwords still work in this municipality, so both ways are offered.
    await page.getByLabel('Adgangskode').waitFor();
    await checkA11y(page, 'login: the municipality’s sign-in offered');
    await sso.click();
    await page.getByLabel('Account').fill('lis');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.origin === url && !u.pathname.startsWith('/login'));
    const session = await page.evaluate(async () => {
      const response = await fetch('/api/session');
      return (await response.json()) as { user: { name: string; role: string } | null };
    });
    expect(session.user).toMatchObject({ name: 'Lis Leder', role: 'leder' });
    await page.getByText('Lis Leder').first().waitFor();
    await checkA11y(page, 'signed in through the provider');
    await page.close();
  });

  test('an unmapped staff member is sent back with a plain reason', async () => {
    provider!.accounts.set('ole', { email: 'ole@demo.samspil.dk', roles: ['Other'] });
    const page = await browser!.newPage();
    await page.goto(`${url}/api/auth/oidc/start?municipality=demo`);
    await page.getByLabel('Account').fill('ole');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${url}/login?sso=no-role`);
    await page.getByRole('alert').getByText('Du har ikke adgang til Samspil').waitFor();
    await checkA11y(page, 'login: refused by the role mapping');
    await page.close();
  });

  test('a citizen signs in with MitID and sees their plan', async () => {
    const caseworker = await signedIn(t!.app, CASEWORKER);
    await courseForMitid(t!.handle.db, caseworker, { name: 'Mia Mitid', cpr: '040485-2345' });
    broker!.accounts.set('mia', { 'dk:gov:cpr': '0404852345' });

    const page = await browser!.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${url}/borger/mitid/demo`);
    const button = page.getByRole('link', { name: 'Log ind med MitID' });
    await button.waitFor();
    await checkA11y(page, 'citizen: MitID entry');
    await button.click();
    await page.getByLabel('Account').fill('mia');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${url}/borger/mitid/demo`);
    await page.getByRole('heading', { name: 'Hej Mia' }).waitFor();
    await checkA11y(page, 'citizen: signed in with MitID');
    await page.close();
  });
});
