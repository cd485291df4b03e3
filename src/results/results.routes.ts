/** HTTP for the analysis of a measurement. */
import { analysisQuery, measurementAnalysisSchema } from '../../contract/results.schema.js';
import { measurementParams } from '../../contract/measurements.schema.js';
import { plainJson } from './plain-json.js';
import { analyseMeasurement } from './results.service.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';

export const resultsRoutes = userPlugin(['analysis'], ({ route }, { db }: DbOptions) => {
  route.get('/api/measurements/:id/analysis', {
    ...plainJson,
    summary:
      'The analysis (ANALYSIS.md format) of a measurement and the wave before it; suppressed values are null. ?role=leder|medarbejder gives the map figures of one role, guarded against subtraction.',
    params: measurementParams,
    querystring: analysisQuery,
    response: { 200: measurementAnalysisSchema },
    handler: (user, { params, query }) => analyseMeasurement(db, user, params.id, query),
  });
});
