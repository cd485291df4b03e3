/** Case measurements, course arms and citizen-scale answers as SQL; every query is scoped to the municipality. */
import type { Db } from '../db/db.js';
import { rowOf } from '../db/tenant-rows.js';

/** Link a (new) measurement to the course it measures. */
export async function linkMeasurementToCourse(
  db: Db,
  municipalityId: string,
  measurementId: string,
  courseId: string,
): Promise<void> {
  await db
    .updateTable('measurement')
    .set({ course_id: courseId })
    .where(rowOf(municipalityId, measurementId))
    .execute();
}

/** The case measurements of the given courses, oldest first within each course. */
export async function listCaseMeasurements(db: Db, municipalityId: string, courseIds?: string[]) {
  if (courseIds !== undefined && courseIds.length === 0) return [];
  let query = db
    .selectFrom('measurement')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('course_id', 'is not', null);
  if (courseIds) query = query.where('course_id', 'in', courseIds);
  return query.orderBy('course_id').orderBy('created_at').orderBy('id').execute();
}

/** Courses of the municipality with at least one closed case measurement. */
export async function listCoursesWithClosedCases(db: Db, municipalityId: string) {
  return db
    .selectFrom('course')
    .select(['course.id', 'course.arm'])
    .where('course.municipality_id', '=', municipalityId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('measurement')
          .select('measurement.id')
          .whereRef('measurement.course_id', '=', 'course.id')
          .where('measurement.municipality_id', '=', municipalityId)
          .where('measurement.status', '=', 'closed'),
      ),
    )
    .orderBy('course.id')
    .execute();
}

export async function setCourseArm(
  db: Db,
  municipalityId: string,
  courseId: string,
  arm: 'intervention' | 'kontrol' | null,
): Promise<void> {
  await db.updateTable('course').set({ arm }).where(rowOf(municipalityId, courseId)).execute();
}

/**
 * The latest answered citizen scale of each course's main citizen (relation `borger`),
 * by course id.
 */
export async function latestCitizenScales(db: Db, municipalityId: string, courseIds: string[]) {
  if (courseIds.length === 0) return new Map<string, Record<string, number | 'dk'>>();
  const rows = await db
    .selectFrom('citizen_scale')
    .innerJoin('citizen', 'citizen.id', 'citizen_scale.member_id')
    .select(['citizen_scale.course_id', 'citizen_scale.answers'])
    .where('citizen_scale.municipality_id', '=', municipalityId)
    .where('citizen_scale.course_id', 'in', courseIds)
    .where('citizen.relation', '=', 'borger')
    .where('citizen_scale.answered_at', 'is not', null)
    .orderBy('citizen_scale.answered_at')
    .orderBy('citizen_scale.id')
    .execute();
  const latest = new Map<string, Record<string, number | 'dk'>>();
  for (const row of rows) if (row.answers) latest.set(row.course_id, row.answers);
  return latest;
}

/** Whether the course was randomly allocated (its arm is then fixed). */
export async function isAllocated(db: Db, municipalityId: string, courseId: string) {
  const row = await db
    .selectFrom('allocation_course')
    .select('course_id')
    .where('municipality_id', '=', municipalityId)
    .where('course_id', '=', courseId)
    .executeTakeFirst();
  return row !== undefined;
}
