/**
 * The intervention study on citizens' cases: random allocation of a period's eligible
 * courses to intervention or control (`/api/allocations…`), a course's arm and case
 * intervention, and the case-level comparison of the arms.
 */
import { z } from 'zod';
import { comparisonSchema, didResultSchema } from './analysis.schema.js';
import { interventionSchema } from './interventions.schema.js';

const isoDay = z.iso.date();

/** `POST /api/allocations`: the period whose eligible courses are allocated (inclusive). */
export const allocationInput = z.object({ from: isoDay, to: isoDay });
export type AllocationInput = z.infer<typeof allocationInput>;

/** `GET /api/allocations/eligible?from&to`. */
export const allocationPeriodQuery = allocationInput;

/** `/api/allocations/:id`. */
export const allocationParams = z.object({ id: z.uuid() });

/** A course eligible for (or in) an allocation, without anything about the citizen. */
export const allocationCourseSchema = z.object({
  courseId: z.string(),
  startDate: z.string(),
  /** The municipality's own units in the network (outside actors not counted). */
  municipalUnits: z.number(),
  authorityFunctions: z.number(),
  mostComplex: z.boolean(),
});
export type AllocationCourse = z.infer<typeof allocationCourseSchema>;

/** `GET /api/allocations/eligible`: what an allocation of the period would take. */
export const eligibleSchema = z.object({
  from: z.string(),
  to: z.string(),
  rule: z.string(),
  courses: z.array(allocationCourseSchema),
});
export type Eligible = z.infer<typeof eligibleSchema>;

/** One measure's comparison: after-only (Welch, control → intervention) and DiD; null when an arm has no data. */
export const caseMeasureComparisonSchema = z.object({
  afterOnly: comparisonSchema.nullable(),
  did: didResultSchema.nullable(),
});
export type CaseMeasureComparison = z.infer<typeof caseMeasureComparisonSchema>;

/** All allocated cases, or the most complex ones (> 5 municipal units, ≥ 2 authority functions). */
export const caseComparisonGroupSchema = z.object({
  key: z.enum(['all', 'mostComplex']),
  cases: z.object({ intervention: z.number(), kontrol: z.number() }),
  rk: caseMeasureComparisonSchema,
  leadership: caseMeasureComparisonSchema,
});
export type CaseComparisonGroup = z.infer<typeof caseComparisonGroupSchema>;

/** The comparison of the arms at case level. */
export const caseComparisonSchema = z.object({
  minGroup: z.number(),
  groups: z.array(caseComparisonGroupSchema),
});
export type CaseComparison = z.infer<typeof caseComparisonSchema>;

const arm = z.enum(['intervention', 'kontrol']);

/** An allocation in a list. */
export const allocationSummarySchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  seed: z.number(),
  rule: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  counts: z.object({ intervention: z.number(), kontrol: z.number() }),
});
export type AllocationSummary = z.infer<typeof allocationSummarySchema>;

/** `GET /api/allocations`: newest first. */
export const allocationListSchema = z.array(allocationSummarySchema);

/** One allocation with its courses' arms and the comparison. */
export const allocationSchema = allocationSummarySchema.extend({
  courses: z.array(allocationCourseSchema.extend({ arm, interventionId: z.string().nullable() })),
  comparison: caseComparisonSchema,
});
export type Allocation = z.infer<typeof allocationSchema>;

/** `GET /api/allocations/:id/verify`: the arms re-derived from the recorded seed and courses. */
export const allocationVerifySchema = z.object({
  id: z.string(),
  seed: z.number(),
  courses: z.number(),
  matches: z.boolean(),
  /** Courses whose recorded arm differs from the re-derived one. */
  differences: z.array(z.string()),
});
export type AllocationVerify = z.infer<typeof allocationVerifySchema>;

/** `GET /api/courses/:id/case-intervention`: the course's arm and its case intervention. */
export const courseCaseInterventionSchema = z.object({
  courseId: z.string(),
  arm: arm.nullable(),
  allocation: z.object({ id: z.string(), from: z.string(), to: z.string() }).nullable(),
  intervention: interventionSchema.nullable(),
  /** The course's parties that can take part in the meetings (not the citizen). */
  parties: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Whether the user may plan the case intervention (a leader of a unit in the network). */
  canPlan: z.boolean(),
});
export type CourseCaseIntervention = z.infer<typeof courseCaseInterventionSchema>;
