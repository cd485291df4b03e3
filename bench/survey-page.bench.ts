/**
 * What a respondent's phone downloads and waits for when opening a survey link, beside
 * the staff app's first page (its login) in the same run as the baseline.
 *
 * A listening app on PGlite with the demo municipality and an open measurement; headless
 * Chromium (playwright-core) at phone size (390×844) with the CPU throttled 4× (CDP
 * `Emulation.setCPUThrottlingRate`), a cold cache for every load, and optionally a slow
 * 4G network (150 ms round trip, 1.6 Mbit/s down, as Lighthouse's mobile profile). Prints
 * the bytes on the wire (JavaScript and in all), which encodings came back, and, timed in
 * the page from the start of navigation to the frame that shows it:
 *
 * - survey: the intro with its Start button (the first screen); the first question's
 *   answers, with Start tapped as soon as it is seen and works (the first question); and Start → the
 *   first question;
 * - the same survey link served as before this page carried its data and first screen
 *   (the plain `survey.html`, whose script then asks the API), from a second app on the
 *   same database;
 * - with `--before DIR`, the same survey link from a third app serving an earlier build
 *   (`DIR/web` and its renderer `DIR/web-ssr`, copied from `dist/` before a change);
 * - staff app: the login form's button ("Næste", or "Log ind").
 *
 * Needs `npm run build` (the real dist/web and dist/web-ssr) and Chromium.
 *
 *   npx tsx bench/survey-page.bench.ts [--runs 5] [--before /tmp/before]
 */
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SURVEY_ROOT } from '../contract/survey-page.js';
import { createDemoMunicipality } from '../src/demo/demo.service.js';
import { outboxTransport } from '../src/mail/mail-transport.js';
import { buildApp } from '../src/server/app.js';
import { DEMO_PASSWORD } from '../src/demo/demo-organisation.js';
import { testDatabases } from '../test/helpers/databases.js';
import { surveyLinks } from '../test/helpers/measurement-fixture.js';
import { startTestApp, testConfig, TestClient } from '../test/helpers/test-app.js';
import { median } from './bench-setup.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, before: { type: 'string' } },
});
const RUNS = Number(values.runs);
const PHONE = { width: 390, height: 844 };
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Lighthouse's mobile network: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

interface Load {
  jsBytes: number;
  totalBytes: number;
  encodings: Set<string>;
  firstScreenMs: number;
  /** Navigation → the first question shown, Start tapped as soon as it works. */
  questionMs?: number;
  /** Start tapped → the first question shown. */
  startToQuestionMs?: number;
}

/**
 * Runs in the page before anything else: notes, on the page's clock from the start of
 * navigation, the frame after each watched element first appears (a frame that cannot
 * paint before the styles have come waits for them, so this is when it is seen); and
 * taps the survey's Start once it has been seen and works (not inert: the server's HTML
 * is until the script has taken it over), as a quick respondent would, without the
 * harness's own delays. A
 * string, not a function: tsx would wrap a function's inner functions in its own helper.
 */
const watchInPage = (watched: Record<string, readonly [string, string?]>) => `(() => {
  const watched = ${JSON.stringify(watched)};
  const marks = (window.benchMarks = {});
  const pending = new Set();
  const tapStart = () => {
    if (marks.tapped !== undefined || marks.start === undefined) return;
    const start = [...document.querySelectorAll('button')].find(
      (button) => button.textContent.trim() === 'Start' && !button.closest('[inert]'),
    );
    if (!start) return;
    marks.tapped = performance.now();
    start.click();
  };
  const check = () => {
    tapStart();
    for (const [name, [selector, text]] of Object.entries(watched)) {
      if (pending.has(name)) continue;
      const found = [...document.querySelectorAll(selector)].some(
        (element) => text === undefined || element.textContent.trim() === text,
      );
      if (!found) continue;
      pending.add(name);
      requestAnimationFrame(() =>
        setTimeout(() => {
          marks[name] = performance.now();
          tapStart();
        }),
      );
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  check();
})();`;

