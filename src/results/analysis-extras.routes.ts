/** HTTP for the extra comparisons of a measurement's analysis. */
import { measurementParams } from '../../contract/measurements.schema.js';
import { analysisExtrasSchema } from '../../contract/results.schema.js';
import { analysisExtras } from './analysis-extras.service.js';
import { plainJson } from './plain-json.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';

export const analysisExtrasRoutes = userPlugin(['analysis'], ({ route }, { db }: DbOptions) => {
  route.get('/api/measurements/:id/analysis/extras', {
    ...plainJson,
    summary:
      'Myndighed against udfører, senders against receivers (by respondent and by tie) and the leadership scatter, per wave; suppressed values are null. Scatter points only for analysis owners of closed measurements.',
    params: measurementParams,
    response: { 200: analysisExtrasSchema },
    handler: (user, { params }) => analysisExtras(db, user, params.id),
  });
});
