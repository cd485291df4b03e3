/**
 * Requests and responses of the measurement routes (`/api/measurements…`) and of the
 * survey a respondent answers by personal link (`/api/survey/…`).
 */
import { z } from 'zod';
import { SUPPRESSED_REASONS } from './analysis.js';
import {
  ANSWER_SCORES,
  ARMS,
  FLOWS,
  FOCAL_KINDS,
  GROUP_KINDS,
  MAX_ANSWERS_PER_SAVE,
  MAX_GROUP_KEY_LENGTH,
  MEASUREMENT_KINDS,
  MEASUREMENT_STATUSES,
} from './measurements.js';
import { implementationItemSchema } from './implementation.schema.js';

const text = z.object({ da: z.string(), en: z.string() });
const reason = z.enum(SUPPRESSED_REASONS).nullable();

/** `:id` of a measurement. */
export const measurementParams = z.object({ id: z.uuid() });

const itemTextInput = z.object({
  da: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
});
const groupInput = z.object({
  unitId: z.uuid(),
  arm: z.enum(ARMS).nullable().default(null),
  flow: z.enum(FLOWS).nullable().default(null),
});
/** A profession group by name; the server normalises it as people's professions are. */
const professionInput = z.object({
  name: z.string().max(MAX_GROUP_KEY_LENGTH),
  arm: z.enum(ARMS).nullable().default(null),
});
const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** `POST /api/measurements`: a new draft. */
export const measurementInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  focalProcess: z.string().trim().min(1).max(200),
  focalKind: z.enum(FOCAL_KINDS).nullable().default(null),
  groups: z.array(groupInput).max(200).default([]),
  groupKind: z.enum(GROUP_KINDS).default('unit'),
  professions: z.array(professionInput).max(200).default([]),
  chooseGroups: z.boolean().default(true),
  includeLeadership: z.boolean().default(true),
  opensAt: date.nullable().default(null),
  closesAt: date.nullable().default(null),
  minGroup: z.number().int().min(3, 'never below 3').max(1000).nullable().default(null),
  thresholdHigh: z.number().min(1).max(5).default(4.0),
  thresholdLow: z.number().min(1).max(5).default(3.5),
  waveLabel: z.string().trim().min(1).max(40).default('1'),
  previousMeasurementId: z.uuid().nullable().default(null),
  items: z.record(z.string(), itemTextInput).nullable().default(null),
});

/** `PATCH /api/measurements/:id`: only the fields that change. */
export const measurementChangeSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    focalProcess: z.string().trim().min(1).max(200),
    focalKind: z.enum(FOCAL_KINDS).nullable(),
    groups: z.array(groupInput).max(200),
    groupKind: z.enum(GROUP_KINDS),
    professions: z.array(professionInput).max(200),
    chooseGroups: z.boolean(),
    includeLeadership: z.boolean(),
    opensAt: date.nullable(),
    closesAt: date.nullable(),
    minGroup: z.number().int().min(3, 'never below 3').max(1000),
    thresholdHigh: z.number().min(1).max(5),
    thresholdLow: z.number().min(1).max(5),
    waveLabel: z.string().trim().min(1).max(40),
    previousMeasurementId: z.uuid().nullable(),
    items: z.record(z.string(), itemTextInput),
  })
  .partial();

/** A measurement as the API shows it; dates are ISO strings. */
export const measurementSchema = z.object({
  id: z.string(),
  title: z.string(),
  focalProcess: z.string(),
  focalKind: z.enum(FOCAL_KINDS).nullable(),
  status: z.enum(MEASUREMENT_STATUSES),
  groupKind: z.enum(GROUP_KINDS),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  minGroup: z.number(),
  thresholdHigh: z.number(),
  thresholdLow: z.number(),
  chooseGroups: z.boolean(),
  includeLeadership: z.boolean(),
  waveLabel: z.string(),
  previousMeasurementId: z.string().nullable(),
  /** The wording of every item, Danish and English; `{xx}` stands for the focal process. */
  items: z.record(z.string(), text),
  createdAt: z.string(),
});
/** A measurement as the API shows it. */
export type MeasurementView = z.infer<typeof measurementSchema>;

/** One group of a measurement: a unit, or a profession (then id and name are the profession). */
export const measurementGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  arm: z.enum(ARMS).nullable(),
  flow: z.enum(FLOWS).nullable(),
});
/** One group of a measurement. */
export type MeasurementGroupView = z.infer<typeof measurementGroupSchema>;

/** `GET /api/measurements/:id`. */
export const measurementDetailSchema = z.object({
  measurement: measurementSchema,
  groups: z.array(measurementGroupSchema),
});
/** A measurement with its groups. */
export type MeasurementDetail = z.infer<typeof measurementDetailSchema>;

/** `POST /api/measurements/:id/invitations`: how many were added of those matched. */
export const invitationsResultSchema = z.object({ added: z.number(), matched: z.number() });
/** The result of inviting people. */
export type InvitationsResult = z.infer<typeof invitationsResultSchema>;

/** `POST /api/measurements/:id/invitations/withdraw`: the group (a row of the response table) whose invitations to withdraw. */
export const withdrawInvitationsBody = z.object({
  group: z.string().min(1).max(MAX_GROUP_KEY_LENGTH),
});

/** The invitations withdrawn: their links stop working and nobody is reminded. */
export const withdrawnSchema = z.object({ withdrawn: z.number() });
/** The result of withdrawing a group's invitations. */
export type Withdrawn = z.infer<typeof withdrawnSchema>;

