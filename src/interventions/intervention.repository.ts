/** Interventions, their groups, leaders, meetings and agreements as SQL, scoped to a municipality. */
import { sql } from 'kysely';
import type { InterventionUpdate, NewIntervention } from '../db/tables/intervention.table.js';
import type { Db } from '../db/db.js';
import { rowOf } from '../db/tenant-rows.js';

const interventionColumns = [
  'id',
  'municipality_id',
  'title',
  'measurement_id',
  'status',
  'checklist',
  sql<string | null>`follow_up_on::text`.as('follow_up_on'),
  'follow_up_measurement_id',
  'course_id',
  'created_by',
  'created_at',
] as const;

export async function insertIntervention(db: Db, intervention: NewIntervention) {
  return db
    .insertInto('intervention')
    .values(intervention)
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function findIntervention(db: Db, municipalityId: string, id: string) {
  return db
    .selectFrom('intervention')
    .select([...interventionColumns])
    .where(rowOf(municipalityId, id))
    .executeTakeFirst();
}

export async function lockIntervention(db: Db, municipalityId: string, id: string) {
  return db
    .selectFrom('intervention')
    .select([...interventionColumns])
    .where(rowOf(municipalityId, id))
    .forUpdate()
    .executeTakeFirst();
}

export async function updateIntervention(db: Db, id: string, change: InterventionUpdate) {
  await db.updateTable('intervention').set(change).where('id', '=', id).execute();
}

/**
 * A municipality's interventions; with `scope`, only those the user co-leads or that
 * are for one of `unitIds`.
 */
export async function listInterventions(
  db: Db,
  municipalityId: string,
  scope?: { userId: string; unitIds: string[] },
) {
  let query = db
    .selectFrom('intervention')
    .select([...interventionColumns])
    .where('municipality_id', '=', municipalityId);
  if (scope) {
    const unitIds = scope.unitIds.length ? scope.unitIds : ['00000000-0000-0000-0000-000000000000'];
    query = query.where((eb) =>
      eb.or([
        eb(
          'intervention.id',
          'in',
          eb
            .selectFrom('intervention_leader')
            .select('intervention_id')
            .where('user_id', '=', scope.userId),
        ),
        eb(
          'intervention.id',
          'in',
          eb
            .selectFrom('intervention_unit')
            .select('intervention_id')
            .where('unit_id', 'in', unitIds),
        ),
      ]),
    );
  }
  return query.orderBy('created_at', 'desc').execute();
}

export async function insertUnits(db: Db, interventionId: string, unitIds: string[]) {
  await db
    .insertInto('intervention_unit')
    .values(unitIds.map((unit_id) => ({ intervention_id: interventionId, unit_id })))
    .execute();
}

export async function insertLeaders(db: Db, interventionId: string, userIds: string[]) {
  await db
    .insertInto('intervention_leader')
    .values(userIds.map((user_id) => ({ intervention_id: interventionId, user_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The groups of some interventions, with unit names. */
export async function listUnitsOf(db: Db, interventionIds: string[]) {
  if (interventionIds.length === 0) return [];
  return db
    .selectFrom('intervention_unit')
    .innerJoin('unit', 'unit.id', 'intervention_unit.unit_id')
    .select(['intervention_unit.intervention_id', 'unit.id', 'unit.name'])
    .where('intervention_unit.intervention_id', 'in', interventionIds)
    .orderBy('unit.name')
    .execute();
}

/** The leaders of some interventions, with their names and units. */
export async function listLeadersOf(db: Db, interventionIds: string[]) {
  if (interventionIds.length === 0) return [];
  return db
    .selectFrom('intervention_leader')
    .innerJoin('app_user', 'app_user.id', 'intervention_leader.user_id')
    .leftJoin('person', 'person.id', 'app_user.person_id')
    .leftJoin('unit', 'unit.id', 'person.unit_id')
    .select([
      'intervention_leader.intervention_id',
      'app_user.id',
      'app_user.name',
      'unit.name as unit_name',
    ])
    .where('intervention_leader.intervention_id', 'in', interventionIds)
    .orderBy('app_user.name')
    .execute();
}

export async function listMeetings(db: Db, interventionIds: string[]) {
  if (interventionIds.length === 0) return [];
  return db
    .selectFrom('intervention_meeting')
    .selectAll()
    .where('intervention_id', 'in', interventionIds)
    .orderBy('number')
    .execute();
}

export async function upsertMeeting(
  db: Db,
  meeting: {
    interventionId: string;
    number: number;
    startsAt: Date;
    durationMinutes: number;
    facilitator: string;
    colleague: string;
    held: boolean;
    participants: string[];
  },
) {
  const values = {
    starts_at: meeting.startsAt,
    duration_minutes: meeting.durationMinutes,
    facilitator: meeting.facilitator,
    colleague: meeting.colleague,
    held: meeting.held,
    participants: JSON.stringify(meeting.participants),
  };
  await db
    .insertInto('intervention_meeting')
    .values({ intervention_id: meeting.interventionId, number: meeting.number, ...values })
    .onConflict((oc) => oc.columns(['intervention_id', 'number']).doUpdateSet(values))
    .execute();
}

export async function listAgreements(db: Db, interventionId: string) {
  return db
    .selectFrom('intervention_agreement')
    .leftJoin('app_user', 'app_user.id', 'intervention_agreement.created_by')
    .select([
      'intervention_agreement.id',
      'intervention_agreement.kind',
      'intervention_agreement.checklist_key',
      'intervention_agreement.text',
      'intervention_agreement.created_at',
      'app_user.name as created_by_name',
    ])
    .where('intervention_agreement.intervention_id', '=', interventionId)
    .orderBy('intervention_agreement.created_at')
    .execute();
}

export async function insertAgreement(
  db: Db,
  agreement: {
    interventionId: string;
    kind: 'agreement' | 'decision';
    checklistKey: string | null;
    text: string;
    userId: string;
  },
) {
  await db
    .insertInto('intervention_agreement')
    .values({
      intervention_id: agreement.interventionId,
      kind: agreement.kind,
      checklist_key: agreement.checklistKey,
      text: agreement.text,
      created_by: agreement.userId,
    })
    .execute();
}

/** Active leader logins whose person leads a unit, joined to that unit; narrow with `where`. */
function selectLeaders(db: Db, municipalityId: string) {
  return db
    .selectFrom('app_user')
    .innerJoin('person', 'person.id', 'app_user.person_id')
    .innerJoin('unit', 'unit.id', 'person.unit_id')
    .where('app_user.municipality_id', '=', municipalityId)
    .where('app_user.role', '=', 'leder')
    .where('app_user.disabled_at', 'is', null)
    .where('person.role', '=', 'leder');
}

/** The unit a user leads: their person's unit when the person is a leader. */
export async function ledUnitOf(db: Db, municipalityId: string, userId: string) {
  return selectLeaders(db, municipalityId)
    .select([
      'app_user.id as user_id',
      'app_user.name',
      'unit.id as unit_id',
      'unit.name as unit_name',
      'unit.area_id',
    ])
    .where('app_user.id', '=', userId)
    .executeTakeFirst();
}

/** The municipality's leaders with a unit: who can share an intervention. */
export async function listLeaders(db: Db, municipalityId: string) {
  return selectLeaders(db, municipalityId)
    .select(['app_user.id', 'app_user.name', 'unit.id as unit_id', 'unit.name as unit_name'])
    .orderBy('app_user.name')
    .execute();
}

/** The unit of any user's person (to show interventions to everyone in the involved units). */
export async function unitOfUser(db: Db, municipalityId: string, userId: string) {
  const row = await db
    .selectFrom('app_user')
    .innerJoin('person', 'person.id', 'app_user.person_id')
    .select('person.unit_id')
    .where('app_user.municipality_id', '=', municipalityId)
    .where('app_user.id', '=', userId)
    .executeTakeFirst();
  return row?.unit_id ?? null;
}

/** The case intervention of a course, if any. */
export async function findCourseIntervention(db: Db, municipalityId: string, courseId: string) {
  return db
    .selectFrom('intervention')
    .select([...interventionColumns])
    .where('municipality_id', '=', municipalityId)
    .where('course_id', '=', courseId)
    .executeTakeFirst();
}
