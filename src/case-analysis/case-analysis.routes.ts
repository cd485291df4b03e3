/** HTTP for case-level relational capacity: a course's case measurements and the analysis across courses. */
import type { FastifyPluginAsync } from 'fastify';
import {
  caseAnalysisSchema,
  caseArmBody,
  caseLevelSchema,
  caseMeasurementParams,
  startCaseBody,
} from '../../contract/case-analysis.schema.js';
import { courseParams } from '../../contract/en-plan.schema.js';
import * as service from './case-analysis.service.js';
import { userRoutes } from '../kernel/route.js';

const tags = ['case analysis'];

export const caseAnalysisRoutes: FastifyPluginAsync<{ deps: service.CaseDeps }> = async (
  plugin,
  { deps },
) => {
  const route = userRoutes(plugin, tags);

  route.get('/api/courses/:id/case-analysis', {
    summary:
      "The course's case measurements: status, anonymity-guarded response count and, when closed, the group result",
    params: courseParams,
    response: { 200: caseAnalysisSchema },
    handler: (user, { params }) => service.getCaseAnalysis(deps, user, params.id),
  });

  route.post('/api/courses/:id/case-analysis', {
    summary:
      "Start a case measurement among the course's network (coordinator or a leader of a unit in the network)",
    params: courseParams,
    body: startCaseBody,
    response: { 201: caseAnalysisSchema },
    handler: (user, { params, body }) => service.startCaseMeasurement(deps, user, params.id, body),
  });

  route.post('/api/courses/:id/case-analysis/:measurementId/close', {
    summary: "Close the course's case measurement",
    params: caseMeasurementParams,
    response: { 200: caseAnalysisSchema },
    handler: (user, { params }) =>
      service.closeCaseMeasurement(deps, user, params.id, params.measurementId),
  });

  route.put('/api/courses/:id/case-analysis/arm', {
    summary: 'Tag the course intervention or control (null: neither)',
    params: courseParams,
    body: caseArmBody,
    response: { 200: caseAnalysisSchema },
    handler: (user, { params, body }) => service.setArm(deps, user, params.id, body.arm),
  });

  route.get('/api/case-analysis', {
    summary:
      'Case RK against the citizen score and the number of units across courses, and intervention against control (analysis owners)',
    response: { 200: caseLevelSchema },
    handler: (user) => service.caseLevelAnalysis(deps, user),
  });
};
