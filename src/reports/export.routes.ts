/** HTTP for downloading a measurement's analysis as CSV, XLSX, GraphML or GEXF. */
import { exportFileResponse, exportParams, exportQuery } from '../../contract/reports.schema.js';
import { exportAnalysis } from './export.service.js';
import { sendDownload } from '../kernel/download.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';

export const exportRoutes = userPlugin(['analysis'], ({ route }, { db }: DbOptions) => {
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
});
