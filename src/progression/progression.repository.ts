/** Progression instruments, schedules and answers as SQL. Every query names the municipality. */
import { sql } from 'kysely';
import type {
  NewProgressionInstrument,
  NewProgressionResponse,
  ProgressionInstrumentUpdate,
} from '../db/tables/progression.table.js';
import type { Db } from '../db/db.js';
import { findRow, insertRow, rowOf, selectCourseRows } from '../db/tenant-rows.js';
import type { ClosingStatus, ProgressionValue } from '../../contract/progression.js';

export async function listInstruments(db: Db, municipalityId: string) {
  return db
    .selectFrom('progression_instrument')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at')
    .orderBy('name')
    .execute();
}

export const findInstrument = (db: Db, municipalityId: string, id: string) =>
  findRow(db, 'progression_instrument', municipalityId, id);

/** Insert an instrument; a shipped default that is already there is left alone. */
export async function insertInstrument(db: Db, instrument: NewProgressionInstrument) {
  return db
    .insertInto('progression_instrument')
    .values(instrument)
    .onConflict((oc) => oc.columns(['municipality_id', 'default_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateInstrument(
  db: Db,
  municipalityId: string,
  id: string,
  change: ProgressionInstrumentUpdate,
) {
  return db
    .updateTable('progression_instrument')
    .set({ ...change, updated_at: new Date() })
    .where(rowOf(municipalityId, id))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findSchedule(db: Db, municipalityId: string, courseId: string) {
  return selectCourseRows(db, 'progression_schedule', municipalityId, courseId).executeTakeFirst();
}

export async function upsertSchedule(
  db: Db,
  row: {
    course_id: string;
    municipality_id: string;
    instrument_id: string;
    interval_months: number;
    created_by: string;
  },
) {
  return db
    .insertInto('progression_schedule')
    .values(row)
    .onConflict((oc) =>
      oc.column('course_id').doUpdateSet({
        instrument_id: row.instrument_id,
        interval_months: row.interval_months,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Mark an occasion reminded; only the first caller gets the row back. */
export async function claimOccasionReminder(db: Db, courseId: string, occasion: string) {
  return db
    .updateTable('progression_schedule')
    .set({ reminded: sql`reminded || ${JSON.stringify([occasion])}::jsonb` })
    .where('course_id', '=', courseId)
    .where(sql<boolean>`NOT (reminded @> ${JSON.stringify([occasion])}::jsonb)`)
    .returningAll()
    .executeTakeFirst();
}

export async function listResponses(db: Db, municipalityId: string, courseId: string) {
  return selectCourseRows(db, 'progression_response', municipalityId, courseId)
    .orderBy('answered_at')
    .execute();
}

export const insertResponse = (db: Db, row: NewProgressionResponse) =>
  insertRow(db, 'progression_response', row);

/** Replace the answers of one response (the citizen's autosave of her own answers). */
export async function updateResponseAnswers(
  db: Db,
  municipalityId: string,
  id: string,
  answers: Record<string, ProgressionValue>,
) {
  return db
    .updateTable('progression_response')
    .set({ answers: sql<never>`${JSON.stringify(answers)}::jsonb` })
    .where(rowOf(municipalityId, id))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Whether an instrument has been answered (then its items' kinds must stay). */
export async function instrumentAnswered(db: Db, instrumentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('progression_response')
    .select('id')
    .where('instrument_id', '=', instrumentId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The further instruments a course uses beside its schedule's main one. */
export async function listCourseInstruments(db: Db, municipalityId: string, courseId: string) {
  const rows = await db
    .selectFrom('progression_course_instrument')
    .select('instrument_id')
    .where('municipality_id', '=', municipalityId)
    .where('course_id', '=', courseId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.instrument_id);
}

/** Replace the further instruments of a course. */
export async function replaceCourseInstruments(
  db: Db,
  municipalityId: string,
  courseId: string,
  instrumentIds: string[],
) {
  await db
    .deleteFrom('progression_course_instrument')
    .where('municipality_id', '=', municipalityId)
    .where('course_id', '=', courseId)
    .execute();
  if (instrumentIds.length === 0) return;
  await db
    .insertInto('progression_course_instrument')
    .values(
      instrumentIds.map((id) => ({
        course_id: courseId,
        instrument_id: id,
        municipality_id: municipalityId,
      })),
    )
    .execute();
}

export async function findClosing(db: Db, municipalityId: string, courseId: string) {
  return selectCourseRows(db, 'progression_closing', municipalityId, courseId).executeTakeFirst();
}

/** Record (or correct) what was recorded at a course's closure. */
export async function upsertClosing(
  db: Db,
  row: {
    course_id: string;
    municipality_id: string;
    experience: number | null;
    status: ClosingStatus;
    recorded_by: string;
  },
) {
  const recorded_at = new Date();
  return db
    .insertInto('progression_closing')
    .values({ ...row, recorded_at })
    .onConflict((oc) =>
      oc.column('course_id').doUpdateSet({
        experience: row.experience,
        status: row.status,
        recorded_by: row.recorded_by,
        recorded_at,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
