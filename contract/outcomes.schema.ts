/**
 * The HTTP contract of outcomes (docs/outcomes.md): a course's dated outcome events, the
 * report per unit, arm and half-year, and the pseudonymised evaluation export.
 */
import { z } from 'zod';
import {
  ACTIVITY_STATUSES,
  COMPLAINT_RESULTS,
  MAX_HANDLING_DAYS,
  OUTCOME_KINDS,
  PLACEMENT_TYPES,
} from './outcomes.js';
import { courseParams, fileResponse, freeText, isoDate } from './en-plan.schema.js';

/** `/api/courses/:id/outcomes/:eventId`. */
export const outcomeParams = courseParams.extend({ eventId: z.uuid() });

/** What a decision was about, e.g. "Afslag på § 85-støtte"; never the citizen's story. */
const about = freeText(200).optional();

/** `POST /api/courses/:id/outcomes` and `PUT …/:eventId`: one event, its fields by kind. */
export const outcomeInput = z.discriminatedUnion('kind', [
  /** A complaint on a decision, dated when it was made, and its result so far. */
  z.object({
    kind: z.literal('klage'),
    occurredOn: isoDate,
    result: z.enum(COMPLAINT_RESULTS),
    about,
  }),
  /** A decision: its date and how many days it took from the application or the start. */
  z.object({
    kind: z.literal('sagsbehandling'),
    occurredOn: isoDate,
    days: z.int().min(0).max(MAX_HANDLING_DAYS),
    about,
  }),
  /** A placement from its start to its end (none while it lasts). */
  z.object({
    kind: z.literal('anbringelse'),
    occurredOn: isoDate,
    endOn: isoDate.nullable().optional(),
    placementType: z.enum(PLACEMENT_TYPES),
  }),
  /** The citizen's education/employment status from a date. */
  z.object({
    kind: z.literal('status'),
    occurredOn: isoDate,
    status: z.enum(ACTIVITY_STATUSES),
  }),
]);
export type OutcomeInput = z.infer<typeof outcomeInput>;

/** One outcome event; the fields that do not belong to its kind are null. */
export const outcomeEventSchema = z.object({
  id: z.string(),
  kind: z.enum(OUTCOME_KINDS),
  occurredOn: z.string(),
  endOn: z.string().nullable(),
  days: z.number().nullable(),
  result: z.enum(COMPLAINT_RESULTS).nullable(),
  placementType: z.enum(PLACEMENT_TYPES).nullable(),
  status: z.enum(ACTIVITY_STATUSES).nullable(),
  about: z.string().nullable(),
  recordedBy: z.string(),
  updatedAt: z.string(),
});
export type OutcomeEvent = z.infer<typeof outcomeEventSchema>;

/** `GET /api/courses/:id/outcomes`: the events, newest first, with the course's start and end. */
export const courseOutcomesSchema = z.object({
  startDate: z.string(),
  /** The date the course was closed, or null while it is open. */
  endDate: z.string().nullable(),
  /** Whether this user may record, change and delete events (the course's owners). */
  canEdit: z.boolean(),
  events: z.array(outcomeEventSchema),
});
export type CourseOutcomes = z.infer<typeof courseOutcomesSchema>;

/** The arm of a course in an intervention/control design; null = not allocated. */
export const armSchema = z.enum(['intervention', 'kontrol']).nullable();

/** One figure of the report: a count of courses with a share, hidden together when too few. */
const shareFigure = z.object({
  /** The courses with the event (null when suppressed). */
  courses: z.number().nullable(),
  /** `courses / of` (0–1); null when suppressed or nothing to divide by. */
  share: z.number().nullable(),
  /** The denominator: the courses the share is of (null when suppressed). */
  of: z.number().nullable(),
  suppressed: z.boolean(),
});
export type ShareFigure = z.infer<typeof shareFigure>;

/** One row of the report: a unit (or the whole municipality) in one arm and half-year. */
export const outcomeReportRowSchema = z.object({
  /** `2026-H1` (January–June) or `2026-H2`. */
  period: z.string(),
  /** The coordinator's unit; null for the row of the whole municipality or courses without one. */
  unitId: z.string().nullable(),
  unitName: z.string(),
  total: z.boolean(),
  arm: armSchema,
  /** The courses running in the period (null when suppressed). */
  courses: z.number().nullable(),
  suppressed: z.boolean(),
  /** Courses with a complaint dated in the period. */
  complaints: shareFigure.extend({ count: z.number().nullable() }),
  /** Of the courses with a decided complaint, those where one was upheld (fully or partly). */
  upheld: shareFigure,
  /** Courses with a decision in the period, and the median handling time of those decisions. */
  decisions: shareFigure.extend({
    count: z.number().nullable(),
    medianDays: z.number().nullable(),
  }),
  /** Courses with a placement starting in the period. */
  placements: shareFigure.extend({ count: z.number().nullable() }),
  /** Courses with a status in the period. */
  withStatus: shareFigure,
  /** Of those, the courses whose last status in the period is education or employment. */
  inWorkOrEducation: shareFigure,
});
export type OutcomeReportRow = z.infer<typeof outcomeReportRowSchema>;

/** `GET /api/outcomes/report`. */
export const outcomeReportSchema = z.object({
  minGroup: z.number(),
  rows: z.array(outcomeReportRowSchema),
});
export type OutcomeReport = z.infer<typeof outcomeReportSchema>;

/** `GET /api/outcomes/export`: the format, and whether CPR is to be included where consented. */
export const outcomeExportQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  cpr: z.enum(['include', 'omit']).default('omit'),
});
export type OutcomeExportQuery = z.infer<typeof outcomeExportQuery>;

/** The export file. */
export const outcomeExportResponse = fileResponse(
  'text/csv (; with decimal commas) or XLSX: one pseudonymised row per course, columns in docs/outcomes.md',
);