const SURVEY_MARKS = { start: ['button', 'Start'], question: ['input[type=radio]'] } as const;
const STAFF_MARKS = { login: ['form button[type=submit]'] } as const;

async function marks(page: Page, name: string): Promise<number> {
  const handle = await page.waitForFunction(
    (mark) => (window as unknown as { benchMarks: Record<string, number> }).benchMarks[mark],
    name,
    { polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

/** Counts what crosses the wire for one page, from the DevTools protocol's network events. */
function countBytes(cdp: CDPSession) {
  const kinds = new Map<string, string>();
  const load = { jsBytes: 0, totalBytes: 0, encodings: new Set<string>() };
  cdp.on('Network.responseReceived', (event) => {
    kinds.set(event.requestId, event.type);
    const encoding = Object.entries(event.response.headers).find(
      ([name]) => name.toLowerCase() === 'content-encoding',
    )?.[1];
    if (event.type === 'Script') load.encodings.add(String(encoding ?? 'none'));
  });
  cdp.on('Network.loadingFinished', (event) => {
    load.totalBytes += event.encodedDataLength;
    if (kinds.get(event.requestId) === 'Script') load.jsBytes += event.encodedDataLength;
  });
  return load;
}

async function openPage(
  browser: Browser,
  network: typeof SLOW_4G | undefined,
  watched: Record<string, readonly [string, string?]>,
): Promise<{ page: Page; cdp: CDPSession; close: () => Promise<void> }> {
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  await context.addInitScript({ content: watchInPage(watched) });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  return { page, cdp, close: () => context.close() };
}

async function loadSurvey(browser: Browser, url: string, network?: typeof SLOW_4G): Promise<Load> {
  const { page, cdp, close } = await openPage(browser, network, SURVEY_MARKS);
  try {
    const bytes = countBytes(cdp);
    await page.goto(url, { waitUntil: 'commit' });
    const firstScreenMs = await marks(page, 'start');
    const questionMs = await marks(page, 'question');
    const tappedMs = await marks(page, 'tapped');
    await page.waitForLoadState('networkidle');
    return { ...bytes, firstScreenMs, questionMs, startToQuestionMs: questionMs - tappedMs };
  } finally {
    await close();
  }
}

async function loadStaff(browser: Browser, url: string, network?: typeof SLOW_4G): Promise<Load> {
  const { page, cdp, close } = await openPage(browser, network, STAFF_MARKS);
  try {
    const bytes = countBytes(cdp);
    await page.goto(url, { waitUntil: 'commit' });
    const firstScreenMs = await marks(page, 'login');
    await page.waitForLoadState('networkidle');
    return { ...bytes, firstScreenMs };
  } finally {
    await close();
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

const database = testDatabases()[0]!;
const t = await startTestApp(database, { listen: true });
// The same build with survey.html as before (no place for the first screen): that page's
// script loads the survey from the API after it has run.
const plainWeb = mkdtempSync(path.join(tmpdir(), 'samspil-plain-web-'));
cpSync(path.resolve('dist/web'), plainWeb, { recursive: true });
const surveyHtml = readFileSync(path.join(plainWeb, 'survey.html'), 'utf8');
writeFileSync(
  path.join(plainWeb, 'survey.html'),
  surveyHtml.replace(SURVEY_ROOT, SURVEY_ROOT.replace('></div>', ' ></div>')),
);
/** A second app on the same database, serving the web build in `webDir`. */
async function appServing(webDir: string) {
  const app = await buildApp({
    config: testConfig(),
    db: t.handle.db,
    mail: outboxTransport,
    notifier: t.handle.notifier,
    webDir,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { app, url: `http://127.0.0.1:${address.port}` };
}
const { app: plain, url: plainUrl } = await appServing(plainWeb);
const before = values.before ? await appServing(path.resolve(values.before, 'web')) : undefined;
let browser: Browser | undefined;
try {
  await createDemoMunicipality(t.handle.db);
  const owner = new TestClient(t.app);
  await owner.login('analytiker@demo.samspil.dk', DEMO_PASSWORD);
  const org = (await owner.get('/api/org')).json<{
    units: { id: string }[];
    people: { unitId: string }[];
  }>();
  const units = org.units.filter((u) => org.people.some((p) => p.unitId === u.id)).slice(0, 4);
  const created = await owner.post('/api/measurements', {
    title: 'Samarbejde om dobbeltdiagnoser',
    focalProcess: 'borgere med dobbeltdiagnose',
    groups: units.map((u) => ({ unitId: u.id })),
    chooseGroups: false,
  });
  if (created.statusCode !== 201) throw new Error(`measurement: ${created.body}`);
  const measurementId = created.json<{ id: string }>().id;
  await owner.post(`/api/measurements/${measurementId}/invitations`, {
    unitIds: units.map((u) => u.id),
  });
  const opened = await owner.post(`/api/measurements/${measurementId}/open`);
  if (opened.statusCode !== 200) throw new Error(`open: ${opened.body}`);
  const links = [...(await surveyLinks(t.handle.db, measurementId)).values()].map((link) =>
    link.replace('/api/survey/', '/s/'),
  );
  if (links.length < RUNS * 6 + 3) throw new Error(`only ${links.length} survey links`);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  // One of each to warm the server and the browser.
  await loadSurvey(browser, `${t.url}${links[0]}`);
  await loadSurvey(browser, `${plainUrl}${links[1]}`);
  if (before) await loadSurvey(browser, `${before.url}${links[2]}`);
  await loadStaff(browser, `${t.url}/login`);

  console.log(`load average: ${loadavg()[0]!.toFixed(1)}; ${RUNS} cold loads each, median\n`);
  console.log(
    '| page | network | JS on the wire | all on the wire | JS encoding | first screen ms | first question ms | Start → first question ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  // Every load opens a fresh link, so none starts from answers another load saved.
  let next = 3;
  for (const [networkName, network] of [
    ['local', undefined],
    ['slow 4G', SLOW_4G],
  ] as const) {
    const survey: Load[] = [];
    const earlier: Load[] = [];
    const asBefore: Load[] = [];
    const staff: Load[] = [];
    for (let run = 0; run < RUNS; run++) {
      survey.push(await loadSurvey(browser, `${t.url}${links[next++]}`, network));
      if (before) earlier.push(await loadSurvey(browser, `${before.url}${links[next++]}`, network));
      asBefore.push(await loadSurvey(browser, `${plainUrl}${links[next++]}`, network));
      staff.push(await loadStaff(browser, `${t.url}/login`, network));
    }
    const ms = (xs: (number | undefined)[]) => {
      const known = xs.filter((x) => x !== undefined);
      return known.length ? String(Math.round(median(known))) : '–';
    };
    for (const [name, loads] of [
      ['survey link (data and first screen in the page)', survey],
      ['survey link, earlier build (--before)', earlier],
      ['survey link as before (plain page, then the API)', asBefore],
      ['staff app /login (baseline)', staff],
    ] as const) {
      if (loads.length === 0) continue;
      console.log(
        `| ${name} | ${networkName} | ${kB(median(loads.map((l) => l.jsBytes)))} | ${kB(median(loads.map((l) => l.totalBytes)))} | ${[...loads[0]!.encodings].join(', ')} | ${ms(loads.map((l) => l.firstScreenMs))} | ${ms(loads.map((l) => l.questionMs))} | ${ms(loads.map((l) => l.startToQuestionMs))} |`,
      );
    }
  }
} finally {
  await browser?.close();
  await plain.close();
  await before?.app.close();
  await t.close();
  rmSync(plainWeb, { recursive: true, force: true });
}
