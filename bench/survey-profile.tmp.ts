import { chromium, type Browser } from 'playwright-core';
import { createDemoMunicipality } from '../src/demo/demo.service.js';
import { DEMO_PASSWORD } from '../src/demo/demo-organisation.js';
import { testDatabases } from '../test/helpers/databases.js';
import { surveyLinks } from '../test/helpers/measurement-fixture.js';
import { startTestApp, TestClient } from '../test/helpers/test-app.js';
import { performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';

const database = testDatabases()[0]!;
const t = await startTestApp(database, { listen: true });
let browser: Browser | undefined;
try {
  await createDemoMunicipality(t.handle.db);
  const owner = new TestClient(t.app);
  await owner.login('analytiker@demo.samspil.dk', DEMO_PASSWORD);
  const org = (await owner.get('/api/org')).json<{ units: { id: string }[]; people: { unitId: string }[] }>();
  const units = org.units.filter((u) => org.people.some((p) => p.unitId === u.id)).slice(0, 4);
  const created = await owner.post('/api/measurements', { title: 'T', focalProcess: 'p', groups: units.map((u) => ({ unitId: u.id })), chooseGroups: false });
  const measurementId = created.json<{ id: string }>().id;
  await owner.post(`/api/measurements/${measurementId}/invitations`, { unitIds: units.map((u) => u.id) });
  await owner.post(`/api/measurements/${measurementId}/open`);
  const links = [...(await surveyLinks(t.handle.db, measurementId)).values()].map((l) => l.replace('/api/survey/', '/s/'));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  for (let run = 0; run < 4; run++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const tracing = run === 3;
    if (tracing) await browser.startTracing(page, { path: '/tmp/survey-trace.json', screenshots: false });
    const start = performance.now();
    await page.goto(`${t.url}${links[run]}`, { waitUntil: 'commit' });
    const committed = performance.now() - start;
    await page.getByRole('button', { name: 'Start' }).waitFor();
    const seen = performance.now() - start;
    const marks = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const res = performance.getEntriesByType('resource').map((r) => {
        const e = r as PerformanceResourceTiming;
        return `${e.name.replace(location.origin, '').slice(0, 50)} start ${e.startTime.toFixed(0)} respStart ${e.responseStart.toFixed(0)} end ${e.responseEnd.toFixed(0)}`;
      });
      const paints = performance.getEntriesByType('paint').map((p) => `${p.name} ${p.startTime.toFixed(0)}`);
      return { nav: `html respStart ${nav.responseStart.toFixed(0)} end ${nav.responseEnd.toFixed(0)} domInteractive ${nav.domInteractive.toFixed(0)} dcl ${nav.domContentLoadedEventEnd.toFixed(0)} load ${nav.loadEventEnd.toFixed(0)}`, res, paints, now: performance.now().toFixed(0) };
    });
    if (tracing) await browser.stopTracing();
    console.log(`run ${run}: commit ${committed.toFixed(0)} Start seen (node) ${seen.toFixed(0)}; page now ${marks.now}`);
    console.log('  ' + marks.nav); for (const r of marks.res) console.log('  ' + r); console.log('  ' + marks.paints.join(', '));
    await context.close();
  }
} finally {
  await browser?.close();
  await t.close();
}
