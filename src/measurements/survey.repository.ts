/** The respondent's side as SQL: invitation by token hash, anonymous respondent and answers. */
import { sql } from 'kysely';
import { PREPARED } from '../db/prepared.js';
import type { Db } from '../db/db.js';

/** An answer as saved: 1–5 or null with `dont_know`. */
export interface AnswerRow {
  target: string;
  item: string;
  value: number | null;
  dont_know: boolean;
}

/**
 * The rows as four array parameters (unnest) rather than 4 × n scalars: one small
 * statement whatever the number of answers, cheap to build and to send.
 */
const unnestAnswers = (answers: AnswerRow[]) =>
  sql`unnest(${answers.map((a) => a.target)}::text[], ${answers.map((a) => a.item)}::text[],
             ${answers.map((a) => a.value)}::smallint[], ${answers.map((a) => a.dont_know)}::boolean[])
      AS rows(t, i, v, d)`;

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

export type AnsweringContext = NonNullable<Awaited<ReturnType<typeof findAnsweringContext>>>;

/**
 * A first save in one statement, for a measurement with a fixed set of groups: claim
 * the invitation, create its respondent and insert the answers, but only while the
 * invitation has no respondent and its measurement is open, fixed and answerable.
 * Returns the answering context as it was before the statement (as
 * `findAnsweringContext`) and whether this statement stored the answers.
 */
export async function saveFirstAnswers(
  db: Db,
  measurementId: string,
  tokenHash: string,
  respondentId: string,
  sealedRef: string,
  answers: AnswerRow[],
): Promise<(AnsweringContext & { stored: boolean }) | undefined> {
  const result = await sql<AnsweringContext & { stored: boolean }>`${PREPARED}
    WITH context AS (
      SELECT invitation.measurement_id, invitation.status AS invitation_status,
             invitation.respondent_ref, measurement.status, measurement.opens_at,
             measurement.closes_at, measurement.choose_groups, measurement.include_leadership
      FROM invitation JOIN measurement ON measurement.id = invitation.measurement_id
      WHERE invitation.token_hash = ${tokenHash}
    ), claimed AS (
      UPDATE invitation SET respondent_ref = ${sealedRef}
      FROM measurement
      WHERE invitation.token_hash = ${tokenHash} AND invitation.measurement_id = ${measurementId}::uuid
        AND invitation.respondent_ref IS NULL AND invitation.status <> 'finished'
        AND measurement.id = invitation.measurement_id AND measurement.status = 'open'
        AND NOT measurement.choose_groups
        AND (measurement.opens_at IS NULL OR measurement.opens_at <= now())
        AND (measurement.closes_at IS NULL OR measurement.closes_at > now())
      RETURNING invitation.measurement_id, invitation.unit_id, invitation.role,
        invitation.profession
    ), ${createRespondentAndAnswers(respondentId, answers)}
    SELECT context.*, EXISTS (SELECT FROM created) AS stored FROM context`.execute(db);
  return result.rows[0];
}

export async function findMeasurementById(db: Db, id: string) {
  return db.selectFrom('measurement').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * `created` (the respondent of the `claimed` invitation row, with the unit, role,
 * profession and arm of the invitation) and, with answers, `saved`: the answers hang off the inserted
 * respondent row, so nothing is stored unless the claim succeeded. The answers'
 * foreign key is checked at the end of the statement, when the respondent exists.
 */
function createRespondentAndAnswers(respondentId: string, answers: AnswerRow[]) {
  const saved =
    answers.length === 0
      ? sql``
      : sql`, saved AS (
      INSERT INTO answer (measurement_id, respondent_id, target, item, value, dont_know)
      SELECT created.measurement_id, created.id, rows.t, rows.i, rows.v, rows.d
      FROM created, ${unnestAnswers(answers)}
    )`;
  return sql`created AS (
      INSERT INTO respondent (id, measurement_id, unit_id, role, profession, arm, source)
      SELECT ${respondentId}::uuid, claimed.measurement_id, claimed.unit_id, claimed.role,
             claimed.profession, coalesce(grp.arm, prof.arm), 'survey'
      FROM claimed
      LEFT JOIN measurement_group grp
        ON grp.measurement_id = claimed.measurement_id AND grp.unit_id = claimed.unit_id
      LEFT JOIN measurement_profession prof
        ON prof.measurement_id = claimed.measurement_id AND prof.profession = claimed.profession
      RETURNING id, measurement_id
    )${saved}`;
}

/**
 * Create the anonymous respondent of an invitation, once, with its first answers: one
 * statement claims the invitation (only while it has no respondent and is not
 * finished), inserts the respondent and inserts the answers. Two racing first saves
 * both reach the invitation's row lock; the second finds it claimed and inserts
 * nothing. Returns false when the invitation was already claimed.
 */
export async function claimRespondent(
  db: Db,
  tokenHash: string,
  respondentId: string,
  sealedRef: string,
  answers: AnswerRow[] = [],
): Promise<boolean> {
  const result = await sql<{ id: string }>`
    WITH claimed AS (
      UPDATE invitation SET respondent_ref = ${sealedRef}
      WHERE token_hash = ${tokenHash} AND respondent_ref IS NULL AND status <> 'finished'
      RETURNING measurement_id, unit_id, role, profession
    ), ${createRespondentAndAnswers(respondentId, answers)}
    SELECT id FROM created`.execute(db);
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

/** Insert or replace one respondent's answers: the last write for an item wins. */
export async function upsertAnswers(
  db: Db,
  measurementId: string,
  respondentId: string,
  answers: AnswerRow[],
) {
  if (answers.length === 0) return;
  await sql`${PREPARED}
    INSERT INTO answer (measurement_id, respondent_id, target, item, value, dont_know)
    SELECT ${measurementId}::uuid, ${respondentId}::uuid, rows.t, rows.i, rows.v, rows.d
    FROM ${unnestAnswers(answers)}
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
