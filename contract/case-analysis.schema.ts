/**
 * Requests and responses of case-level relational capacity: a course's case
 * measurements (`/api/courses/:id/case-analysis…`) and the analysis across courses.
 */
import { z } from 'zod';
import { didResultSchema, networkResultSchema, tieResultSchema } from './analysis.schema.js';
import { ARMS, MEASUREMENT_STATUSES } from './measurements.js';

const numOrNull = z.number().nullable();

/** `POST /api/courses/:id/case-analysis`: start a case measurement. */
export const startCaseBody = z
  .object({
    minGroup: z.number().int().min(3, 'never below 3').max(1000).nullable().default(null),
    includeUnitMembers: z.boolean().default(false),
    /** Ask the leadership items too; null: only on courses in the intervention study. */
    includeLeadership: z.boolean().nullable().default(null),
  })
  .default({ minGroup: null, includeUnitMembers: false, includeLeadership: null });

/** `:id` of the course and `:measurementId` of its case measurement. */
export const caseMeasurementParams = z.object({ id: z.uuid(), measurementId: z.uuid() });

/** `PUT /api/courses/:id/case-analysis/arm`: intervention, control, or neither (null). */
export const caseArmBody = z.object({ arm: z.enum(ARMS).nullable() });

/** One case's relational capacity in one wave. */
export const caseRkSchema = z.object({
  rk: numOrNull,
  /** Respondents with at least one pair score about another unit; null when suppressed. */
  n: numOrNull,
  suppressed: z.boolean(),
});
/** One case's relational capacity in one wave. */
export type CaseRk = z.infer<typeof caseRkSchema>;

/** The network's result as a whole; ties only where they and their unit's split are safe. */
export const caseResultSchema = z.object({
  thresholds: z.object({ high: z.number(), low: z.number() }),
  caseRk: caseRkSchema,
  network: networkResultSchema,
  ties: z.array(tieResultSchema),
});
/** The group result of a closed case measurement. */
export type CaseResult = z.infer<typeof caseResultSchema>;

/** A case measurement as the course page shows it. */
export const caseMeasurementSchema = z.object({
  id: z.string(),
  wave: z.string(),
  status: z.enum(MEASUREMENT_STATUSES),
  minGroup: z.number(),
  invited: z.number(),
  /** Finished answers; null while 0 < finished < minGroup; rounded down to steps of minGroup while open. */
  finished: numOrNull,
  finishedSuppressed: z.boolean(),
  /** The group result, only when closed. */
  result: caseResultSchema.nullable(),
});
/** A case measurement as the course page shows it. */
export type CaseMeasurementView = z.infer<typeof caseMeasurementSchema>;

/** A course's case measurements, its arm, units and (for its owners) the citizen score. */
export const caseAnalysisSchema = z.object({
  courseId: z.string(),
  arm: z.enum(ARMS).nullable(),
  units: z.number(),
  canStart: z.boolean(),
  defaultMinGroup: z.number(),
  /** Only the course's owners see the citizen's own answers. */
  citizenScore: numOrNull,
  measurements: z.array(caseMeasurementSchema),
});
/** A course's case analysis. */
export type CaseAnalysis = z.infer<typeof caseAnalysisSchema>;

/** A published point of a scatter: two numbers rounded to 0.1. */
export const casePointSchema = z.object({ x: z.number(), y: z.number() });
/** A published point of a scatter. */
export type CasePoint = z.infer<typeof casePointSchema>;

/** A regression across cases, withheld (coefficients and points null) below minCases. */
export const caseRegressionSchema = z.object({
  slope: numOrNull,
  intercept: numOrNull,
  r: numOrNull,
  p: numOrNull,
  n: z.number(),
  elasticity: numOrNull,
  suppressed: z.boolean(),
  points: z.array(casePointSchema).nullable(),
});
/** A regression across cases. */
export type CaseRegression = z.infer<typeof caseRegressionSchema>;

/** The cross-case analysis. */
export const caseLevelResultSchema = z.object({
  /** Cases with a shown RK in their latest wave. */
  cases: z.number(),
  /** y = citizen score, x = case RK, over cases with both. */
  citizen: caseRegressionSchema,
  /** y = case RK, x = number of units. */
  units: caseRegressionSchema,
  /** Intervention against control over the first two waves; null when a cell is empty. */
  did: didResultSchema.nullable(),
});
/** The cross-case analysis. */
export type CaseLevelResult = z.infer<typeof caseLevelResultSchema>;

/** `GET /api/case-analysis`. */
export const caseLevelSchema = z.object({
  minCases: z.number(),
  courses: z.number(),
  result: caseLevelResultSchema,
});
/** Case RK across the municipality's courses. */
export type CaseLevel = z.infer<typeof caseLevelSchema>;
