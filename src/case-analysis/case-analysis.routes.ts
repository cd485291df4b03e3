/** HTTP for case-level relational capacity: a course's case measurements and the analysis across courses. */
import * as service from './case-analysis.service.js';
import { userPlugin } from '../kernel/route.js';
import { caseAnalysisApi } from '../../contract/case-analysis.api.js';

const tags = ['case analysis'];

export const caseAnalysisRoutes = userPlugin(
  tags,
  ({ route, course }, { deps }: { deps: service.CaseDeps }) => {
    course(caseAnalysisApi.getCaseAnalysis, (user, id) => service.getCaseAnalysis(deps, user, id));

    course(caseAnalysisApi.startCaseMeasurement, (user, id, { body }) =>
      service.startCaseMeasurement(deps, user, id, body),
    );

    course(caseAnalysisApi.closeCaseMeasurement, (user, id, { params }) =>
      service.closeCaseMeasurement(deps, user, id, params.measurementId),
    );

    course(caseAnalysisApi.setArm, (user, id, { body }) =>
      service.setArm(deps, user, id, body.arm),
    );

    route(caseAnalysisApi.caseLevelAnalysis, (user) => service.caseLevelAnalysis(deps, user));
  },
);
