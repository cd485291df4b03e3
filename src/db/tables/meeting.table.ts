import type { Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';
import type { CreatedAt } from './columns.js';
import type { MeetingKind, MeetingRole, MeetingStatus } from '../../../contract/meetings.js';
import type { Agreement } from '../../../contract/meetings.schema.js';

/** One agreement of a meeting, stored as the API shows it. */
export type MeetingAgreement = Agreement;

/** A meeting of a course; invitees are network parties and course members (the coordinator always). */
export interface MeetingTable {
  id: Generated<string>;
  municipality_id: string;
  course_id: string;
  kind: MeetingKind;
  title: string;
  starts_at: Date;
  duration_minutes: number;
  place: string;
  agenda: string;
  party_ids: JSONColumnType<string[], string, string>;
  member_ids: JSONColumnType<string[], string, string>;
  /** Role → invitee id (the coordinator's person id, a party id or a member id). */
  roles: JSONColumnType<Partial<Record<MeetingRole, string>>, string, string>;
  minutes: string;
  agreements: JSONColumnType<MeetingAgreement[], string, string>;
  status: MeetingStatus;
  /** The iCalendar SEQUENCE: grows with every change that invitees' calendars must follow. */
  sequence: Generated<number>;
  /** The plan version the agreements became, once they did. */
  plan_version: number | null;
  reminded_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
  cancelled_at: Date | null;
}
export type Meeting = Selectable<MeetingTable>;
export type NewMeeting = Insertable<MeetingTable>;
export type MeetingUpdate = Updateable<MeetingTable>;
