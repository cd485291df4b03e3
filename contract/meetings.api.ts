/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/meetings/meeting.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import { courseParams } from './en-plan.schema.js';
import {
  agreementsToPlanInput,
  agreementsToPlanSchema,
  meetingChange,
  meetingIcsResponse,
  meetingInput,
  meetingListSchema,
  meetingParams,
  meetingSchema,
} from './meetings.schema.js';

export const meetingsApi = operations({
  listMeetings: {
    method: 'GET',
    path: '/api/courses/:id/meetings',
    summary: "The course's next, upcoming and past meetings",
    params: courseParams,
    response: { 200: meetingListSchema },
  },
  createMeeting: {
    method: 'POST',
    path: '/api/courses/:id/meetings',
    summary: 'Plan a meeting; invitees are mailed and reminded the day before',
    params: courseParams,
    body: meetingInput,
    response: { 201: meetingSchema },
  },
  updateMeeting: {
    method: 'PATCH',
    path: '/api/courses/:id/meetings/:meetingId',
    summary: 'Change time, place, invitees, roles, agenda, minutes or agreements',
    params: meetingParams,
    body: meetingChange,
    response: { 200: meetingSchema },
  },
  cancelMeeting: {
    method: 'POST',
    path: '/api/courses/:id/meetings/:meetingId/cancel',
    summary: 'Cancel a meeting',
    params: meetingParams,
    response: { 200: meetingSchema },
  },
  meetingCalendar: {
    method: 'GET',
    path: '/api/courses/:id/meetings/:meetingId/ics',
    summary: 'The meeting as iCalendar (METHOD:CANCEL once cancelled)',
    params: meetingParams,
    response: { 200: meetingIcsResponse },
  },
  agreementsToPlan: {
    method: 'POST',
    path: '/api/courses/:id/meetings/:meetingId/agreements/to-plan',
    summary: "Make the meeting's agreements plan actions in one plan revision",
    params: meetingParams,
    body: agreementsToPlanInput,
    response: { 200: agreementsToPlanSchema },
  },
});
