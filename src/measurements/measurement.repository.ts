/** Measurements, their groups and invitations as SQL, scoped to a municipality. */
import { sql } from 'kysely';
import type {
  Arm,
  Flow,
  MeasurementUpdate,
  NewMeasurement,
} from '../db/tables/measurement.table.js';
import type { InvitationUpdate } from '../db/tables/invitation.table.js';
import type { Db } from '../db/db.js';
import { findRow, insertRow, rowOf, updateRow } from '../db/tenant-rows.js';

export const insertMeasurement = (db: Db, measurement: NewMeasurement) =>
  insertRow(db, 'measurement', measurement);

export const findMeasurement = (db: Db, municipalityId: string, id: string) =>
  findRow(db, 'measurement', municipalityId, id);

/** Lock the measurement row for the rest of the transaction (status changes). */
export async function lockMeasurement(db: Db, municipalityId: string, id: string) {
  return db
    .selectFrom('measurement')
    .selectAll()
    .where(rowOf(municipalityId, id))
    .forUpdate()
    .executeTakeFirst();
}

/** The municipality's network measurements (implementation surveys have their own list). */
export async function listMeasurements(db: Db, municipalityId: string) {
  return db
    .selectFrom('measurement')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'network')
    .orderBy('created_at', 'desc')
    .execute();
}

export const updateMeasurement = (
  db: Db,
  municipalityId: string,
  id: string,
  change: MeasurementUpdate,
) => updateRow(db, 'measurement', municipalityId, id, change);

/**
 * The groups of a measurement: its units, or its professions (kind 'profession'),
 * whose id is the profession itself, the key answers use as `target`.
 */
export async function listGroups(db: Db, measurementId: string) {
  return db
    .selectFrom('measurement_group')
    .innerJoin('unit', 'unit.id', 'measurement_group.unit_id')
    .select([
      sql<string>`unit.id::text`.as('id'),
      'unit.name',
      sql<string>`unit.kind`.as('kind'),
      'measurement_group.arm',
      'measurement_group.flow',
    ])
    .where('measurement_group.measurement_id', '=', measurementId)
    .unionAll(
      db
        .selectFrom('measurement_profession')
        .select([
          'profession as id',
          'profession as name',
          sql<string>`'profession'`.as('kind'),
          'arm',
          sql<Flow | null>`NULL::text`.as('flow'),
        ])
        .where('measurement_id', '=', measurementId),
    )
    .orderBy('name')
    .execute();
}

/** Set the professions of a measurement whose groups are professions. */
export async function replaceProfessions(
  db: Db,
  measurementId: string,
  professions: { name: string; arm: Arm | null }[],
) {
  await db
    .deleteFrom('measurement_profession')
    .where('measurement_id', '=', measurementId)
    .execute();
  if (professions.length === 0) return;
  await db
    .insertInto('measurement_profession')
    .values(
      professions.map((p) => ({ measurement_id: measurementId, profession: p.name, arm: p.arm })),
    )
    .execute();
}

export async function replaceGroups(
  db: Db,
  measurementId: string,
  groups: { unitId: string; arm: Arm | null; flow?: Flow | null }[],
) {
  await db.deleteFrom('measurement_group').where('measurement_id', '=', measurementId).execute();
  if (groups.length === 0) return;
  await db
    .insertInto('measurement_group')
    .values(
      groups.map((g) => ({
        measurement_id: measurementId,
        unit_id: g.unitId,
        arm: g.arm,
        flow: g.flow ?? null,
      })),
    )
    .execute();
}

/** Active people of the municipality matching units/roles/ids/e-mails, for invitations. */
export async function findPeopleToInvite(
  db: Db,
  municipalityId: string,
  filter: { unitIds?: string[]; roles?: string[]; personIds?: string[]; emails?: string[] },
) {
  let query = db
    .selectFrom('person')
    .select(['id', 'name', 'unit_id', 'role', 'email', 'profession'])
    .where('municipality_id', '=', municipalityId)
    .where('archived_at', 'is', null);
  if (filter.unitIds)
    query = query.where('unit_id', 'in', filter.unitIds.length ? filter.unitIds : ['']);
  if (filter.roles)
    query = query.where(
      'role',
      'in',
      filter.roles.length ? (filter.roles as ('leder' | 'medarbejder')[]) : ['leder'],
    );
  if (filter.personIds)
    query = query.where(
      'id',
      'in',
      filter.personIds.length ? filter.personIds : ['00000000-0000-0000-0000-000000000000'],
    );
  if (filter.emails)
    query = query.where(
      sql<string>`lower(email)`,
      'in',
      filter.emails.length ? filter.emails.map((e) => e.toLowerCase()) : [''],
    );
  return query.execute();
}

/**
 * Rows per INSERT: ten values a row keeps a statement far below PostgreSQL's 65 535
 * parameters, however many people are invited in one call.
 */
const INVITATION_BATCH = 1000;

