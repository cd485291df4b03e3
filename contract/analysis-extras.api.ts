/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/results/analysis-extras.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import { measurementParams } from './measurements.schema.js';
import { analysisExtrasSchema } from './results.schema.js';

export const analysisExtrasApi = operations({
  analysisExtras: {
    method: 'GET',
    path: '/api/measurements/:id/analysis/extras',
    summary:
      'Myndighed against udfører, senders against receivers (by respondent and by tie) and the leadership scatter, per wave; suppressed values are null. Scatter points only for analysis owners of closed measurements.',
    params: measurementParams,
    response: { 200: analysisExtrasSchema },
  },
});
