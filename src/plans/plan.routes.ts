/** HTTP for the citizen's one plan: read, save a version, history, compare, export. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CourseDeps } from '../courses/course-deps.js';
import { courseParams, freeText } from '../courses/course-schemas.js';
import { requireUser } from '../server/request-context.js';
import { LAWS, planSchema } from './plan.js';
import * as service from './plan.service.js';

const tags = ['plans'];
const versionMeta = z.object({
  version: z.number(),
  changedAt: z.string(),
  changedBy: z.string(),
  participants: z.array(z.string()),
  note: z.string().nullable(),
});
const versionSchema = versionMeta.extend({ plan: planSchema });
const changeSchema = z.object({
  kind: z.enum(['added', 'removed', 'changed']),
  memberId: z.string(),
  path: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const planRoutes: FastifyPluginAsync<{ deps: CourseDeps }> = async (plugin, { deps }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/courses/:id/plan',
    {
      schema: {
        tags,
        summary: 'The latest version of the plan (parts filtered by my access)',
        params: courseParams,
        response: { 200: versionSchema },
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
        body: z.object({
          baseVersion: z.number().int().min(0),
          plan: planSchema,
          participants: z.array(freeText(200)).max(50).default([]),
          note: freeText(2000).optional(),
        }),
        response: { 200: z.object({ version: z.number(), notified: z.number() }) },
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
        response: { 200: z.object({ versions: z.array(versionMeta) }) },
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
        params: courseParams.extend({ version: z.coerce.number().int().min(1) }),
        response: { 200: versionSchema },
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
        querystring: z.object({
          from: z.coerce.number().int().min(1),
          to: z.coerce.number().int().min(1),
        }),
        response: {
          200: z.object({ from: z.number(), to: z.number(), changes: z.array(changeSchema) }),
        },
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
        querystring: z.object({
          format: z.enum(['pdf', 'text']).default('pdf'),
          law: z.enum(LAWS).optional(),
          member: z.uuid().optional(),
        }),
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
