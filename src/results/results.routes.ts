/** HTTP for the analysis of a measurement. */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { analysisQuery, measurementAnalysisSchema } from '../../contract/results.schema.js';
import { measurementParams } from '../../contract/measurements.schema.js';
import type { Database } from '../db/schema.js';
import { plainJson } from './plain-json.js';
import { analyseMeasurement } from './results.service.js';
import { userRoutes } from '../kernel/route.js';

export const resultsRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (
  plugin,
  { db },
) => {
  const route = userRoutes(plugin, ['analysis']);
  route.get('/api/measurements/:id/analysis', {
    ...plainJson,
    summary:
      'The analysis (ANALYSIS.md format) of a measurement and the wave before it; suppressed values are null. ?role=leder|medarbejder gives the map figures of one role, guarded against subtraction.',
    params: measurementParams,
    querystring: analysisQuery,
    response: { 200: measurementAnalysisSchema },
    handler: (user, { params, query }) => analyseMeasurement(db, user, params.id, query),
  });
};
