/**
 * The HTTP contract of the citizen's one plan: the plan document (per member: dreams, one
 * goal, sub-goals, actions), its versions, comparisons and exports. Free text is kept
 * exactly as given: not trimmed, not sanitised, always rendered as text.
 */
import { z } from 'zod';
import { courseParams, fileResponse, freeText } from './en-plan.schema.js';
import {
  ACTION_STATUSES,
  LAWS,
  MAX_PLAN_TEXT,
  PLAN_CHANGE_KINDS,
  PLAN_EXPORT_FORMATS,
} from './plans.js';

const text = z.string().max(MAX_PLAN_TEXT);
const isoDate = z.iso.date();

// ---------- the plan document ----------

/**
 * An action (indsats): what, who is responsible (a network party, a member of the course such
 * as the citizen, or the coordinator as `COORDINATOR_RESPONSIBLE`), under which law, when.
 */
export const actionSchema = z.object({
  id: z.uuid(),
  text: text,
  responsiblePartyId: z.uuid(),
  law: z.enum(LAWS),
  paragraph: z.string().max(200).optional(),
  start: isoDate.nullable().optional(),
  end: isoDate.nullable().optional(),
  status: z.enum(ACTION_STATUSES),
  statusReason: text.optional(),
});
export type PlanAction = z.infer<typeof actionSchema>;

export const subGoalSchema = z.object({
  id: z.uuid(),
  text: text,
  actions: z.array(actionSchema).max(200),
});
export type SubGoal = z.infer<typeof subGoalSchema>;

/** One member's part of the plan (the whole plan of an individual course). */
export const planPartSchema = z.object({
  memberId: z.uuid(),
  dreams: text,
  goal: text,
  subGoals: z.array(subGoalSchema).max(200),
});
export type PlanPart = z.infer<typeof planPartSchema>;

export const planSchema = z.object({ parts: z.array(planPartSchema).max(50) });
/** A whole plan: one part per member of the course. */
export type Plan = z.infer<typeof planSchema>;

// ---------- requests ----------

/** `/api/courses/:id/plan/versions/:version`. */
export const planVersionParams = courseParams.extend({
  version: z.coerce.number().int().min(1),
});

/** `PUT /api/courses/:id/plan`: a new version based on `baseVersion`. */
export const planSaveInput = z.object({
  baseVersion: z.number().int().min(0),
  plan: planSchema,
  participants: z.array(freeText(200)).max(50).default([]),
  note: freeText(2000).optional(),
});
export type PlanSaveInput = z.infer<typeof planSaveInput>;

/** `GET /api/courses/:id/plan/compare?from=&to=`. */
export const planCompareQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

/** `GET /api/courses/:id/plan/export`. */
export const planExportQuery = z.object({
  format: z.enum(PLAN_EXPORT_FORMATS).default('pdf'),
  law: z.enum(LAWS).optional(),
  member: z.uuid().optional(),
});
export type PlanExportQuery = z.infer<typeof planExportQuery>;

// ---------- responses ----------

/** Who changed the plan when, with whom. */
export const planVersionInfoSchema = z.object({
  version: z.number(),
  changedAt: z.string(),
  changedBy: z.string(),
  participants: z.array(z.string()),
  note: z.string().nullable(),
});
export type PlanVersionInfo = z.infer<typeof planVersionInfoSchema>;

/** One version of the plan, its parts filtered by the reader's access. */
export const planVersionSchema = planVersionInfoSchema.extend({ plan: planSchema });
export type PlanVersion = z.infer<typeof planVersionSchema>;

/** `PUT /api/courses/:id/plan`: the new version and how many parties were mailed. */
export const planSavedSchema = z.object({
  version: z.number(),
  /** How many responsible were mailed about the change. */
  notified: z.number(),
  /** The responsible of changed actions who were not mailed: a party without e-mail, the citizen. */
  notNotified: z.array(z.string()),
});
export type PlanSaved = z.infer<typeof planSavedSchema>;

/** `GET /api/courses/:id/plan/versions`. */
export const planVersionListSchema = z.object({ versions: z.array(planVersionInfoSchema) });
export type PlanVersionList = z.infer<typeof planVersionListSchema>;

/** One difference between two plan versions. */
export const planChangeSchema = z.object({
  kind: z.enum(PLAN_CHANGE_KINDS),
  memberId: z.string(),
  /** e.g. `goal`, `subGoals[<id>].text`, `actions[<id>].status`. */
  path: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type PlanChange = z.infer<typeof planChangeSchema>;

/** `GET /api/courses/:id/plan/compare`. */
export const planComparisonSchema = z.object({
  from: z.number(),
  to: z.number(),
  changes: z.array(planChangeSchema),
});
export type PlanComparison = z.infer<typeof planComparisonSchema>;

/** `GET /api/courses/:id/plan/export`: a file, not JSON. */
export const planExportResponse = fileResponse(
  'The plan as a file: application/pdf (format=pdf) or text/plain (format=text), sent as an attachment',
);
