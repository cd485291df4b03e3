/** HTTP for the municipality's own settings. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { benchmarkConsentBody, municipalitySettings } from '../../contract/municipality.schema.js';
import type { Database } from '../db/schema.js';
import { requireUser } from '../kernel/request-context.js';
import { getSettings, updateBenchmarkConsent } from './municipality-settings.service.js';

export const municipalityRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (
  plugin,
  { db },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/municipality/settings',
    {
      schema: {
        tags: ['municipality'],
        summary: "The municipality's settings (admins and analysis owners)",
        response: { 200: municipalitySettings },
      },
    },
    async (request) => getSettings(db, requireUser(request)),
  );
  app.put(
    '/api/municipality/benchmark-consent',
    {
      schema: {
        tags: ['municipality'],
        summary:
          'Give (true) or withdraw (false) consent to take part in anonymous benchmarks across municipalities (admins)',
        body: benchmarkConsentBody,
        response: { 200: municipalitySettings },
      },
    },
    async (request) => updateBenchmarkConsent(db, requireUser(request), request.body.consent),
  );
};
