/** Areas, units and people as SQL, always scoped to one municipality. */
import type { AreaUpdate } from '../db/tables/area.table.js';
import type { PersonRole, UnitKind } from '../../contract/org.js';
import type { PersonUpdate } from '../db/tables/person.table.js';
import type { UnitUpdate } from '../db/tables/unit.table.js';
import type { Db } from '../db/db.js';
import { findRow, rowOf } from '../db/tenant-rows.js';

export async function listAreas(db: Db, municipalityId: string, includeArchived: boolean) {
  let query = db
    .selectFrom('area')
    .select(['id', 'name', 'archived_at'])
    .where('municipality_id', '=', municipalityId);
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  return query.orderBy('name').execute();
}

export async function listUnits(db: Db, municipalityId: string, includeArchived: boolean) {
  let query = db
    .selectFrom('unit')
    .select(['id', 'name', 'kind', 'area_id', 'archived_at'])
    .where('municipality_id', '=', municipalityId);
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  return query.orderBy('name').execute();
}

export async function listPeople(db: Db, municipalityId: string, includeArchived: boolean) {
  let query = db
    .selectFrom('person')
    .select(['id', 'name', 'email', 'role', 'unit_id', 'profession', 'archived_at'])
    .where('municipality_id', '=', municipalityId);
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  return query.orderBy('name').execute();
}

export const findArea = (db: Db, municipalityId: string, id: string) =>
  findRow(db, 'area', municipalityId, id);

export const findUnit = (db: Db, municipalityId: string, id: string) =>
  findRow(db, 'unit', municipalityId, id);

export const findPerson = (db: Db, municipalityId: string, id: string) =>
  findRow(db, 'person', municipalityId, id);

export async function insertArea(db: Db, municipalityId: string, name: string) {
  return db
    .insertInto('area')
    .values({ municipality_id: municipalityId, name, archived_at: null })
    .returning(['id', 'name', 'archived_at'])
    .executeTakeFirstOrThrow();
}

export async function updateArea(db: Db, municipalityId: string, id: string, change: AreaUpdate) {
  return db
    .updateTable('area')
    .set(change)
    .where(rowOf(municipalityId, id))
    .returning(['id', 'name', 'archived_at'])
    .executeTakeFirst();
}

export async function insertUnit(
  db: Db,
  municipalityId: string,
  unit: { name: string; kind: UnitKind; areaId: string | null },
) {
  return db
    .insertInto('unit')
    .values({
      municipality_id: municipalityId,
      name: unit.name,
      kind: unit.kind,
      area_id: unit.areaId,
      archived_at: null,
    })
    .returning(['id', 'name', 'kind', 'area_id', 'archived_at'])
    .executeTakeFirstOrThrow();
}

export async function updateUnit(db: Db, municipalityId: string, id: string, change: UnitUpdate) {
  return db
    .updateTable('unit')
    .set(change)
    .where(rowOf(municipalityId, id))
    .returning(['id', 'name', 'kind', 'area_id', 'archived_at'])
    .executeTakeFirst();
}

/** A new person as the admin enters them. */
export interface PersonInput {
  name: string;
  email: string;
  role: PersonRole;
  unitId: string;
  profession?: string | null;
}

export async function insertPerson(db: Db, municipalityId: string, person: PersonInput) {
  return db
    .insertInto('person')
    .values({
      municipality_id: municipalityId,
      name: person.name,
      email: person.email,
      role: person.role,
      unit_id: person.unitId,
      profession: person.profession ?? null,
      archived_at: null,
    })
    .returning(['id', 'name', 'email', 'role', 'unit_id', 'profession', 'archived_at'])
    .executeTakeFirstOrThrow();
}

export async function updatePerson(
  db: Db,
  municipalityId: string,
  id: string,
  change: PersonUpdate,
) {
  return db
    .updateTable('person')
    .set(change)
    .where(rowOf(municipalityId, id))
    .returning(['id', 'name', 'email', 'role', 'unit_id', 'profession', 'archived_at'])
    .executeTakeFirst();
}

/** Active people in a unit, counted; used before archiving a unit. */
export async function countActivePeople(db: Db, municipalityId: string, unitId: string) {
  const row = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('unit_id', '=', unitId)
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
