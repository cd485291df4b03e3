/** HTTP for the citizen's one plan: read, save a version, history, compare, export. */
import type { CourseDeps } from '../courses/course-deps.js';
import { sendDownload } from '../kernel/download.js';
import { userPlugin } from '../kernel/route.js';
import { plansApi } from '../../contract/plans.api.js';
import * as service from './plan.service.js';

const tags = ['plans'];

export const planRoutes = userPlugin(tags, ({ course }, { deps }: { deps: CourseDeps }) => {
  course(plansApi.getPlan, (user, id) => service.getPlan(deps, user, id));

  course(plansApi.savePlan, (user, id, { body }) => service.savePlan(deps, user, id, body));

  course(plansApi.listVersions, async (user, id) => ({
    versions: await service.listVersions(deps, user, id),
  }));

  course(plansApi.getVersion, (user, id, { params }) =>
    service.getVersion(deps, user, id, params.version),
  );

  course(plansApi.compareVersions, (user, id, { query }) =>
    service.compareVersions(deps, user, id, query.from, query.to),
  );

  course(plansApi.exportPlan, async (user, id, { query }, reply) =>
    sendDownload(reply, await service.exportPlan(deps, user, id, query)),
  );
});
