/**
 * The HTTP contract of the Én plan fidelity checklist and implementation index
 * (docs/fidelity.md): a course's checklists, a draft, a submission, the coordinator's due
 * checklists and the index per course, unit and municipality over half-years.
 */
import { z } from 'zod';
import {
  FIDELITY_ANSWERS,
  FIDELITY_ELEMENTS,
  FIDELITY_QUESTION_IDS,
  FIDELITY_STATUSES,
} from './fidelity.js';
import { fileResponse } from './en-plan.schema.js';
import { occasionSchema } from './progression.schema.js';

/** `/api/courses/:id/fidelity/:occasion`: `m6`, `m12`, … or `afslutning`. */
export const fidelityOccasionParams = z.object({
  id: z.uuid(),
  occasion: z.string().regex(/^(m[1-9][0-9]{0,3}|afslutning)$/, 'm6, m12, … or afslutning'),
});

/** Answers by question id; a draft may leave questions out, a submission may not. */
export const fidelityAnswers = z.partialRecord(
  z.enum(FIDELITY_QUESTION_IDS as [string, ...string[]]),
  z.enum(FIDELITY_ANSWERS),
);
export type FidelityAnswers = z.infer<typeof fidelityAnswers>;

/** `PUT /api/courses/:id/fidelity/:occasion` (draft) and `POST …/submit`. */
export const fidelityAnswersInput = z.object({ answers: fidelityAnswers });
export type FidelityAnswersInput = z.infer<typeof fidelityAnswersInput>;

// ---------- responses ----------

/** A score 0–1 (null when nothing was scored) with the number of values behind it. */
export const fidelityPartSchema = z.object({ score: z.number().nullable(), n: z.number() });

const elementsSchema = z.object({
  plan: fidelityPartSchema,
  indgange: fidelityPartSchema,
  progression: fidelityPartSchema,
  maal: fidelityPartSchema,
}) satisfies z.ZodType<Record<(typeof FIDELITY_ELEMENTS)[number], unknown>>;

/** One checklist's score: the index (mean of scored items), counts, and per core element. */
export const checklistScoreSchema = z.object({
  index: z.number().nullable(),
  scored: z.number(),
  dontKnow: z.number(),
  elements: elementsSchema,
});

/** One course's checklist of one occasion. */
export const fidelityChecklistSchema = z.object({
  occasion: z.string(),
  due: z.string(),
  status: z.enum(FIDELITY_STATUSES),
  answers: z.record(z.string(), z.enum(FIDELITY_ANSWERS)),
  score: checklistScoreSchema,
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  /** Who saved it last. */
  answeredBy: z.string().nullable(),
});
export type FidelityChecklist = z.infer<typeof fidelityChecklistSchema>;

/** `GET /api/courses/:id/fidelity`: the occasions so far, what is due, and the checklists. */
export const courseFidelitySchema = z.object({
  occasions: z.array(occasionSchema.extend({ status: z.enum(['open', 'draft', 'submitted']) })),
  next: occasionSchema.nullable(),
  due: occasionSchema.nullable(),
  /** The reader is the coordinator and may fill in checklists. */
  canAnswer: z.boolean(),
  checklists: z.array(fidelityChecklistSchema),
  /** The course's index over its submitted checklists. */
  index: z.object({ index: z.number().nullable(), n: z.number(), elements: elementsSchema }),
});
export type CourseFidelity = z.infer<typeof courseFidelitySchema>;

/** `GET /api/fidelity/due`: the checklists due in the courses the user coordinates. */
export const fidelityDueSchema = z.object({
  due: z.array(
    z.object({
      courseId: z.string(),
      citizenName: z.string(),
      occasion: z.string(),
      due: z.string(),
      started: z.boolean(),
    }),
  ),
});
export type FidelityDue = z.infer<typeof fidelityDueSchema>;

/** A group of checklists' index (mean of their indices) with n = checklists. */
export const fidelityFigureSchema = z.object({
  index: z.number().nullable(),
  n: z.number(),
  elements: elementsSchema,
});
export type FidelityFigure = z.infer<typeof fidelityFigureSchema>;

/** A figure overall and per half-year (`2026-H1`, ascending). */
export const fidelitySeriesSchema = z.object({
  overall: fidelityFigureSchema,
  periods: z.array(z.object({ period: z.string(), figure: fidelityFigureSchema })),
});
export type FidelitySeries = z.infer<typeof fidelitySeriesSchema>;

/** `GET /api/fidelity/index`: per municipality (readers of all units), unit and course. */
export const fidelityIndexSchema = z.object({
  /** Every half-year with a submitted checklist in what the reader sees. */
  periods: z.array(z.string()),
  /** Null for a leader, who sees only their own unit. */
  municipality: fidelitySeriesSchema.nullable(),
  units: z.array(
    fidelitySeriesSchema.extend({ unitId: z.string().nullable(), unitName: z.string() }),
  ),
  /** Courses carry no citizen: the start date, status, unit and coordinator. */
  courses: z.array(
    fidelitySeriesSchema.extend({
      courseId: z.string(),
      startDate: z.string(),
      status: z.enum(['open', 'closed']),
      unitName: z.string(),
      coordinatorName: z.string(),
    }),
  ),
});
export type FidelityIndex = z.infer<typeof fidelityIndexSchema>;

/** `GET /api/fidelity/index/csv`: the index as a `;` CSV for Danish Excel. */
export const fidelityCsvResponse = fileResponse(
  'text/csv; charset=utf-8: one row per level (kommune, enhed, forløb) and period, percentages 0–100 and n',
);
