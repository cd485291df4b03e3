/** The HTTP contract of progression: the municipality's instruments, a course's schedule, answers. */
import { z } from 'zod';
import { freeText, requiredText } from './en-plan.schema.js';
import {
  CLOSING_STATUSES,
  DEFAULT_INTERVAL_MONTHS,
  INSTRUMENT_GROUPS,
  INSTRUMENT_STRUCTURES,
  ITEM_KINDS,
  RESPONDENT_KINDS,
  RESPONDENT_SIDES,
  SUBSCALE_METHODS,
} from './progression.js';

/** `/api/progression/instruments/:instrumentId`. */
export const instrumentParams = z.object({ instrumentId: z.uuid() });

// ---------- requests ----------

const itemId = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits and dashes, at most 40');

/** One answer option of an `options` item: its wording and the score it counts. */
export const answerOptionSchema = z.object({
  label: requiredText(80),
  score: z.number().min(-100).max(100),
});
export type AnswerOption = z.infer<typeof answerOptionSchema>;

/** One short item of an instrument; `id` is stable so its curve survives rewording. */
export const instrumentItemSchema = z.object({
  id: itemId,
  text: requiredText(300),
  kind: z.enum(ITEM_KINDS),
  /** Words at the ends of a scale, e.g. "Slet ikke" … "Helt". */
  low: freeText(60).optional(),
  high: freeText(60).optional(),
  /** The answer options of an `options` item; the answer is the chosen option's index. */
  options: z.array(answerOptionSchema).max(10).optional(),
});
export type InstrumentItem = z.infer<typeof instrumentItemSchema>;

/** A sub-scale: named items combined by sum or mean (see `src/progression/scoring.ts`). */
export const subscaleSchema = z.object({
  id: itemId,
  name: requiredText(120),
  method: z.enum(SUBSCALE_METHODS),
  items: z.array(itemId).min(1).max(30),
});
export type Subscale = z.infer<typeof subscaleSchema>;

/** `POST /api/progression/instruments`. */
export const instrumentInput = z.object({
  name: requiredText(200),
  targetGroup: z.enum(INSTRUMENT_GROUPS),
  description: freeText(2000).optional(),
  items: z.array(instrumentItemSchema).max(30),
  structure: z.enum(INSTRUMENT_STRUCTURES).default('general'),
  subscales: z.array(subscaleSchema).max(10).default([]),
  /** Where licensed wording comes from and under which licence. */
  source: freeText(300).optional(),
});
export type InstrumentInput = z.infer<typeof instrumentInput>;

/** `PATCH /api/progression/instruments/:instrumentId`: edit or archive. */
export const instrumentChange = instrumentInput
  .extend({
    structure: z.enum(INSTRUMENT_STRUCTURES),
    subscales: z.array(subscaleSchema).max(10),
  })
  .partial()
  .extend({ archived: z.boolean().optional() });
export type InstrumentChange = z.infer<typeof instrumentChange>;

/** `PUT /api/courses/:id/progression/schedule`. */
export const scheduleInput = z.object({
  instrumentId: z.uuid(),
  intervalMonths: z.number().int().min(1).max(24).default(DEFAULT_INTERVAL_MONTHS),
  /** Further instruments the course uses beside the main one (replaces the earlier list). */
  moreInstrumentIds: z.array(z.uuid()).max(5).optional(),
});
export type ScheduleInput = z.infer<typeof scheduleInput>;

/** An answer: a whole number on the item's scale, yes/no, or free text; skipped items are left out. */
export const progressionAnswers = z.record(
  z.string().max(40),
  z.union([z.number(), z.boolean(), z.string().max(2000)]),
);

/** `POST /api/courses/:id/progression/responses`. */
export const responseRecordInput = z.object({
  /** The instrument answered; the schedule's main instrument when left out. */
  instrumentId: z.uuid().optional(),
  /** The member the answer is about (a child for a per-child instrument); the citizen when left out. */
  memberId: z.uuid().optional(),
  answeredBy: z.enum(RESPONDENT_KINDS),
  occasion: z.string().max(20).optional(),
  answers: progressionAnswers,
});
export type ResponseRecordInput = z.infer<typeof responseRecordInput>;

// ---------- responses ----------

const itemSchema = z.object({
  id: z.string(),
  text: z.string(),
  kind: z.enum(ITEM_KINDS),
  low: z.string().optional(),
  high: z.string().optional(),
  options: z.array(z.object({ label: z.string(), score: z.number() })).optional(),
});

/** An instrument as the API shows it. */
export const instrumentSchema = z.object({
  id: z.string(),
  name: z.string(),
  targetGroup: z.enum(INSTRUMENT_GROUPS),
  description: z.string(),
  items: z.array(itemSchema),
  structure: z.enum(INSTRUMENT_STRUCTURES),
  subscales: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      method: z.enum(SUBSCALE_METHODS),
      items: z.array(z.string()),
    }),
  ),
  source: z.string(),
  isDefault: z.boolean(),
  archived: z.boolean(),
});
export type Instrument = z.infer<typeof instrumentSchema>;

/** `GET /api/progression/instruments`. */
export const instrumentListSchema = z.object({ instruments: z.array(instrumentSchema) });
export type InstrumentList = z.infer<typeof instrumentListSchema>;

/** One answered measurement of one member at one occasion. */
export const progressionResponseSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  instrumentId: z.string(),
  occasion: z.string(),
  answeredAt: z.string(),
  answeredBy: z.enum(RESPONDENT_KINDS),
  respondent: z.enum(RESPONDENT_SIDES),
  answers: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
  /** Each sub-scale's score, or null when too few of its items were answered. */
  scores: z.record(z.string(), z.number().nullable()),
});
export type ProgressionResponse = z.infer<typeof progressionResponseSchema>;

/** When a measurement is due: `start`, `m6`, `m12`, … or `afslutning`, on an ISO date. */
export const occasionSchema = z.object({ key: z.string(), due: z.string() });
export type Occasion = z.infer<typeof occasionSchema>;

/** `PUT /api/courses/:id/progression/closing`: the citizen's experience and status at closure. */
export const closingInput = z.object({
  /** "Hvordan har forløbet været for dig?" 1–5; left out when the citizen did not say. */
  experience: z.number().int().min(1).max(5).optional(),
  status: z.enum(CLOSING_STATUSES),
});
export type ClosingInput = z.infer<typeof closingInput>;

/** `POST /api/courses/:id/close`: optionally the closing, recorded in the same step. */
export const closeCourseBody = z
  .object({ closing: closingInput.optional() })
  .nullish()
  .transform((body) => body ?? {});
export type CloseCourseBody = z.input<typeof closeCourseBody>;

/** What was recorded when the course closed. */
export const closingSchema = z.object({
  experience: z.number().nullable(),
  status: z.enum(CLOSING_STATUSES),
  recordedAt: z.string(),
});
export type Closing = z.infer<typeof closingSchema>;

/** A course's progression: schedule, occasions, what is due, and every answer. */
export const progressionSchema = z.object({
  schedule: z
    .object({
      instrumentId: z.string(),
      /** Every instrument the course uses, the main one first. */
      instrumentIds: z.array(z.string()),
      intervalMonths: z.number(),
      occasions: z.array(occasionSchema.extend({ answered: z.boolean() })),
      next: occasionSchema.nullable(),
      due: occasionSchema.nullable(),
    })
    .nullable(),
  instruments: z.array(instrumentSchema),
  responses: z.array(progressionResponseSchema),
  closing: closingSchema.nullable(),
});
export type Progression = z.infer<typeof progressionSchema>;
