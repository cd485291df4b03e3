/** HTTP for the benchmark of a measurement against other municipalities. */
import { measurementBenchmark } from './benchmark.service.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';
import { benchmarkApi } from '../../contract/benchmark.api.js';

export const benchmarkRoutes = userPlugin(['analysis'], ({ route }, { db }: DbOptions) => {
  route(benchmarkApi.measurementBenchmark, (user, { params }) =>
    measurementBenchmark(db, user, params.id),
  );
});
