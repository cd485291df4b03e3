/** HTTP for the citizen's one plan: read, save a version, history, compare, export. */
import type { FastifyPluginAsync } from 'fastify';
import { courseParams } from '../../contract/en-plan.schema.js';
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
import * as service from './plan.service.js';
import { userRoutes } from '../kernel/route.js';

const tags = ['plans'];

export const planRoutes: FastifyPluginAsync<{ deps: CourseDeps }> = async (plugin, { deps }) => {
  const route = userRoutes(plugin, tags);

  route.get('/api/courses/:id/plan', {
    summary: 'The latest version of the plan (parts filtered by my access)',
    params: courseParams,
    response: { 200: planVersionSchema },
    handler: (user, { params }) => service.getPlan(deps, user, params.id),
  });

  route.put('/api/courses/:id/plan', {
    summary:
      'Save a new version based on baseVersion; 409 with details.currentVersion when it is not the latest',
    params: courseParams,
    body: planSaveInput,
    response: { 200: planSavedSchema },
    handler: (user, { params, body }) => service.savePlan(deps, user, params.id, body),
  });

  route.get('/api/courses/:id/plan/versions', {
    summary: 'Every version of the plan: who changed it, when, with whom',
    params: courseParams,
    response: { 200: planVersionListSchema },
    handler: async (user, { params }) => ({
      versions: await service.listVersions(deps, user, params.id),
    }),
  });

  route.get('/api/courses/:id/plan/versions/:version', {
    summary: 'One version of the plan',
    params: planVersionParams,
    response: { 200: planVersionSchema },
    handler: (user, { params }) => service.getVersion(deps, user, params.id, params.version),
  });

  route.get('/api/courses/:id/plan/compare', {
    summary: 'The changes between two versions',
    params: courseParams,
    querystring: planCompareQuery,
    response: { 200: planComparisonSchema },
    handler: (user, { params, query }) =>
      service.compareVersions(deps, user, params.id, query.from, query.to),
  });

  route.get('/api/courses/:id/plan/export', {
    summary: "The plan as PDF or text for the citizen, or one law area's actions",
    params: courseParams,
    querystring: planExportQuery,
    response: { 200: planExportResponse },
    handler: async (user, { params, query }, reply) => {
      const file = await service.exportPlan(deps, user, params.id, query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });
};
