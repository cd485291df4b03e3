/** HTTP for the intervention study on citizens' cases: random allocation, its verification and comparison, and a course's case intervention. */
import { userPlugin } from '../kernel/route.js';
import { allocationsApi } from '../../contract/allocations.api.js';
import * as service from './allocation.service.js';

const tags = ['allocations'];

export const allocationRoutes = userPlugin(
  tags,
  ({ route, course }, { deps }: { deps: service.AllocationDeps }) => {
    route(allocationsApi.listAllocations, (user) => service.listAllocations(deps, user));

    route(allocationsApi.listEligible, (user, { query }) =>
      service.listEligible(deps, user, query),
    );

    route(allocationsApi.runAllocation, (user, { body }) =>
      service.runAllocation(deps, user, body),
    );

    route(allocationsApi.getAllocation, (user, { params }) =>
      service.getAllocation(deps, user, params.id),
    );

    route(allocationsApi.verifyAllocation, (user, { params }) =>
      service.verifyAllocation(deps, user, params.id),
    );

    course(allocationsApi.getCourseCaseIntervention, (user, id) =>
      service.getCourseCaseIntervention(deps, user, id),
    );
  },
);
