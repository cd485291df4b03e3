/** Courses, their members (citizens) and network parties as SQL. Every query names the municipality. */
import type { ExpressionBuilder } from 'kysely';
import type { CourseStatus } from '../../contract/courses.js';
import type { CitizenUpdate, NewCitizen } from '../db/tables/citizen.table.js';
import type { NewCourseCoordinator } from '../db/tables/course-coordinator.table.js';
import type { CoursePartyUpdate, NewCourseParty } from '../db/tables/course-party.table.js';
import type { CourseUpdate, NewCourse } from '../db/tables/course.table.js';
import type { Db } from '../db/db.js';
import { deleteRow, findRow, insertRow, rowOf, updateRow } from '../db/tenant-rows.js';
import type { Database } from '../db/schema.js';

export const insertCourse = (db: Db, course: NewCourse) => insertRow(db, 'course', course);

export const findCourse = (db: Db, municipalityId: string, id: string) =>
  findRow(db, 'course', municipalityId, id);

export const updateCourse = (db: Db, municipalityId: string, id: string, change: CourseUpdate) =>
  updateRow(db, 'course', municipalityId, id, change);

export async function deleteCourse(db: Db, municipalityId: string, id: string): Promise<void> {
  await deleteRow(db, 'course', municipalityId, id);
}

/** Whether the person coordinates the course (table `course`): as its lead or a co-coordinator. */
export const coordinatedBy = (eb: ExpressionBuilder<Database, 'course'>, personId: string) =>
  eb.or([
    eb('course.coordinator_person_id', '=', personId),
    eb.exists(
      eb
        .selectFrom('course_co_coordinator')
        .select('course_co_coordinator.id')
        .whereRef('course_co_coordinator.course_id', '=', 'course.id')
        .where('course_co_coordinator.person_id', '=', personId),
    ),
  ]);

/**
 * The courses a user may see something of: every course for an admin, otherwise those
 * they coordinate or created, and those where they or their unit is a network party.
 */
export async function listCandidateCourses(
  db: Db,
  municipalityId: string,
  who: { userId: string; personId: string | null; unitId: string | null; all: boolean },
  status: CourseStatus | undefined,
) {
  let query = db.selectFrom('course').selectAll().where('municipality_id', '=', municipalityId);
  if (status) query = query.where('status', '=', status);
  if (!who.all) {
    query = query.where((eb) => {
      const ors = [eb('created_by', '=', who.userId)];
      if (who.personId) {
        ors.push(coordinatedBy(eb, who.personId));
        ors.push(
          eb.exists(
            eb
              .selectFrom('course_party')
              .select('course_party.id')
              .whereRef('course_party.course_id', '=', 'course.id')
              .where('course_party.person_id', '=', who.personId),
          ),
        );
      }
      if (who.unitId) {
        ors.push(
          eb.exists(
            eb
              .selectFrom('course_party')
              .select('course_party.id')
              .whereRef('course_party.course_id', '=', 'course.id')
              .where('course_party.kind', '=', 'unit')
              .where('course_party.unit_id', '=', who.unitId),
          ),
        );
      }
      return eb.or(ors);
    });
  }
  return query.orderBy('start_date', 'desc').orderBy('created_at', 'desc').execute();
}

export const insertCitizen = (db: Db, citizen: NewCitizen) => insertRow(db, 'citizen', citizen);

export async function updateCitizen(
  db: Db,
  municipalityId: string,
  id: string,
  change: CitizenUpdate,
): Promise<void> {
  await updateRow(db, 'citizen', municipalityId, id, change);
}

/** Members of the given courses, the main citizen first. */
export async function listMembers(db: Db, municipalityId: string, courseIds: string[]) {
  if (courseIds.length === 0) return [];
  return db
    .selectFrom('citizen')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('course_id', 'in', courseIds)
    .orderBy('course_id')
    .orderBy('position')
    .execute();
}

/** Courses in which a citizen with this CPR hash is a member. */
export async function findCoursesByCprHash(db: Db, municipalityId: string, cprHash: string) {
  return db
    .selectFrom('citizen')
    .innerJoin('course', 'course.id', 'citizen.course_id')
    .where('citizen.municipality_id', '=', municipalityId)
    .where('citizen.cpr_hash', '=', cprHash)
    .select(['course.id', 'course.status', 'citizen.id as citizen_id'])
    .orderBy('course.created_at', 'desc')
    .execute();
}

