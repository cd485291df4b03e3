/** Requests and responses of a measurement's exports (`/api/measurements/:id/export/:format`). */
import { z } from 'zod';
import { EXPORT_FORMATS, REPORT_LANGUAGES } from './reports.js';

/**
 * A success body that is a file (PDF, CSV, XLSX, GraphML, GEXF), not JSON: documented in
 * OpenAPI as a binary string. Fastify sends Buffers and non-JSON strings as they are, so
 * the serializer never sees it.
 */
export const fileResponse = (description: string) =>
  z
    .custom<Uint8Array | string>((v) => typeof v === 'string' || v instanceof Uint8Array)
    .meta({ type: 'string', format: 'binary', description });

/** `:id` of the measurement and the `:format`. */
export const exportParams = z.object({ id: z.uuid(), format: z.enum(EXPORT_FORMATS) });

/** `?table=` (CSV), `?wave=` (GraphML, GEXF), `?lang=` (PDF). */
export const exportQuery = z.object({
  table: z.string().max(40).optional(),
  wave: z.string().max(40).optional(),
  lang: z.enum(REPORT_LANGUAGES).optional(),
});

/** The downloaded file. */
export const exportFileResponse = fileResponse(
  'The file: application/pdf, text/csv, XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet), application/graphml+xml or application/gexf+xml',
);
