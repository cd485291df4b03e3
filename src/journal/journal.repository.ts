/** The course journal and the information register as SQL. Every query names the municipality. */
import type { Db } from '../db/db.js';
import { rowOf, selectCourseRows } from '../db/tenant-rows.js';
import type {
  JournalRevision,
  NewJournalEntry,
  NewObtainedInformation,
} from '../db/tables/journal.table.js';

/** A course's journal entries, newest first. */
export async function listEntries(db: Db, municipalityId: string, courseId: string) {
  return selectCourseRows(db, 'journal_entry', municipalityId, courseId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** One entry of the course, locked for the change that follows; `undefined` when not the course's. */
export async function findEntryForUpdate(
  db: Db,
  municipalityId: string,
  courseId: string,
  id: string,
) {
  return selectCourseRows(db, 'journal_entry', municipalityId, courseId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Lock the course's row, so two registrations of the same information queue up. */
export async function lockCourse(db: Db, municipalityId: string, courseId: string) {
  await db
    .selectFrom('course')
    .select('id')
    .where(rowOf(municipalityId, courseId))
    .forUpdate()
    .execute();
}

export async function insertEntry(db: Db, row: NewJournalEntry) {
  return db.insertInto('journal_entry').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Replace an entry's text, keeping the texts it had in `history`. */
export async function correctEntry(
  db: Db,
  municipalityId: string,
  id: string,
  text: string,
  history: JournalRevision[],
  at: Date,
) {
  await db
    .updateTable('journal_entry')
    .set({ text, history: JSON.stringify(history), corrected_at: at })
    .where(rowOf(municipalityId, id))
    .execute();
}

/** Mark an entry as wrong; its text stays. */
export async function markEntryWrong(
  db: Db,
  municipalityId: string,
  id: string,
  reason: string,
  at: Date,
) {
  await db
    .updateTable('journal_entry')
    .set({ wrong_at: at, wrong_reason: reason })
    .where(rowOf(municipalityId, id))
    .execute();
}

/** A course's register of information obtained, newest obtained first. */
export async function listInformation(db: Db, municipalityId: string, courseId: string) {
  return selectCourseRows(db, 'obtained_information', municipalityId, courseId)
    .orderBy('obtained_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertInformation(db: Db, row: NewObtainedInformation) {
  return db
    .insertInto('obtained_information')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The name of a unit of the municipality, if it exists. */
export async function unitName(db: Db, municipalityId: string, unitId: string) {
  const row = await db
    .selectFrom('unit')
    .select('name')
    .where(rowOf(municipalityId, unitId))
    .executeTakeFirst();
  return row?.name ?? null;
}
