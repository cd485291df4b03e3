/** HTTP for the leader's overview. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { overviewSchema } from '../../contract/overview.schema.js';
import type { Database } from '../db/schema.js';
import { requireUser } from '../kernel/request-context.js';
import { leaderOverview } from './overview.service.js';

export const overviewRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (
  plugin,
  { db },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/overview',
    {
      schema: {
        tags: ['overview'],
        summary:
          "The leader's overview: latest figures of your units, weakest ties, asymmetries, change, open development points and interventions (a director: across all units)",
        response: { 200: overviewSchema },
      },
    },
    async (request) => leaderOverview(db, requireUser(request)),
  );
};
