/** HTTP for the leader's overview. */
import { overviewSchema } from '../../contract/overview.schema.js';
import { leaderOverview } from './overview.service.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';

export const overviewRoutes = userPlugin(['overview'], ({ route }, { db }: DbOptions) => {
  route.get('/api/overview', {
    summary:
      "The leader's overview: latest figures of your units, weakest ties, asymmetries, change, open development points and interventions (a director: across all units)",
    response: { 200: overviewSchema },
    handler: (user) => leaderOverview(db, user),
  });
});
