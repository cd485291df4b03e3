/**
 * What a respondent's phone downloads and waits for when opening a survey link, beside
 * the staff app's first page (its login) in the same run as the baseline.
 *
 * A listening app on PGlite with the demo municipality and an open measurement; headless
 * Chromium (playwright-core) at phone size (390×844) with the CPU throttled 4× (CDP
 * `Emulation.setCPUThrottlingRate`), a cold cache for every load, and optionally a slow
 * 4G network (150 ms round trip, 1.6 Mbit/s down, as Lighthouse's mobile profile). Prints
 * the bytes on the wire (JavaScript and in all), which encodings came back, and:
 *
 * - survey: navigation → the intro's Start button visible (the first screen), and
 *   Start → the first question's answers visible;
 * - staff app: navigation → the login form's button visible.
 *
 * Needs `npm run build` (the real dist/web) and Chromium.
 *
 *   npx tsx bench/survey-page.bench.ts [--runs 5]
 */
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createDemoMunicipality } from '../src/demo/demo.service.js';
import { DEMO_PASSWORD } from '../src/demo/demo-organisation.js';
import { testDatabases } from '../test/helpers/databases.js';
import { surveyLinks } from '../test/helpers/measurement-fixture.js';
import { startTestApp, TestClient } from '../test/helpers/test-app.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
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
  questionMs?: number;
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
): Promise<{ page: Page; cdp: CDPSession; close: () => Promise<void> }> {
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  return { page, cdp, close: () => context.close() };
}

async function loadSurvey(browser: Browser, url: string, network?: typeof SLOW_4G): Promise<Load> {
  const { page, cdp, close } = await openPage(browser, network);
  try {
    const bytes = countBytes(cdp);
    const start = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByRole('button', { name: 'Start' }).waitFor();
    const firstScreenMs = performance.now() - start;
    const clicked = performance.now();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('radio').first().waitFor();
    const questionMs = performance.now() - clicked;
    await page.waitForLoadState('networkidle');
    return { ...bytes, firstScreenMs, questionMs };
  } finally {
    await close();
  }
}

async function loadStaff(browser: Browser, url: string, network?: typeof SLOW_4G): Promise<Load> {
  const { page, cdp, close } = await openPage(browser, network);
  try {
    const bytes = countBytes(cdp);
    const start = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    const firstScreenMs = performance.now() - start;
    await page.waitForLoadState('networkidle');
    return { ...bytes, firstScreenMs };
  } finally {
    await close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

const database = testDatabases()[0]!;
const t = await startTestApp(database, { listen: true });
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
  if (links.length < RUNS * 2) throw new Error(`only ${links.length} survey links`);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  // One of each to warm the server and the browser.
  await loadSurvey(browser, `${t.url}${links[0]}`);
  await loadStaff(browser, `${t.url}/login`);

  console.log(`load average: ${loadavg()[0]!.toFixed(1)}; ${RUNS} cold loads each, median\n`);
  console.log(
    '| page | network | JS on the wire | all on the wire | JS encoding | first screen ms | Start → first question ms |',
  );
  console.log('|---|---|---|---|---|---|---|');
  let next = 1;
  for (const [networkName, network] of [
    ['local', undefined],
    ['slow 4G', SLOW_4G],
  ] as const) {
    const survey: Load[] = [];
    const staff: Load[] = [];
    for (let run = 0; run < RUNS; run++) {
      survey.push(await loadSurvey(browser, `${t.url}${links[next++ % links.length]}`, network));
      staff.push(await loadStaff(browser, `${t.url}/login`, network));
    }
    for (const [name, loads] of [
      ['survey link (light entry)', survey],
      ['staff app /login (baseline)', staff],
    ] as const) {
      const questions = loads.flatMap((l) => (l.questionMs === undefined ? [] : [l.questionMs]));
      console.log(
        `| ${name} | ${networkName} | ${kB(median(loads.map((l) => l.jsBytes)))} | ${kB(median(loads.map((l) => l.totalBytes)))} | ${[...loads[0]!.encodings].join(', ')} | ${Math.round(median(loads.map((l) => l.firstScreenMs)))} | ${questions.length ? Math.round(median(questions)) : '–'} |`,
      );
    }
  }
} finally {
  await browser?.close();
  await t.close();
}
