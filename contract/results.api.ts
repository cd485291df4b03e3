/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/results/results.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import { measurementParams } from './measurements.schema.js';
import { analysisQuery, measurementAnalysisSchema } from './results.schema.js';

export const resultsApi = operations({
  analyseMeasurement: {
    method: 'GET',
    path: '/api/measurements/:id/analysis',
    summary:
      'The analysis (ANALYSIS.md format) of a measurement and the wave before it; suppressed values are null. ?role=leder|medarbejder gives the map figures of one role, guarded against subtraction.',
    params: measurementParams,
    querystring: analysisQuery,
    response: { 200: measurementAnalysisSchema },
  },
});
