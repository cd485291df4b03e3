/** HTTP for a course's meetings: plan, list, change, cancel, .ics, agreements into the plan. */
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
import { sendDownload } from '../kernel/download.js';
import { userPlugin } from '../kernel/route.js';
import * as service from './meeting.service.js';

const tags = ['meetings'];

export const meetingRoutes = userPlugin(tags, ({ course }, { deps }: { deps: CourseDeps }) => {
  course.get('/meetings', {
    summary: "The course's next, upcoming and past meetings",
    response: { 200: meetingListSchema },
    handler: (user, id) => service.listMeetings(deps, user, id),
  });

  course.post('/meetings', {
    summary: 'Plan a meeting; invitees are mailed and reminded the day before',
    body: meetingInput,
    response: { 201: meetingSchema },
    handler: (user, id, { body }) => service.createMeeting(deps, user, id, body),
  });

  course.patch('/meetings/:meetingId', {
    summary: 'Change time, place, invitees, roles, agenda, minutes or agreements',
    params: meetingParams,
    body: meetingChange,
    response: { 200: meetingSchema },
    handler: (user, id, { params, body }) =>
      service.updateMeeting(deps, user, id, params.meetingId, body),
  });

  course.post('/meetings/:meetingId/cancel', {
    summary: 'Cancel a meeting',
    params: meetingParams,
    response: { 200: meetingSchema },
    handler: (user, id, { params }) => service.cancelMeeting(deps, user, id, params.meetingId),
  });

  course.get('/meetings/:meetingId/ics', {
    summary: 'The meeting as iCalendar (METHOD:CANCEL once cancelled)',
    params: meetingParams,
    response: { 200: meetingIcsResponse },
    handler: async (user, id, { params }, reply) => {
      const ics = await service.meetingCalendar(deps, user, id, params.meetingId);
      const contentType = `text/calendar; charset=utf-8; method=${ics.method}`;
      return sendDownload(reply, { contentType, filename: ics.filename, body: ics.body });
    },
  });

  course.post('/meetings/:meetingId/agreements/to-plan', {
    summary: "Make the meeting's agreements plan actions in one plan revision",
    params: meetingParams,
    body: agreementsToPlanInput,
    response: { 200: agreementsToPlanSchema },
    handler: (user, id, { params, body }) =>
      service.agreementsToPlan(deps, user, id, params.meetingId, body),
  });
});
