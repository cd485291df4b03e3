/** Implementation surveys as SQL: item sets, the surveys, and the submitted answers. */
import { sql } from 'kysely';
import type { Db } from '../db/db.js';
import { deleteRow, findRow, rowOf } from '../db/tenant-rows.js';
import type { ImplementationItem } from '../../contract/implementation.js';

/** The municipality's own item sets, by name. */
export async function listItemSets(db: Db, municipalityId: string) {
  return db
    .selectFrom('implementation_item_set')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('name')
    .execute();
}

/** One of the municipality's item sets. */
export const findItemSet = (db: Db, municipalityId: string, id: string) =>
  findRow(db, 'implementation_item_set', municipalityId, id);

/** Whether another of the municipality's sets has this name. */
export async function nameTaken(db: Db, municipalityId: string, name: string, exceptId?: string) {
  let query = db
    .selectFrom('implementation_item_set')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where(sql<boolean>`lower(name) = lower(${name})`);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertItemSet(
  db: Db,
  row: { municipalityId: string; name: string; items: ImplementationItem[]; createdBy: string },
) {
  return db
    .insertInto('implementation_item_set')
    .values({
      municipality_id: row.municipalityId,
      name: row.name,
      items: JSON.stringify(row.items),
      created_by: row.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateItemSet(
  db: Db,
  municipalityId: string,
  id: string,
  change: { name: string; items: ImplementationItem[] },
) {
  return db
    .updateTable('implementation_item_set')
    .set({ name: change.name, items: JSON.stringify(change.items), updated_at: new Date() })
    .where(rowOf(municipalityId, id))
    .returningAll()
    .executeTakeFirst();
}

export const deleteItemSet = (db: Db, municipalityId: string, id: string) =>
  deleteRow(db, 'implementation_item_set', municipalityId, id);

/** The municipality's implementation surveys, newest first. */
export async function listSurveys(db: Db, municipalityId: string) {
  return db
    .selectFrom('measurement')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'implementation')
    .orderBy('created_at', 'desc')
    .execute();
}

/** Invited and finished counts of a survey. */
export async function responseCounts(db: Db, measurementId: string) {
  const row = await db
    .selectFrom('invitation')
    .select((eb) => [
      eb.fn.countAll<string>().as('invited'),
      eb.fn.count<string>('id').filterWhere('status', '=', 'finished').as('finished'),
    ])
    .where('measurement_id', '=', measurementId)
    .executeTakeFirstOrThrow();
  return { invited: Number(row.invited), finished: Number(row.finished) };
}

/** Every submitted answer of a survey with its respondent's unit and role. */
export async function submittedAnswers(db: Db, measurementId: string) {
  return db
    .selectFrom('answer')
    .innerJoin('respondent', 'respondent.id', 'answer.respondent_id')
    .select([
      'respondent.id as respondent_id',
      sql<string>`respondent.unit_id::text`.as('unit_id'),
      'respondent.role',
      'answer.item',
      'answer.value',
      'answer.dont_know',
    ])
    .where('answer.measurement_id', '=', measurementId)
    .where('respondent.submitted', '=', true)
    .where('answer.target', '=', '')
    .execute();
}
