/**
 * Field rules and params the Én plan contracts share (courses, plans, consents, meetings,
 * progression, citizen view): free text kept as given, dates, the course in the path, files.
 */
import { z } from 'zod';

/** Free text is kept as given (no trimming, no sanitising); only its length is limited. */
export const freeText = (max: number) => z.string().max(max);
/** Free text that must hold more than white space. */
export const requiredText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'required');
/** An ISO date `YYYY-MM-DD`. */
export const isoDate = z.iso.date();
/** A CPR number as typed; the service parses it and never echoes it. */
export const cpr = z.string().max(20);
/** An e-mail address, or empty for none. */
export const optionalEmail = z.union([
  z.literal(''),
  z.string().trim().toLowerCase().email().max(254),
]);
/** A phone number as typed. */
export const phone = z.string().max(50);

/**
 * A success body that is a file (PDF, text, iCalendar), not JSON: documented in OpenAPI as a
 * binary string. Fastify sends Buffers and non-JSON strings as they are, so nothing checks it.
 */
export const fileResponse = (description: string) =>
  z
    .custom<Uint8Array | string>((v) => typeof v === 'string' || v instanceof Uint8Array)
    .meta({ type: 'string', format: 'binary', description });

/** An empty success answer (204); OpenAPI shows it as `null`, the handler sends nothing. */
export const noContent = z.undefined().describe('No content');

/** `/api/courses/:id`. */
export const courseParams = z.object({ id: z.uuid() });
