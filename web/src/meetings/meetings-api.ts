/** Calls to the meetings API (`src/meetings`) and the shapes it answers with. */
import { api } from '../api/client.js';

export const MEETING_KINDS = ['opstart', 'netvaerk', 'personale'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_ROLES = ['facilitator', 'drawer', 'minuteTaker'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];

export interface Invitee {
  id: string;
  kind: 'coordinator' | 'party' | 'member';
  name: string;
  email: string | null;
}

export interface Agreement {
  id: string;
  partyId: string;
  text: string;
  due: string | null;
  actionId: string | null;
}

export interface Meeting {
  id: string;
  kind: MeetingKind;
  title: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  place: string;
  agenda: string;
  status: 'planned' | 'cancelled';
  invitees: Invitee[];
  roles: Partial<Record<MeetingRole, string>>;
  minutes: string;
  agreements: Agreement[];
  planVersion: number | null;
  sequence: number;
}

export interface MeetingList {
  next: Meeting | null;
  upcoming: Meeting[];
  past: Meeting[];
}

export interface NewMeeting {
  kind: MeetingKind;
  title?: string;
  startsAt: string;
  durationMinutes: number;
  place: string;
  agenda?: string;
  partyIds: string[];
  memberIds: string[];
  roles?: Partial<Record<MeetingRole, string>>;
}

const base = (courseId: string) => `/api/courses/${courseId}/meetings`;

export const loadMeetings = (courseId: string) => api.get<MeetingList>(base(courseId));
export const createMeeting = (courseId: string, body: NewMeeting) =>
  api.post<Meeting>(base(courseId), body);
export const updateMeeting = (
  courseId: string,
  id: string,
  body: Partial<NewMeeting> & {
    minutes?: string;
    agreements?: { id?: string; partyId: string; text: string; due: string | null }[];
  },
) => api.patch<Meeting>(`${base(courseId)}/${id}`, body);
export const cancelMeeting = (courseId: string, id: string) =>
  api.post<Meeting>(`${base(courseId)}/${id}/cancel`);
export const agreementsToPlan = (
  courseId: string,
  id: string,
  body: { baseVersion: number; participants: string[] },
) =>
  api.post<{ version: number; added: number; notified: number }>(
    `${base(courseId)}/${id}/agreements/to-plan`,
    body,
  );
/** Where the browser downloads a meeting's calendar file. */
export const icsUrl = (courseId: string, id: string) => `${base(courseId)}/${id}/ics`;
