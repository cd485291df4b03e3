/** Audit entries for citizen data: one per citizen whose data was returned or changed. */
import type { AuditAction } from '../../contract/audit.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from './course-access.js';
import type { Db } from '../db/db.js';

/**
 * Record `action` on a course once per citizen. `detail` must never hold a CPR number
 * or free text about the citizen: ids, field names and counts only.
 */
export async function auditCitizens(
  db: Db,
  actor: Pick<Actor, 'municipalityId' | 'userId'>,
  action: AuditAction,
  courseId: string,
  citizenIds: string[],
  extra: { detail?: Record<string, unknown>; reason?: string | null; purgeAfter?: Date } = {},
): Promise<void> {
  for (const citizenId of new Set(citizenIds)) {
    await recordAudit(db, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      action,
      entity: 'course',
      entityId: courseId,
      citizenId,
      reason: extra.reason ?? null,
      detail: extra.detail ?? {},
      purgeAfter: extra.purgeAfter ?? null,
    });
  }
}
