/** The values of a course's meetings (docs/en-plan.md) that server and web share. No zod. */

/** Start-up meeting, network meeting (with the citizen and family), staff meeting (without). */
export const MEETING_KINDS = ['opstart', 'netvaerk', 'personale'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Facilitator (captain), the one who draws (explorer), the one who takes minutes (witness). */
export const MEETING_ROLES = ['facilitator', 'drawer', 'minuteTaker'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];

/** A meeting is planned until it is cancelled. */
export const MEETING_STATUSES = ['planned', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Who an invitee is: the coordinator, a network party or a member of the course. */
export const INVITEE_KINDS = ['coordinator', 'party', 'member'] as const;
export type InviteeKind = (typeof INVITEE_KINDS)[number];
