/** Fidelity checklists as SQL. Every query names the municipality. */
import { sql } from 'kysely';
import type { FidelityAnswer } from '../../contract/fidelity.js';
import { coordinatedBy } from '../courses/course.repository.js';
import type { Db } from '../db/db.js';

type Answers = Partial<Record<string, FidelityAnswer>>;

/** A course's checklists with the name of who saved each last, oldest occasion first. */
export async function listForCourse(db: Db, municipalityId: string, courseId: string) {
  return db
    .selectFrom('fidelity_checklist as f')
    .leftJoin('app_user as u', 'u.id', 'f.answered_by')
    .where('f.municipality_id', '=', municipalityId)
    .where('f.course_id', '=', courseId)
    .selectAll('f')
    .select('u.name as answered_by_name')
    .orderBy('f.due_on')
    .execute();
}

/** What a save writes besides the answers. */
export interface ChecklistWrite {
  municipality_id: string;
  course_id: string;
  occasion: string;
  due_on: string;
  answers: Answers;
  unit_id: string | null;
  coordinator_person_id: string | null;
  answered_by: string;
}

/**
 * Save a draft (or, with `submit`, submit it), unless that occasion's checklist is already
 * submitted: then nothing changes and nothing is returned.
 */
export async function saveChecklist(db: Db, row: ChecklistWrite, submit: boolean) {
  const now = new Date();
  const status = submit ? ('submitted' as const) : ('draft' as const);
  const values = {
    ...row,
    answers: JSON.stringify(row.answers),
    status,
    updated_at: now,
    submitted_at: submit ? now : null,
  };
  return db
    .insertInto('fidelity_checklist')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['course_id', 'occasion'])
        .doUpdateSet({
          answers: values.answers,
          status,
          unit_id: row.unit_id,
          coordinator_person_id: row.coordinator_person_id,
          answered_by: row.answered_by,
          updated_at: now,
          submitted_at: values.submitted_at,
        })
        .where('fidelity_checklist.status', '=', 'draft')
        .where('fidelity_checklist.municipality_id', '=', row.municipality_id),
    )
    .returning('id')
    .executeTakeFirst();
}

/** The occasions the coordinator `personId` has submitted or started, per open or recently closed course. */
export async function coordinatedCourses(
  db: Db,
  municipalityId: string,
  personId: string,
  closedSince: Date,
) {
  return db
    .selectFrom('course')
    .innerJoin('citizen', (join) =>
      join.onRef('citizen.course_id', '=', 'course.id').on('citizen.relation', '=', 'borger'),
    )
    .where('course.municipality_id', '=', municipalityId)
    .where((eb) => coordinatedBy(eb, personId))
    .where((eb) =>
      eb.or([eb('course.status', '=', 'open'), eb('course.closed_at', '>=', closedSince)]),
    )
    .select([
      'course.id',
      'course.start_date',
      'course.status',
      'course.closed_at',
      'citizen.id as citizen_id',
      'citizen.name as citizen_name',
      sql<
        { occasion: string; status: string }[]
      >`coalesce((SELECT json_agg(json_build_object('occasion', f.occasion, 'status', f.status))
                  FROM fidelity_checklist f
                  WHERE f.course_id = course.id AND f.municipality_id = ${municipalityId}), '[]'::json)`.as(
        'checklists',
      ),
    ])
    .orderBy('course.start_date')
    .execute();
}

/** Every submitted checklist of the municipality (or of one unit), with its course, unit and coordinator. */
export async function listSubmitted(db: Db, municipalityId: string, unitId: string | null) {
  let query = db
    .selectFrom('fidelity_checklist as f')
    .innerJoin('course as c', 'c.id', 'f.course_id')
    .leftJoin('unit as u', 'u.id', 'f.unit_id')
    .leftJoin('person as p', 'p.id', 'f.coordinator_person_id')
    .where('f.municipality_id', '=', municipalityId)
    .where('f.status', '=', 'submitted');
  if (unitId !== null) query = query.where('f.unit_id', '=', unitId);
  return query
    .select([
      'f.course_id',
      'f.occasion',
      'f.due_on',
      'f.answers',
      'f.unit_id',
      'u.name as unit_name',
      'p.name as coordinator_name',
      'c.start_date',
      'c.status as course_status',
    ])
    .orderBy('c.start_date')
    .orderBy('f.course_id')
    .orderBy('f.due_on')
    .execute();
}
