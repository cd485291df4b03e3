/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/allocations/allocation.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import {
  allocationInput,
  allocationListSchema,
  allocationParams,
  allocationPeriodQuery,
  allocationSchema,
  allocationVerifySchema,
  courseCaseInterventionSchema,
  eligibleSchema,
} from './allocations.schema.js';
import { courseParams } from './en-plan.schema.js';

export const allocationsApi = operations({
  listAllocations: {
    method: 'GET',
    path: '/api/allocations',
    summary: 'Random allocations of courses to intervention or control, newest first',
    response: { 200: allocationListSchema },
  },
  listEligible: {
    method: 'GET',
    path: '/api/allocations/eligible',
    summary:
      "The period's eligible courses: open, complex, started in the period, not yet allocated",
    querystring: allocationPeriodQuery,
    response: { 200: eligibleSchema },
  },
  runAllocation: {
    method: 'POST',
    path: '/api/allocations',
    summary:
      "Allocate the period's eligible courses at random, half to intervention, with a recorded seed (cannot be edited afterwards)",
    body: allocationInput,
    response: { 201: allocationSchema },
  },
  getAllocation: {
    method: 'GET',
    path: '/api/allocations/:id',
    summary: "One allocation: its courses' arms and the case-level comparison of the arms",
    params: allocationParams,
    response: { 200: allocationSchema },
  },
  verifyAllocation: {
    method: 'GET',
    path: '/api/allocations/:id/verify',
    summary: 'Re-derive the arms from the recorded seed and courses and compare with the record',
    params: allocationParams,
    response: { 200: allocationVerifySchema },
  },
  getCourseCaseIntervention: {
    method: 'GET',
    path: '/api/courses/:id/case-intervention',
    summary: "The course's arm, its allocation and its case leadership intervention",
    params: courseParams,
    response: { 200: courseCaseInterventionSchema },
  },
});
