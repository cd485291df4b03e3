/** HTTP for citizens' courses: the course, members, network, closing, deletion, access requests. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  accessRequestQuery,
  accessRequestResponse,
  citizenLookupQuery,
  citizenLookupSchema,
  courseAuditSchema,
  courseChangeInput,
  courseDeleteInput,
  courseListQuery,
  courseListSchema,
  courseViewSchema,
  memberInput,
  memberSchema,
  newCourseInput,
  newPartyInput,
  partyChangeInput,
  partyParams,
  partySchema,
} from '../../contract/courses.schema.js';
import { courseParams, noContent } from '../../contract/en-plan.schema.js';
import { requireUser } from '../kernel/request-context.js';
import type { CourseDeps } from './course-deps.js';
import * as privacy from './course-privacy.service.js';
import * as service from './course.service.js';

const tags = ['courses'];

export const courseRoutes: FastifyPluginAsync<{ deps: CourseDeps }> = async (plugin, { deps }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/courses',
    {
      schema: {
        tags,
        summary: 'The courses I may see, each shaped by my access',
        querystring: courseListQuery,
        response: { 200: courseListSchema },
      },
    },
    async (request) => ({
      courses: await service.listCourses(deps, requireUser(request), request.query.status),
    }),
  );

  app.post(
    '/api/courses',
    {
      schema: {
        tags,
        summary: 'Open a course for a citizen (and family)',
        body: newCourseInput,
        response: { 201: courseViewSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createCourse(deps, requireUser(request), request.body)),
  );

  app.get(
    '/api/courses/:id',
    {
      schema: {
        tags,
        summary: 'One course, shaped by my access (full, consent or minimal)',
        params: courseParams,
        response: { 200: courseViewSchema },
      },
    },
    async (request) => service.getCourse(deps, requireUser(request), request.params.id),
  );

  app.patch(
    '/api/courses/:id',
    {
      schema: {
        tags,
        summary: "Change target group, start date, coordinator or the citizen's contact details",
        params: courseParams,
        body: courseChangeInput,
        response: { 200: courseViewSchema },
      },
    },
    async (request) =>
      service.updateCourse(deps, requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/api/courses/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a family member to a family course',
        params: courseParams,
        body: memberInput,
        response: { 201: memberSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.addMember(deps, requireUser(request), request.params.id, request.body)),
  );

  app.post(
    '/api/courses/:id/parties',
    {
      schema: {
        tags,
        summary: 'Add a unit, professional or outside actor to the network',
        params: courseParams,
        body: newPartyInput,
        response: { 201: partySchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.addParty(deps, requireUser(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/courses/:id/parties/:partyId',
    {
      schema: {
        tags,
        summary: "Change a party's contact details, task or response time",
        params: partyParams,
        body: partyChangeInput,
        response: { 200: partySchema },
      },
    },
    async (request) =>
      service.updateParty(
        deps,
        requireUser(request),
        request.params.id,
        request.params.partyId,
        request.body,
      ),
  );

  app.delete(
    '/api/courses/:id/parties/:partyId',
    {
      schema: {
        tags,
        summary: 'Remove a party (409 while an action or a consent refers to it)',
        params: partyParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await service.removeParty(
        deps,
        requireUser(request),
        request.params.id,
        request.params.partyId,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/courses/:id/close',
    {
      schema: {
        tags,
        summary: 'Close the course',
        params: courseParams,
        response: { 200: courseViewSchema },
      },
    },
    async (request) => service.closeCourse(deps, requireUser(request), request.params.id),
  );

  app.delete(
    '/api/courses/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a closed course and all its citizen data; the audit log keeps its entries for the retention period',
        params: courseParams,
        body: courseDeleteInput,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await privacy.deleteCourse(
        deps,
        requireUser(request),
        request.params.id,
        request.body.reason,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/courses/:id/access-request',
    {
      schema: {
        tags,
        summary:
          "A member's access request (indsigt): their complete data and who looked when, as JSON or PDF",
        params: courseParams,
        querystring: accessRequestQuery,
        response: { 200: accessRequestResponse },
      },
    },
    async (request, reply) => {
      const data = await privacy.accessRequest(
        deps,
        requireUser(request),
        request.params.id,
        request.query.member,
        request.query.hideStaff === 'true',
      );
      void reply.header('cache-control', 'no-store');
      if (request.query.format === 'json') return data;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="indsigt.pdf"')
        .send(await privacy.renderAccessRequestPdf(data));
    },
  );

  app.get(
    '/api/courses/:id/audit',
    {
      schema: {
        tags,
        summary: "Who read or changed the course's data, when (full access)",
        params: courseParams,
        response: { 200: courseAuditSchema },
      },
    },
    async (request) => ({
      entries: await privacy.courseAudit(deps, requireUser(request), request.params.id),
    }),
  );

  app.get(
    '/api/citizens/lookup',
    {
      schema: {
        tags,
        summary: "Find a citizen's courses by CPR number (exact match; audited)",
        querystring: citizenLookupQuery,
        response: { 200: citizenLookupSchema },
      },
    },
    async (request) => ({
      courses: await service.lookupCitizen(deps, requireUser(request), request.query.cpr),
    }),
  );
};
