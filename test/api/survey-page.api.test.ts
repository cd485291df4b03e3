/**
 * The survey link's page (`/s/:measurementId/:token`) on each test database: sent with
 * exactly what the link's API call returns, inlined as JSON that cannot break out of its
 * element, and its first screen from the renderer; closed, finished and unknown links get
 * their message; a malformed link and a page with no place for the data get the plain
 * page. Runs on a tiny web directory and a stand-in renderer, not the real build.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURVEY_DATA_ID, SURVEY_ROOT, type SurveyPageData } from '../../contract/survey-page.js';
import { outboxTransport } from '../../src/mail/mail-transport.js';
import { buildApp } from '../../src/server/app.js';
import { testDatabases } from '../helpers/databases.js';
import { createMeasurement, surveyLinks } from '../helpers/measurement-fixture.js';
import { testConfig, type TestApp, TestClient } from '../helpers/test-app.js';
import { signedIn, startDemoApp } from '../helpers/demo-and-other.js';

const SURVEY_HTML = `<!doctype html><html><head><title>survey</title></head><body>${SURVEY_ROOT}<script type="module" src="/assets/survey.js"></script></body></html>`;
/** Stands in for the build's `survey-server.js`: names what it was given. */
const RENDERER = `export const renderSurvey = (measurementId, token, data) =>
  '<p class="rendered">' + ('survey' in data ? 'survey ' + data.survey.measurement.id : data.fatal) + '</p>';`;
// A title that would end the data's <script> element if it were inlined as it is.
const TITLE = 'Samarbejde </script><script>alert(1)</script><!-- om \u2028 dobbeltdiagnoser';

/** The inlined data of a page, parsed; undefined when there is none. */
function inlined(html: string): SurveyPageData | undefined {
  const match = new RegExp(
    `<script type="application/json" id="${SURVEY_DATA_ID}">([^<]*)</script>`,
  ).exec(html);
  return match ? (JSON.parse(match[1]!) as SurveyPageData) : undefined;
}

for (const database of testDatabases()) {
  describe(`the survey link's page on ${database.name}`, () => {
    let t: TestApp;
    let dir: string;
    let owner: TestClient;
    let measurementId: string;
    let links: string[];

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'samspil-survey-page-'));
      mkdirSync(path.join(dir, 'web'));
      writeFileSync(path.join(dir, 'web', 'index.html'), '<!doctype html><title>staff</title>');
      writeFileSync(path.join(dir, 'web', 'survey.html'), SURVEY_HTML);
      writeFileSync(path.join(dir, 'survey-server.mjs'), RENDERER);
      t = await startDemoApp(database, {
        webDir: path.join(dir, 'web'),
        surveyRendererFile: path.join(dir, 'survey-server.mjs'),
      });
      owner = await signedIn(t.app, 'analytiker@demo.samspil.dk');
      const created = await createMeasurement(owner, ['Jobcenter', 'Bostøtte'], { title: TITLE });
      measurementId = created.id;
      const unitIds = created.org.units
        .filter((u) => ['Jobcenter', 'Bostøtte'].includes(u.name))
        .map((u) => u.id);
      await owner.post(`/api/measurements/${measurementId}/invitations`, { unitIds });
      expect((await owner.post(`/api/measurements/${measurementId}/open`)).statusCode).toBe(200);
      links = [...(await surveyLinks(t.handle.db, measurementId)).values()];
    });

    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const get = (url: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url, headers });
    const page = (apiLink: string) => apiLink.replace('/api/survey/', '/s/');

    it('sends the survey exactly as the link gets it from the API, with its first screen', async () => {
      const link = links[0]!;
      const { groups } = (await t.app.inject({ method: 'GET', url: link })).json<{
        groups: { id: string }[];
      }>();
      // Groups and an answer saved, so the data carries the respondent's own too.
      const chosen = await t.app.inject({
        method: 'PUT',
        url: `${link}/groups`,
        payload: { unitIds: [groups[0]!.id] },
      });
      expect(chosen.statusCode, chosen.body).toBe(200);
      const saved = await t.app.inject({
        method: 'PUT',
        url: `${link}/answers`,
        payload: { answers: [{ target: groups[0]!.id, item: 'respekt', value: 4 }] },
      });
      expect(saved.statusCode, saved.body).toBe(200);

      const response = await get(page(link));
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      // Personal: no cache keeps it.
      expect(response.headers['cache-control']).toBe('no-store');
      // The data is not run: scripts stay limited to the app's own files.
      expect(response.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
      const api = await t.app.inject({ method: 'GET', url: link });
      expect(inlined(response.body)).toEqual({ survey: api.json() });
      expect(response.body).toContain(
        `<div id="root"><p class="rendered">survey ${measurementId}</p></div>`,
      );
      // The title's </script> and <!-- stay inside the JSON, escaped.
      expect(response.body.match(/<\/script>/g)).toHaveLength(2);
      expect(response.body).not.toContain('<!--');
      expect(response.body).not.toContain('\u2028');
    });

    it('sends the message for an unknown, a submitted and a closed link, as the API does', async () => {
      const unknown = await get(`/s/${measurementId}/${'x'.repeat(43)}`);
      expect(inlined(unknown.body)).toEqual({ fatal: 'notFound' });
      expect(unknown.body).toContain('<p class="rendered">notFound</p>');

      const submitted = links[1]!;
      expect((await t.app.inject({ method: 'POST', url: `${submitted}/submit` })).statusCode).toBe(
        200,
      );
      expect(inlined((await get(page(submitted))).body)).toEqual({ fatal: 'finished' });

      expect((await owner.post(`/api/measurements/${measurementId}/close`)).statusCode).toBe(200);
      expect(inlined((await get(page(links[2]!))).body)).toEqual({ fatal: 'closed' });
      expect((await t.app.inject({ method: 'GET', url: links[2]! })).statusCode).toBe(410);
    });

    it('sends a malformed link the plain page, which asks the API as before', async () => {
      const response = await get(`/s/not-a-uuid/${'x'.repeat(43)}`);
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(SURVEY_HTML);
    });

    it('compresses the page with brotli when the browser takes it', async () => {
      const response = await get(`/s/${measurementId}/${'y'.repeat(43)}`, {
        'accept-encoding': 'gzip, br',
      });
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      const html = brotliDecompressSync(response.rawPayload).toString();
      expect(inlined(html)).toEqual({ fatal: 'notFound' });
    });

    it('inlines the data without markup when the build has no renderer', async () => {
      const bare = await buildApp({
        config: testConfig(),
        db: t.handle.db,
        mail: outboxTransport,
        notifier: t.handle.notifier,
        webDir: path.join(dir, 'web'),
        surveyRendererFile: path.join(dir, 'missing.mjs'),
      });
      try {
        const response = await bare.inject({ method: 'GET', url: `/s/${measurementId}/token` });
        expect(response.body).toContain(`<div id="root"></div><script type="application/json"`);
        expect(inlined(response.body)).toEqual({ fatal: 'notFound' });
      } finally {
        await bare.close();
      }
    });
  });
}
