/** The analysis endpoint on the demo municipality's two waves, on each test database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../contract/analysis.schema.js';
import { measurementAnalysisSchema } from '../../contract/results.schema.js';
import { testDatabases } from '../helpers/databases.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';
import { createLogin, signedIn, startDemoApp } from '../helpers/demo-and-other.js';

for (const database of testDatabases()) {
  describe(`analysis API on ${database.name}`, () => {
    let t: TestApp;
    let owner: TestClient;

    beforeAll(async () => {
      t = await startDemoApp(database);
      owner = await signedIn(t.app, 'analytiker@demo.samspil.dk');
    });
    afterAll(async () => t.close());

    it('analyses the demo waves: before/after comparison and difference in differences', async () => {
      const list = (await owner.get('/api/measurements')).json<
        { id: string; waveLabel: string }[]
      >();
      const after = list.find((m) => m.waveLabel === 'efter')!;
      const response = await owner.get(`/api/measurements/${after.id}/analysis`);
      expect(response.statusCode).toBe(200);
      const body = response.json<{
        provisional: boolean;
        waves: { wave: string }[];
        result: AnalysisResult;
      }>();
      expect(body.provisional).toBe(false);
      expect(body.waves.map((w) => w.wave)).toEqual(['før', 'efter']);
      expect(body.result.waves.map((w) => w.wave)).toEqual(['før', 'efter']);
      const before = body.result.waves[0]!;
      expect(before.network.score).toBeGreaterThan(2.5);
      expect(before.network.score).toBeLessThan(4.5);
      expect(before.ties.length).toBeGreaterThan(50);
      for (const tie of before.ties) {
        if (tie.suppressed) expect(tie.score).toBeNull();
        else expect(tie.n).toBeGreaterThanOrEqual(5);
      }
      expect(body.result.comparison).not.toBeNull();
      expect(body.result.did?.did).toBeGreaterThan(0);
      const rates = (await owner.get(`/api/measurements/${after.id}/responses`)).json<{
        invited: number;
        finished: number;
      }>();
      expect(rates.invited).toBe(180);
      const respondents = await t.handle.db
        .selectFrom('respondent')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('measurement_id', '=', after.id)
        .executeTakeFirstOrThrow();
      expect(rates.finished).toBe(Number(respondents.n));
    });

    it("shows a leader their own unit's ties and units, with the network-wide figures", async () => {
      const leader = await signedIn(t.app, 'leder@demo.samspil.dk');
      const list = (await owner.get('/api/measurements')).json<
        { id: string; waveLabel: string }[]
      >();
      const after = list.find((m) => m.waveLabel === 'efter')!;
      const full = (await owner.get(`/api/measurements/${after.id}/analysis`)).json<{
        result: AnalysisResult;
      }>();
      const mine = (await leader.get(`/api/measurements/${after.id}/analysis`)).json<{
        result: AnalysisResult;
      }>();
      // The route skips the serializer's check (src/results/plain-json.ts): the bodies must
      // still be exactly the documented shape, no field more or less.
      for (const body of [full, mine]) {
        expect(measurementAnalysisSchema.parse(body)).toEqual(body);
      }
      const wave = mine.result.waves[1]!;
      expect(wave.units.map((u) => u.unit)).toEqual(['Jobcenter']);
      expect(wave.ties.length).toBeGreaterThan(0);
      expect(wave.ties.every((tie) => tie.from === 'Jobcenter' || tie.to === 'Jobcenter')).toBe(
        true,
      );
      expect(wave.ties.length).toBeLessThan(full.result.waves[1]!.ties.length);
      expect(wave.network).toEqual(full.result.waves[1]!.network);
      const graphml = await leader.get(`/api/measurements/${after.id}/export/graphml`);
      expect((graphml.body.match(/<edge /g) ?? []).length).toBe(wave.ties.length);
    });

    it('gives a leaders-only view whose ties never differ from the full ties by 1 to 4 respondents', async () => {
      const list = (await owner.get('/api/measurements')).json<
        { id: string; waveLabel: string }[]
      >();
      const before = list.find((m) => m.waveLabel === 'før')!;
      const full = (await owner.get(`/api/measurements/${before.id}/analysis`)).json<{
        result: AnalysisResult;
      }>();
      const view = (await owner.get(`/api/measurements/${before.id}/analysis?role=leder`)).json<{
        result: AnalysisResult;
      }>();
      const fullTies = new Map(full.result.waves[0]!.ties.map((t) => [`${t.from}|${t.to}`, t]));
      const shown = view.result.waves[0]!.ties.filter((t) => !t.suppressed);
      for (const tie of shown) {
        const rest = (fullTies.get(`${tie.from}|${tie.to}`)!.n ?? 0) - tie.n!;
        expect(rest === 0 || rest >= 5).toBe(true);
      }
      expect(view.result.comparison).toBeNull();
      expect(
        (await owner.get(`/api/measurements/${before.id}/analysis?role=chef`)).statusCode,
      ).toBe(400);
    });

    it('refuses a leader whose login is not linked to a unit they lead', async () => {
      const admin = await signedIn(t.app, 'admin@demo.samspil.dk');
      await createLogin(admin, 'leder', { name: 'Løs Leder', email: 'loes@demo.dk' });
      const loose = await signedIn(t.app, 'loes@demo.dk');
      const list = (await owner.get('/api/measurements')).json<{ id: string }[]>();
      const response = await loose.get(`/api/measurements/${list[0]!.id}/analysis`);
      expect(response.statusCode).toBe(403);
      expect(response.json<{ message: { en: string } }>().message.en).toMatch(
        /not linked to a unit/,
      );
    });

    it('serves a closed analysis from the cache until an import changes its answers', async () => {
      const list = (await owner.get('/api/measurements')).json<
        { id: string; waveLabel: string }[]
      >();
      const before = list.find((m) => m.waveLabel === 'før')!;
      const first = (await owner.get(`/api/measurements/${before.id}/analysis`)).json<{
        result: AnalysisResult;
      }>();
      const again = (await owner.get(`/api/measurements/${before.id}/analysis`)).json<{
        result: AnalysisResult;
      }>();
      expect(again.result).toEqual(first.result);
      let csv = 'respondent,unit,role,target,item,value,wave,arm,case\n';
      for (let r = 0; r < 6; r++)
        csv += `new${r},Skole,medarbejder,Sundhedspleje,respekt,1,før,kontrol,\n`;
      const imported = await owner.upload(
        `/api/measurements/${before.id}/import?commit=true`,
        'a.csv',
        csv,
      );
      expect(imported.statusCode).toBe(200);
      const after = (await owner.get(`/api/measurements/${before.id}/analysis`)).json<{
        result: AnalysisResult;
      }>();
      expect(after.result.waves[0]!.network.n).toBe(first.result.waves[0]!.network.n! + 6);
    });

    it('saves map positions per unit, scoped to the municipality', async () => {
      const org = (await owner.get('/api/org')).json<{ units: { id: string }[] }>();
      const [a, b] = org.units;
      expect(
        (
          await owner.request('PUT', '/api/map-positions', {
            positions: [{ unitId: a!.id, x: 10, y: -20 }],
          })
        ).statusCode,
      ).toBe(204);
      await owner.request('PUT', '/api/map-positions', {
        positions: [
          { unitId: a!.id, x: 11, y: -21 },
          { unitId: b!.id, x: 5, y: 5 },
        ],
      });
      const saved = (await owner.get('/api/map-positions')).json<{ unitId: string; x: number }[]>();
      expect(saved.find((p) => p.unitId === a!.id)?.x).toBe(11);
      expect(saved).toHaveLength(2);
      const bad = await owner.request('PUT', '/api/map-positions', {
        positions: [{ unitId: '00000000-0000-4000-8000-000000000000', x: 1, y: 1 }],
      });
      expect(bad.statusCode).toBe(404);
      const huge = await owner.request('PUT', '/api/map-positions', {
        positions: [{ unitId: a!.id, x: 1e9, y: 1 }],
      });
      expect(huge.statusCode).toBe(400);
    });

    it('refuses caseworkers and unknown measurements', async () => {
      const caseworker = await signedIn(t.app, 'sagsbehandler@demo.samspil.dk');
      const list = (await owner.get('/api/measurements')).json<{ id: string }[]>();
      expect((await caseworker.get(`/api/measurements/${list[0]!.id}/analysis`)).statusCode).toBe(
        403,
      );
      expect(
        (await owner.get('/api/measurements/00000000-0000-4000-8000-000000000000/analysis'))
          .statusCode,
      ).toBe(404);
    });
  });
}
