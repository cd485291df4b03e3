/** Workshops, their actors, ratings and development points as SQL, scoped to a municipality. */
import { sql } from 'kysely';
import type { NewWorkshop, WorkshopRating, WorkshopUpdate } from '../db/tables/workshop.table.js';
import type { Db } from '../db/db.js';
import { findRow, insertRow, rowOf } from '../db/tenant-rows.js';

export const insertWorkshop = (db: Db, workshop: NewWorkshop) =>
  insertRow(db, 'workshop', workshop);

export const findWorkshop = (db: Db, municipalityId: string, id: string) =>
  findRow(db, 'workshop', municipalityId, id);

/** Lock the workshop row for the rest of the transaction, so edits apply one at a time. */
export async function lockWorkshop(db: Db, municipalityId: string, id: string) {
  return db
    .selectFrom('workshop')
    .selectAll()
    .where(rowOf(municipalityId, id))
    .forUpdate()
    .executeTakeFirst();
}

/** The municipality's workshops, newest change first, with their facilitator's name. */
export async function listWorkshops(db: Db, municipalityId: string) {
  return db
    .selectFrom('workshop')
    .leftJoin('app_user', 'app_user.id', 'workshop.facilitator_id')
    .select([
      'workshop.id',
      'workshop.title',
      'workshop.target_group',
      'workshop.step',
      'workshop.course_id',
      'workshop.updated_at',
      'app_user.name as facilitator_name',
      (eb) =>
        eb
          .selectFrom('workshop_actor')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('workshop_actor.workshop_id', '=', 'workshop.id')
          .as('actors'),
      (eb) =>
        eb
          .selectFrom('workshop_point')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('workshop_point.workshop_id', '=', 'workshop.id')
          .where('workshop_point.done', '=', false)
          .as('open_points'),
    ])
    .where('workshop.municipality_id', '=', municipalityId)
    .orderBy('workshop.updated_at', 'desc')
    .execute();
}

