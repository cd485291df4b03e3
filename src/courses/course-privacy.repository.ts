/** The audit log as it concerns citizens: their entries, marking them for purge, purging. */
import { sql } from 'kysely';
import type { Db } from '../db/db.js';

/** Entries about the given citizens or the course, oldest first, with the user's name. */
export async function listCitizenAudit(
  db: Db,
  municipalityId: string,
  citizenIds: string[],
  courseId: string | null,
) {
  return db
    .selectFrom('audit_log')
    .leftJoin('app_user', 'app_user.id', 'audit_log.user_id')
    .where('audit_log.municipality_id', '=', municipalityId)
    .where((eb) => {
      const ors = [];
      if (citizenIds.length > 0) ors.push(eb('audit_log.citizen_id', 'in', citizenIds));
      if (courseId !== null) {
        ors.push(
          eb.and([eb('audit_log.entity', '=', 'course'), eb('audit_log.entity_id', '=', courseId)]),
        );
      }
      return ors.length > 0 ? eb.or(ors) : eb.val(false);
    })
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.citizen_id',
      'audit_log.reason',
      'audit_log.detail',
      'app_user.name as user_name',
    ])
    .orderBy('audit_log.id')
    .execute();
}

/**
 * Give a deleted course's entries their purge date. The audit trigger (migration 0005)
 * allows exactly this update: setting an unset `purge_after`, nothing else.
 */
export async function markAuditForPurge(
  db: Db,
  municipalityId: string,
  citizenIds: string[],
  courseId: string,
  purgeAfter: Date,
): Promise<number> {
  const result = await sql`
    UPDATE audit_log SET purge_after = ${purgeAfter}
    WHERE municipality_id = ${municipalityId} AND purge_after IS NULL
      AND (citizen_id = ANY(${citizenIds}::uuid[]) OR (entity = 'course' AND entity_id = ${courseId}))`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0);
}

/** Delete every entry whose purge date has passed; returns how many. */
export async function purgeAudit(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('audit_log')
    .where('purge_after', 'is not', null)
    .where('purge_after', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
