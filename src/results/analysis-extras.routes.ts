/** HTTP for the extra comparisons of a measurement's analysis. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { measurementParams } from '../../contract/measurements.schema.js';
import { analysisExtrasSchema } from '../../contract/results.schema.js';
import type { Database } from '../db/schema.js';
import { requireUser } from '../kernel/request-context.js';
import { analysisExtras } from './analysis-extras.service.js';
import { plainJson } from './plain-json.js';

export const analysisExtrasRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (
  plugin,
  { db },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/measurements/:id/analysis/extras',
    {
      ...plainJson,
      schema: {
        tags: ['analysis'],
        summary:
          'Myndighed against udfører, senders against receivers (by respondent and by tie) and the leadership scatter, per wave; suppressed values are null. Scatter points only for analysis owners of closed measurements.',
        params: measurementParams,
        response: { 200: analysisExtrasSchema },
      },
    },
    async (request) => analysisExtras(db, requireUser(request), request.params.id),
  );
};