/** `:id` and `:invitationId`. */
export const invitationParams = z.object({ id: z.uuid(), invitationId: z.uuid() });

/** `POST /api/measurements/:id/open`: the opened measurement and the invitations sent. */
export const openResultSchema = z.object({ measurement: measurementSchema, sent: z.number() });
/** The result of opening a measurement. */
export type OpenResult = z.infer<typeof openResultSchema>;

/** `POST /api/measurements/:id/remind`. */
export const remindResultSchema = z.object({ reminded: z.number() });
/** The result of reminding. */
export type RemindResult = z.infer<typeof remindResultSchema>;

/** One group's row of the response table. */
export const shownCountSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  invited: z.number(),
  /** Exact once closed (null when hidden); while open, rounded down to a multiple of `step`. */
  finished: z.number().nullable(),
  suppressed: z.boolean(),
  suppressedReason: reason,
});
/** One group's row of the response table. */
export type ShownCount = z.infer<typeof shownCountSchema>;

/** `GET /api/measurements/:id/responses`: response rates per group and overall. */
export const responseRatesSchema = z.object({
  minGroup: z.number(),
  invited: z.number(),
  pending: z.number(),
  /** While open: counts are rounded down to multiples of this; null once closed (exact). */
  step: z.number().nullable(),
  finished: z.number().nullable(),
  finishedSuppressed: z.boolean(),
  finishedSuppressedReason: reason,
  units: z.array(shownCountSchema),
  /** Invitation mails by status. */
  mail: z.record(z.string(), z.number()),
});
/** The response table of a measurement. */
export type ResponseRates = z.infer<typeof responseRatesSchema>;

/** `POST /api/measurements/:id/import?commit=`. */
export const importQuery = z.object({ commit: z.enum(['true', 'false']).default('false') });

/** The check (and with `commit`, the import) of a long CSV of answers. */
export const responseImportReportSchema = z.object({
  committed: z.boolean(),
  rows: z.number(),
  respondents: z.number(),
  errors: z.array(z.object({ line: z.number().nullable(), message: text })),
});
/** The check of a long CSV of answers. */
export type ResponseImportReport = z.infer<typeof responseImportReportSchema>;

// The survey by personal link.

/** `:measurementId/:token` of a personal survey link. */
export const surveyParams = z.object({ measurementId: z.uuid(), token: z.string().max(100) });

/** An answer's value: 1–5, `'dk'` for "ved ikke", `null` to clear. */
export const surveyAnswerValue = z.union([
  z.number().int().min(1).max(5),
  z.literal('dk'),
  z.null(),
]);

/** `PUT …/groups`: the groups the respondent works with (unit ids, or professions). */
export const saveGroupsBody = z.object({
  unitIds: z.array(z.string().min(1).max(MAX_GROUP_KEY_LENGTH)).max(200),
});

/** `PUT …/answers`. */
export const saveAnswersBody = z.object({
  answers: z
    .array(
      z.object({
        target: z.string().max(MAX_GROUP_KEY_LENGTH),
        item: z.string().max(40),
        value: surveyAnswerValue,
      }),
    )
    .max(MAX_ANSWERS_PER_SAVE),
});

/** One saved answer as the survey shows it. */
export const surveyAnswerSchema = z.object({
  target: z.string(),
  item: z.string(),
  value: z.union([z.literal(ANSWER_SCORES), z.literal('dk'), z.null()]),
});
/** One answer as the survey sends and shows it. */
export type SurveyAnswerView = z.infer<typeof surveyAnswerSchema>;

/** `GET /api/survey/:measurementId/:token`: texts, groups and the saved answers. */
export const surveySchema = z.object({
  measurement: z.object({
    id: z.string(),
    title: z.string(),
    focalProcess: z.string(),
    chooseGroups: z.boolean(),
    /** Units, or professions across units: then group ids and names are professions. */
    groupKind: z.enum(GROUP_KINDS),
    includeLeadership: z.boolean(),
    /** A leadership item is asked in Samspil's own wording, not the research's: the survey says so. */
    samspilWording: z.boolean(),
    closesAt: z.string().nullable(),
    /** Results are only shown for groups with at least this many answers. */
    minGroup: z.number(),
    items: z.record(z.string(), text),
    /** A network survey, or an implementation survey asking `implementationItems` instead. */
    kind: z.enum(MEASUREMENT_KINDS),
    implementationItems: z.array(implementationItemSchema),
  }),
  /** The respondent's own group: their unit, or their profession. */
  ownUnitId: z.string(),
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  finished: z.boolean(),
  chosenGroups: z.array(z.string()).nullable(),
  answers: z.array(surveyAnswerSchema),
});
/** The survey behind a personal link. */
export type Survey = z.infer<typeof surveySchema>;

/** `PUT …/groups` answers with the groups kept. */
export const savedGroupsSchema = z.object({ chosenGroups: z.array(z.string()) });
/** The groups kept. */
export type SavedGroups = z.infer<typeof savedGroupsSchema>;

/** `PUT …/answers` answers with how many answers were saved or cleared. */
export const savedAnswersSchema = z.object({ saved: z.number() });
/** How many answers were saved. */
export type SavedAnswers = z.infer<typeof savedAnswersSchema>;

/** `POST …/submit`. */
export const submittedSchema = z.object({ finished: z.boolean() });
/** The survey is submitted. */
export type Submitted = z.infer<typeof submittedSchema>;
