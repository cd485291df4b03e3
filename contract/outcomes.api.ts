/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/outcomes/outcome.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import { courseParams } from './en-plan.schema.js';
import {
  courseOutcomesSchema,
  outcomeExportQuery,
  outcomeExportResponse,
  outcomeInput,
  outcomeParams,
  outcomeReportSchema,
} from './outcomes.schema.js';

export const outcomesApi = operations({
  getCourseOutcomes: {
    method: 'GET',
    path: '/api/courses/:id/outcomes',
    summary: "A course's outcome events with its start and end (audited)",
    params: courseParams,
    response: { 200: courseOutcomesSchema },
  },
  recordOutcome: {
    method: 'POST',
    path: '/api/courses/:id/outcomes',
    summary: 'Record an outcome event (the course owners); answers the course outcomes',
    params: courseParams,
    body: outcomeInput,
    response: { 201: courseOutcomesSchema },
  },
  changeOutcome: {
    method: 'PUT',
    path: '/api/courses/:id/outcomes/:eventId',
    summary: 'Change an outcome event (the course owners)',
    params: outcomeParams,
    body: outcomeInput,
    response: { 200: courseOutcomesSchema },
  },
  removeOutcome: {
    method: 'DELETE',
    path: '/api/courses/:id/outcomes/:eventId',
    summary: 'Delete an outcome event (the course owners)',
    params: outcomeParams,
    response: { 200: courseOutcomesSchema },
  },
  getReport: {
    method: 'GET',
    path: '/api/outcomes/report',
    summary: 'Outcomes per unit, arm and half-year under the minimum group rule (analysts)',
    response: { 200: outcomeReportSchema },
  },
  exportEvaluation: {
    method: 'GET',
    path: '/api/outcomes/export',
    summary:
      'The pseudonymised evaluation export, CSV or XLSX; CPR only with research consent (audited)',
    querystring: outcomeExportQuery,
    response: { 200: outcomeExportResponse },
  },
});
