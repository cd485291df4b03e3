/** HTTP for the benchmark of a measurement against other municipalities. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { measurementParams } from '../../contract/measurements.schema.js';
import { benchmarkSchema } from '../../contract/results.schema.js';
import type { Database } from '../db/schema.js';
import { requireUser } from '../kernel/request-context.js';
import { measurementBenchmark } from './benchmark.service.js';

export const benchmarkRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (
  plugin,
  { db },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/measurements/:id/benchmark',
    {
      schema: {
        tags: ['analysis'],
        summary:
          "A closed measurement's network score, dimension means and share of low ties beside the anonymous aggregate of at least 3 other consenting municipalities' closed measurements of the same focal kind; otherwise `withheld` says why.",
        params: measurementParams,
        response: { 200: benchmarkSchema },
      },
    },
    async (request) => measurementBenchmark(db, requireUser(request), request.params.id),
  );
};
