/**
 * Every endpoint that works on a network measurement refuses an implementation survey's id
 * with 409 `wrong_measurement_kind` (and a message saying what the id is), and every
 * implementation endpoint refuses a network measurement's id the same way, leaving the
 * data unchanged. One table, both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImplementationSurveyView } from '../../contract/implementation.schema.js';
import type { MeasurementView } from '../../contract/measurements.schema.js';
import { testDatabases } from '../helpers/databases.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';
import { signedIn, startDemoApp } from '../helpers/demo-and-other.js';

type Call = [method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown];
const OTHER = '00000000-0000-4000-8000-000000000000';

/** Endpoints that expect a network measurement, given the id `:id`. */
const NETWORK: Call[] = [
  ['GET', '/api/measurements/:id'],
  ['PATCH', '/api/measurements/:id', { title: 'Ny titel' }],
  ['POST', '/api/measurements/:id/invitations', { roles: ['leder'] }],
  ['POST', '/api/measurements/:id/invitations/withdraw', { group: 'x' }],
  ['DELETE', `/api/measurements/:id/invitations/${OTHER}`],
  ['POST', '/api/measurements/:id/open'],
  ['POST', '/api/measurements/:id/close'],
  ['POST', '/api/measurements/:id/remind'],
  ['GET', '/api/measurements/:id/responses'],
  ['GET', '/api/measurements/:id/analysis'],
  ['GET', '/api/measurements/:id/analysis?role=leder'],
  ['GET', '/api/measurements/:id/analysis/extras'],
  ['GET', '/api/measurements/:id/benchmark'],
  ['GET', '/api/measurements/:id/export/pdf'],
  ['GET', '/api/measurements/:id/export/csv'],
  ['GET', '/api/measurements/:id/export/xlsx'],
  ['GET', '/api/measurements/:id/export/graphml'],
  ['GET', '/api/measurements/:id/export/gexf'],
  [
    'POST',
    '/api/measurements',
    { title: 'Bølge 2', focalProcess: 'x', previousMeasurementId: ':id' },
  ],
  ['POST', '/api/workshops', { title: 'W', targetGroup: 'Alle', measurementId: ':id' }],
];

/** Endpoints that expect an implementation survey. */
const IMPLEMENTATION: Call[] = [
  ['GET', '/api/implementation/surveys/:id'],
  ['GET', '/api/implementation/surveys/:id/responses'],
  ['GET', '/api/implementation/surveys/:id/report'],
  ['GET', '/api/implementation/surveys/:id/report/csv'],
  ['POST', '/api/implementation/surveys/:id/open'],
  ['POST', '/api/implementation/surveys/:id/remind'],
  ['POST', '/api/implementation/surveys/:id/close'],
];

const withId = (value: unknown, id: string): unknown =>
  typeof value === 'string'
    ? value.replace(':id', id)
    : Array.isArray(value)
      ? value.map((v) => withId(v, id))
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withId(v, id)]))
        : value;

for (const database of testDatabases()) {
  describe(`measurement kinds on ${database.name}`, () => {
    let t: TestApp;
    let owner: TestClient;
    let survey: ImplementationSurveyView;
    let network: MeasurementView;

    beforeAll(async () => {
      t = await startDemoApp(database);
      owner = await signedIn(t.app, 'analytiker@demo.samspil.dk');
      survey = (await owner.get('/api/implementation/surveys')).json<
        ImplementationSurveyView[]
      >()[0]!;
      network = (await owner.get('/api/measurements'))
        .json<MeasurementView[]>()
        .find((m) => m.status === 'closed')!;
    });
    afterAll(async () => t.close());

    const refused = async (calls: Call[], id: string, says: RegExp) => {
      for (const [method, url, body] of calls) {
        const response = await owner.request(
          method,
          withId(url, id) as string,
          body === undefined
            ? method === 'GET' || method === 'DELETE'
              ? undefined
              : {}
            : withId(body, id),
        );
        expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(409);
        const error = response.json<{ code: string; message: { da: string; en: string } }>();
        expect(error.code, `${method} ${url}`).toBe('wrong_measurement_kind');
        expect(error.message.da).toMatch(says);
      }
    };

    it('every network endpoint refuses an implementation survey, which stays as it was', async () => {
      expect(survey.status).toBe('closed');
      await refused(
        NETWORK,
        survey.id,
        /Det er en implementeringsundersøgelse, ikke en netværksmåling/,
      );
      const imported = await owner.upload(`/api/measurements/${survey.id}/import`, 'svar.csv', 'x');
      expect(imported.statusCode, imported.body).toBe(409);
      const after = (
        await owner.get(`/api/implementation/surveys/${survey.id}`)
      ).json<ImplementationSurveyView>();
      expect(after).toEqual(survey);
    });

    it('every implementation endpoint refuses a network measurement, which stays as it was', async () => {
      await refused(
        IMPLEMENTATION,
        network.id,
        /Det er en netværksmåling, ikke en implementeringsundersøgelse/,
      );
      const after = (await owner.get(`/api/measurements/${network.id}`)).json<{
        measurement: MeasurementView;
      }>();
      expect(after.measurement).toEqual(network);
    });

    it('the right kind still answers', async () => {
      expect((await owner.get(`/api/measurements/${network.id}/analysis`)).statusCode).toBe(200);
      expect((await owner.get(`/api/implementation/surveys/${survey.id}/report`)).statusCode).toBe(
        200,
      );
    });
  });
}
