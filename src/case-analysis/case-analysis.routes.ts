/** HTTP for case-level relational capacity: a course's case measurements and the analysis across courses. */
import {
  caseAnalysisSchema,
  caseArmBody,
  caseLevelSchema,
  caseMeasurementParams,
  startCaseBody,
} from '../../contract/case-analysis.schema.js';
import * as service from './case-analysis.service.js';
import { userPlugin } from '../kernel/route.js';

const tags = ['case analysis'];

export const caseAnalysisRoutes = userPlugin(
  tags,
  ({ route, course }, { deps }: { deps: service.CaseDeps }) => {
    course.get('/case-analysis', {
      summary:
        "The course's case measurements: status, anonymity-guarded response count and, when closed, the group result",
      response: { 200: caseAnalysisSchema },
      handler: (user, id) => service.getCaseAnalysis(deps, user, id),
    });

    course.post('/case-analysis', {
      summary:
        "Start a case measurement among the course's network (coordinator or a leader of a unit in the network)",
      body: startCaseBody,
      response: { 201: caseAnalysisSchema },
      handler: (user, id, { body }) => service.startCaseMeasurement(deps, user, id, body),
    });

    course.post('/case-analysis/:measurementId/close', {
      summary: "Close the course's case measurement",
      params: caseMeasurementParams,
      response: { 200: caseAnalysisSchema },
      handler: (user, id, { params }) =>
        service.closeCaseMeasurement(deps, user, id, params.measurementId),
    });

    course.put('/case-analysis/arm', {
      summary: 'Tag the course intervention or control (null: neither)',
      body: caseArmBody,
      response: { 200: caseAnalysisSchema },
      handler: (user, id, { body }) => service.setArm(deps, user, id, body.arm),
    });

    route.get('/api/case-analysis', {
      summary:
        'Case RK against the citizen score and the number of units across courses, and intervention against control (analysis owners)',
      response: { 200: caseLevelSchema },
      handler: (user) => service.caseLevelAnalysis(deps, user),
    });
  },
);
