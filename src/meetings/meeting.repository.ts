/** Meetings of courses as SQL. Every query names the municipality. */
import type { MeetingUpdate, NewMeeting } from '../db/tables/meeting.table.js';
import type { Db } from '../db/db.js';
import { insertRow, rowOf, selectCourseRows } from '../db/tenant-rows.js';

export const insertMeeting = (db: Db, meeting: NewMeeting) => insertRow(db, 'meeting', meeting);

export async function listMeetings(db: Db, municipalityId: string, courseId: string) {
  return selectCourseRows(db, 'meeting', municipalityId, courseId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

export async function findMeeting(db: Db, municipalityId: string, courseId: string, id: string) {
  return selectCourseRows(db, 'meeting', municipalityId, courseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateMeeting(
  db: Db,
  municipalityId: string,
  id: string,
  change: MeetingUpdate,
) {
  return db
    .updateTable('meeting')
    .set(change)
    .where(rowOf(municipalityId, id))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Claim the reminder of one planned meeting at one sequence: only the first claim
 * returns the row, so a reminder job that runs twice never mails twice.
 */
export async function claimReminder(db: Db, id: string, sequence: number) {
  return db
    .updateTable('meeting')
    .set({ reminded_at: new Date() })
    .where('id', '=', id)
    .where('sequence', '=', sequence)
    .where('status', '=', 'planned')
    .where('reminded_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}
