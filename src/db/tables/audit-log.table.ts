import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';
import type { CreatedAt } from './columns.js';

/**
 * Append-only audit log. A database trigger rejects every UPDATE, and every DELETE
 * of a row whose `purge_after` is unset or still in the future.
 */
export interface AuditLogTable {
  id: Generated<string>;
  municipality_id: string | null;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  /** Set when the entry concerns a citizen's course (Én plan). */
  citizen_id: string | null;
  reason: string | null;
  detail: JSONColumnType<Record<string, unknown>, string | undefined, never>;
  at: CreatedAt;
  purge_after: ColumnType<Date | null, Date | null | undefined, never>;
}

export type AuditEntry = Selectable<AuditLogTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
