/** HTTP for a course's meetings: plan, list, change, cancel, .ics, agreements into the plan. */
import type { FastifyPluginAsync } from 'fastify';
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
import * as service from './meeting.service.js';
import { userRoutes } from '../kernel/route.js';

const tags = ['meetings'];

export const meetingRoutes: FastifyPluginAsync<{ deps: CourseDeps }> = async (plugin, { deps }) => {
  const route = userRoutes(plugin, tags);

  route.get('/api/courses/:id/meetings', {
    summary: "The course's next, upcoming and past meetings",
    params: courseParams,
    response: { 200: meetingListSchema },
    handler: (user, { params }) => service.listMeetings(deps, user, params.id),
  });

  route.post('/api/courses/:id/meetings', {
    summary: 'Plan a meeting; invitees are mailed and reminded the day before',
    params: courseParams,
    body: meetingInput,
    response: { 201: meetingSchema },
    handler: (user, { params, body }) => service.createMeeting(deps, user, params.id, body),
  });

  route.patch('/api/courses/:id/meetings/:meetingId', {
    summary: 'Change time, place, invitees, roles, agenda, minutes or agreements',
    params: meetingParams,
    body: meetingChange,
    response: { 200: meetingSchema },
    handler: (user, { params, body }) =>
      service.updateMeeting(deps, user, params.id, params.meetingId, body),
  });

  route.post('/api/courses/:id/meetings/:meetingId/cancel', {
    summary: 'Cancel a meeting',
    params: meetingParams,
    response: { 200: meetingSchema },
    handler: (user, { params }) => service.cancelMeeting(deps, user, params.id, params.meetingId),
  });

  route.get('/api/courses/:id/meetings/:meetingId/ics', {
    summary: 'The meeting as iCalendar (METHOD:CANCEL once cancelled)',
    params: meetingParams,
    response: { 200: meetingIcsResponse },
    handler: async (user, { params }, reply) => {
      const ics = await service.meetingCalendar(deps, user, params.id, params.meetingId);
      return reply
        .type(`text/calendar; charset=utf-8; method=${ics.method}`)
        .header('content-disposition', `attachment; filename="${ics.filename}"`)
        .header('cache-control', 'no-store')
        .send(ics.body);
    },
  });

  route.post('/api/courses/:id/meetings/:meetingId/agreements/to-plan', {
    summary: "Make the meeting's agreements plan actions in one plan revision",
    params: meetingParams,
    body: agreementsToPlanInput,
    response: { 200: agreementsToPlanSchema },
    handler: (user, { params, body }) =>
      service.agreementsToPlan(deps, user, params.id, params.meetingId, body),
  });
};
