/** Calls to the meetings API (`src/meetings`) and the shapes it answers with. */
import type {
  AgreementsToPlan,
  Meeting,
  MeetingBody,
  MeetingChange,
  MeetingList,
} from '../../../contract/meetings.schema.js';
import { api } from '../api/client.js';

export {
  MEETING_KINDS,
  MEETING_ROLES,
  type MeetingKind,
  type MeetingRole,
} from '../../../contract/meetings.js';
export type {
  Agreement,
  Invitee,
  Meeting,
  MeetingList,
} from '../../../contract/meetings.schema.js';

const base = (courseId: string) => `/api/courses/${courseId}/meetings`;

export const loadMeetings = (courseId: string) => api.get<MeetingList>(base(courseId));
export const createMeeting = (courseId: string, body: MeetingBody) =>
  api.post<Meeting>(base(courseId), body);
export const updateMeeting = (courseId: string, id: string, body: MeetingChange) =>
  api.patch<Meeting>(`${base(courseId)}/${id}`, body);
export const cancelMeeting = (courseId: string, id: string) =>
  api.post<Meeting>(`${base(courseId)}/${id}/cancel`);
export const agreementsToPlan = (
  courseId: string,
  id: string,
  body: { baseVersion: number; participants: string[] },
) => api.post<AgreementsToPlan>(`${base(courseId)}/${id}/agreements/to-plan`, body);
/** Where the browser downloads a meeting's calendar file. */
export const icsUrl = (courseId: string, id: string) => `${base(courseId)}/${id}/ics`;
