/** HTTP for the analysis of a measurement. */
import { plainJson } from './plain-json.js';
import { analyseMeasurement } from './results.service.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';
import { resultsApi } from '../../contract/results.api.js';

export const resultsRoutes = userPlugin(['analysis'], ({ route }, { db }: DbOptions) => {
  route(
    resultsApi.analyseMeasurement,
    (user, { params, query }) => analyseMeasurement(db, user, params.id, query),
    { ...plainJson },
  );
});
