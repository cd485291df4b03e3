/** HTTP for the citizen's one plan: read, save a version, history, compare, export. */
import {
  planCompareQuery,
  planComparisonSchema,
  planExportQuery,
  planExportResponse,
  planSavedSchema,
  planSaveInput,
  planVersionListSchema,
  planVersionParams,
  planVersionSchema,
} from '../../contract/plans.schema.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { sendDownload } from '../kernel/download.js';
import { userPlugin } from '../kernel/route.js';
import * as service from './plan.service.js';

const tags = ['plans'];

export const planRoutes = userPlugin(tags, ({ course }, { deps }: { deps: CourseDeps }) => {
  course.get('/plan', {
    summary: 'The latest version of the plan (parts filtered by my access)',
    response: { 200: planVersionSchema },
    handler: (user, id) => service.getPlan(deps, user, id),
  });

  course.put('/plan', {
    summary:
      'Save a new version based on baseVersion; 409 with details.currentVersion when it is not the latest',
    body: planSaveInput,
    response: { 200: planSavedSchema },
    handler: (user, id, { body }) => service.savePlan(deps, user, id, body),
  });

  course.get('/plan/versions', {
    summary: 'Every version of the plan: who changed it, when, with whom',
    response: { 200: planVersionListSchema },
    handler: async (user, id) => ({ versions: await service.listVersions(deps, user, id) }),
  });

  course.get('/plan/versions/:version', {
    summary: 'One version of the plan',
    params: planVersionParams,
    response: { 200: planVersionSchema },
    handler: (user, id, { params }) => service.getVersion(deps, user, id, params.version),
  });

  course.get('/plan/compare', {
    summary: 'The changes between two versions',
    querystring: planCompareQuery,
    response: { 200: planComparisonSchema },
    handler: (user, id, { query }) => service.compareVersions(deps, user, id, query.from, query.to),
  });

  course.get('/plan/export', {
    summary: "The plan as PDF or text for the citizen, or one law area's actions",
    querystring: planExportQuery,
    response: { 200: planExportResponse },
    handler: async (user, id, { query }, reply) =>
      sendDownload(reply, await service.exportPlan(deps, user, id, query)),
  });
});
