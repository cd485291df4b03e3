/** HTTP for outcomes: a course's events, the report, and the evaluation export (docs/outcomes.md). */
import {
  courseOutcomesSchema,
  outcomeExportQuery,
  outcomeExportResponse,
  outcomeInput,
  outcomeParams,
  outcomeReportSchema,
} from '../../contract/outcomes.schema.js';
import { sendDownload } from '../kernel/download.js';
import { userPlugin } from '../kernel/route.js';
import * as service from './outcome.service.js';

const tags = ['outcomes'];

export const outcomeRoutes = userPlugin(
  tags,
  ({ route, course }, { deps }: { deps: service.OutcomeDeps }) => {
    course.get('/outcomes', {
      summary: "A course's outcome events with its start and end (audited)",
      response: { 200: courseOutcomesSchema },
      handler: (user, id) => service.getCourseOutcomes(deps, user, id),
    });

    course.post('/outcomes', {
      summary: 'Record an outcome event (the course owners); answers the course outcomes',
      body: outcomeInput,
      response: { 201: courseOutcomesSchema },
      handler: (user, id, { body }) => service.writeOutcome(deps, user, id, null, body),
    });

    course.put('/outcomes/:eventId', {
      summary: 'Change an outcome event (the course owners)',
      params: outcomeParams,
      body: outcomeInput,
      response: { 200: courseOutcomesSchema },
      handler: (user, id, { params, body }) =>
        service.writeOutcome(deps, user, id, params.eventId, body),
    });

    course.delete('/outcomes/:eventId', {
      summary: 'Delete an outcome event (the course owners)',
      params: outcomeParams,
      response: { 200: courseOutcomesSchema },
      handler: (user, id, { params }) => service.writeOutcome(deps, user, id, params.eventId, null),
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
      handler: async (user, { query }, reply) =>
        sendDownload(reply, await service.exportEvaluation(deps, user, query)),
    });
  },
);
