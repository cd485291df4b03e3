/** HTTP for the leader's overview. */
import { leaderOverview } from './overview.service.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';
import { overviewApi } from '../../contract/overview.api.js';

export const overviewRoutes = userPlugin(['overview'], ({ route }, { db }: DbOptions) => {
  route(overviewApi.leaderOverview, (user) => leaderOverview(db, user));
});
