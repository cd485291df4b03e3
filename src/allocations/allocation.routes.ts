/** HTTP for the intervention study on citizens' cases: random allocation, its verification and comparison, and a course's case intervention. */
import {
  allocationInput,
  allocationListSchema,
  allocationParams,
  allocationPeriodQuery,
  allocationSchema,
  allocationVerifySchema,
  courseCaseInterventionSchema,
  eligibleSchema,
} from '../../contract/allocations.schema.js';
import { userPlugin } from '../kernel/route.js';
import * as service from './allocation.service.js';

const tags = ['allocations'];

export const allocationRoutes = userPlugin(
  tags,
  ({ route, course }, { deps }: { deps: service.AllocationDeps }) => {
    route.get('/api/allocations', {
      summary: 'Random allocations of courses to intervention or control, newest first',
      response: { 200: allocationListSchema },
      handler: (user) => service.listAllocations(deps, user),
    });

    route.get('/api/allocations/eligible', {
      summary:
        "The period's eligible courses: open, complex, started in the period, not yet allocated",
      querystring: allocationPeriodQuery,
      response: { 200: eligibleSchema },
      handler: (user, { query }) => service.listEligible(deps, user, query),
    });

    route.post('/api/allocations', {
      summary:
        "Allocate the period's eligible courses at random, half to intervention, with a recorded seed (cannot be edited afterwards)",
      body: allocationInput,
      response: { 201: allocationSchema },
      handler: (user, { body }) => service.runAllocation(deps, user, body),
    });

    route.get('/api/allocations/:id', {
      summary: "One allocation: its courses' arms and the case-level comparison of the arms",
      params: allocationParams,
      response: { 200: allocationSchema },
      handler: (user, { params }) => service.getAllocation(deps, user, params.id),
    });

    route.get('/api/allocations/:id/verify', {
      summary: 'Re-derive the arms from the recorded seed and courses and compare with the record',
      params: allocationParams,
      response: { 200: allocationVerifySchema },
      handler: (user, { params }) => service.verifyAllocation(deps, user, params.id),
    });

    course.get('/case-intervention', {
      summary: "The course's arm, its allocation and its case leadership intervention",
      response: { 200: courseCaseInterventionSchema },
      handler: (user, id) => service.getCourseCaseIntervention(deps, user, id),
    });
  },
);
