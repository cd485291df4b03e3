/** The respondent's side as SQL: invitation by token hash, anonymous respondent and answers. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { NewAnswer } from '../db/tables/answer.table.js';
import type { NewRespondent } from '../db/tables/respondent.table.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The invitation and its measurement for a token hash, locked when `lock` is set. */
export async function findInvitationByTokenHash(db: Db, tokenHash: string, lock = false) {
  let query = db.selectFrom('invitation').selectAll().where('token_hash', '=', tokenHash);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** What saving answers needs of the invitation and its measurement, in one round trip. */
export async function findAnsweringContext(db: Db, tokenHash: string) {
  return db
    .selectFrom('invitation')
    .innerJoin('measurement', 'measurement.id', 'invitation.measurement_id')
    .select([
      'invitation.measurement_id',
      'invitation.status as invitation_status',
      'invitation.respondent_ref',
      'measurement.status',
      'measurement.opens_at',
      'measurement.closes_at',
      'measurement.choose_groups',
      'measurement.include_leadership',
    ])
    .where('invitation.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function findMeasurementById(db: Db, id: string) {
  return db.selectFrom('measurement').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRespondent(db: Db, respondent: NewRespondent) {
  return db.insertInto('respondent').values(respondent).returning('id').executeTakeFirstOrThrow();
}

export async function findRespondent(db: Db, id: string) {
  return db.selectFrom('respondent').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setChosenGroups(db: Db, respondentId: string, groups: string[]) {
  await db
    .updateTable('respondent')
    .set({ chosen_groups: groups })
    .where('id', '=', respondentId)
    .execute();
}

export async function markSubmitted(db: Db, respondentId: string) {
  await db
    .updateTable('respondent')
    .set({ submitted: true })
    .where('id', '=', respondentId)
    .execute();
}

export async function listAnswers(db: Db, respondentId: string) {
  return db
    .selectFrom('answer')
    .select(['target', 'item', 'value', 'dont_know'])
    .where('respondent_id', '=', respondentId)
    .execute();
}

/** Insert or replace answers: the last write for an item wins, duplicates never arise. */
export async function upsertAnswers(db: Db, answers: NewAnswer[]) {
  if (answers.length === 0) return;
  await db
    .insertInto('answer')
    .values(answers)
    .onConflict((oc) =>
      oc.columns(['respondent_id', 'target', 'item']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        dont_know: eb.ref('excluded.dont_know'),
      })),
    )
    .execute();
}

export async function deleteAnswers(
  db: Db,
  respondentId: string,
  keys: { target: string; item: string }[],
) {
  if (keys.length === 0) return;
  await db
    .deleteFrom('answer')
    .where('respondent_id', '=', respondentId)
    .where((eb) =>
      eb.or(keys.map((k) => eb.and([eb('target', '=', k.target), eb('item', '=', k.item)]))),
    )
    .execute();
}

/** Remove answers about groups the respondent no longer works with. */
export async function deleteAnswersOutsideTargets(db: Db, respondentId: string, targets: string[]) {
  let query = db
    .deleteFrom('answer')
    .where('respondent_id', '=', respondentId)
    .where('target', '!=', '');
  if (targets.length > 0) query = query.where('target', 'not in', targets);
  await query.execute();
}
