/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/plans/plan.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import { courseParams } from './en-plan.schema.js';
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
} from './plans.schema.js';

export const plansApi = operations({
  getPlan: {
    method: 'GET',
    path: '/api/courses/:id/plan',
    summary: 'The latest version of the plan (parts filtered by my access)',
    params: courseParams,
    response: { 200: planVersionSchema },
  },
  savePlan: {
    method: 'PUT',
    path: '/api/courses/:id/plan',
    summary:
      'Save a new version based on baseVersion; 409 with details.currentVersion when it is not the latest',
    params: courseParams,
    body: planSaveInput,
    response: { 200: planSavedSchema },
  },
  listVersions: {
    method: 'GET',
    path: '/api/courses/:id/plan/versions',
    summary: 'Every version of the plan: who changed it, when, with whom',
    params: courseParams,
    response: { 200: planVersionListSchema },
  },
  getVersion: {
    method: 'GET',
    path: '/api/courses/:id/plan/versions/:version',
    summary: 'One version of the plan',
    params: planVersionParams,
    response: { 200: planVersionSchema },
  },
  compareVersions: {
    method: 'GET',
    path: '/api/courses/:id/plan/compare',
    summary: 'The changes between two versions',
    params: courseParams,
    querystring: planCompareQuery,
    response: { 200: planComparisonSchema },
  },
  exportPlan: {
    method: 'GET',
    path: '/api/courses/:id/plan/export',
    summary: "The plan as PDF or text for the citizen, or one law area's actions",
    params: courseParams,
    querystring: planExportQuery,
    response: { 200: planExportResponse },
  },
});
