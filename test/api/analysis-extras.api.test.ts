/**
 * The extra comparisons (myndighed/udfører, senders/receivers, leadership scatter), the
 * benchmark across municipalities and the consent to it, on each test database.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../contract/analysis.schema.js';
import { analyze, collectWaves } from '../../src/analysis/analyze.js';
import { compareKinds, respondentPoints } from '../../src/analysis/group-comparisons.js';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';
import { loadAnswers } from '../../src/results/results.repository.js';
import {
  analysisExtrasSchema,
  type AnalysisExtras,
  type Benchmark,
} from '../../contract/results.schema.js';
import { otherMunicipality } from '../helpers/benchmark-fixture.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';
import { signedIn } from '../helpers/demo-and-other.js';

for (const database of testDatabases()) {
  describe(`analysis extras and benchmark on ${database.name}`, () => {
    let t: TestApp;
    let owner: TestClient;
    let leader: TestClient;
    let admin: TestClient;
    let demoId: string;
    let before: string;
    let after: string;

    beforeAll(async () => {
      t = await startTestApp(database);
      demoId = await createDemoMunicipality(t.handle.db);
      owner = await signedIn(t.app, 'analytiker@demo.samspil.dk');
      leader = await signedIn(t.app, 'leder@demo.samspil.dk');
      admin = await signedIn(t.app, 'admin@demo.samspil.dk');
      const list = (await owner.get('/api/measurements')).json<
        { id: string; waveLabel: string }[]
      >();
      before = list.find((m) => m.waveLabel === 'før')!.id;
      after = list.find((m) => m.waveLabel === 'efter')!.id;
    }, 60_000);
    afterAll(async () => t.close());

    it('compares myndighed with udfører in SQL exactly as the pure core does', async () => {
      const response = await owner.get(`/api/measurements/${after}/analysis/extras`);
      expect(response.statusCode).toBe(200);
      const extras = response.json<AnalysisExtras>();
      // Served without the serializer's check (src/results/plain-json.ts): exactly the schema.
      expect(analysisExtrasSchema.parse(extras)).toEqual(extras);
      expect(extras.waves.map((w) => w.wave)).toEqual(['før', 'efter']);
      const answers = await loadAnswers(t.handle.db, [before, after]);
      const units = await t.handle.db
        .selectFrom('unit')
        .select(['name', 'kind'])
        .where('municipality_id', '=', demoId)
        .execute();
      const kindOf = new Map(units.map((u) => [u.name, u.kind as string]));
      for (const wave of collectWaves(answers)) {
        const expected = compareKinds(respondentPoints(wave), (u) => kindOf.get(u), 5);
        const got = extras.waves.find((w) => w.wave === wave.wave)!.kinds;
        expect(got.comparison.suppressed).toBe(false);
        expect(got.comparison).toMatchObject({ from: 'myndighed', to: 'udfører' });
        for (const key of ['diff', 'se', 'df', 'p', 'd', 'n1', 'n2', 'mean1', 'mean2'] as const) {
          expect(got.comparison[key]).toBeCloseTo(expected.comparison[key]!, 9);
        }
        // The demo follows the research: authority units rate collaboration higher.
        expect(got.comparison.diff).toBeLessThan(0);
      }
    });

    it('compares senders with receivers, by respondent and by tie', async () => {
      const extras = (
        await owner.get(`/api/measurements/${after}/analysis/extras`)
      ).json<AnalysisExtras>();
      const wave = extras.waves[1]!;
      expect(wave.flows?.comparison).toMatchObject({
        from: 'sender',
        to: 'receiver',
        suppressed: false,
      });
      expect(wave.handOn!.pairs.length).toBeGreaterThan(0);
      const analysis = (await owner.get(`/api/measurements/${after}/analysis`)).json<{
        result: AnalysisResult;
      }>();
      const ties = new Map(
        analysis.result.waves[1]!.ties.map((tie) => [`${tie.from}|${tie.to}`, tie.score]),
      );
      for (const pair of wave.handOn!.pairs) {
        expect(pair.senderRates).toBe(ties.get(`${pair.sender}|${pair.receiver}`));
        expect(pair.receiverRates).toBe(ties.get(`${pair.receiver}|${pair.sender}`));
      }
      expect(wave.handOn!.comparison.n1).toBeGreaterThan(wave.handOn!.pairs.length - 1);
    });

    it('gives analysts the rounded scatter and leaders the line and figures only', async () => {
      const mine = (
        await owner.get(`/api/measurements/${after}/analysis/extras`)
      ).json<AnalysisExtras>();
      const answers = await loadAnswers(t.handle.db, [before, after]);
      const expected = analyze(answers, { minGroup: 5 }).waves[1]!.leadership;
      const scatter = mine.waves[1]!.leadership;
      expect(scatter.suppressed).toBe(false);
      expect(scatter.slope).toBeCloseTo(expected.slope!, 9);
      expect(scatter.r).toBeCloseTo(expected.r!, 9);
      expect(scatter.n).toBe(expected.n);
      expect(scatter.points).toHaveLength(expected.n!);
      for (const point of scatter.points!) {
        expect(Object.keys(point).sort()).toEqual(['leadership', 'score']);
        expect(Number.isInteger(Math.round(point.score * 10))).toBe(true);
        expect(point.score * 10).toBeCloseTo(Math.round(point.score * 10), 9);
      }
      const theirs = (
        await leader.get(`/api/measurements/${after}/analysis/extras`)
      ).json<AnalysisExtras>();
      expect(theirs.waves[1]!.leadership.points).toBeNull();
      expect(theirs.waves[1]!.leadership.slope).toBeCloseTo(expected.slope!, 9);
    });

    it("puts the new comparisons in the XLSX and CSV, and the scatter points only in the analyst's", async () => {
      const sheets = async (client: TestClient) => {
        const response = await client.get(`/api/measurements/${after}/export/xlsx`);
        expect(response.statusCode).toBe(200);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(response.rawPayload as never);
        return workbook;
      };
      const mine = await sheets(owner);
      const names = mine.worksheets.map((s) => s.name);
      for (const name of [
        'myndighed_udfoerer',
        'afsendere_modtagere',
        'overlevering',
        'ledelse_punkter',
      ])
        expect(names).toContain(name);
      const kinds = mine.getWorksheet('myndighed_udfoerer')!;
      expect(kinds.rowCount).toBeGreaterThanOrEqual(3);
      const theirs = (await sheets(leader)).worksheets.map((s) => s.name);
      expect(theirs).toContain('myndighed_udfoerer');
      expect(theirs).not.toContain('ledelse_punkter');
      const csv = await owner.get(`/api/measurements/${after}/export/csv?table=myndighed_udfoerer`);
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toContain('myndighed');
    });

    it('edits flows and the focal kind through the API, and rejects bad values', async () => {
      const org = (await owner.get('/api/org')).json<{ units: { id: string; name: string }[] }>();
      const [a, b] = org.units;
      const created = await owner.post('/api/measurements', {
        title: 'Flow',
        focalProcess: 'udsatte unge',
        focalKind: 'udsatte-unge',
        groups: [
          { unitId: a!.id, flow: 'sender' },
          { unitId: b!.id, flow: 'receiver' },
        ],
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string; focalKind: string }>().id;
      expect(created.json<{ focalKind: string }>().focalKind).toBe('udsatte-unge');
      const read = (await owner.get(`/api/measurements/${id}`)).json<{
        groups: { id: string; flow: string | null }[];
      }>();
      expect(read.groups.find((g) => g.id === a!.id)?.flow).toBe('sender');
      expect(read.groups.find((g) => g.id === b!.id)?.flow).toBe('receiver');
      const bad = await owner.patch(`/api/measurements/${id}`, {
        groups: [{ unitId: a!.id, flow: 'giver' }],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ message: { da: string; en: string } }>().message.da).toBeTruthy();
      expect((await owner.patch(`/api/measurements/${id}`, { focalKind: 'alt' })).statusCode).toBe(
        400,
      );
      const again = (await owner.get(`/api/measurements/${id}`)).json<{
        measurement: { focalKind: string };
        groups: { flow: string | null }[];
      }>();
      expect(again.groups.map((g) => g.flow).sort()).toEqual(['receiver', 'sender']);
      expect(again.measurement.focalKind).toBe('udsatte-unge');
      // A closed measurement keeps its settings but may be labelled for benchmarks.
      expect((await owner.patch(`/api/measurements/${before}`, { title: 'Ny' })).statusCode).toBe(
        409,
      );
      const relabel = await owner.patch(`/api/measurements/${before}`, { focalKind: 'andet' });
      expect(relabel.statusCode).toBe(200);
      await owner.patch(`/api/measurements/${before}`, { focalKind: 'dobbeltdiagnose' });
    });

    it('lets only the admin give or withdraw consent, and audits it', async () => {
      const settings = await owner.get('/api/municipality/settings');
      expect(settings.json<{ benchmarkConsent: boolean }>().benchmarkConsent).toBe(false);
      const denied = await owner.request('PUT', '/api/municipality/benchmark-consent', {
        consent: true,
      });
      expect(denied.statusCode).toBe(403);
      expect(
        (await admin.request('PUT', '/api/municipality/benchmark-consent', { consent: 'yes' }))
          .statusCode,
      ).toBe(400);
      expect(
        (await owner.get('/api/municipality/settings')).json<{ benchmarkConsent: boolean }>(),
      ).toMatchObject({ benchmarkConsent: false });
      const given = await admin.request('PUT', '/api/municipality/benchmark-consent', {
        consent: true,
      });
      expect(given.statusCode).toBe(200);
      expect(given.json<{ benchmarkConsent: boolean }>().benchmarkConsent).toBe(true);
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select('detail')
        .where('municipality_id', '=', demoId)
        .where('entity', '=', 'municipality')
        .where('action', '=', 'update')
        .execute();
      expect(audit).toHaveLength(1);
    });

    it('withholds the benchmark below three other consenting municipalities, and never counts one without consent', async () => {
      const get = async () => {
        const response = await owner.get(`/api/measurements/${after}/benchmark`);
        expect(response.statusCode).toBe(200);
        return response.json<Benchmark>();
      };
      await admin.request('PUT', '/api/municipality/benchmark-consent', { consent: false });
      const noConsent = await get();
      expect(noConsent.withheld?.code).toBe('no_consent');
      expect(noConsent.own?.score).toBeGreaterThan(1);
      await admin.request('PUT', '/api/municipality/benchmark-consent', { consent: true });

      const db = t.handle.db;
      const others = [
        await otherMunicipality(db, demoId, 'aa', true, 11),
        await otherMunicipality(db, demoId, 'bb', true, 12),
        await otherMunicipality(db, demoId, 'cc', false, 13),
      ];
      const tooFew = await get();
      expect(tooFew.withheld?.code).toBe('too_few');
      expect(tooFew.withheld?.message.da).toMatch(/Færre end 3/);
      expect(tooFew.withheld?.message.en).toMatch(/Fewer than 3/);
      expect(tooFew.others).toBeNull();
      expect(tooFew.own?.score).toBeCloseTo(noConsent.own!.score!, 12);

      // A fourth municipality consents: three contribute; the non-consenting one still not.
      others.push(await otherMunicipality(db, demoId, 'dd', true, 14));
      const shown = await get();
      expect(shown.withheld).toBeNull();
      expect(shown.others?.municipalities).toBe(3);
      const contributing = others.filter((_, i) => i !== 2);
      const perMunicipality: number[] = [];
      for (const other of contributing) {
        const scores: number[] = [];
        for (const id of other.measurementIds) {
          const result = analyze(await loadAnswers(db, [id]), { minGroup: 5 });
          scores.push(result.waves[0]!.network.score!);
        }
        perMunicipality.push((scores[0]! + scores[1]!) / 2);
      }
      const expected = perMunicipality.reduce((x, y) => x + y, 0) / 3;
      expect(shown.others!.figures.score).toBeCloseTo(expected, 9);
      expect(shown.others!.figures.lowShare).toBeGreaterThanOrEqual(0);
      const body = JSON.stringify(shown);
      for (const slug of ['aa', 'bb', 'cc', 'dd']) expect(body).not.toContain(`Kommune ${slug}`);
      for (const other of others) expect(body).not.toContain(other.id);

      // Withdrawing consent takes effect at once.
      await db
        .updateTable('municipality')
        .set({ benchmark_consent: false })
        .where('id', '=', others[3]!.id)
        .execute();
      expect((await get()).withheld?.code).toBe('too_few');
    }, 120_000);

    it('explains a missing focal kind and an open measurement, and refuses leaders', async () => {
      const org = (await owner.get('/api/org')).json<{ units: { id: string }[] }>();
      const draft = await owner.post('/api/measurements', {
        title: 'Uden type',
        focalProcess: 'familier',
        groups: org.units.slice(0, 2).map((u) => ({ unitId: u.id })),
      });
      const id = draft.json<{ id: string }>().id;
      const none = (await owner.get(`/api/measurements/${id}/benchmark`)).json<Benchmark>();
      expect(none.withheld?.code).toBe('no_focal_kind');
      await owner.patch(`/api/measurements/${id}`, { focalKind: 'familier' });
      const open = (await owner.get(`/api/measurements/${id}/benchmark`)).json<Benchmark>();
      expect(open.withheld?.code).toBe('not_closed');
      expect((await leader.get(`/api/measurements/${after}/benchmark`)).statusCode).toBe(403);
      expect(
        (await owner.get('/api/measurements/00000000-0000-4000-8000-000000000000/benchmark'))
          .statusCode,
      ).toBe(404);
    });
  });
}
