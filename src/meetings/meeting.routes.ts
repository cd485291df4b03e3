/** HTTP for a course's meetings: plan, list, change, cancel, .ics, agreements into the plan. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { courseParams } from '../../contract/en-plan.schema.js';
import {
  agreementsToPlanInput,
  agreementsToPlanSchema,
  meetingChange,
  meetingIcsResponse,
  meetingInput,
  meetingListSchema,
  meetingParams,
  meetingSchema,
} from '../../contract/meetings.schema.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { requireUser } from '../kernel/request-context.js';
import * as service from './meeting.service.js';

const tags = ['meetings'];

export const meetingRoutes: FastifyPluginAsync<{ deps: CourseDeps }> = async (plugin, { deps }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/courses/:id/meetings',
    {
      schema: {
        tags,
        summary: "The course's next, upcoming and past meetings",
        params: courseParams,
        response: { 200: meetingListSchema },
      },
    },
    async (request) => service.listMeetings(deps, requireUser(request), request.params.id),
  );

  app.post(
    '/api/courses/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Plan a meeting; invitees are mailed and reminded the day before',
        params: courseParams,
        body: meetingInput,
        response: { 201: meetingSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.createMeeting(deps, requireUser(request), request.params.id, request.body),
        ),
  );

  app.patch(
    '/api/courses/:id/meetings/:meetingId',
    {
      schema: {
        tags,
        summary: 'Change time, place, invitees, roles, agenda, minutes or agreements',
        params: meetingParams,
        body: meetingChange,
        response: { 200: meetingSchema },
      },
    },
    async (request) =>
      service.updateMeeting(
        deps,
        requireUser(request),
        request.params.id,
        request.params.meetingId,
        request.body,
      ),
  );

  app.post(
    '/api/courses/:id/meetings/:meetingId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a meeting',
        params: meetingParams,
        response: { 200: meetingSchema },
      },
    },
    async (request) =>
      service.cancelMeeting(
        deps,
        requireUser(request),
        request.params.id,
        request.params.meetingId,
      ),
  );

  app.get(
    '/api/courses/:id/meetings/:meetingId/ics',
    {
      schema: {
        tags,
        summary: 'The meeting as iCalendar (METHOD:CANCEL once cancelled)',
        params: meetingParams,
        response: { 200: meetingIcsResponse },
      },
    },
    async (request, reply) => {
      const ics = await service.meetingCalendar(
        deps,
        requireUser(request),
        request.params.id,
        request.params.meetingId,
      );
      return reply
        .type(`text/calendar; charset=utf-8; method=${ics.method}`)
        .header('content-disposition', `attachment; filename="${ics.filename}"`)
        .header('cache-control', 'no-store')
        .send(ics.body);
    },
  );

  app.post(
    '/api/courses/:id/meetings/:meetingId/agreements/to-plan',
    {
      schema: {
        tags,
        summary: "Make the meeting's agreements plan actions in one plan revision",
        params: meetingParams,
        body: agreementsToPlanInput,
        response: { 200: agreementsToPlanSchema },
      },
    },
    async (request) =>
      service.agreementsToPlan(
        deps,
        requireUser(request),
        request.params.id,
        request.params.meetingId,
        request.body,
      ),
  );
};
