/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/case-analysis/case-analysis.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import {
  caseAnalysisSchema,
  caseArmBody,
  caseLevelSchema,
  caseMeasurementParams,
  startCaseBody,
} from './case-analysis.schema.js';
import { courseParams } from './en-plan.schema.js';

export const caseAnalysisApi = operations({
  getCaseAnalysis: {
    method: 'GET',
    path: '/api/courses/:id/case-analysis',
    summary:
      "The course's case measurements: status, anonymity-guarded response count and, when closed, the group result",
    params: courseParams,
    response: { 200: caseAnalysisSchema },
  },
  startCaseMeasurement: {
    method: 'POST',
    path: '/api/courses/:id/case-analysis',
    summary:
      "Start a case measurement among the course's network (coordinator or a leader of a unit in the network)",
    params: courseParams,
    body: startCaseBody,
    response: { 201: caseAnalysisSchema },
  },
  closeCaseMeasurement: {
    method: 'POST',
    path: '/api/courses/:id/case-analysis/:measurementId/close',
    summary: "Close the course's case measurement",
    params: caseMeasurementParams,
    response: { 200: caseAnalysisSchema },
  },
  setArm: {
    method: 'PUT',
    path: '/api/courses/:id/case-analysis/arm',
    summary: 'Tag the course intervention or control (null: neither)',
    params: courseParams,
    body: caseArmBody,
    response: { 200: caseAnalysisSchema },
  },
  caseLevelAnalysis: {
    method: 'GET',
    path: '/api/case-analysis',
    summary:
      'Case RK against the citizen score and the number of units across courses, and intervention against control (analysis owners)',
    response: { 200: caseLevelSchema },
  },
});
