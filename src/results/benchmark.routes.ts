/** HTTP for the benchmark of a measurement against other municipalities. */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { measurementParams } from '../../contract/measurements.schema.js';
import { benchmarkSchema } from '../../contract/results.schema.js';
import type { Database } from '../db/schema.js';
import { measurementBenchmark } from './benchmark.service.js';
import { userRoutes } from '../kernel/route.js';

export const benchmarkRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (
  plugin,
  { db },
) => {
  const route = userRoutes(plugin, ['analysis']);
  route.get('/api/measurements/:id/benchmark', {
    summary:
      "A closed measurement's network score, dimension means and share of low ties beside the anonymous aggregate of at least 3 other consenting municipalities' closed measurements of the same focal kind; otherwise `withheld` says why.",
    params: measurementParams,
    response: { 200: benchmarkSchema },
    handler: (user, { params }) => measurementBenchmark(db, user, params.id),
  });
};
