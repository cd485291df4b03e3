/** Users, sessions and login attempts as SQL. Takes `db` or a transaction first. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The logins with an e-mail, at most one per municipality (an e-mail is unique within a
 * municipality only), the most recently used first.
 */
export async function findUsersByEmail(db: Db, email: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .orderBy(sql`last_login_at DESC NULLS LAST`)
    .orderBy('id')
    .execute();
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countRecentFailures(db: Db, email: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('success', '=', false)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordLoginAttempt(db: Db, email: string, success: boolean): Promise<void> {
  await db.insertInto('login_attempt').values({ email: email.toLowerCase(), success }).execute();
}

export async function insertSession(
  db: Db,
  session: { idHash: string; userId: string; municipalityId: string; now: Date },
): Promise<void> {
  await db
    .insertInto('session')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      municipality_id: session.municipalityId,
      created_at: session.now,
      last_seen_at: session.now,
    })
    .execute();
}

/** The session with its user and municipality, or undefined. */
export async function findSession(db: Db, idHash: string) {
  return db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .innerJoin('municipality', 'municipality.id', 'session.municipality_id')
    .select([
      'session.id_hash',
      'session.created_at',
      'session.last_seen_at',
      'app_user.id as user_id',
      'app_user.name',
      'app_user.email',
      'app_user.role',
      'app_user.person_id',
      'app_user.disabled_at',
      'municipality.id as municipality_id',
      'municipality.name as municipality_name',
    ])
    .where('session.id_hash', '=', idHash)
    .executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db
    .updateTable('session')
    .set({ last_seen_at: now })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

export async function markLogin(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable('app_user').set({ last_login_at: now }).where('id', '=', userId).execute();
}

/** End every session of a user except the one given (its id hash). */
export async function deleteOtherSessions(
  db: Db,
  userId: string,
  keepIdHash: string,
): Promise<void> {
  await db
    .deleteFrom('session')
    .where('user_id', '=', userId)
    .where('id_hash', '!=', keepIdHash)
    .execute();
}
