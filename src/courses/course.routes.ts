/** HTTP for citizens' courses: the course, members, network, closing, deletion, access requests. */
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
import { noContent } from '../../contract/en-plan.schema.js';
import { userPlugin } from '../kernel/route.js';
import type { CourseDeps } from './course-deps.js';
import * as coordination from './course-coordination.service.js';
import * as privacy from './course-privacy.service.js';
import * as service from './course.service.js';
import { closeCourseBody } from '../../contract/progression.schema.js';
import { writeClosing } from '../progression/progression.service.js';

const tags = ['courses'];

export const courseRoutes = userPlugin(
  tags,
  ({ route, course }, { deps }: { deps: CourseDeps }) => {
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

    course.get('', {
      summary: 'One course, shaped by my access (full, consent or minimal)',
      response: { 200: courseViewSchema },
      handler: (user, id) => service.getCourse(deps, user, id),
    });

    course.patch('', {
      summary: "Change target group, start date, coordinator or the citizen's contact details",
      body: courseChangeInput,
      response: { 200: courseViewSchema },
      handler: (user, id, { body }) => service.updateCourse(deps, user, id, body),
    });

    course.post('/coordinators', {
      summary:
        'Add a co-coordinator beside the lead (a makker, a cross-sector team); the network is told',
      body: coordinatorInput,
      response: { 201: coordinationChangeSchema },
      handler: (user, id, { body }) => coordination.addCoCoordinator(deps, user, id, body),
    });

    course.delete('/coordinators/:personId', {
      summary: 'Remove a co-coordinator (409 for the lead); the network is told',
      params: coCoordinatorParams,
      response: { 200: coordinationChangeSchema },
      handler: (user, id, { params }) =>
        coordination.removeCoCoordinator(deps, user, id, params.personId),
    });

    course.put('/coordinators/lead', {
      summary:
        'Hand the lead to another person, optionally keeping the previous lead as co-coordinator; the network is told',
      body: leadChangeInput,
      response: { 200: coordinationChangeSchema },
      handler: (user, id, { body }) => coordination.changeLead(deps, user, id, body),
    });

    course.post('/members', {
      summary: 'Add a family member to a family course',
      body: memberInput,
      response: { 201: memberSchema },
      handler: (user, id, { body }) => service.addMember(deps, user, id, body),
    });

    course.post('/parties', {
      summary: 'Add a unit, professional or outside actor to the network',
      body: newPartyInput,
      response: { 201: partySchema },
      handler: (user, id, { body }) => service.addParty(deps, user, id, body),
    });

    course.patch('/parties/:partyId', {
      summary: "Change a party's contact details, task or response time",
      params: partyParams,
      body: partyChangeInput,
      response: { 200: partySchema },
      handler: (user, id, { params, body }) =>
        service.updateParty(deps, user, id, params.partyId, body),
    });

    course.delete('/parties/:partyId', {
      summary: 'Remove a party (409 while an action or a consent refers to it)',
      params: partyParams,
      response: { 204: noContent },
      handler: (user, id, { params }) => service.removeParty(deps, user, id, params.partyId),
    });

    course.post('/close', {
      summary:
        "Close the course; with `closing`, record the citizen's experience and education/employment status in the same transaction",
      body: closeCourseBody,
      response: { 200: courseViewSchema },
      handler: (user, id, { body }) => {
        const { closing } = body;
        return service.closeCourse(
          deps,
          user,
          id,
          closing && ((trx, context) => writeClosing(trx, context, closing)),
        );
      },
    });

    course.delete('', {
      summary:
        'Delete a closed course and all its citizen data; the audit log keeps its entries for the retention period',
      body: courseDeleteInput,
      response: { 204: noContent },
      handler: (user, id, { body }) => privacy.deleteCourse(deps, user, id, body.reason),
    });

    course.get('/access-request', {
      summary:
        "A member's access request (indsigt): their complete data and who looked when, as JSON or PDF",
      querystring: accessRequestQuery,
      response: { 200: accessRequestResponse },
      handler: async (user, id, { query }, reply) => {
        const data = await privacy.accessRequest(
          deps,
          user,
          id,
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

    course.get('/audit', {
      summary: "Who read or changed the course's data, when (full access)",
      response: { 200: courseAuditSchema },
      handler: async (user, id) => ({
        entries: await privacy.courseAudit(deps, user, id),
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
  },
);
