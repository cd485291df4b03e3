/** HTTP for the leader's overview. */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { overviewSchema } from '../../contract/overview.schema.js';
import type { Database } from '../db/schema.js';
import { leaderOverview } from './overview.service.js';
import { userRoutes } from '../kernel/route.js';

export const overviewRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (
  plugin,
  { db },
) => {
  const route = userRoutes(plugin, ['overview']);
  route.get('/api/overview', {
    summary:
      "The leader's overview: latest figures of your units, weakest ties, asymmetries, change, open development points and interventions (a director: across all units)",
    response: { 200: overviewSchema },
    handler: (user) => leaderOverview(db, user),
  });
};