/** Apply a change and count it: `version` grows and `updated_at` moves with every change. */
export async function touchWorkshop(db: Db, id: string, change: WorkshopUpdate = {}) {
  return db
    .updateTable('workshop')
    .set({ ...change, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returning(['version'])
    .executeTakeFirstOrThrow();
}

export async function facilitatorName(db: Db, userId: string) {
  const row = await db
    .selectFrom('app_user')
    .select('name')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.name ?? '';
}

export async function listActors(db: Db, workshopId: string) {
  return db
    .selectFrom('workshop_actor')
    .leftJoin('unit', 'unit.id', 'workshop_actor.unit_id')
    .select([
      'workshop_actor.id',
      'workshop_actor.unit_id',
      'workshop_actor.label',
      'workshop_actor.x',
      'workshop_actor.y',
      'unit.name as unit_name',
    ])
    .where('workshop_actor.workshop_id', '=', workshopId)
    .orderBy('workshop_actor.created_at')
    .orderBy('workshop_actor.id')
    .execute();
}

export async function insertActor(
  db: Db,
  actor: { workshopId: string; unitId: string | null; label: string; x: number; y: number },
) {
  return db
    .insertInto('workshop_actor')
    .values({
      workshop_id: actor.workshopId,
      unit_id: actor.unitId,
      label: actor.label,
      x: actor.x,
      y: actor.y,
    })
    .onConflict((oc) =>
      oc.columns(['workshop_id', 'unit_id']).where('unit_id', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
}

export async function updateActor(
  db: Db,
  workshopId: string,
  actorId: string,
  change: { label?: string; x?: number; y?: number },
) {
  const result = await db
    .updateTable('workshop_actor')
    .set(change)
    .where('workshop_id', '=', workshopId)
    .where('id', '=', actorId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteActor(db: Db, workshopId: string, actorId: string) {
  const result = await db
    .deleteFrom('workshop_actor')
    .where('workshop_id', '=', workshopId)
    .where('id', '=', actorId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listRatings(db: Db, workshopId: string) {
  return db
    .selectFrom('workshop_rating')
    .select(['from_actor_id', 'to_actor_id', 'rating'])
    .where('workshop_id', '=', workshopId)
    .execute();
}

export async function upsertRating(
  db: Db,
  workshopId: string,
  fromActorId: string,
  toActorId: string,
  rating: WorkshopRating,
) {
  await db
    .insertInto('workshop_rating')
    .values({
      workshop_id: workshopId,
      from_actor_id: fromActorId,
      to_actor_id: toActorId,
      rating,
    })
    .onConflict((oc) => oc.columns(['from_actor_id', 'to_actor_id']).doUpdateSet({ rating }))
    .execute();
}

export async function deleteRating(
  db: Db,
  workshopId: string,
  fromActorId: string,
  toActorId: string,
) {
  await db
    .deleteFrom('workshop_rating')
    .where('workshop_id', '=', workshopId)
    .where('from_actor_id', '=', fromActorId)
    .where('to_actor_id', '=', toActorId)
    .execute();
}

const pointColumns = [
  'id',
  'text',
  'owner',
  sql<string | null>`due_on::text`.as('due_on'),
  'done',
  'x',
  'y',
] as const;

export async function listPoints(db: Db, workshopId: string) {
  return db
    .selectFrom('workshop_point')
    .select([...pointColumns])
    .where('workshop_id', '=', workshopId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertPoint(
  db: Db,
  point: {
    workshopId: string;
    text: string;
    owner: string;
    dueOn: string | null;
    x: number;
    y: number;
  },
) {
  return db
    .insertInto('workshop_point')
    .values({
      workshop_id: point.workshopId,
      text: point.text,
      owner: point.owner,
      due_on: point.dueOn,
      x: point.x,
      y: point.y,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updatePoint(
  db: Db,
  workshopId: string,
  pointId: string,
  change: {
    text?: string;
    owner?: string;
    due_on?: string | null;
    done?: boolean;
    x?: number;
    y?: number;
  },
) {
  const result = await db
    .updateTable('workshop_point')
    .set(change)
    .where('workshop_id', '=', workshopId)
    .where('id', '=', pointId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deletePoint(db: Db, workshopId: string, pointId: string) {
  const result = await db
    .deleteFrom('workshop_point')
    .where('workshop_id', '=', workshopId)
    .where('id', '=', pointId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Open development points of a municipality's workshops, optionally only of workshops
 * that have an actor from one of `unitIds` or were created by `userId`.
 */
export async function listOpenPoints(
  db: Db,
  municipalityId: string,
  scope?: { unitIds: string[]; userId: string },
) {
  let query = db
    .selectFrom('workshop_point')
    .innerJoin('workshop', 'workshop.id', 'workshop_point.workshop_id')
    .select([
      'workshop_point.id',
      'workshop_point.text',
      'workshop_point.owner',
      sql<string | null>`workshop_point.due_on::text`.as('due_on'),
      'workshop.id as workshop_id',
      'workshop.title as workshop_title',
      'workshop.course_id',
    ])
    .where('workshop.municipality_id', '=', municipalityId)
    .where('workshop_point.done', '=', false);
  if (scope) {
    const unitIds = scope.unitIds.length ? scope.unitIds : ['00000000-0000-0000-0000-000000000000'];
    query = query.where((eb) =>
      eb.or([
        eb('workshop.created_by', '=', scope.userId),
        eb(
          'workshop.id',
          'in',
          eb
            .selectFrom('workshop_actor')
            .select('workshop_actor.workshop_id')
            .where('workshop_actor.unit_id', 'in', unitIds),
        ),
      ]),
    );
  }
  return query
    .orderBy(sql`workshop_point.due_on asc nulls last`)
    .orderBy('workshop_point.created_at')
    .limit(100)
    .execute();
}
