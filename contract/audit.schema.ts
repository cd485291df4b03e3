/**
 * The audit log API (`GET /api/audit`): the query and the success response as zod
 * schemas, and the entry type the web uses (`import type` only).
 */
import { z } from 'zod';

/** `GET /api/audit?limit=`: how many of the newest entries. */
export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** One audit log entry: who did what to which record (and which citizen, where relevant). */
export const auditEntry = z.object({
  id: z.string(),
  /** ISO time. */
  at: z.string(),
  /** The acting user's name; null for the system or a citizen. */
  user: z.string().nullable(),
  /** What was done, e.g. `create`, `update`, `login`, `import` (features add their own). */
  action: z.string(),
  /** What kind of record, e.g. `unit`, `person`, `session`. */
  entity: z.string(),
  entityId: z.string().nullable(),
  citizenId: z.string().nullable(),
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
/** An audit log entry as the API returns it. */
export type AuditEntry = z.infer<typeof auditEntry>;

/** `GET /api/audit`: newest first. */
export const auditList = z.array(auditEntry);
