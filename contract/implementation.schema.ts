/**
 * The HTTP contract of implementation surveys of staff (`/api/implementation/…`,
 * docs/implementation.md): item sets, the surveys, and the report.
 */
import { z } from 'zod';
import {
  IMPLEMENTATION_CUTS,
  IMPLEMENTATION_ELEMENTS,
  IMPLEMENTATION_ITEM_KEY,
  IMPLEMENTATION_SCALES,
  MAX_IMPLEMENTATION_ITEMS,
} from './implementation.js';

/** One item: key, core element, scale and wording in both languages. */
export const implementationItemSchema = z.object({
  key: z.string().trim().regex(IMPLEMENTATION_ITEM_KEY, 'a–z, 0–9 and -, at most 40 characters'),
  element: z.enum(IMPLEMENTATION_ELEMENTS),
  scale: z.enum(IMPLEMENTATION_SCALES),
  da: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
});

/** `POST /api/implementation/item-sets` and `PUT …/:id`: a name and 1–40 items. */
export const itemSetInputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  items: z.array(implementationItemSchema).min(1).max(MAX_IMPLEMENTATION_ITEMS),
});
export type ItemSetInput = z.infer<typeof itemSetInputSchema>;

/** An item set; the built-in one (`builtIn`) cannot be changed, only copied. */
export const itemSetSchema = z.object({
  id: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
  items: z.array(implementationItemSchema),
  updatedAt: z.string().nullable(),
});
export type ItemSetView = z.infer<typeof itemSetSchema>;

/** `/api/implementation/item-sets/:id` (a uuid; `standard` is the built-in set). */
export const itemSetParams = z.object({ id: z.uuid() });

/** `POST /api/implementation/surveys`: a draft asking a copy of an item set. */
export const implementationSurveyInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  /** An item set's id, or `standard`. */
  itemSetId: z.string().min(1).max(40),
  unitIds: z.array(z.uuid()).min(1).max(500),
  minGroup: z.number().int().min(3).max(50).nullable().default(null),
  closesAt: z.coerce.date().nullable().default(null),
});
export type ImplementationSurveyInput = z.infer<typeof implementationSurveyInputSchema>;

/** An implementation survey, with how many were invited and (rounded while open) answered. */
export const implementationSurveySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  minGroup: z.number(),
  closesAt: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  items: z.array(implementationItemSchema),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ImplementationSurveyView = z.infer<typeof implementationSurveySchema>;

/** `:id` of an implementation survey. */
export const implementationSurveyParams = z.object({ id: z.uuid() });

/** A group of the report (everyone, a unit, a role), hidden with its reason. */
export const implementationGroupSchema = z.object({
  key: z.string(),
  cut: z.enum(IMPLEMENTATION_CUTS),
  label: z.object({ da: z.string(), en: z.string() }),
  n: z.number().nullable(),
  suppressed: z.boolean(),
  suppressedReason: z.enum(['small', 'complementary']).nullable(),
});

/** `GET /api/implementation/surveys/:id/report`: per item, % per option and n per group. */
export const implementationReportSchema = z.object({
  survey: implementationSurveySchema,
  minGroup: z.number(),
  groups: z.array(implementationGroupSchema),
  items: z.array(
    implementationItemSchema.extend({
      rows: z.array(
        z.object({
          groupKey: z.string(),
          n: z.number().nullable(),
          /** Percent (one decimal) per option: 5 … 1, then "Ved ikke"; null when hidden or empty. */
          percent: z.array(z.number()).nullable(),
        }),
      ),
    }),
  ),
});
export type ImplementationReport = z.infer<typeof implementationReportSchema>;
