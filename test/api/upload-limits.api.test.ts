/**
 * Uploads are parsed in a worker thread with limits on unpacked size, rows and columns:
 * an XLSX zip bomb (0.8 MB unpacking to 281 MB, 5 M rows) is refused at once, and the
 * server answers other requests while uploads are parsed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from '../../src/import/upload-limits.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';
import { xlsxWithRows } from '../helpers/zip.js';
import { signedIn } from '../helpers/demo-and-other.js';

// One database is enough: the limits are checked before any query.
const database = testDatabases()[0]!;

describe('upload limits', () => {
  let t: TestApp;
  let analyst: TestClient;
  let bomb: Buffer;
  let liar: Buffer;

  beforeAll(async () => {
    t = await startTestApp(database, { listen: true });
    await createDemoMunicipality(t.handle.db);
    analyst = await signedIn(t.app, 'analytiker@demo.samspil.dk');
    const honest = await xlsxWithRows(5_300_000);
    expect(honest.file.length).toBeLessThan(1024 * 1024);
    expect(honest.unpacked).toBeGreaterThan(250 * 1024 * 1024);
    bomb = honest.file;
    liar = (await xlsxWithRows(5_300_000, { lie: true })).file;
  }, 120_000);
  afterAll(async () => t.close());

  it('refuses a zip bomb at once, whether its headers tell the truth or lie', async () => {
    for (const file of [bomb, liar]) {
      const started = Date.now();
      const response = await analyst.upload('/api/org/import', 'bombe.xlsx', file);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({
        code: 'payload_too_large',
        message: {
          da: expect.stringContaining('pakkes ud'),
          en: expect.stringContaining('unpacks to too much'),
        },
      });
    }
  });

  it('refuses too many rows and too many columns with a clear message', async () => {
    const rows = (await xlsxWithRows(MAX_TABLE_ROWS + 1)).file;
    const manyRows = await analyst.upload('/api/org/import', 'rækker.xlsx', rows);
    expect(manyRows.statusCode).toBe(413);
    expect(manyRows.json<{ message: { da: string } }>().message.da).toMatch(/for mange rækker/);

    const header = Array.from({ length: MAX_TABLE_COLUMNS + 1 }, (_, i) => `k${i}`).join(';');
    const wide = await analyst.upload('/api/org/import', 'bred.csv', `${header}\n`);
    expect(wide.statusCode).toBe(400);
    expect(wide.json<{ message: { en: string } }>().message.en).toMatch(/too many columns/);

    const csvRows = 'enhed;type\n' + 'Enhed;ekstern\n'.repeat(MAX_TABLE_ROWS + 1);
    const longCsv = await analyst.upload('/api/org/import', 'lang.csv', csvRows);
    expect(longCsv.statusCode).toBe(413);
  });

  it('answers /api/health promptly while bombs are being refused', async () => {
    const uploads = Promise.all(
      [bomb, liar, bomb, liar].map((file) => analyst.upload('/api/org/import', 'bombe.xlsx', file)),
    );
    let pending = true;
    void uploads.finally(() => (pending = false));
    const latencies: number[] = [];
    do {
      const started = performance.now();
      const health = await fetch(`${t.url}/api/health`);
      expect(health.status).toBe(200);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } while (pending);
    for (const response of await uploads) expect(response.statusCode).toBe(413);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });

  it('still imports an ordinary XLSX file', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ark1');
    sheet.addRow(['enhed', 'type', 'navn', 'email']);
    sheet.addRow(['Grænseenheden', 'ekstern', 'Ulla Grænse', 'ulla@graense.dk']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await analyst.upload('/api/org/import', 'org.xlsx', bytes);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ rows: 1, errors: [] });
  });
});
