/** Writing to and reading from the append-only audit log. SQL only. */
import type { AuditAction } from '../../contract/audit.js';
import type { Db } from '../db/db.js';

/** One audit entry: who did what to which record (and which citizen, where relevant). */
export interface AuditInput {
  municipalityId: string | null;
  userId: string | null;
  /** One of the labelled actions, so the activity log never shows a raw key. */
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  citizenId?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown>;
  purgeAfter?: Date | null;
}

/** Append one entry to the audit log. */
export async function recordAudit(db: Db, entry: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      municipality_id: entry.municipalityId,
      user_id: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      citizen_id: entry.citizenId ?? null,
      reason: entry.reason ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      purge_after: entry.purgeAfter ?? null,
    })
    .execute();
}

/** Append what a staff user did in their own municipality to the audit log. */
export async function recordUserAudit(
  db: Db,
  user: { municipalityId: string; userId: string },
  action: AuditAction,
  entity: string,
  entityId: string | null,
  detail: Record<string, unknown>,
): Promise<void> {
  await recordAudit(db, {
    municipalityId: user.municipalityId,
    userId: user.userId,
    action,
    entity,
    entityId,
    detail,
  });
}

/** The newest entries of one municipality, with the acting user's name. */
export async function listAudit(db: Db, municipalityId: string, limit: number) {
  return db
    .selectFrom('audit_log')
    .leftJoin('app_user', 'app_user.id', 'audit_log.user_id')
    .where('audit_log.municipality_id', '=', municipalityId)
    .select([
      'audit_log.id',
      'audit_log.action',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.citizen_id',
      'audit_log.reason',
      'audit_log.detail',
      'audit_log.at',
      'app_user.name as user_name',
    ])
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute();
}
