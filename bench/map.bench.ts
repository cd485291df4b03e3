/**
 * Benchmark: how soon the network map of a 60-group measurement is interactive in the
 * browser, beside a 12-group map and the analysis JSON alone, measured in the same run.
 *
 *   npx tsx bench/map.bench.ts [--groups 60] [--baseline 12] [--per-group 6] [--runs 5] [--web DIR] [--profile] [--waterfall]
 *
 * It builds the web app (into a temporary directory, unless --web names a build), serves
 * a closed measurement with every group rating every other group (enough respondents per
 * group that no tie is suppressed), opens the analysis page in headless Chromium and
 * records, from navigation start: the analysis JSON received, the map's nodes painted,
 * and a click on a tie answered with its details. Runs after the first are warm (the
 * server caches closed analyses; the browser caches the scripts), as a user switching
 * between measurements sees them. Target: the 60-group map interactive within 1 s.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { RK_ITEMS } from '../src/analysis/answer.js';
import { seededRandom } from '../src/demo/random.js';
import { launchBrowser } from '../e2e/helpers/browser.js';
import { login } from '../e2e/helpers/app.js';
import {
  BENCH_ADMIN_PASSWORD,
  insertAnswerColumns,
  insertBenchMunicipality,
  insertClosedMeasurement,
  insertImportedRespondents,
} from '../test/helpers/analysis-seed.js';
import { testDatabases } from '../test/helpers/databases.js';
import { startTestApp } from '../test/helpers/test-app.js';
import { median } from './bench-setup.js';

const { values } = parseArgs({
  options: {
    groups: { type: 'string', default: '60' },
    baseline: { type: 'string', default: '12' },
    'per-group': { type: 'string', default: '6' },
    runs: { type: 'string', default: '5' },
    web: { type: 'string' },
    profile: { type: 'boolean', default: false },
    waterfall: { type: 'boolean', default: false },
  },
});
const GROUPS = Number(values.groups);
const BASELINE = Number(values.baseline);
const PER_GROUP = Number(values['per-group']);
const RUNS = Number(values.runs);

let webDir = values.web;
if (!webDir) {
  webDir = mkdtempSync(path.join(tmpdir(), 'samspil-map-bench-web-'));
  console.log(`building the web app into ${webDir} …`);
  const build = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'web/vite.config.ts', '--outDir', webDir, '--emptyOutDir'],
    { stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error('the web build failed');
}
process.env.E2E_WEB_DIR = webDir;

const app = await startTestApp(testDatabases()[0]!, { listen: true });
const db = app.handle.db;
const { municipalityId, units } = await insertBenchMunicipality(
  db,
  { name: 'Kortbenchmark', slug: 'map-bench' },
  GROUPS,
  (i) => (['myndighed', 'udfører', 'ekstern'] as const)[i % 3]!,
);

/** A closed measurement over the first `count` units, everyone rating every other group. */
async function seedMeasurement(count: number): Promise<string> {
  const random = seededRandom(count);
  const groups = units.slice(0, count);
  const measurementId = await insertClosedMeasurement(db, municipalityId, {
    title: `Kort med ${count} grupper`,
    focalProcess: 'borgere med dobbeltdiagnose',
  });
  await db
    .insertInto('measurement_group')
    .values(groups.map((u) => ({ measurement_id: measurementId, unit_id: u.id, arm: null })))
    .execute();
  for (const unit of groups) {
    const respondents = await insertImportedRespondents(
      db,
      measurementId,
      Array.from({ length: PER_GROUP }, (_, i) => ({
        unitId: unit.id,
        role: i === 0 ? 'leder' : 'medarbejder',
      })),
    );
    const ids: string[] = [];
    const targets: string[] = [];
    const items: string[] = [];
    const scores: number[] = [];
    for (const r of respondents) {
      for (const target of groups) {
        if (target.id === unit.id) continue;
        const base = 2 + random() * 3;
        for (const item of RK_ITEMS) {
          ids.push(r.id);
          targets.push(target.id);
          items.push(item);
          scores.push(Math.max(1, Math.min(5, Math.round(base + random() - 0.5))));
        }
      }
    }
    await insertAnswerColumns(db, measurementId, {
      respondentIds: ids,
      targets,
      items,
      values: scores,
      dontKnow: scores.map(() => false),
    });
  }
  return measurementId;
}

interface Run {
  jsonMs: number;
  nodesMs: number;
  tieMs: number;
  clickMs: number;
}

