/** HTTP for downloading a measurement's analysis as CSV, XLSX, GraphML or GEXF. */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { exportFileResponse, exportParams, exportQuery } from '../../contract/reports.schema.js';
import type { Database } from '../db/schema.js';
import { exportAnalysis } from './export.service.js';
import { sendDownload } from '../kernel/download.js';
import { userRoutes } from '../kernel/route.js';

export const exportRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (
  plugin,
  { db },
) => {
  const route = userRoutes(plugin, ['analysis']);
  route.get('/api/measurements/:id/export/:format', {
    summary:
      'Download the analysis: pdf (report, ?lang=da|en), csv (one table, ?table=relationer|enheder|…), xlsx (every table), graphml or gexf (one wave, ?wave=)',
    params: exportParams,
    querystring: exportQuery,
    response: { 200: exportFileResponse },
    handler: async (user, { params, query }, reply) => {
      const file = await exportAnalysis(db, user, params.id, params.format, query);
      return sendDownload(reply, file);
    },
  });
};
