/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/reports/export.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import { exportFileResponse, exportParams, exportQuery } from './reports.schema.js';

export const exportApi = operations({
  exportAnalysis: {
    method: 'GET',
    path: '/api/measurements/:id/export/:format',
    summary:
      'Download the analysis: pdf (report, ?lang=da|en), csv (one table, ?table=relationer|enheder|…), xlsx (every table), graphml or gexf (one wave, ?wave=)',
    params: exportParams,
    querystring: exportQuery,
    response: { 200: exportFileResponse },
  },
});
