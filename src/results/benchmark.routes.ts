/** HTTP for the benchmark of a measurement against other municipalities. */
import { measurementParams } from '../../contract/measurements.schema.js';
import { benchmarkSchema } from '../../contract/results.schema.js';
import { measurementBenchmark } from './benchmark.service.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';

export const benchmarkRoutes = userPlugin(['analysis'], ({ route }, { db }: DbOptions) => {
  route.get('/api/measurements/:id/benchmark', {
    summary:
      "A closed measurement's network score, dimension means and share of low ties beside the anonymous aggregate of at least 3 other consenting municipalities' closed measurements of the same focal kind; otherwise `withheld` says why.",
    params: measurementParams,
    response: { 200: benchmarkSchema },
    handler: (user, { params }) => measurementBenchmark(db, user, params.id),
  });
});
