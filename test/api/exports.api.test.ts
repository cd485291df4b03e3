/**
 * Exports of the analysis (CSV, XLSX, GraphML, GEXF) on each test database: the same
 * figures as the API, suppressed values left empty, hostile unit names kept as text.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../contract/analysis.schema.js';
import { parseCsv } from '../../src/import/csv.js';
import { testDatabases } from '../helpers/databases.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';
import { signedIn, startDemoApp } from '../helpers/demo-and-other.js';

const HOSTILE = `Team "Nord"; <script>alert(1)</script> & co 🤝`;

for (const database of testDatabases()) {
  describe(`analysis exports on ${database.name}`, () => {
    let t: TestApp;
    let owner: TestClient;
    let measurementId: string;
    let result: AnalysisResult;

    beforeAll(async () => {
      t = await startDemoApp(database);
      await t.handle.db
        .updateTable('unit')
        .set({ name: HOSTILE })
        .where('name', '=', 'Bostøtte')
        .execute();
      owner = await signedIn(t.app, 'analytiker@demo.samspil.dk');
      const list = (await owner.get('/api/measurements')).json<
        { id: string; waveLabel: string }[]
      >();
      measurementId = list.find((m) => m.waveLabel === 'efter')!.id;
      result = (await owner.get(`/api/measurements/${measurementId}/analysis`)).json<{
        result: AnalysisResult;
      }>().result;
    });
    afterAll(async () => t.close());

    it('CSV of the ties has the same figures as the API, with empty suppressed values', async () => {
      const response = await owner.get(`/api/measurements/${measurementId}/export/csv`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toMatch(
        /attachment; filename="samarbejde-.*-relationer\.csv"/,
      );
      const table = parseCsv(response.body);
      expect(table.separator).toBe(';');
      expect(table.header.slice(0, 7)).toEqual([
        'runde',
        'fra',
        'til',
        'n',
        'score',
        'niveau',
        'andel_ved_ikke',
      ]);
      const ties = result.waves.flatMap((w) => w.ties);
      expect(table.rows).toHaveLength(ties.length);
      ties.forEach((tie, i) => {
        const cells = table.rows[i]!.cells;
        expect(cells[1]).toBe(tie.from);
        // Danish Excel: decimal comma, at most three decimals, Danish level words.
        const score = tie.score === null ? '' : String(Math.round(tie.score * 1000) / 1000);
        expect(cells[4]).toBe(score.replace('.', ','));
        expect(cells[5]).toBe(
          { high: 'høj', medium: 'middel', low: 'lav', suppressed: 'skjult' }[tie.level],
        );
      });
      expect(response.body).not.toMatch(/\d\.\d/);
      expect(response.body).not.toMatch(/\d,\d{4}/);
      expect(table.rows.some((r) => r.cells[1] === HOSTILE)).toBe(true);
      const unknown = await owner.get(`/api/measurements/${measurementId}/export/csv?table=nope`);
      expect(unknown.statusCode).toBe(404);
    });

    it('XLSX has one sheet per table', async () => {
      const response = await owner.get(`/api/measurements/${measurementId}/export/xlsx`);
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as never);
      const names = workbook.worksheets.map((s) => s.name);
      expect(names).toEqual(
        expect.arrayContaining(['relationer', 'enheder', 'netvaerk', 'asymmetri', 'did']),
      );
      const network = workbook.getWorksheet('netvaerk')!;
      expect(network.getRow(3).getCell(2).value).toBe(result.waves[1]!.network.score);
      const levels = workbook.getWorksheet('relationer')!.getColumn(6).values.slice(2);
      expect(levels.length).toBeGreaterThan(0);
      for (const level of levels) expect(['høj', 'middel', 'lav', 'skjult']).toContain(level);
    });

    it('GraphML and GEXF describe the last wave, escape names and leave suppressed weights out', async () => {
      const graphml = await owner.get(`/api/measurements/${measurementId}/export/graphml`);
      expect(graphml.statusCode).toBe(200);
      expect(graphml.body).toContain('edgedefault="directed"');
      expect(graphml.body).toContain(
        'Team &quot;Nord&quot;; &lt;script&gt;alert(1)&lt;/script&gt; &amp; co 🤝',
      );
      expect(graphml.body).not.toContain('<script>');
      const wave = result.waves[1]!;
      expect((graphml.body.match(/<edge /g) ?? []).length).toBe(wave.ties.length);
      const suppressed = wave.ties.filter((tie) => tie.suppressed).length;
      expect((graphml.body.match(/<data key="weight">/g) ?? []).length).toBe(
        wave.ties.length - suppressed,
      );
      const gexf = await owner.get(`/api/measurements/${measurementId}/export/gexf?wave=før`);
      expect(gexf.statusCode).toBe(200);
      expect(gexf.body).toContain('<gexf xmlns="http://gexf.net/1.3"');
      expect((gexf.body.match(/<edge /g) ?? []).length).toBe(result.waves[0]!.ties.length);
      const missing = await owner.get(`/api/measurements/${measurementId}/export/gexf?wave=senere`);
      expect(missing.statusCode).toBe(400);
    });

    it('PDF report in Danish and English', async () => {
      for (const lang of ['da', 'en']) {
        const response = await owner.get(
          `/api/measurements/${measurementId}/export/pdf?lang=${lang}`,
        );
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('application/pdf');
        expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
        expect(response.rawPayload.length).toBeGreaterThan(5000);
      }
    });

    it('refuses caseworkers and unknown formats', async () => {
      const caseworker = await signedIn(t.app, 'sagsbehandler@demo.samspil.dk');
      expect(
        (await caseworker.get(`/api/measurements/${measurementId}/export/xlsx`)).statusCode,
      ).toBe(403);
      expect((await owner.get(`/api/measurements/${measurementId}/export/pdfx`)).statusCode).toBe(
        400,
      );
    });
  });
}
