/** HTTP for the municipality's own settings. */
import { benchmarkConsentBody, municipalitySettings } from '../../contract/municipality.schema.js';
import { getSettings, updateBenchmarkConsent } from './municipality-settings.service.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';

export const municipalityRoutes = userPlugin(['municipality'], ({ route }, { db }: DbOptions) => {
  route.get('/api/municipality/settings', {
    summary: "The municipality's settings (admins and analysis owners)",
    response: { 200: municipalitySettings },
    handler: (user) => getSettings(db, user),
  });
  route.put('/api/municipality/benchmark-consent', {
    summary:
      'Give (true) or withdraw (false) consent to take part in anonymous benchmarks across municipalities (admins)',
    body: benchmarkConsentBody,
    response: { 200: municipalitySettings },
    handler: (user, { body }) => updateBenchmarkConsent(db, user, body.consent),
  });
});
