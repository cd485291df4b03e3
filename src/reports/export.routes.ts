/** HTTP for downloading a measurement's analysis as CSV, XLSX, GraphML or GEXF. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { exportFileResponse, exportParams, exportQuery } from '../../contract/reports.schema.js';
import type { Database } from '../db/schema.js';
import { requireUser } from '../kernel/request-context.js';
import { exportAnalysis } from './export.service.js';

export const exportRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (
  plugin,
  { db },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/measurements/:id/export/:format',
    {
      schema: {
        tags: ['analysis'],
        summary:
          'Download the analysis: pdf (report, ?lang=da|en), csv (one table, ?table=relationer|enheder|…), xlsx (every table), graphml or gexf (one wave, ?wave=)',
        params: exportParams,
        querystring: exportQuery,
        response: { 200: exportFileResponse },
      },
    },
    async (request, reply) => {
      const file = await exportAnalysis(
        db,
        requireUser(request),
        request.params.id,
        request.params.format,
        request.query,
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
};
