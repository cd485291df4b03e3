/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/overview/overview.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import { overviewSchema } from './overview.schema.js';

export const overviewApi = operations({
  leaderOverview: {
    method: 'GET',
    path: '/api/overview',
    summary:
      "The leader's overview: latest figures of your units, weakest ties, asymmetries, change, open development points and interventions (a director: across all units)",
    response: { 200: overviewSchema },
  },
});
