/**
 * The accessibility statement (tilgængelighedserklæring): linked from the footer of the
 * login page and of the app after login, readable on a phone, and itself axe-clean.
 */
import { describe, expect, test } from 'vitest';
import { login, useBrowserApp, type BrowserApp } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';

describe.skipIf(!haveChromium)('the accessibility statement', () => {
  let started: BrowserApp;
  useBrowserApp({}, (app) => {
    started = app;
  });

  test('opens from the login page footer, on a phone, in Danish with an English part', async () => {
    const { app, browser } = started;
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${app.url}/login`);
    const link = page.getByRole('contentinfo').getByRole('link', {
      name: 'Tilgængelighedserklæring',
    });
    await link.click();
    await page.waitForURL(`${app.url}/tilgaengelighed`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Tilgængelighedserklæring for Samspil');
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    expect(await page.locator('#en').getAttribute('lang')).toBe('en');
    // The parts Danish public sites' statements have (Digitaliseringsstyrelsen's template).
    for (const name of [
      'Overholdelsesstatus',
      'Indhold, der ikke er tilgængeligt',
      'Feedback og kontaktoplysninger',
      'Håndhævelsesprocedure',
    ])
      expect(await page.getByRole('heading', { name, exact: true }).count(), name).toBe(1);
    expect(await page.getByText(/Udarbejdet \d+\. \w+ \d{4}/).count()).toBe(1);
    expect(
      await page.getByRole('link', { name: /ikke-tilgængeligt indhold/ }).getAttribute('href'),
    ).toMatch(/^https:\/\/digst\.dk\//);
    await checkA11y(page, 'the accessibility statement');
    // The short address public sites give the statement answers too.
    await page.goto(`${app.url}/was`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Tilgængelighedserklæring for Samspil');
    await page.close();
  });

  test('is in the footer of every page after login, where each role lands on its own work', async () => {
    const { app, browser } = started;
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    // The analytiker lands where their work is: the measurements.
    await login(page, app, 'analytiker@demo.samspil.dk', undefined, '/maalinger');
    for (const path of ['/organisation', '/maalinger']) {
      await page.goto(`${app.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const footer = page.getByRole('contentinfo');
      expect(await footer.getByRole('link').getAttribute('href')).toBe('/tilgaengelighed');
    }
    await page.close();
  });
});
