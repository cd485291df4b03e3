/** The HTTP contract of a course's meetings: plan, list, change, cancel, .ics, agreements into the plan. */
import { z } from 'zod';
import { courseParams, fileResponse, freeText, isoDate, requiredText } from './en-plan.schema.js';
import { INVITEE_KINDS, MEETING_KINDS, MEETING_STATUSES } from './meetings.js';

/** `/api/courses/:id/meetings/:meetingId`. */
export const meetingParams = courseParams.extend({ meetingId: z.uuid() });

// ---------- requests ----------

/** Role → invitee id (the coordinator's person id, a party id or a member id). */
const rolesInput = z
  .object({ facilitator: z.uuid(), drawer: z.uuid(), minuteTaker: z.uuid() })
  .partial()
  .strict();
const startsAt = z.iso.datetime({ offset: true });
const duration = z.number().int().min(5).max(600);
const ids = z.array(z.uuid()).max(100);

/** `POST /api/courses/:id/meetings`. */
export const meetingInput = z.object({
  kind: z.enum(MEETING_KINDS),
  title: freeText(200).optional(),
  startsAt,
  durationMinutes: duration.default(60),
  place: requiredText(300),
  agenda: freeText(10_000).optional(),
  partyIds: ids.default([]),
  memberIds: ids.default([]),
  roles: rolesInput.optional(),
});
export type MeetingInput = z.infer<typeof meetingInput>;
/** The body a client sends: defaulted fields may be left out. */
export type MeetingBody = z.input<typeof meetingInput>;

/** An agreement as written in the minutes; a new one has no id yet. */
export const agreementInput = z.object({
  id: z.uuid().optional(),
  partyId: z.uuid(),
  text: requiredText(2000),
  due: isoDate.nullable().optional(),
});
export type AgreementInput = z.infer<typeof agreementInput>;

/** `PATCH /api/courses/:id/meetings/:meetingId`. */
export const meetingChange = z.object({
  title: requiredText(200).optional(),
  startsAt: startsAt.optional(),
  durationMinutes: duration.optional(),
  place: requiredText(300).optional(),
  agenda: freeText(10_000).optional(),
  partyIds: ids.optional(),
  memberIds: ids.optional(),
  roles: rolesInput.optional(),
  minutes: freeText(50_000).optional(),
  agreements: z.array(agreementInput).max(100).optional(),
});
export type MeetingChange = z.infer<typeof meetingChange>;

/** `POST /api/courses/:id/meetings/:meetingId/agreements/to-plan`. */
export const agreementsToPlanInput = z.object({
  baseVersion: z.number().int().min(1),
  memberId: z.uuid().optional(),
  participants: z.array(requiredText(200)).max(50).default([]),
});
export type AgreementsToPlanInput = z.infer<typeof agreementsToPlanInput>;

// ---------- responses ----------

export const inviteeSchema = z.object({
  id: z.string(),
  kind: z.enum(INVITEE_KINDS),
  name: z.string(),
  email: z.string().nullable(),
});
export type Invitee = z.infer<typeof inviteeSchema>;

/** One agreement of a meeting: who (a network party), what, by when; `actionId` once in the plan. */
export const agreementSchema = z.object({
  id: z.string(),
  partyId: z.string(),
  text: z.string(),
  due: z.string().nullable(),
  actionId: z.string().nullable(),
});
export type Agreement = z.infer<typeof agreementSchema>;

/** A meeting as its page shows it; times are ISO date-times. */
export const meetingSchema = z.object({
  id: z.string(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  durationMinutes: z.number(),
  place: z.string(),
  agenda: z.string(),
  status: z.enum(MEETING_STATUSES),
  invitees: z.array(inviteeSchema),
  roles: z.object({
    facilitator: z.string().optional(),
    drawer: z.string().optional(),
    minuteTaker: z.string().optional(),
  }),
  minutes: z.string(),
  agreements: z.array(agreementSchema),
  planVersion: z.number().nullable(),
  sequence: z.number(),
});
export type Meeting = z.infer<typeof meetingSchema>;

/** `GET /api/courses/:id/meetings`: the next planned one, upcoming and past (latest first). */
export const meetingListSchema = z.object({
  next: meetingSchema.nullable(),
  upcoming: z.array(meetingSchema),
  past: z.array(meetingSchema),
});
export type MeetingList = z.infer<typeof meetingListSchema>;

/** The agreements became this plan version with `added` new actions. */
export const agreementsToPlanSchema = z.object({
  version: z.number(),
  added: z.number(),
  notified: z.number(),
});
export type AgreementsToPlan = z.infer<typeof agreementsToPlanSchema>;

/** `GET /api/courses/:id/meetings/:meetingId/ics`. */
export const meetingIcsResponse = fileResponse(
  'The meeting as iCalendar (text/calendar; METHOD:REQUEST, or METHOD:CANCEL once cancelled)',
);
