/** HTTP for the extra comparisons of a measurement's analysis. */
import { plainJson } from './plain-json.js';
import { analysisExtras } from './analysis-extras.service.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';
import { analysisExtrasApi } from '../../contract/analysis-extras.api.js';

export const analysisExtrasRoutes = userPlugin(['analysis'], ({ route }, { db }: DbOptions) => {
  route(
    analysisExtrasApi.analysisExtras,
    (user, { params }) => analysisExtras(db, user, params.id),
    { ...plainJson },
  );
});
