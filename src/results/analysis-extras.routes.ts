/** HTTP for the extra comparisons of a measurement's analysis. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { requireUser } from '../server/request-context.js';
import { analysisExtras } from './analysis-extras.service.js';

export const analysisExtrasRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (
  plugin,
  { db },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/measurements/:id/analysis/extras',
    {
      schema: {
        tags: ['analysis'],
        summary:
          'Myndighed against udfører, senders against receivers (by respondent and by tie) and the leadership scatter, per wave; suppressed values are null. Scatter points only for analysis owners of closed measurements.',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request) => analysisExtras(db, requireUser(request), request.params.id),
  );
};
