/** Schemas shared by every feature's contract: ids, timestamps and two-language texts. */
import { z } from 'zod';

/** A row id (UUID). */
export const id = z.uuid();

/** A moment in time as an ISO 8601 string with offset, as the API sends every timestamp. */
export const isoDateTime = z.iso.datetime({ offset: true });

/** A calendar date as `YYYY-MM-DD`. */
export const isoDate = z.iso.date();

/** A human text in both of the product's languages (messages, labels). */
export const text = z.object({ da: z.string(), en: z.string() });
export type Text = z.infer<typeof text>;
