/** Allocations of courses to intervention or control as SQL; every query is scoped to the municipality. */
import { sql } from 'kysely';
import type { Db } from '../db/db.js';
import type { AllocationCourse, NewAllocation } from '../db/tables/allocation.table.js';

const allocationColumns = [
  'allocation.id',
  'allocation.period_from',
  'allocation.period_to',
  sql<string>`allocation.seed::text`.as('seed'),
  'allocation.rule',
  'allocation.created_at',
  'app_user.name as created_by_name',
  sql<number>`(SELECT count(*) FROM allocation_course ac WHERE ac.allocation_id = allocation.id AND ac.arm = 'intervention')::int`.as(
    'intervention',
  ),
  sql<number>`(SELECT count(*) FROM allocation_course ac WHERE ac.allocation_id = allocation.id AND ac.arm = 'kontrol')::int`.as(
    'kontrol',
  ),
] as const;

/**
 * Open courses started in the period (inclusive) that are in no allocation and carry no
 * arm set by hand, locked so that two allocations at once cannot take the same course.
 */
export async function lockCandidateCourses(
  db: Db,
  municipalityId: string,
  from: string,
  to: string,
) {
  return db
    .selectFrom('course')
    .select(['course.id', 'course.start_date'])
    .where('course.municipality_id', '=', municipalityId)
    .where('course.status', '=', 'open')
    .where('course.arm', 'is', null)
    .where('course.start_date', '>=', from)
    .where('course.start_date', '<=', to)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('allocation_course')
            .select('allocation_course.course_id')
            .whereRef('allocation_course.course_id', '=', 'course.id'),
        ),
      ),
    )
    .orderBy('course.id')
    .forUpdate()
    .execute();
}

export async function insertAllocation(db: Db, allocation: NewAllocation) {
  return db.insertInto('allocation').values(allocation).returning('id').executeTakeFirstOrThrow();
}

export async function insertAllocationCourses(db: Db, rows: AllocationCourse[]) {
  if (rows.length > 0) await db.insertInto('allocation_course').values(rows).execute();
}

/** Set the allocated courses' arms (the arm is then fixed by the database). */
export async function setArms(
  db: Db,
  municipalityId: string,
  arm: 'intervention' | 'kontrol',
  courseIds: string[],
) {
  if (courseIds.length === 0) return;
  await db
    .updateTable('course')
    .set({ arm })
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', courseIds)
    .execute();
}

/** The municipality's allocations with their creator's name and arm counts; narrow with `where`. */
function selectAllocations(db: Db, municipalityId: string) {
  return db
    .selectFrom('allocation')
    .leftJoin('app_user', 'app_user.id', 'allocation.created_by')
    .select([...allocationColumns])
    .where('allocation.municipality_id', '=', municipalityId);
}

export async function listAllocations(db: Db, municipalityId: string) {
  return selectAllocations(db, municipalityId)
    .orderBy('allocation.created_at', 'desc')
    .orderBy('allocation.id')
    .execute();
}

export async function findAllocation(db: Db, municipalityId: string, id: string) {
  return selectAllocations(db, municipalityId).where('allocation.id', '=', id).executeTakeFirst();
}

/** An allocation's courses with their start date and case intervention (course null when erased). */
export async function listAllocationCourses(db: Db, municipalityId: string, allocationId: string) {
  return db
    .selectFrom('allocation_course')
    .leftJoin('course', 'course.id', 'allocation_course.course_id')
    .leftJoin('intervention', 'intervention.course_id', 'allocation_course.course_id')
    .select([
      'allocation_course.course_id',
      'allocation_course.arm',
      'allocation_course.most_complex',
      'course.start_date',
      'intervention.id as intervention_id',
    ])
    .where('allocation_course.municipality_id', '=', municipalityId)
    .where('allocation_course.allocation_id', '=', allocationId)
    .orderBy('allocation_course.course_id')
    .execute();
}

/** The allocation a course is in, with the arm it was allocated to. */
export async function findCourseAllocation(db: Db, municipalityId: string, courseId: string) {
  return db
    .selectFrom('allocation_course')
    .innerJoin('allocation', 'allocation.id', 'allocation_course.allocation_id')
    .select([
      'allocation.id',
      'allocation.period_from',
      'allocation.period_to',
      'allocation_course.arm',
    ])
    .where('allocation_course.municipality_id', '=', municipalityId)
    .where('allocation_course.course_id', '=', courseId)
    .executeTakeFirst();
}