/** Network parties of the given courses, with what the organisation knows of each. */
export async function listParties(db: Db, municipalityId: string, courseIds: string[]) {
  if (courseIds.length === 0) return [];
  return db
    .selectFrom('course_party')
    .leftJoin('person', 'person.id', 'course_party.person_id')
    .leftJoin('unit', (join) =>
      join.on((eb) =>
        eb.or([
          eb('unit.id', '=', eb.ref('course_party.unit_id')),
          eb('unit.id', '=', eb.ref('person.unit_id')),
        ]),
      ),
    )
    .where('course_party.municipality_id', '=', municipalityId)
    .where('course_party.course_id', 'in', courseIds)
    .selectAll('course_party')
    .select([
      'person.name as person_name',
      'person.email as person_email',
      'unit.id as org_unit_id',
      'unit.name as unit_name',
      'unit.kind as unit_kind',
    ])
    .orderBy('course_party.created_at')
    .orderBy('course_party.id')
    .execute();
}
export type PartyRow = Awaited<ReturnType<typeof listParties>>[number];

export async function insertParty(db: Db, party: NewCourseParty) {
  return db.insertInto('course_party').values(party).returning('id').executeTakeFirstOrThrow();
}

export async function updateParty(
  db: Db,
  municipalityId: string,
  courseId: string,
  id: string,
  change: CoursePartyUpdate,
): Promise<void> {
  await db
    .updateTable('course_party')
    .set(change)
    .where(rowOf(municipalityId, id))
    .where('course_id', '=', courseId)
    .execute();
}

export async function deleteParty(db: Db, municipalityId: string, courseId: string, id: string) {
  await db
    .deleteFrom('course_party')
    .where(rowOf(municipalityId, id))
    .where('course_id', '=', courseId)
    .execute();
}

/** The co-coordinators of the given courses (beside each lead), in the order they were added. */
export async function listCoCoordinators(db: Db, municipalityId: string, courseIds: string[]) {
  if (courseIds.length === 0) return [];
  return db
    .selectFrom('course_co_coordinator')
    .innerJoin('person', 'person.id', 'course_co_coordinator.person_id')
    .innerJoin('unit', 'unit.id', 'person.unit_id')
    .where('course_co_coordinator.municipality_id', '=', municipalityId)
    .where('course_co_coordinator.course_id', 'in', courseIds)
    .select([
      'course_co_coordinator.course_id',
      'course_co_coordinator.person_id',
      'course_co_coordinator.role',
      'person.name',
      'person.email',
      'unit.name as unit_name',
    ])
    .orderBy('course_co_coordinator.created_at')
    .orderBy('course_co_coordinator.id')
    .execute();
}
export type CoCoordinatorRow = Awaited<ReturnType<typeof listCoCoordinators>>[number];

export async function insertCoCoordinator(db: Db, row: NewCourseCoordinator): Promise<void> {
  await db.insertInto('course_co_coordinator').values(row).execute();
}

/** Remove a co-coordinator; how many rows went (0 when they were none). */
export async function deleteCoCoordinator(
  db: Db,
  municipalityId: string,
  courseId: string,
  personId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('course_co_coordinator')
    .where('municipality_id', '=', municipalityId)
    .where('course_id', '=', courseId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** People of the municipality with their unit: coordinators and professionals. */
export async function findPeople(db: Db, municipalityId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('person')
    .innerJoin('unit', 'unit.id', 'person.unit_id')
    .where('person.municipality_id', '=', municipalityId)
    .where('person.id', 'in', personIds)
    .select([
      'person.id',
      'person.name',
      'person.email',
      'person.unit_id',
      'person.archived_at',
      'unit.name as unit_name',
      'unit.kind as unit_kind',
    ])
    .execute();
}
export type PersonRow = Awaited<ReturnType<typeof findPeople>>[number];

export const findUnit = (db: Db, municipalityId: string, unitId: string) =>
  findRow(db, 'unit', municipalityId, unitId);

/** Names of users, for "changed by" and "recorded by". */
export async function userNames(db: Db, municipalityId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
