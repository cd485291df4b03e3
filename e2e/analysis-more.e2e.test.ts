/**
 * The rest of the analysis page in a real browser: the kind and neighbour filters,
 * dragging a unit (its position is saved), the map as PNG and SVG, the GraphML, GEXF and
 * CSV downloads with progress, the new comparisons (myndighed/udfører, senders/receivers,
 * the leadership scatter), the benchmark with the admin's consent, and axe on all of it.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { otherMunicipality } from '../test/helpers/benchmark-fixture.js';
import type { TestApp } from '../test/helpers/test-app.js';
import { login, useBrowserApp } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';

const WIDE = { width: 1280, height: 900 };

/** Cytoscape keeps its instance on the container; tests read node positions from it. */
interface CyLike {
  nodes: () => { id: () => string; renderedPosition: () => { x: number; y: number } }[];
  zoom: () => number;
  getElementById: (id: string) => {
    renderedPosition: () => { x: number; y: number };
    position: () => { x: number; y: number };
  };
}

describe.skipIf(!haveChromium)('more of the analysis in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let analysisUrl: string;

  useBrowserApp({}, async (started) => {
    ({ app, browser } = started);
    page = await browser.newPage({ viewport: WIDE, acceptDownloads: true });
  });

  async function download(name: string | RegExp): Promise<{ body: Buffer; name: string }> {
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.getByRole('button', { name, exact: typeof name === 'string' }).click(),
    ]);
    return { body: await readFile(await file.path()), name: file.suggestedFilename() };
  }

  const mapLabel = () => page.locator('.network-map').getAttribute('aria-label');
  const unitCount = async () => Number(/(\d+) enheder/.exec((await mapLabel()) ?? '')?.[1]);

  test('filters by kind and by a unit and its neighbours', async () => {
    await login(page, app, 'analytiker@demo.samspil.dk');
    await page.getByRole('link', { name: 'Målinger' }).click();
    await page.locator('a[href$="/analyse"]').filter({ hasText: '(efter)' }).click();
    await page.waitForURL(/\/maalinger\/[0-9a-f-]{36}\/analyse$/);
    analysisUrl = page.url();
    await page.locator('.network-map canvas').first().waitFor();
    const all = await unitCount();
    expect(all).toBe(12);

    await page.getByRole('checkbox', { name: 'Ekstern' }).uncheck();
    await expect.poll(unitCount).toBe(10);
    const ties = page.getByRole('table', { name: /^Relationer i runden efter/ });
    const names = await ties.locator('tbody th').allTextContents();
    const between = names.filter((n) => n.includes('→'));
    expect(between.length).toBeGreaterThan(0);
    for (const name of between) {
      expect(name).not.toContain('Egen læge');
      expect(name).not.toContain('Regionspsykiatrien');
    }
    await page.getByRole('checkbox', { name: 'Ekstern' }).check();
    await expect.poll(unitCount).toBe(12);

    // Jobcenter and the units it rates or is rated by: the map shows exactly those.
    const neighbours = new Set(['Jobcenter']);
    for (const name of await ties.locator('tbody th').allTextContents()) {
      const [from, to] = name.split(' → ');
      if (from === 'Jobcenter' && to) neighbours.add(to);
      if (to === 'Jobcenter' && from) neighbours.add(from);
    }
    await page.getByLabel('Vis enhed og naboer').selectOption('Jobcenter');
    await expect.poll(unitCount).toBe(neighbours.size);
    const near = (await ties.locator('tbody th').allTextContents()).filter((n) => n.includes('→'));
    expect(near.some((n) => n.includes('Jobcenter'))).toBe(true);
    for (const name of near) {
      const [from = '', to = ''] = name.split(' → ');
      expect(neighbours.has(from) && neighbours.has(to)).toBe(true);
    }
    await page.getByLabel('Vis enhed og naboer').selectOption('');
    await expect.poll(unitCount).toBe(12);
  }, 60_000);

  test('a click on an arrow shows that tie, and the arrow beside it the other way', async () => {
    // The myndighed units alone: a few nodes, so the arrows clicked cross no others.
    await page.getByRole('checkbox', { name: 'Udfører' }).uncheck();
    await page.getByRole('checkbox', { name: 'Ekstern' }).uncheck();
    await expect.poll(unitCount).toBeLessThan(6);
    expect(await unitCount()).toBeGreaterThanOrEqual(2);
    const ties = page.getByRole('table', { name: /^Relationer i runden efter/ });
    const names = new Set(
      (await ties.locator('tbody th').allTextContents()).filter((n) => n.includes(' → ')),
    );
    const positions = await page.evaluate(() => {
      const el = document.querySelector('.network-map') as unknown as { _cyreg: { cy: CyLike } };
      return Object.fromEntries(
        el._cyreg.cy.nodes().map((n) => [n.id(), n.renderedPosition()] as const),
      );
    });
    const zoom = await page.evaluate(() => {
      const el = document.querySelector('.network-map') as unknown as { _cyreg: { cy: CyLike } };
      return el._cyreg.cy.zoom();
    });
    // The nearest pair rated both ways: a side of the polygon, which no other arrow crosses.
    const distance = ([a, b]: [string, string]) =>
      Math.hypot(positions[b]!.x - positions[a]!.x, positions[b]!.y - positions[a]!.y);
    const [from, to] = [...names]
      .map((name) => name.split(' → ') as [string, string])
      .filter(([a, b]) => names.has(`${b} → ${a}`) && positions[a] && positions[b])
      .sort((x, y) => distance(x) - distance(y))[0]!;
    const box = (await page.locator('.network-map canvas').last().boundingBox())!;
    /** The middle of the line from `a` to `b`, moved `side` model units to its right. */
    const beside = (a: string, b: string, side: number) => {
      const [p, q] = [positions[a]!, positions[b]!];
      const length = Math.hypot(q.x - p.x, q.y - p.y);
      return {
        x: box.x + (p.x + q.x) / 2 - ((q.y - p.y) / length) * side * zoom,
        y: box.y + (p.y + q.y) / 2 + ((q.x - p.x) / length) * side * zoom,
      };
    };
    const details = page.locator('.tie-details h3');

    const right = beside(from, to, 3);
    await page.mouse.click(right.x, right.y);
    await expect.poll(() => details.textContent()).toBe(`${from} → ${to}`);
    const left = beside(from, to, -3);
    await page.mouse.click(left.x, left.y);
    await expect.poll(() => details.textContent()).toBe(`${to} → ${from}`);
    // Another dimension: the open tie's panel follows it, not only the list.
    const panelScore = page.locator('.tie-details dl dt').first();
    await expect.poll(() => panelScore.textContent()).toBe('Score');
    await page.getByLabel('Dimension', { exact: true }).selectOption({ label: 'Samarbejde' });
    await expect.poll(() => panelScore.textContent()).toBe('Samarbejde');
    await expect.poll(() => details.textContent()).toBe(`${to} → ${from}`);
    await page.getByLabel('Dimension', { exact: true }).selectOption('total');
    await page.getByRole('button', { name: 'Luk' }).click();
    await page.getByRole('checkbox', { name: 'Udfører' }).check();
    await page.getByRole('checkbox', { name: 'Ekstern' }).check();
    await expect.poll(unitCount).toBe(12);
  }, 60_000);

  test('saves a dragged unit and exports the map as PNG and SVG', async () => {
    const canvas = page.locator('.network-map canvas').last();
    const box = (await canvas.boundingBox())!;
    const before = await page.evaluate(() => {
      const el = document.querySelector('.network-map') as unknown as { _cyreg: { cy: CyLike } };
      return el._cyreg.cy.getElementById('Jobcenter').renderedPosition();
    });
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/map-positions') && r.request().method() === 'PUT',
      { timeout: 10_000 },
    );
    await page.mouse.move(box.x + before.x, box.y + before.y);
    await page.mouse.down();
    await page.mouse.move(box.x + before.x + 40, box.y + before.y + 30, { steps: 8 });
    await page.mouse.up();
    expect((await saved).status()).toBe(204);
    const model = await page.evaluate(() => {
      const el = document.querySelector('.network-map') as unknown as { _cyreg: { cy: CyLike } };
      return el._cyreg.cy.getElementById('Jobcenter').position();
    });
    const stored = await page.evaluate(async () => {
      const [positions, org] = await Promise.all([
        fetch('/api/map-positions').then(
          (r) => r.json() as Promise<{ unitId: string; x: number; y: number }[]>,
        ),
        fetch('/api/org').then(
          (r) => r.json() as Promise<{ units: { id: string; name: string }[] }>,
        ),
      ]);
      const id = org.units.find((u) => u.name === 'Jobcenter')!.id;
      return positions.find((p) => p.unitId === id);
    });
    expect(stored?.x).toBeCloseTo(model.x, 3);
    expect(stored?.y).toBeCloseTo(model.y, 3);

    const png = await download('Gem kort som PNG');
    expect(png.name).toMatch(/\.png$/);
    expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    const svg = await download('Gem kort som SVG');
    const text = svg.body.toString('utf8');
    expect(text).toContain('<svg');
    expect(text).toContain('Jobcenter');
    // One line and one head per tie drawn.
    expect(text.match(/<path /g)?.length ?? 0).toBeGreaterThan(20);
  }, 60_000);

  test('downloads GraphML, GEXF and CSV, showing progress while a file is made', async () => {
    const graphml = await download('GraphML');
    expect(graphml.body.toString('utf8')).toContain('<graphml');
    const gexf = await download('GEXF');
    expect(gexf.body.toString('utf8')).toContain('<gexf');
    const csv = await download('CSV (relationer)');
    expect(csv.body.toString('utf8')).toMatch(/^\uFEFF?runde[,;]fra[,;]til/);

    // Hold the PDF back for a moment: the buttons say the server is working, with a bar.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/export/pdf**', async (route) => {
      await held;
      await route.continue();
    });
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      (async () => {
        await page.getByRole('button', { name: 'PDF-rapport (dansk)', exact: true }).click();
        await page.locator('progress.export-progress').waitFor();
        expect(await page.locator('.export-status').textContent()).toMatch(/Serveren laver filen/);
        release();
      })(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    await expect.poll(() => page.locator('.export-status').textContent()).toMatch(/er hentet/);
    expect(await page.locator('progress.export-progress').count()).toBe(0);
    await page.unroute('**/export/pdf**');
  }, 60_000);

  test('shows myndighed against udfører, senders against receivers and the scatter', async () => {
    const kinds = page.locator('section[aria-labelledby="a-kinds"]');
    await kinds.getByRole('heading', { name: 'Myndighed og udfører' }).waitFor();
    await expect.poll(() => kinds.locator('dd').count()).toBeGreaterThan(3);
    expect(await kinds.textContent()).toMatch(/KI|Konfidens/i);
    const flows = page.locator('section[aria-labelledby="a-flows"]');
    expect(await flows.getByRole('table').locator('tbody tr').count()).toBeGreaterThan(0);
    const scatter = page.locator('svg.scatter');
    expect(await scatter.getAttribute('aria-label')).toMatch(/Punktdiagram med \d+ besvarelser/);
    expect(await scatter.locator('.scatter__point').count()).toBeGreaterThan(20);
    await checkA11y(page, 'the analysis page with the new comparisons');
  }, 60_000);

  test('withholds the benchmark until the admin consents and three others take part', async () => {
    const benchmark = page.locator('section[aria-labelledby="a-benchmark"]');
    await benchmark.getByRole('note').waitFor();
    expect(await benchmark.getByRole('note').textContent()).toMatch(/deltager ikke/);

    const adminPage = await browser.newPage({ viewport: WIDE });
    await login(adminPage, app, 'admin@demo.samspil.dk');
    await adminPage.getByRole('link', { name: 'Indstillinger' }).click();
    await adminPage.getByRole('checkbox', { name: /samtykke/ }).check();
    await adminPage.getByText('Samtykket er gemt.').waitFor();
    await checkA11y(adminPage, 'the settings page');
    await adminPage.close();

    await page.reload();
    await benchmark.getByRole('note').waitFor();
    expect(await benchmark.getByRole('note').textContent()).toMatch(/Færre end 3/);

    const db = app.handle.db;
    const demo = await db
      .selectFrom('municipality')
      .select('id')
      .where('slug', '=', 'demo')
      .executeTakeFirstOrThrow();
    for (const [i, slug] of ['e2e-a', 'e2e-b', 'e2e-c'].entries())
      await otherMunicipality(db, demo.id, slug, true, 30 + i);
    await page.reload();
    const table = benchmark.getByRole('table');
    await table.waitFor();
    expect(await table.locator('thead').textContent()).toContain('Andre kommuner (3)');
    expect(await table.locator('tbody tr').count()).toBe(8);
    await checkA11y(page, 'the analysis page with the benchmark');
  }, 90_000);

  test('a leader sees the scatter line and figures, never the points or the benchmark', async () => {
    const leaderPage = await browser.newPage({ viewport: WIDE });
    await login(leaderPage, app, 'leder@demo.samspil.dk', undefined, '/overblik');
    await leaderPage.goto(analysisUrl);
    const scatter = leaderPage.locator('section[aria-labelledby="a-scatter"]');
    await scatter.locator('svg.scatter').waitFor();
    expect(await scatter.locator('.scatter__point').count()).toBe(0);
    expect(await scatter.locator('.scatter__line').count()).toBe(1);
    expect(await scatter.textContent()).toMatch(/kun for analyseejere/);
    expect(await leaderPage.locator('section[aria-labelledby="a-benchmark"]').count()).toBe(0);
    // It says what a leader sees, and the focus offers only the units those ties reach.
    await leaderPage
      .getByText(/Som leder ser du kun relationerne til og fra din egen enhed/)
      .waitFor();
    const ties = leaderPage.getByRole('table', { name: /^Relationer i runden/ });
    const reached = new Set(
      (await ties.locator('tbody th').allTextContents()).flatMap((n) => n.split(' → ')),
    );
    const focus = (
      await leaderPage.getByLabel('Vis enhed og naboer').locator('option').allTextContents()
    ).slice(1);
    expect(focus.length).toBeGreaterThan(0);
    expect(focus.every((name) => reached.has(name))).toBe(true);
    await checkA11y(leaderPage, "the leader's analysis page");
    await leaderPage.close();
  }, 60_000);
});
