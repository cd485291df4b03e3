/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/results/benchmark.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import { measurementParams } from './measurements.schema.js';
import { benchmarkSchema } from './results.schema.js';

export const benchmarkApi = operations({
  measurementBenchmark: {
    method: 'GET',
    path: '/api/measurements/:id/benchmark',
    summary:
      "A closed measurement's network score, dimension means and share of low ties beside the anonymous aggregate of at least 3 other consenting municipalities' closed measurements of the same focal kind; otherwise `withheld` says why.",
    params: measurementParams,
    response: { 200: benchmarkSchema },
  },
});
