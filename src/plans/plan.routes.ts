/** HTTP for the citizen's one plan: read, save a version, history, compare, export. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { requireUser } from '../kernel/request-context.js';
import * as service from './plan.service.js';

const tags = ['plans'];

export const planRoutes: FastifyPluginAsync<{ deps: CourseDeps }> = async (plugin, { deps }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/courses/:id/plan',
    {
      schema: {
        tags,
        summary: 'The latest version of the plan (parts filtered by my access)',
        params: courseParams,
        response: { 200: planVersionSchema },
      },
    },
    async (request) => service.getPlan(deps, requireUser(request), request.params.id),
  );

  app.put(
    '/api/courses/:id/plan',
    {
      schema: {
        tags,
        summary:
          'Save a new version based on baseVersion; 409 with details.currentVersion when it is not the latest',
        params: courseParams,
        body: planSaveInput,
        response: { 200: planSavedSchema },
      },
    },
    async (request) =>
      service.savePlan(deps, requireUser(request), request.params.id, request.body),
  );

  app.get(
    '/api/courses/:id/plan/versions',
    {
      schema: {
        tags,
        summary: 'Every version of the plan: who changed it, when, with whom',
        params: courseParams,
        response: { 200: planVersionListSchema },
      },
    },
    async (request) => ({
      versions: await service.listVersions(deps, requireUser(request), request.params.id),
    }),
  );

  app.get(
    '/api/courses/:id/plan/versions/:version',
    {
      schema: {
        tags,
        summary: 'One version of the plan',
        params: planVersionParams,
        response: { 200: planVersionSchema },
      },
    },
    async (request) =>
      service.getVersion(deps, requireUser(request), request.params.id, request.params.version),
  );

  app.get(
    '/api/courses/:id/plan/compare',
    {
      schema: {
        tags,
        summary: 'The changes between two versions',
        params: courseParams,
        querystring: planCompareQuery,
        response: { 200: planComparisonSchema },
      },
    },
    async (request) =>
      service.compareVersions(
        deps,
        requireUser(request),
        request.params.id,
        request.query.from,
        request.query.to,
      ),
  );

  app.get(
    '/api/courses/:id/plan/export',
    {
      schema: {
        tags,
        summary: "The plan as PDF or text for the citizen, or one law area's actions",
        params: courseParams,
        querystring: planExportQuery,
        response: { 200: planExportResponse },
      },
    },
    async (request, reply) => {
      const file = await service.exportPlan(
        deps,
        requireUser(request),
        request.params.id,
        request.query,
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
};
