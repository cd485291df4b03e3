/** The HTTP contract of progression: the municipality's instruments, a course's schedule, answers. */
import { z } from 'zod';
import { freeText, requiredText } from './en-plan.schema.js';
import {
  DEFAULT_INTERVAL_MONTHS,
  INSTRUMENT_GROUPS,
  ITEM_KINDS,
  RESPONDENT_KINDS,
} from './progression.js';

/** `/api/progression/instruments/:instrumentId`. */
export const instrumentParams = z.object({ instrumentId: z.uuid() });

// ---------- requests ----------

/** One short item of an instrument; `id` is stable so its curve survives rewording. */
export const instrumentItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits and dashes, at most 40'),
  text: requiredText(300),
  kind: z.enum(ITEM_KINDS),
  /** Words at the ends of a scale, e.g. "Slet ikke" … "Helt". */
  low: freeText(60).optional(),
  high: freeText(60).optional(),
});
export type InstrumentItem = z.infer<typeof instrumentItemSchema>;

/** `POST /api/progression/instruments`. */
export const instrumentInput = z.object({
  name: requiredText(200),
  targetGroup: z.enum(INSTRUMENT_GROUPS),
  description: freeText(2000).optional(),
  items: z.array(instrumentItemSchema).max(30),
});
export type InstrumentInput = z.infer<typeof instrumentInput>;

/** `PATCH /api/progression/instruments/:instrumentId`: edit or archive. */
export const instrumentChange = instrumentInput
  .partial()
  .extend({ archived: z.boolean().optional() });
export type InstrumentChange = z.infer<typeof instrumentChange>;

/** `PUT /api/courses/:id/progression/schedule`. */
export const scheduleInput = z.object({
  instrumentId: z.uuid(),
  intervalMonths: z.number().int().min(1).max(24).default(DEFAULT_INTERVAL_MONTHS),
});
export type ScheduleInput = z.infer<typeof scheduleInput>;

/** An answer: a whole number on the item's scale, yes/no, or free text; skipped items are left out. */
export const progressionAnswers = z.record(
  z.string().max(40),
  z.union([z.number(), z.boolean(), z.string().max(2000)]),
);

/** `POST /api/courses/:id/progression/responses`. */
export const responseRecordInput = z.object({
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
});

/** An instrument as the API shows it. */
export const instrumentSchema = z.object({
  id: z.string(),
  name: z.string(),
  targetGroup: z.enum(INSTRUMENT_GROUPS),
  description: z.string(),
  items: z.array(itemSchema),
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
  answers: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
});
export type ProgressionResponse = z.infer<typeof progressionResponseSchema>;

/** When a measurement is due: `start`, `m6`, `m12`, … or `afslutning`, on an ISO date. */
export const occasionSchema = z.object({ key: z.string(), due: z.string() });
export type Occasion = z.infer<typeof occasionSchema>;

/** A course's progression: schedule, occasions, what is due, and every answer. */
export const progressionSchema = z.object({
  schedule: z
    .object({
      instrumentId: z.string(),
      intervalMonths: z.number(),
      occasions: z.array(occasionSchema.extend({ answered: z.boolean() })),
      next: occasionSchema.nullable(),
      due: occasionSchema.nullable(),
    })
    .nullable(),
  instruments: z.array(instrumentSchema),
  responses: z.array(progressionResponseSchema),
});
export type Progression = z.infer<typeof progressionSchema>;
