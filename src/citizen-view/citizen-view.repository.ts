/** Citizen links, sessions, messages and citizen-scale answers as SQL. */
import type { NewCitizenLink, NewCitizenSession } from '../db/tables/citizen-view.table.js';
import type { Db } from '../db/db.js';
import { insertRow, selectCourseRows } from '../db/tenant-rows.js';

export const insertLink = (db: Db, link: NewCitizenLink) => insertRow(db, 'citizen_link', link);

export async function findLinkByToken(db: Db, courseId: string, tokenHash: string) {
  return db
    .selectFrom('citizen_link')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function listLinks(db: Db, municipalityId: string, courseId: string) {
  return selectCourseRows(db, 'citizen_link', municipalityId, courseId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function updateLink(
  db: Db,
  id: string,
  change: Partial<{
    code_hash: string | null;
    code_expires_at: Date | null;
    codes_sent: number;
    failed_attempts: number;
    locked_at: Date | null;
    revoked_at: Date | null;
  }>,
) {
  return db
    .updateTable('citizen_link')
    .set(change)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertSession(db: Db, row: NewCitizenSession) {
  await db.insertInto('citizen_session').values(row).execute();
}

/** A live citizen session with its link. */
export async function findSession(db: Db, idHash: string, now: Date) {
  return db
    .selectFrom('citizen_session')
    .innerJoin('citizen_link', 'citizen_link.id', 'citizen_session.link_id')
    .where('citizen_session.id_hash', '=', idHash)
    .where('citizen_session.expires_at', '>', now)
    .select([
      'citizen_session.link_id',
      'citizen_session.municipality_id',
      'citizen_session.course_id',
      'citizen_session.member_id',
      'citizen_session.expires_at',
      'citizen_link.revoked_at',
      'citizen_link.locked_at',
      'citizen_link.expires_at as link_expires_at',
    ])
    .executeTakeFirst();
}

export async function deleteSession(db: Db, idHash: string) {
  await db.deleteFrom('citizen_session').where('id_hash', '=', idHash).execute();
}

export async function insertMessage(
  db: Db,
  row: {
    municipality_id: string;
    course_id: string;
    member_id: string;
    kind: 'kommentar' | 'oenske';
    text: string;
  },
) {
  return db.insertInto('citizen_message').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listMessages(db: Db, municipalityId: string, courseId: string) {
  return selectCourseRows(db, 'citizen_message', municipalityId, courseId)
    .orderBy('created_at')
    .execute();
}

export async function insertScaleRequest(
  db: Db,
  row: { municipality_id: string; course_id: string; member_id: string; requested_by: string },
) {
  return db
    .insertInto('citizen_scale')
    .values({ ...row, answers: null, answered_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listScales(db: Db, municipalityId: string, courseId: string) {
  return selectCourseRows(db, 'citizen_scale', municipalityId, courseId)
    .orderBy('requested_at')
    .execute();
}

/** Answer an open request; only the first answer sticks. */
export async function answerScale(db: Db, id: string, answers: string) {
  return db
    .updateTable('citizen_scale')
    .set({ answers, answered_at: new Date() })
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}