/** Add invitations; people already invited are skipped. Returns how many were added. */
export async function insertInvitations(
  db: Db,
  measurementId: string,
  people: {
    id: string;
    unit_id: string;
    role: 'leder' | 'medarbejder';
    /** Only for a measurement whose groups are professions. */
    profession?: string | null;
  }[],
): Promise<number> {
  let added = 0;
  for (let start = 0; start < people.length; start += INVITATION_BATCH) {
    const rows = await db
      .insertInto('invitation')
      .values(
        people.slice(start, start + INVITATION_BATCH).map((p) => ({
          measurement_id: measurementId,
          person_id: p.id,
          unit_id: p.unit_id,
          role: p.role,
          profession: p.profession ?? null,
          token_hash: null,
          token_sealed: null,
          respondent_ref: null,
          invited_on: null,
          finished_on: null,
        })),
      )
      .onConflict((oc) => oc.columns(['measurement_id', 'person_id']).doNothing())
      .returning('id')
      .execute();
    added += rows.length;
  }
  return added;
}

export async function listInvitationsToSend(db: Db, measurementId: string) {
  return db
    .selectFrom('invitation')
    .innerJoin('person', 'person.id', 'invitation.person_id')
    .select(['invitation.id', 'person.email', 'person.name'])
    .where('invitation.measurement_id', '=', measurementId)
    .where('invitation.status', '=', 'pending')
    .execute();
}

export async function listUnfinishedInvitations(db: Db, measurementId: string) {
  return db
    .selectFrom('invitation')
    .innerJoin('person', 'person.id', 'invitation.person_id')
    .select([
      'invitation.id',
      'invitation.token_sealed',
      'invitation.reminders',
      'person.email',
      'person.name',
    ])
    .where('invitation.measurement_id', '=', measurementId)
    .where('invitation.status', '=', 'invited')
    .execute();
}

export async function updateInvitation(db: Db, id: string, change: InvitationUpdate) {
  await db.updateTable('invitation').set(change).where('id', '=', id).execute();
}

export async function deletePendingInvitation(db: Db, measurementId: string, id: string) {
  const result = await db
    .deleteFrom('invitation')
    .where('measurement_id', '=', measurementId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A group's invitations (the group as the response table keys it: profession or unit). */
export async function listGroupInvitations(db: Db, measurementId: string, group: string) {
  return db
    .selectFrom('invitation')
    .select(['id', 'status', 'token_sealed', 'respondent_ref'])
    .where('measurement_id', '=', measurementId)
    .where(sql<string>`coalesce(profession, unit_id::text)`, '=', group)
    .execute();
}

/** Delete invitations and the unsubmitted respondents (with their answers) they were resuming. */
export async function deleteInvitations(
  db: Db,
  measurementId: string,
  invitationIds: string[],
  respondentIds: string[],
) {
  if (respondentIds.length > 0) {
    await db
      .deleteFrom('respondent')
      .where('measurement_id', '=', measurementId)
      .where('id', 'in', respondentIds)
      .where('submitted', '=', false)
      .execute();
  }
  if (invitationIds.length === 0) return 0;
  const result = await db
    .deleteFrom('invitation')
    .where('measurement_id', '=', measurementId)
    .where('id', 'in', invitationIds)
    .where('status', '<>', 'finished')
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Invited and finished counts per group of the invited (no person is named): their
 * unit, or their profession when the measurement's groups are professions. Only one
 * of the two is counted, so unit and profession counts cannot be subtracted from
 * each other to reveal a small group.
 */
export async function invitationCounts(db: Db, measurementId: string) {
  const group = sql<string>`coalesce(profession, unit_id::text)`;
  return db
    .selectFrom('invitation')
    .select((eb) => [
      group.as('group_id'),
      eb.fn.countAll<number>().as('invited'),
      eb.fn.count<number>('id').filterWhere('status', '=', 'finished').as('finished'),
      eb.fn.count<number>('id').filterWhere('status', '=', 'pending').as('pending'),
    ])
    .where('measurement_id', '=', measurementId)
    .groupBy(group)
    .execute();
}

/**
 * The ids of a municipality's measurements that include a unit: as one of its groups, or
 * by someone invited from it (a measurement grouped by profession).
 */
export async function measurementsIncludingUnit(
  db: Db,
  municipalityId: string,
  unitId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('measurement as m')
    .select('m.id')
    .where('m.municipality_id', '=', municipalityId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('measurement_group as g')
            .select('g.unit_id')
            .whereRef('g.measurement_id', '=', 'm.id')
            .where('g.unit_id', '=', unitId),
        ),
        eb.exists(
          eb
            .selectFrom('invitation as i')
            .select('i.id')
            .whereRef('i.measurement_id', '=', 'm.id')
            .where('i.unit_id', '=', unitId),
        ),
      ]),
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Mail delivery counts for a measurement's invitations and reminders. */
export async function mailCounts(db: Db, measurementId: string) {
  return db
    .selectFrom('mail_message')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .where('measurement_id', '=', measurementId)
    .groupBy('status')
    .execute();
}
