/** The HTTP contract of leadership interventions: the template, planning, meetings, agreements, follow-up. */
import { z } from 'zod';
import { AGREEMENT_KINDS, CHECKLIST_KEYS, INTERVENTION_STATUSES } from './interventions.js';

/** `/api/interventions/:id`. */
export const interventionParams = z.object({ id: z.uuid() });
/** `/api/interventions/:id/meetings/:number`: network meeting 1 or 2. */
export const interventionMeetingParams = z.object({
  id: z.uuid(),
  number: z.coerce.number().int().min(1).max(2),
});

// ---------- requests ----------

const name = z.string().trim().min(1).max(200);

/** A network meeting; its duration is checked by the service, so 30 or 90 minutes get the template's own message. */
export const interventionMeetingInput = z.object({
  startsAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  durationMinutes: z.number().int().min(1).max(600),
  facilitator: name,
  colleague: name,
  held: z.boolean().optional(),
  /** Course party ids of the professionals taking part (case interventions only). */
  participants: z.array(z.uuid()).max(100).default([]),
});
export type InterventionMeetingInput = z.infer<typeof interventionMeetingInput>;

/** `POST /api/interventions`: two meetings and optionally the follow-up. */
export const interventionInput = z.object({
  title: name,
  /** The groups; for a case intervention, empty means the units of the leaders holding it. */
  unitIds: z.array(z.uuid()).max(50).default([]),
  /** A case intervention: the citizen's course it is held for. */
  courseId: z.uuid().nullable().default(null),
  coLeaderUserIds: z.array(z.uuid()).max(20).default([]),
  measurementId: z.uuid().nullable().default(null),
  meetings: z.tuple([interventionMeetingInput, interventionMeetingInput]),
  followUpOn: z.iso.date().nullable().default(null),
});
export type InterventionInput = z.infer<typeof interventionInput>;

/** `PATCH /api/interventions/:id`. */
export const interventionChange = z.object({
  title: name.optional(),
  status: z.enum(INTERVENTION_STATUSES).optional(),
  checklist: z.partialRecord(z.enum(CHECKLIST_KEYS), z.boolean()).optional(),
});
export type InterventionChange = z.infer<typeof interventionChange>;

/** `POST /api/interventions/:id/agreements`. */
export const interventionAgreementInput = z.object({
  kind: z.enum(AGREEMENT_KINDS).default('agreement'),
  checklistKey: z.enum(CHECKLIST_KEYS).nullable().default(null),
  text: z.string().trim().min(1).max(2000),
});
export type InterventionAgreementInput = z.infer<typeof interventionAgreementInput>;

/** `PUT /api/interventions/:id/follow-up`. */
export const followUpInput = z.object({ followUpOn: z.iso.date() });

// ---------- responses ----------

const bilingual = z.object({ da: z.string(), en: z.string() });
const range = z.object({ min: z.number(), max: z.number() });

/** `GET /api/interventions/template`: the research's format. */
export const interventionTemplateSchema = z.object({
  meetingMinutes: range,
  daysBetweenMeetings: z.number(),
  followUpMonths: range,
  facilitation: bilingual,
  meetings: z.array(z.object({ number: z.number(), topic: bilingual })).readonly(),
  caseGuide: z
    .array(z.object({ number: z.number(), questions: z.array(bilingual).readonly() }))
    .readonly(),
  checklist: z
    .array(z.object({ key: z.enum(CHECKLIST_KEYS), da: z.string(), en: z.string() }))
    .readonly(),
});
export type InterventionTemplate = z.infer<typeof interventionTemplateSchema>;

/** `GET /api/interventions/leaders`: the user's own led unit and possible co-leaders. */
export const coLeadersSchema = z.object({
  own: z.object({ unitId: z.string(), unitName: z.string() }).nullable(),
  coLeaders: z.array(
    z.object({ id: z.string(), name: z.string(), unitId: z.string(), unitName: z.string() }),
  ),
});
export type CoLeaders = z.infer<typeof coLeadersSchema>;

const unitRef = z.object({ id: z.string(), name: z.string() });

/** One list entry; `nextMeeting` is the first meeting not yet held. */
export const interventionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(INTERVENTION_STATUSES),
  followUpOn: z.string().nullable(),
  followUpMeasurementId: z.string().nullable(),
  measurementId: z.string().nullable(),
  units: z.array(unitRef),
  leaders: z.array(unitRef),
  nextMeeting: z.string().nullable(),
});
export type InterventionSummary = z.infer<typeof interventionSummarySchema>;

/** `GET /api/interventions`: newest first. */
export const interventionListSchema = z.array(interventionSummarySchema);

export const interventionMeetingSchema = z.object({
  number: z.number(),
  startsAt: z.string(),
  durationMinutes: z.number(),
  facilitator: z.string(),
  colleague: z.string(),
  held: z.boolean(),
  participants: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type InterventionMeeting = z.infer<typeof interventionMeetingSchema>;

/** One intervention as its page shows it. */
export const interventionSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The course of a case intervention; null for one on units. */
  courseId: z.string().nullable(),
  status: z.enum(INTERVENTION_STATUSES),
  measurementId: z.string().nullable(),
  checklist: z.record(z.string(), z.boolean()),
  followUpOn: z.string().nullable(),
  followUpMeasurement: z
    .object({
      id: z.string(),
      title: z.string(),
      status: z.string(),
      waveLabel: z.string(),
      opensAt: z.string().nullable(),
    })
    .nullable(),
  units: z.array(unitRef),
  leaders: z.array(z.object({ id: z.string(), name: z.string(), unitName: z.string().nullable() })),
  meetings: z.array(interventionMeetingSchema),
  agreements: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(AGREEMENT_KINDS),
      checklistKey: z.string().nullable(),
      text: z.string(),
      createdAt: z.string(),
      createdBy: z.string().nullable(),
    }),
  ),
  youLead: z.boolean(),
  createdAt: z.string(),
});
export type Intervention = z.infer<typeof interventionSchema>;
