/** HTTP for citizens' courses: the course, members, network, closing, deletion, access requests. */
import type { FastifyPluginAsync } from 'fastify';
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
} from '../../contract/courses.schema.js';
import { courseParams, noContent } from '../../contract/en-plan.schema.js';
import { userRoutes } from '../kernel/route.js';
import type { CourseDeps } from './course-deps.js';
import * as coordination from './course-coordination.service.js';
import * as privacy from './course-privacy.service.js';
import * as service from './course.service.js';
import { closeCourseBody } from '../../contract/progression.schema.js';
import { writeClosing } from '../progression/progression.service.js';

export const courseRoutes: FastifyPluginAsync<{ deps: CourseDeps }> = async (plugin, { deps }) => {
  const route = userRoutes(plugin, ['courses']);

  route.get('/api/courses', {
    summary: 'The courses I may see, each shaped by my access',
    querystring: courseListQuery,
    response: { 200: courseListSchema },
    handler: async (user, { query }) => ({
      courses: await service.listCourses(deps, user, query.status),
    }),
  });

  route.post('/api/courses', {
    summary: 'Open a course for a citizen (and family)',
    body: newCourseInput,
    response: { 201: courseViewSchema },
    handler: (user, { body }) => service.createCourse(deps, user, body),
  });

  route.get('/api/courses/:id', {
    summary: 'One course, shaped by my access (full, consent or minimal)',
    params: courseParams,
    response: { 200: courseViewSchema },
    handler: (user, { params }) => service.getCourse(deps, user, params.id),
  });

  route.patch('/api/courses/:id', {
    summary: "Change target group, start date, coordinator or the citizen's contact details",
    params: courseParams,
    body: courseChangeInput,
    response: { 200: courseViewSchema },
    handler: (user, { params, body }) => service.updateCourse(deps, user, params.id, body),
  });

  route.post('/api/courses/:id/coordinators', {
    summary:
      'Add a co-coordinator beside the lead (a makker, a cross-sector team); the network is told',
    params: courseParams,
    body: coordinatorInput,
    response: { 201: coordinationChangeSchema },
    handler: (user, { params, body }) => coordination.addCoCoordinator(deps, user, params.id, body),
  });

  route.delete('/api/courses/:id/coordinators/:personId', {
    summary: 'Remove a co-coordinator (409 for the lead); the network is told',
    params: coCoordinatorParams,
    response: { 200: coordinationChangeSchema },
    handler: (user, { params }) =>
      coordination.removeCoCoordinator(deps, user, params.id, params.personId),
  });

  route.put('/api/courses/:id/coordinators/lead', {
    summary:
      'Hand the lead to another person, optionally keeping the previous lead as co-coordinator; the network is told',
    params: courseParams,
    body: leadChangeInput,
    response: { 200: coordinationChangeSchema },
    handler: (user, { params, body }) => coordination.changeLead(deps, user, params.id, body),
  });

  route.post('/api/courses/:id/members', {
    summary: 'Add a family member to a family course',
    params: courseParams,
    body: memberInput,
    response: { 201: memberSchema },
    handler: (user, { params, body }) => service.addMember(deps, user, params.id, body),
  });

  route.post('/api/courses/:id/parties', {
    summary: 'Add a unit, professional or outside actor to the network',
    params: courseParams,
    body: newPartyInput,
    response: { 201: partySchema },
    handler: (user, { params, body }) => service.addParty(deps, user, params.id, body),
  });

  route.patch('/api/courses/:id/parties/:partyId', {
    summary: "Change a party's contact details, task or response time",
    params: partyParams,
    body: partyChangeInput,
    response: { 200: partySchema },
    handler: (user, { params, body }) =>
      service.updateParty(deps, user, params.id, params.partyId, body),
  });

  route.delete('/api/courses/:id/parties/:partyId', {
    summary: 'Remove a party (409 while an action or a consent refers to it)',
    params: partyParams,
    response: { 204: noContent },
    handler: (user, { params }) => service.removeParty(deps, user, params.id, params.partyId),
  });

  route.post('/api/courses/:id/close', {
    summary:
      "Close the course; with `closing`, record the citizen's experience and education/employment status in the same transaction",
    params: courseParams,
    body: closeCourseBody,
    response: { 200: courseViewSchema },
    handler: (user, { params, body }) => {
      const { closing } = body;
      return service.closeCourse(
        deps,
        user,
        params.id,
        closing && ((trx, context) => writeClosing(trx, context, closing)),
      );
    },
  });

  route.delete('/api/courses/:id', {
    summary:
      'Delete a closed course and all its citizen data; the audit log keeps its entries for the retention period',
    params: courseParams,
    body: courseDeleteInput,
    response: { 204: noContent },
    handler: (user, { params, body }) => privacy.deleteCourse(deps, user, params.id, body.reason),
  });

  route.get('/api/courses/:id/access-request', {
    summary:
      "A member's access request (indsigt): their complete data and who looked when, as JSON or PDF",
    params: courseParams,
    querystring: accessRequestQuery,
    response: { 200: accessRequestResponse },
    handler: async (user, { params, query }, reply) => {
      const data = await privacy.accessRequest(
        deps,
        user,
        params.id,
        query.member,
        query.hideStaff === 'true',
      );
      void reply.header('cache-control', 'no-store');
      if (query.format === 'json') return data;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="indsigt.pdf"')
        .send(await privacy.renderAccessRequestPdf(data));
    },
  });

  route.get('/api/courses/:id/audit', {
    summary: "Who read or changed the course's data, when (full access)",
    params: courseParams,
    response: { 200: courseAuditSchema },
    handler: async (user, { params }) => ({
      entries: await privacy.courseAudit(deps, user, params.id),
    }),
  });

  route.get('/api/citizens/lookup', {
    summary: "Find a citizen's courses by CPR number (exact match; audited)",
    querystring: citizenLookupQuery,
    response: { 200: citizenLookupSchema },
    handler: async (user, { query }) => ({
      courses: await service.lookupCitizen(deps, user, query.cpr),
    }),
  });
};
