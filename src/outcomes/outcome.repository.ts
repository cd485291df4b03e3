/** Outcome events and what the report and the evaluation export read, as SQL. Every query names the municipality. */
import type { Db } from '../db/db.js';
import type { NewOutcomeEvent } from '../db/tables/outcome.table.js';

/** A course's events with the name of who recorded each, newest first. */
export async function listForCourse(db: Db, municipalityId: string, courseId: string) {
  return db
    .selectFrom('outcome_event as o')
    .leftJoin('app_user as u', 'u.id', 'o.recorded_by')
    .where('o.municipality_id', '=', municipalityId)
    .where('o.course_id', '=', courseId)
    .selectAll('o')
    .select('u.name as recorded_by_name')
    .orderBy('o.occurred_on', 'desc')
    .orderBy('o.created_at', 'desc')
    .execute();
}

export async function insertEvent(db: Db, row: NewOutcomeEvent) {
  return db.insertInto('outcome_event').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Replace an event's fields; `undefined` when it is not the course's. */
export async function updateEvent(
  db: Db,
  municipalityId: string,
  courseId: string,
  id: string,
  row: Omit<NewOutcomeEvent, 'municipality_id' | 'course_id'>,
) {
  return db
    .updateTable('outcome_event')
    .set({ ...row, updated_at: new Date() })
    .where('municipality_id', '=', municipalityId)
    .where('course_id', '=', courseId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
}

/** Delete an event; `undefined` when it is not the course's. */
export async function deleteEvent(db: Db, municipalityId: string, courseId: string, id: string) {
  return db
    .deleteFrom('outcome_event')
    .where('municipality_id', '=', municipalityId)
    .where('course_id', '=', courseId)
    .where('id', '=', id)
    .returning(['id', 'kind'])
    .executeTakeFirst();
}

/**
 * Every course of the municipality with its coordinator's unit today, its main citizen
 * and what the export describes it by.
 */
export async function listCourses(db: Db, municipalityId: string) {
  return db
    .selectFrom('course as c')
    .leftJoin('person as p', 'p.id', 'c.coordinator_person_id')
    .leftJoin('unit as u', 'u.id', 'p.unit_id')
    .leftJoin('citizen as m', (join) =>
      join.onRef('m.course_id', '=', 'c.id').on('m.relation', '=', 'borger'),
    )
    .where('c.municipality_id', '=', municipalityId)
    .select([
      'c.id',
      'c.kind',
      'c.target_group',
      'c.start_date',
      'c.status',
      'c.closed_at',
      'u.id as unit_id',
      'u.name as unit_name',
      'm.id as citizen_id',
      'm.cpr_encrypted',
    ])
    .orderBy('c.start_date')
    .orderBy('c.id')
    .execute();
}

/** Every outcome event of the municipality, oldest first. */
export async function listAllEvents(db: Db, municipalityId: string) {
  return db
    .selectFrom('outcome_event')
    .where('municipality_id', '=', municipalityId)
    .select(['course_id', 'kind', 'occurred_on', 'end_on', 'days', 'result', 'status'])
    .orderBy('occurred_on')
    .orderBy('created_at')
    .execute();
}

/** Every progression answer of the municipality with its instrument, oldest first. */
export async function listProgressionAnswers(db: Db, municipalityId: string) {
  return db
    .selectFrom('progression_response as r')
    .innerJoin('progression_instrument as i', 'i.id', 'r.instrument_id')
    .where('r.municipality_id', '=', municipalityId)
    .select([
      'r.course_id',
      'r.answers',
      'r.answered_at',
      'i.id as instrument_id',
      'i.name',
      'i.items',
    ])
    .orderBy('r.answered_at')
    .execute();
}

/** The arm of each of `courseIds` that is in an intervention/control design. */
export async function listArms(db: Db, courseIds: readonly string[]) {
  if (courseIds.length === 0) return [];
  return db
    .selectFrom('course')
    .select(['id', 'arm'])
    .where('id', 'in', courseIds)
    .where('arm', 'is not', null)
    .execute();
}
