/** HTTP for a course's meetings: plan, list, change, cancel, .ics, agreements into the plan. */
import type { CourseDeps } from '../courses/course-deps.js';
import { sendDownload } from '../kernel/download.js';
import { userPlugin } from '../kernel/route.js';
import { meetingsApi } from '../../contract/meetings.api.js';
import * as service from './meeting.service.js';

const tags = ['meetings'];

export const meetingRoutes = userPlugin(tags, ({ course }, { deps }: { deps: CourseDeps }) => {
  course(meetingsApi.listMeetings, (user, id) => service.listMeetings(deps, user, id));

  course(meetingsApi.createMeeting, (user, id, { body }) =>
    service.createMeeting(deps, user, id, body),
  );

  course(meetingsApi.updateMeeting, (user, id, { params, body }) =>
    service.updateMeeting(deps, user, id, params.meetingId, body),
  );

  course(meetingsApi.cancelMeeting, (user, id, { params }) =>
    service.cancelMeeting(deps, user, id, params.meetingId),
  );

  course(meetingsApi.meetingCalendar, async (user, id, { params }, reply) => {
    const ics = await service.meetingCalendar(deps, user, id, params.meetingId);
    const contentType = `text/calendar; charset=utf-8; method=${ics.method}`;
    return sendDownload(reply, { contentType, filename: ics.filename, body: ics.body });
  });

  course(meetingsApi.agreementsToPlan, (user, id, { params, body }) =>
    service.agreementsToPlan(deps, user, id, params.meetingId, body),
  );
});