/** One visit: navigation start → JSON, nodes painted, a tie clicked and its details shown. */
async function visit(page: Page, measurementId: string, groups: number): Promise<Run> {
  const url = `${app.url}/maalinger/${measurementId}/analyse`;
  const json = page.waitForResponse((r) =>
    r.url().endsWith(`/api/measurements/${measurementId}/analysis`),
  );
  await page.goto(url, { waitUntil: 'commit' });
  await (await json).finished();
  // Nodes painted: Cytoscape holds every node and two animation frames have passed.
  // (Strings, not functions: tsx's name helpers do not exist inside the page.)
  const nodesMs = await page.evaluate<number>(`(async () => {
    const cy = () => document.querySelector('.network-map')?._cyreg?.cy;
    while ((cy()?.nodes().length ?? 0) < ${groups}) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return performance.now();
  })()`);
  // The arrows are drawn after each Cytoscape frame, so they are there too: check, untimed.
  const drawn = await page.evaluate<boolean>(`(() => {
    const canvas = document.querySelector('.network-map__ties');
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    return pixels.some((value, i) => i % 4 === 3 && value > 0);
  })()`);
  if (!drawn) throw new Error('the map shows no arrows');
  const box = (await page.locator('.network-map canvas').last().boundingBox())!;
  // The first tie between the first two groups: just to the right of the line between
  // them, where the map draws that direction.
  const point = await page.evaluate<{ x: number; y: number }>(`(() => {
    const cy = document.querySelector('.network-map')._cyreg.cy;
    const [a, b] = [cy.nodes().eq(0).renderedPosition(), cy.nodes().eq(1).renderedPosition()];
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const side = 3 * cy.zoom();
    return {
      x: (a.x + b.x) / 2 - ((b.y - a.y) / length) * side,
      y: (a.y + b.y) / 2 + ((b.x - a.x) / length) * side,
    };
  })()`);
  const clickStart = await page.evaluate<number>('performance.now()');
  await page.mouse.click(box.x + point.x, box.y + point.y);
  const tieMs = await page
    .locator('.tie-details')
    .waitFor({ timeout: 10_000 })
    .then(() => page.evaluate<number>('performance.now()'));
  // The JSON's arrival, on the page's own clock (navigation start = 0).
  const jsonMs = await page.evaluate<number>(
    `performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/measurements/${measurementId}/analysis'))?.responseEnd ?? NaN`,
  );
  if (values.waterfall && groups === GROUPS) {
    const entries = await page.evaluate<string[]>(`performance
      .getEntriesByType('resource')
      .map((e) => Math.round(e.startTime) + '–' + Math.round(e.responseEnd) + ' ' + e.name.replace(location.origin, ''))`);
    console.log(entries.join('\n'));
  }
  return { jsonMs, nodesMs, tieMs, clickMs: tieMs - clickStart };
}

console.log(`seeding ${GROUPS} and ${BASELINE} groups × ${PER_GROUP} respondents …`);
const big = await seedMeasurement(GROUPS);
const small = await seedMeasurement(BASELINE);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(page, app, 'bench@example.dk', BENCH_ADMIN_PASSWORD);
  const results: Record<string, Run[]> = { [GROUPS]: [], [BASELINE]: [] };
  for (let run = 0; run < RUNS + 1; run++) {
    for (const [id, groups] of [
      [big, GROUPS],
      [small, BASELINE],
    ] as const) {
      const figures = await visit(page, id, groups);
      // The first visit is cold (server cache, browser cache); report the warm runs.
      if (run > 0) results[groups]!.push(figures);
      else console.log(`cold ${groups} groups: ${JSON.stringify(roundRun(figures))}`);
    }
  }
  for (const groups of [GROUPS, BASELINE]) {
    const runs = results[groups]!;
    const summary = {
      groups,
      ties: groups * (groups - 1),
      runs: runs.length,
      jsonMs: Math.round(median(runs.map((r) => r.jsonMs))),
      nodesPaintedMs: Math.round(median(runs.map((r) => r.nodesMs))),
      tieAnsweredMs: Math.round(median(runs.map((r) => r.tieMs))),
      clickToDetailsMs: Math.round(median(runs.map((r) => r.clickMs))),
    };
    console.log(JSON.stringify(summary));
  }
  if (values.profile) await profile(page, big, GROUPS);
} finally {
  await browser.close();
  await app.close();
}

function roundRun(run: Run) {
  return Object.fromEntries(
    (Object.entries(run) as [string, number][]).map(([k, v]) => [k, Math.round(v)]),
  );
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** One more visit under the CPU profiler: where the page spends its time, by function. */
async function profile(page: Page, measurementId: string, groups: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await visit(page, measurementId, groups);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}:${frame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [key, ms] of top) console.log(`${ms.toFixed(0).padStart(7)} ms  ${key}`);
  // The timeline: per 50 ms from the profile's start, the busiest function.
  const slots = new Map<number, Map<string, number>>();
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byNode.get(id)!.callFrame;
    if (frame.functionName === '(idle)') return;
    const slot = slots.get(Math.floor(at / 50)) ?? new Map<string, number>();
    const key = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}:${frame.lineNumber}`;
    slot.set(key, (slot.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    slots.set(Math.floor(at / 50), slot);
  });
  for (const [slot, fns] of [...slots].sort((a, b) => a[0] - b[0])) {
    const busy = [...fns.values()].reduce((a, b) => a + b, 0);
    const [name, ms] = [...fns].sort((a, b) => b[1] - a[1])[0]!;
    console.log(
      `${String(slot * 50).padStart(5)} ms: busy ${busy.toFixed(0).padStart(2)}, most ${name} ${ms.toFixed(0)}`,
    );
  }
}
