/** HTTP for the analysis of a measurement. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { analysisQuery, measurementAnalysisSchema } from '../../contract/results.schema.js';
import { measurementParams } from '../../contract/measurements.schema.js';
import type { Database } from '../db/schema.js';
import { requireUser } from '../kernel/request-context.js';
import { plainJson } from './plain-json.js';
import { analyseMeasurement } from './results.service.js';

export const resultsRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (
  plugin,
  { db },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/measurements/:id/analysis',
    {
      ...plainJson,
      schema: {
        tags: ['analysis'],
        summary:
          'The analysis (ANALYSIS.md format) of a measurement and the wave before it; suppressed values are null. ?role=leder|medarbejder gives the map figures of one role, guarded against subtraction.',
        params: measurementParams,
        querystring: analysisQuery,
        response: { 200: measurementAnalysisSchema },
      },
    },
    async (request) =>
      analyseMeasurement(db, requireUser(request), request.params.id, request.query),
  );
};
