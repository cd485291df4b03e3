/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/municipality/municipality.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import { benchmarkConsentBody, municipalitySettings } from './municipality.schema.js';

export const municipalityApi = operations({
  getSettings: {
    method: 'GET',
    path: '/api/municipality/settings',
    summary: "The municipality's settings (admins and analysis owners)",
    response: { 200: municipalitySettings },
  },
  updateBenchmarkConsent: {
    method: 'PUT',
    path: '/api/municipality/benchmark-consent',
    summary:
      'Give (true) or withdraw (false) consent to take part in anonymous benchmarks across municipalities (admins)',
    body: benchmarkConsentBody,
    response: { 200: municipalitySettings },
  },
});
