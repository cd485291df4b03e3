/** The respondent's side as SQL: invitation by token hash, anonymous respondent and answers. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { NewAnswer } from '../db/tables/answer.table.js';

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

/**
 * Create the anonymous respondent of an invitation, once: one statement claims the
 * invitation (only while it has no respondent and is not finished) and inserts the
 * respondent with the unit, role and arm of the invitation. Two racing first saves
 * both reach the invitation's row lock; the second finds it claimed and inserts
 * nothing. Returns false when the invitation was already claimed.
 */
export async function claimRespondent(
  db: Db,
  tokenHash: string,
  respondentId: string,
  sealedRef: string,
): Promise<boolean> {
  const result = await sql<{ id: string }>`
    WITH claimed AS (
      UPDATE invitation SET respondent_ref = ${sealedRef}
      WHERE token_hash = ${tokenHash} AND respondent_ref IS NULL AND status <> 'finished'
      RETURNING measurement_id, unit_id, role
    )
    INSERT INTO respondent (id, measurement_id, unit_id, role, arm, source)
    SELECT ${respondentId}::uuid, claimed.measurement_id, claimed.unit_id, claimed.role, grp.arm, 'survey'
    FROM claimed
    LEFT JOIN measurement_group grp
      ON grp.measurement_id = claimed.measurement_id AND grp.unit_id = claimed.unit_id
    RETURNING id`.execute(db);
  return result.rows.length === 1;
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

/**
 * Insert or replace answers: the last write for an item wins, duplicates never arise.
 * The rows travel as five array parameters (unnest) rather than 6 × n scalars: one
 * small statement whatever the number of answers, cheap to build and to send.
 */
export async function upsertAnswers(db: Db, answers: NewAnswer[]) {
  if (answers.length === 0) return;
  const measurementId = answers[0]!.measurement_id;
  const respondentId = answers[0]!.respondent_id;
  if (answers.some((a) => a.measurement_id !== measurementId || a.respondent_id !== respondentId)) {
    throw new Error('upsertAnswers takes the answers of one respondent');
  }
  await sql`
    INSERT INTO answer (measurement_id, respondent_id, target, item, value, dont_know)
    SELECT ${measurementId}::uuid, ${respondentId}::uuid, t, i, v, d
    FROM unnest(${answers.map((a) => a.target ?? '')}::text[], ${answers.map((a) => a.item)}::text[],
                ${answers.map((a) => a.value ?? null)}::smallint[], ${answers.map((a) => a.dont_know)}::boolean[])
      AS rows(t, i, v, d)
    ON CONFLICT (respondent_id, target, item)
    DO UPDATE SET value = excluded.value, dont_know = excluded.dont_know`.execute(db);
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
