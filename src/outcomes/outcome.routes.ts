/** HTTP for outcomes: a course's events, the report, and the evaluation export (docs/outcomes.md). */
import type { FastifyPluginAsync } from 'fastify';
import { courseParams } from '../../contract/en-plan.schema.js';
import {
  courseOutcomesSchema,
  outcomeExportQuery,
  outcomeExportResponse,
  outcomeInput,
  outcomeParams,
  outcomeReportSchema,
} from '../../contract/outcomes.schema.js';
import { userRoutes } from '../kernel/route.js';
import * as service from './outcome.service.js';

const tags = ['outcomes'];

export const outcomeRoutes: FastifyPluginAsync<{ deps: service.OutcomeDeps }> = async (
  plugin,
  { deps },
) => {
  const route = userRoutes(plugin, tags);

  route.get('/api/courses/:id/outcomes', {
    summary: "A course's outcome events with its start and end (audited)",
    params: courseParams,
    response: { 200: courseOutcomesSchema },
    handler: (user, { params }) => service.getCourseOutcomes(deps, user, params.id),
  });

  route.post('/api/courses/:id/outcomes', {
    summary: 'Record an outcome event (the course owners); answers the course outcomes',
    params: courseParams,
    body: outcomeInput,
    response: { 201: courseOutcomesSchema },
    handler: (user, { params, body }) => service.writeOutcome(deps, user, params.id, null, body),
  });

  route.put('/api/courses/:id/outcomes/:eventId', {
    summary: 'Change an outcome event (the course owners)',
    params: outcomeParams,
    body: outcomeInput,
    response: { 200: courseOutcomesSchema },
    handler: (user, { params, body }) =>
      service.writeOutcome(deps, user, params.id, params.eventId, body),
  });

  route.delete('/api/courses/:id/outcomes/:eventId', {
    summary: 'Delete an outcome event (the course owners)',
    params: outcomeParams,
    response: { 200: courseOutcomesSchema },
    handler: (user, { params }) =>
      service.writeOutcome(deps, user, params.id, params.eventId, null),
  });

  route.get('/api/outcomes/report', {
    summary: 'Outcomes per unit, arm and half-year under the minimum group rule (analysts)',
    response: { 200: outcomeReportSchema },
    handler: (user) => service.getReport(deps, user),
  });

  route.get('/api/outcomes/export', {
    summary:
      'The pseudonymised evaluation export, CSV or XLSX; CPR only with research consent (audited)',
    querystring: outcomeExportQuery,
    response: { 200: outcomeExportResponse },
    handler: async (user, { query }, reply) => {
      const file = await service.exportEvaluation(deps, user, query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });
};
