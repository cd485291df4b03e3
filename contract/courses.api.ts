/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/courses/course.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import {
  accessRequestQuery,
  accessRequestResponse,
  citizenLookupQuery,
  citizenLookupSchema,
  coCoordinatorParams,
  coordinationChangeSchema,
  coordinatorInput,
  courseAuditSchema,
  courseChangeInput,
  courseDeleteInput,
  courseListQuery,
  courseListSchema,
  courseViewSchema,
  leadChangeInput,
  memberInput,
  memberSchema,
  newCourseInput,
  newPartyInput,
  partyChangeInput,
  partyParams,
  partySchema,
} from './courses.schema.js';
import { courseParams, noContent } from './en-plan.schema.js';
import { closeCourseBody } from './progression.schema.js';

export const coursesApi = operations({
  listCourses: {
    method: 'GET',
    path: '/api/courses',
    summary: 'The courses I may see, each shaped by my access',
    querystring: courseListQuery,
    response: { 200: courseListSchema },
  },
  createCourse: {
    method: 'POST',
    path: '/api/courses',
    summary: 'Open a course for a citizen (and family)',
    body: newCourseInput,
    response: { 201: courseViewSchema },
  },
  getCourse: {
    method: 'GET',
    path: '/api/courses/:id',
    summary: 'One course, shaped by my access (full, consent or minimal)',
    params: courseParams,
    response: { 200: courseViewSchema },
  },
  updateCourse: {
    method: 'PATCH',
    path: '/api/courses/:id',
    summary: "Change target group, start date, coordinator or the citizen's contact details",
    params: courseParams,
    body: courseChangeInput,
    response: { 200: courseViewSchema },
  },
  addCoCoordinator: {
    method: 'POST',
    path: '/api/courses/:id/coordinators',
    summary:
      'Add a co-coordinator beside the lead (a makker, a cross-sector team); the network is told',
    params: courseParams,
    body: coordinatorInput,
    response: { 201: coordinationChangeSchema },
  },
  removeCoCoordinator: {
    method: 'DELETE',
    path: '/api/courses/:id/coordinators/:personId',
    summary: 'Remove a co-coordinator (409 for the lead); the network is told',
    params: coCoordinatorParams,
    response: { 200: coordinationChangeSchema },
  },
  changeLead: {
    method: 'PUT',
    path: '/api/courses/:id/coordinators/lead',
    summary:
      'Hand the lead to another person, optionally keeping the previous lead as co-coordinator; the network is told',
    params: courseParams,
    body: leadChangeInput,
    response: { 200: coordinationChangeSchema },
  },
  addMember: {
    method: 'POST',
    path: '/api/courses/:id/members',
    summary: 'Add a family member to a family course',
    params: courseParams,
    body: memberInput,
    response: { 201: memberSchema },
  },
  addParty: {
    method: 'POST',
    path: '/api/courses/:id/parties',
    summary: 'Add a unit, professional or outside actor to the network',
    params: courseParams,
    body: newPartyInput,
    response: { 201: partySchema },
  },
  updateParty: {
    method: 'PATCH',
    path: '/api/courses/:id/parties/:partyId',
    summary: "Change a party's contact details, task or response time",
    params: partyParams,
    body: partyChangeInput,
    response: { 200: partySchema },
  },
  removeParty: {
    method: 'DELETE',
    path: '/api/courses/:id/parties/:partyId',
    summary: 'Remove a party (409 while an action or a consent refers to it)',
    params: partyParams,
    response: { 204: noContent },
  },
  closeCourse: {
    method: 'POST',
    path: '/api/courses/:id/close',
    summary:
      "Close the course; with `closing`, record the citizen's experience and education/employment status in the same transaction",
    params: courseParams,
    body: closeCourseBody,
    response: { 200: courseViewSchema },
  },
  deleteCourse: {
    method: 'DELETE',
    path: '/api/courses/:id',
    summary:
      'Delete a closed course and all its citizen data; the audit log keeps its entries for the retention period',
    params: courseParams,
    body: courseDeleteInput,
    response: { 204: noContent },
  },
  accessRequest: {
    method: 'GET',
    path: '/api/courses/:id/access-request',
    summary:
      "A member's access request (indsigt): their complete data and who looked when, as JSON or PDF",
    params: courseParams,
    querystring: accessRequestQuery,
    response: { 200: accessRequestResponse },
  },
  courseAudit: {
    method: 'GET',
    path: '/api/courses/:id/audit',
    summary: "Who read or changed the course's data, when (full access)",
    params: courseParams,
    response: { 200: courseAuditSchema },
  },
  lookupCitizen: {
    method: 'GET',
    path: '/api/citizens/lookup',
    summary: "Find a citizen's courses by CPR number (exact match; audited)",
    querystring: citizenLookupQuery,
    response: { 200: citizenLookupSchema },
  },
});
