/**
 * The shared setup of the browser tests: the built web front end, a listening app on
 * the first test database with the demo municipality, and a browser.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';
import { testDatabases } from '../../test/helpers/databases.js';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.js';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser } from './browser.js';

const WEB_INDEX = process.env.E2E_WEB_DIR
  ? `${process.env.E2E_WEB_DIR}/index.html`
  : fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));

/** The password of every demo user. */
export const DEMO_PASSWORD = 'samspil-demo-2026';

export interface BrowserApp {
  app: TestApp;
  browser: Browser;
  /** Close the browser and the app; safe to call after a failed start. */
  close: () => Promise<void>;
}

/**
 * Start the app (listening) with the demo municipality, and launch the browser; with
 * `demoCourses`, also the demo's citizen courses (encrypted with the app's CPR key).
 */
export async function startBrowserApp(
  options: { demoCourses?: boolean } = {},
): Promise<BrowserApp> {
  if (!existsSync(WEB_INDEX)) {
    throw new Error(
      `The web front end is not built (${WEB_INDEX} is missing). Run "npm run build:web"; "npm test" builds it first.`,
    );
  }
  const database = testDatabases()[0];
  if (!database) throw new Error('no test database');
  const app = await startTestApp(database, { listen: true });
  let browser: Browser;
  try {
    await createDemoMunicipality(
      app.handle.db,
      undefined,
      options.demoCourses ? app.config.cprKey : undefined,
    );
    browser = await launchBrowser();
  } catch (error) {
    await app.close();
    throw error;
  }
  return {
    app,
    browser,
    close: async () => {
      await browser.close();
      await app.close();
    },
  };
}

/**
 * Start the browser app before a describe's tests and close it after them; `ready` gets it
 * first, to keep what the tests use and open their pages.
 */
export function useBrowserApp(
  options: { demoCourses?: boolean },
  ready: (started: BrowserApp) => Promise<void> | void,
): void {
  let started: BrowserApp | undefined;
  beforeAll(async () => {
    started = await startBrowserApp(options);
    await ready(started);
  });
  afterAll(async () => {
    await started?.close();
  });
}

/** The window most staff pages are tested in. */
export const WIDE = { width: 1280, height: 900 };

/** The browser app and one page opened on it, for a describe's tests. */
export interface BrowserPage extends Omit<BrowserApp, 'close'> {
  page: Page;
}

/**
 * The browser app with one wide page, for a describe whose tests build on each other (after
 * a failure the rest are skipped); its fields are set before the first test.
 */
export function useBrowserPage(options: { demoCourses?: boolean }): BrowserPage {
  const shared = {} as BrowserPage;
  useBrowserApp(options, async ({ app, browser }) => {
    Object.assign(shared, { app, browser, page: await browser.newPage({ viewport: WIDE }) });
  });
  skipAfterFailure();
  return shared;
}

/** A new wide page of the browser app, logged in as `email` (a demo login). */
export async function loggedInPage(
  { app, browser }: Omit<BrowserApp, 'close'>,
  email: string,
): Promise<Page> {
  const page = await browser.newPage({ viewport: WIDE });
  await login(page, app, email);
  return page;
}

/** A mail as the development mail viewer shows it: as its recipient gets it. */
export interface DevMail {
  kind: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * The demo municipality's mails, newest first, through the development mail viewer
 * (`/dev/mail.json`, on this machine only): how a developer without SMTP opens the links.
 */
export async function devMail(app: TestApp, kind?: string, to?: string): Promise<DevMail[]> {
  const response = await fetch(`${app.url}/dev/mail.json`);
  if (!response.ok) throw new Error(`the development mail viewer answered ${response.status}`);
  const { mails } = (await response.json()) as { mails: DevMail[] };
  return mails.filter(
    (m) => (kind === undefined || m.kind === kind) && (to === undefined || m.to === to),
  );
}

/** Log in on the login page and wait for the landing page (a path, or a pattern of URLs). */
export async function login(
  page: Page,
  app: TestApp,
  email: string,
  password = DEMO_PASSWORD,
  landing: string | RegExp = /\/(organisation|maalinger|overblik|forloeb)$/,
): Promise<void> {
  await page.goto(`${app.url}/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(typeof landing === 'string' ? `${app.url}${landing}` : landing);
}

/** For a describe whose tests build on each other: after one fails, the rest are skipped. */
export function skipAfterFailure(): void {
  let failed = false;
  beforeEach((context) => {
    if (failed) context.skip();
  });
  afterEach((context) => {
    if (context.task.result?.state === 'fail') failed = true;
  });
}
