/** Consents as SQL: recorded, listed and withdrawn; never deleted on their own. */
import type { NewConsent } from '../db/tables/consent.table.js';
import type { Db } from '../db/db.js';
import { insertRow } from '../db/tenant-rows.js';

/** Consents of the given courses, oldest first. */
export async function listConsents(db: Db, municipalityId: string, courseIds: string[]) {
  if (courseIds.length === 0) return [];
  return db
    .selectFrom('consent')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('course_id', 'in', courseIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export const insertConsent = (db: Db, consent: NewConsent) => insertRow(db, 'consent', consent);

/** Mark a consent withdrawn, once; `undefined` when it was withdrawn already. */
export async function withdrawConsent(
  db: Db,
  municipalityId: string,
  courseId: string,
  id: string,
  by: string,
  reason: string | null,
) {
  return db
    .updateTable('consent')
    .set({ withdrawn_at: new Date(), withdrawn_by: by, withdraw_reason: reason })
    .where('municipality_id', '=', municipalityId)
    .where('course_id', '=', courseId)
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}
