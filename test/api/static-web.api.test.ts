/**
 * Serving the built web front end: precompressed variants by Accept-Encoding, hashed
 * assets cached for a year, HTML pages revalidated, and the light survey and citizen
 * pages for their links. Runs on a tiny web directory written here, not the real build.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const SCRIPT = `console.log(${JSON.stringify('samspil '.repeat(300))});\n`;
const STAFF_HTML = '<!doctype html><title>staff</title>';
const SURVEY_HTML = '<!doctype html><title>survey</title>';
const CITIZEN_HTML = '<!doctype html><title>citizen</title>';

/** A web directory like the build's: pages, one hashed script and its compressed twins. */
function writeWebDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'samspil-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), STAFF_HTML);
  writeFileSync(path.join(dir, 'survey.html'), SURVEY_HTML);
  writeFileSync(path.join(dir, 'citizen.html'), CITIZEN_HTML);
  writeFileSync(path.join(dir, 'assets/x-AbC123.js'), SCRIPT);
  writeFileSync(path.join(dir, 'assets/x-AbC123.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(path.join(dir, 'assets/x-AbC123.js.gz'), gzipSync(SCRIPT));
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

// Static files do not touch the database: PGlite alone is enough.
const database = testDatabases()[0]!;

describe('the web front end as static files', () => {
  let t: TestApp;
  let webDir: string;

  beforeAll(async () => {
    webDir = writeWebDir();
    t = await startTestApp(database, { webDir });
  });

  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
    });

  it('sends a hashed asset as brotli, gzip or plain by Accept-Encoding, cached for a year', async () => {
    const br = await get('/assets/x-AbC123.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 5);

    const gz = await get('/assets/x-AbC123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const plain = await get('/assets/x-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(SCRIPT);
  });

  it('sends the staff app for its paths and unknown pages, revalidated on every visit', async () => {
    for (const url of ['/', '/organisation', '/forloeb/123/plan?x=1', '/index.html']) {
      const response = await get(url, 'br');
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.body, url).toBe(STAFF_HTML);
    }
  });

  it('sends the light page for survey and citizen links', async () => {
    const survey = await get(`/s/${crypto.randomUUID()}/${'x'.repeat(43)}`);
    expect(survey.body).toBe(SURVEY_HTML);
    // The survey's page may carry the link's data (survey-page.api.test.ts): never stored.
    expect(survey.headers['cache-control']).toBe('no-store');
    const citizen = await get(`/borger/${crypto.randomUUID()}/${'y'.repeat(43)}`);
    expect(citizen.body).toBe(CITIZEN_HTML);
    expect(citizen.headers['cache-control']).toBe('no-cache');
    // Only the link shape, not every path under /s or /borger.
    expect((await get('/s/only-one-part')).body).toBe(STAFF_HTML);
  });

  it('sends a page compressed when the build wrote its twin', async () => {
    const html = `<!doctype html><title>citizen</title>${'<p>spørgsmål</p>'.repeat(200)}`;
    writeFileSync(path.join(webDir, 'citizen.html'), html);
    writeFileSync(path.join(webDir, 'citizen.html.br'), brotliCompressSync(html));
    const response = await get(`/borger/${crypto.randomUUID()}/token`, 'gzip, br');
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(html);
  });

  it('revalidates files outside assets/ and answers an API miss with JSON', async () => {
    const icon = await get('/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
    const missing = await get('/api/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found' });
  });
});
